-- Whole-file rejections of files to be read again (run.finish: files the workers could not see). Parameter: paths.
delete from rejected_documents where item = '' and path in (select unnest(?))

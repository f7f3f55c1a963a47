-- Rejections of files this run read again in full that this run did not see again (run.finish: the file was fixed).
-- Parameters: paths, the run's start.
delete from rejected_documents where path in (select unnest(?)) and last_seen < cast(? as timestamp)

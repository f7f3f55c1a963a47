-- The batch's staged documents whose text is stored already under a copy that gives way to them (load.store_batch):
-- of two copies of one text (one doc_id), the one published first is kept, and on the same day the one first by
-- external id, then file, then item. The stored copy's rows are deleted and the staged copy goes in as new, so
-- which copy a database keeps does not depend on the order its batches were stored in (parallel batches finish
-- in any order). The same text with the same date and external id read again by another extractor
-- (documents.extractor_version: a release whose rules changed, read again by `tension run --reread` or because its
-- file changed) replaces the stored one too, whatever file or line it now comes from (a file renamed, a line
-- inserted above it), so its statements are those of the extractor that read it last. The same text at the same file
-- and line read again with other metadata (a corrected --field or --default: its date, outlet, title, address,
-- speaker or id) replaces it as well, whichever date is earlier: the user's correction wins. `why`: 'earlier copy',
-- 'extracted again' or 'read again'.
-- Parameter: the staged documents file.
create or replace temp table replaced_documents as
select doc_id, why
from (
    select p.doc_id,
           case when (p.path, p.item) is not distinct from (d.path, d.item)
                     and (p.published, p.title, p.source, p.url, p.speaker, p.external_id)
                         is distinct from (d.published, d.title, d.source, d.url, d.speaker, d.external_id)
                    then 'read again'
                when (p.published, coalesce(p.external_id, ''), p.path, p.item)
                   < (d.published, coalesce(d.external_id, ''), d.path, d.item) then 'earlier copy'
                when (p.published, coalesce(p.external_id, '')) = (d.published, coalesce(d.external_id, ''))
                     and p.extractor_version is distinct from d.extractor_version then 'extracted again'
           end as why
    from read_parquet(?) as p
    join documents as d using (doc_id)
)
where why is not null

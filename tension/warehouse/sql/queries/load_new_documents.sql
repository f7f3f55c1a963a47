-- The staged documents of a batch that are not stored yet (load.store_batch). Parameter: the documents file.
create or replace temp table new_documents as
select doc_id from read_parquet(?) anti join documents using (doc_id)

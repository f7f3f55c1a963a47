-- Statements of the batch's new documents only. Parameter: the staged statements file.
insert into statements by name
select * from read_parquet(?) where doc_id in (select doc_id from new_documents)

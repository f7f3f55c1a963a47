-- Scores of the statements of the batch's new documents only. Parameter: the staged scores file.
insert into scores by name
select * from read_parquet(?) where split_part(statement_id, ':', 1) in (select doc_id from new_documents)

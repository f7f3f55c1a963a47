-- What clustering needs of the batch's new documents (dedup.cluster). Parameter: the staged documents file.
select doc_id, published, body, lsh_bands, shingles from read_parquet(?) semi join new_documents using (doc_id)

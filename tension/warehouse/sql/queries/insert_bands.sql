-- One row per band key of each document in the registered table tension_new_bands (dedup._insert_bands).
insert into document_bands (band_key, doc_id, published)
select unnest(lsh_bands), doc_id, published from tension_new_bands

-- The batch's new documents with their clusters (registered table tension_assignments: doc_id, cluster_id); the
-- signature columns are for document_bands, not the documents table. Parameter: the staged documents file.
insert into documents by name
select p.* exclude (lsh_bands, shingles), a.cluster_id
from read_parquet(?) as p join tension_assignments as a using (doc_id)

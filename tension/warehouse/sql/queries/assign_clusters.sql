-- Set the cluster of stored documents (dedup.assign_clusters). Parameters: doc_ids, their cluster_ids (lists).
update documents set cluster_id = a.cluster_id
from (select unnest(?) as doc_id, unnest(?) as cluster_id) as a
where documents.doc_id = a.doc_id

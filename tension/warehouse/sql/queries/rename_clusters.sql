-- Stored clusters a new document merged under another name (dedup._apply_renames), in one scan of documents.
-- Parameters: new names, old names (lists).
update documents set cluster_id = r.new_name
from (select unnest(?) as new_name, unnest(?) as old_name) as r
where documents.cluster_id = r.old_name

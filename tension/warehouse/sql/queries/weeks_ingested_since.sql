-- ISO weeks of documents stored since a time (store.weeks_ingested_since), with the weeks either side: near-
-- duplicates of a new document may be published up to three days apart; and the weeks their statements are dated
-- into (statements.occurred: a late report of an earlier week's act), its cluster's included. Parameter: the time.
select distinct strftime(published + cast(d as integer) * 7, '%G-W%V')
from documents, (values (-1), (0), (1)) offsets(d)
where ingested_at >= $1
union
-- every member of a new document's cluster: a new representative drops the old one's dated statements
select distinct strftime(s.occurred, '%G-W%V')
from statements as s
join documents as dd on dd.doc_id = s.doc_id
where s.occurred is not null and coalesce(dd.cluster_id, dd.doc_id) in (
    select coalesce(cluster_id, doc_id) from documents where ingested_at >= $1)

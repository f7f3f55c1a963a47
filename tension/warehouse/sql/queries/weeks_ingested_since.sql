-- ISO weeks of documents stored since a time (store.weeks_ingested_since), with the weeks either side: near-
-- duplicates of a new document may be published up to three days apart. Parameter: the time.
select distinct strftime(published + cast(d as integer) * 7, '%G-W%V')
from documents, (values (-1), (0), (1)) offsets(d)
where ingested_at >= ?

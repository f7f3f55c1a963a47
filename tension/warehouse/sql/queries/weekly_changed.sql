-- Weeks whose sums may have changed since the last refresh: documents or clusters changed (fingerprint differs
-- from the one stored then; a week's fingerprint covers the documents with a statement dated into it), or
-- statements scored since then ($scored_upto), in the week they count in (coalesce(occurred, published)).
select coalesce(now.week_start, was.week_start) as week_start
from weekly_fingerprints_now as now
full join weekly_refresh_weeks as was on was.week_start = now.week_start
where now.fingerprint is distinct from was.fingerprint or now.n_documents is distinct from was.n_documents

union

select cast(date_trunc('week', coalesce(s.occurred, d.published)) as date) as week_start
from scores as sc
join statements as s on s.statement_id = sc.statement_id
join documents as d on d.doc_id = s.doc_id
where sc.scored_at > $scored_upto

-- Per ISO week, a fingerprint of the documents that count in it and of the near-duplicate clusters they belong
-- to. Only a cluster's representative counts (statement_scores), and a new member can become it: so a cluster
-- that gains a member changes the fingerprint of every week it has documents in, and refresh recomputes them.
-- A document counts in its publication week and in every other week one of its statements is dated into
-- (statements.occurred, issue 15): a Monday report of Sunday's launch changes the week before too.
with clusters as (
    select coalesce(cluster_id, doc_id) as cluster_key, count(*) as cluster_size
    from documents
    group by all
),

dated_elsewhere as (
    select distinct s.doc_id, cast(date_trunc('week', s.occurred) as date) as week_start
    from statements as s
    join documents as d on d.doc_id = s.doc_id
    where s.occurred is not null and date_trunc('week', s.occurred) <> date_trunc('week', d.published)
),

document_weeks as (
    select doc_id, cast(date_trunc('week', published) as date) as week_start from documents
    union all
    select doc_id, week_start from dated_elsewhere
),

final as (
    select
        w.week_start,
        count(*) as n_documents,
        bit_xor(hash(d.doc_id, c.cluster_key, c.cluster_size, d.n_statements)) as fingerprint
    from document_weeks as w
    join documents as d on d.doc_id = w.doc_id
    join clusters as c on c.cluster_key = coalesce(d.cluster_id, d.doc_id)
    group by all
)

select * from final

-- Per ISO week, a fingerprint of the documents published in it and of the near-duplicate clusters they belong
-- to. Only a cluster's representative counts (statement_scores), and a new member can become it: so a cluster
-- that gains a member changes the fingerprint of every week it has documents in, and refresh recomputes them.
with clusters as (
    select coalesce(cluster_id, doc_id) as cluster_key, count(*) as cluster_size
    from documents
    group by all
),

final as (
    select
        cast(date_trunc('week', d.published) as date) as week_start,
        count(*) as n_documents,
        bit_xor(hash(d.doc_id, c.cluster_key, c.cluster_size, d.n_statements)) as fingerprint
    from documents as d
    join clusters as c on c.cluster_key = coalesce(d.cluster_id, d.doc_id)
    group by all
)

select * from final

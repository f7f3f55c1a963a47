-- The index over a whole period per pair, by the weekly formula with the period as its one "week": each document's
-- state-voice statements of the weeks $1 .. $2 averaged (a document counts once, whichever of the weeks its
-- statements fall in: "on Sunday" in a Monday item puts one of them in the week before), the document means summed
-- and divided by (documents + prior_documents). With the documents and statements it is computed from, which the
-- period report prints beside it (a sum of the weekly n_documents would count a document once per week it touches).
with chosen as (
    select pair_id, doc_id, hostility
    from pair_statements
    where in_index and week_start between $1 and $2  -- as index_sums
),

by_document as (
    select pair_id, doc_id, avg(hostility) as doc_mean, count(*) as n_statements
    from chosen
    group by pair_id, doc_id
),

final as (
    select
        b.pair_id,
        sum(b.doc_mean) / (count(*) + any_value(k.prior_documents)) as index_value,
        count(*) as n_documents,
        cast(sum(b.n_statements) as bigint) as n_statements
    from by_document as b
    cross join weekly_parameters as k
    group by b.pair_id
)

select * from final

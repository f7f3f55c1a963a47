-- One row per statement x pair it bears on, with its weight in that pair-week's index: the contributions of a
-- week's statements add up to its index_value, so the largest ones are the statements that moved it. A headline
-- row its lead repeats (repeats_lead) is not here: the index counts the lead's row.
with per_document as (
    select pair_id, week_start, doc_id, count(*) as statements_in_document
    from pair_statements
    where in_index
    group by pair_id, week_start, doc_id
),

per_week as (
    select pair_id, week_start, count(*) as documents_in_week
    from per_document
    group by pair_id, week_start
),

final as (
    select
        s.*,
        d.statements_in_document,
        w.documents_in_week,
        1.0 / (d.statements_in_document * (w.documents_in_week + k.prior_documents)) as weight,
        s.hostility / (d.statements_in_document * (w.documents_in_week + k.prior_documents)) as contribution
    from pair_statements as s
    join per_document as d on d.pair_id = s.pair_id and d.week_start = s.week_start and d.doc_id = s.doc_id
    join per_week as w on w.pair_id = s.pair_id and w.week_start = s.week_start
    cross join weekly_parameters as k
    where s.in_index
)

select * from final

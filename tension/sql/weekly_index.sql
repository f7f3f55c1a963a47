-- Per pair and ISO week (Monday start): the tension index, its 95% interval and its directed halves.
-- Every week from the first to the last week of data is a row; a week without statements has n = 0 and
-- NULL values, never zero. See METHODOLOGY.md for the formula.
with doc_means as (
    -- Statements of one document are not independent: the document is the unit.
    select pair_id, week_start, doc_id, avg(hostility) as doc_mean, count(*) as n
    from pair_statements
    group by pair_id, week_start, doc_id
),

weekly as (
    select
        pair_id,
        week_start,
        count(*) as n_documents,
        sum(n) as n_statements,
        sum(doc_mean) as sum_doc_means,
        avg(doc_mean) as mean_doc_means,
        stddev_samp(doc_mean) as sd_doc_means
    from doc_means
    group by pair_id, week_start
),

directed as (
    select
        pair_id,
        week_start,
        avg(hostility) filter (where half = 'a_to_b') as hostility_a_to_b,
        count(*) filter (where half = 'a_to_b') as n_a_to_b,
        avg(hostility) filter (where half = 'b_to_a') as hostility_b_to_a,
        count(*) filter (where half = 'b_to_a') as n_b_to_a
    from pair_statements
    group by pair_id, week_start
),

span as (
    select
        cast(date_trunc('week', min(published)) as date) as first_week,
        cast(date_trunc('week', max(published)) as date) as last_week
    from documents
),

weeks as (
    select p.pair_id, p.name as pair_name, p.country_a, p.country_b, cast(w.week_start as date) as week_start
    from pairs as p
    cross join span
    cross join unnest(generate_series(span.first_week, span.last_week, interval 7 day)) as w(week_start)
),

final as (
    select
        w.pair_id,
        w.pair_name,
        w.week_start,
        strftime(w.week_start, '%G-W%V') as iso_week,
        coalesce(k.n_statements, 0) as n_statements,
        coalesce(k.n_documents, 0) as n_documents,
        -- Shrunk toward 0 (neutral) with the weight of one document, so one stray statement cannot
        -- swing a quiet week to an extreme.
        case when k.n_documents > 0 then k.sum_doc_means / (k.n_documents + 1) end as index_value,
        k.mean_doc_means as raw_mean,
        case when k.n_documents >= 2 then greatest(-1, k.sum_doc_means / (k.n_documents + 1)
            - 1.96 * k.sd_doc_means / sqrt(k.n_documents)) end as ci_low,
        case when k.n_documents >= 2 then least(1, k.sum_doc_means / (k.n_documents + 1)
            + 1.96 * k.sd_doc_means / sqrt(k.n_documents)) end as ci_high,
        w.country_a || '→' || w.country_b as direction_a_to_b,
        d.hostility_a_to_b,
        coalesce(d.n_a_to_b, 0) as n_a_to_b,
        w.country_b || '→' || w.country_a as direction_b_to_a,
        d.hostility_b_to_a,
        coalesce(d.n_b_to_a, 0) as n_b_to_a
    from weeks as w
    left join weekly as k using (pair_id, week_start)
    left join directed as d using (pair_id, week_start)
)

select * from final order by pair_id, week_start

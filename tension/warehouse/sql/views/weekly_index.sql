-- Per pair and ISO week (Monday start): the tension index on the scale -1 (cooperative) .. +1 (hostile) with its
-- 95% interval, directed halves, change, trend and a flag for weeks that depart from the pair's recent baseline.
-- Every week from the first to the last week of data is a row; a week without statements has n = 0 and NULL
-- values, never zero. Constants: weekly_parameters. Formulas and reasons: METHODOLOGY.md, section 3.
with span as (
    select
        cast(date_trunc('week', min(published)) as date) as first_week,
        cast(date_trunc('week', max(published)) as date) as last_week
    from documents
),

grid as (
    select p.pair_id, p.name as pair_name, p.country_a, p.country_b, cast(w.week_start as date) as week_start
    from pairs as p
    cross join span
    cross join unnest(generate_series(span.first_week, span.last_week, interval 7 day)) as w(week_start)
),

cells as (
    select
        g.pair_id, g.pair_name, g.country_a, g.country_b, g.week_start,
        coalesce(s.n_statements, 0) as n_statements,
        coalesce(s.n_documents, 0) as n_documents,
        s.sum_doc_means,
        coalesce(s.ss_doc_means, 0) as ss_doc_means,
        coalesce(s.n_a_to_b, 0) as n_a_to_b,
        coalesce(s.n_documents_a_to_b, 0) as n_documents_a_to_b,
        s.sum_doc_means_a_to_b,
        coalesce(s.n_b_to_a, 0) as n_b_to_a,
        coalesce(s.n_documents_b_to_a, 0) as n_documents_b_to_a,
        s.sum_doc_means_b_to_a,
        s.most_hostile_statement_id,
        s.most_cooperative_statement_id,
        k.*
    from grid as g
    cross join weekly_parameters as k
    left join weekly_sums as s on s.pair_id = g.pair_id and s.week_start = g.week_start
),

windowed as (
    select
        *,
        -- Spread of document means pooled over this week and the weeks before it (sums of squares, degrees
        -- of freedom), with the prior spread counted as prior_sd_weight documents.
        (sum(ss_doc_means) over pool + prior_sd_weight * prior_sd * prior_sd)
            / (sum(greatest(n_documents - 1, 0)) over pool + prior_sd_weight) as pool_variance,
        sum(coalesce(sum_doc_means, 0)) over recent as trend_sum,
        sum(n_documents) over recent as trend_documents
    from cells
    window
        pool as (partition by pair_id order by week_start rows between pool_weeks - 1 preceding and current row),
        recent as (partition by pair_id order by week_start rows between trend_weeks - 1 preceding and current row)
),

estimates as (
    select
        *,
        case when n_documents > 0 then sum_doc_means / (n_documents + prior_documents) end as index_value,
        case when n_documents > 0 then sum_doc_means / n_documents end as raw_mean,
        -- The week's own spread, shrunk toward the pooled spread: one or two documents say little about it.
        case when n_documents > 0 then sqrt(
            (ss_doc_means + prior_sd_weight * pool_variance) / (n_documents - 1 + prior_sd_weight)
            / (n_documents + prior_documents)) end as index_se,
        case when n_documents_a_to_b > 0
            then sum_doc_means_a_to_b / (n_documents_a_to_b + prior_documents) end as hostility_a_to_b,
        case when n_documents_b_to_a > 0
            then sum_doc_means_b_to_a / (n_documents_b_to_a + prior_documents) end as hostility_b_to_a,
        -- Like every value, the trend is NULL in a week without statements (no line drawn through nothing).
        case when n_documents > 0 then trend_sum / (trend_documents + prior_documents) end as trend,
        case when n_documents > 0 then sqrt(pool_variance / (trend_documents + prior_documents)) end as trend_se
    from windowed
),

compared as (
    select
        *,
        index_value - lag(index_value) over by_week as change,
        (trend - lag(trend, trend_weeks) over by_week)
            / sqrt(trend_se * trend_se + lag(trend_se, trend_weeks) over by_week ** 2) as trend_z,
        avg(index_value) over baseline_window as baseline,
        stddev_samp(index_value) over baseline_window as baseline_sd,
        count(index_value) over baseline_window as baseline_n
    from estimates
    window
        by_week as (partition by pair_id order by week_start),
        baseline_window as (partition by pair_id order by week_start
                            rows between baseline_weeks preceding and 1 preceding)
),

final as (
    select
        pair_id,
        pair_name,
        week_start,
        strftime(week_start, '%G-W%V') as iso_week,
        n_statements,
        n_documents,
        index_value,
        raw_mean,
        -- greatest/least ignore NULLs: an empty week must stay NULL, not become -1/+1.
        case when index_value is not null then greatest(-1, index_value - z95 * index_se) end as ci_low,
        case when index_value is not null then least(1, index_value + z95 * index_se) end as ci_high,
        country_a || '→' || country_b as direction_a_to_b,
        hostility_a_to_b,
        n_a_to_b,
        country_b || '→' || country_a as direction_b_to_a,
        hostility_b_to_a,
        n_b_to_a,
        index_se,
        change,
        trend,
        case
            when trend_z >= z95 then 'rising'
            when trend_z <= -z95 then 'falling'
            when trend_z is not null then 'steady'
        end as trend_direction,
        case when index_value is not null then baseline end as baseline,
        case when index_value is not null and baseline_n >= baseline_min_weeks
            then (index_value - baseline) / sqrt(coalesce(baseline_sd, 0) ** 2 + index_se * index_se)
        end as departure_z,
        case when index_value is not null and baseline_n >= baseline_min_weeks
            then n_documents >= flag_min_documents
                and abs(index_value - baseline) / sqrt(coalesce(baseline_sd, 0) ** 2 + index_se * index_se) >= flag_z
        end as flagged,
        n_documents_a_to_b,
        n_documents_b_to_a,
        most_hostile_statement_id,
        most_cooperative_statement_id
    from compared
)

select * from final order by pair_id, week_start

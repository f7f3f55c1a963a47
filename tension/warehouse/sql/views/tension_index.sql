-- The tension index of every configured pair at any grain and under any filter on statements: one definition.
-- weekly_index is tension_index('week'). Per pair and period: the index on the scale -1 (cooperative) .. +1
-- (hostile) with its 95% interval, directed halves, change, trend, a flag for periods that depart from the pair's
-- recent baseline, the intensity of hostile activity per 100 documents read, and the coverage behind it. Every
-- period from the first to the last period of the data is a row; a period without statements has n = 0 and NULL
-- values, never zero. Constants: index_parameters. Formulas and reasons: METHODOLOGY.md, section 3.
--   select * from tension_index('month', voices := 'state', pair := 'PRK-KOR')
--   select * from tension_index('quarter', outlet := 'Yonhap%', direction := 'PRK->KOR')
-- Filters (NULL = none): voices 'state' (default) or 'all'; speaker_kind, outlet and speaker are ILIKE patterns
-- (speaker matches the resolved actor or the words used); direction 'PRK→KOR' or 'PRK->KOR'; pair a pair_id (one
-- no longer configured is an error naming the run that dropped it: index_pair_fault).
create or replace macro tension_index(grain, voices := 'state', speaker_kind := null, outlet := null,
                                      direction := null, speaker := null, pair := null) as table
-- RECURSIVE: intensity's baseline leaves out the periods already flagged, which needs the flags of the periods before
-- (the walk below); the other CTEs are plain.
with recursive params as (
    -- Arguments are checked here (the grain by index_grain, where dates are truncated): a typo must be an error
    -- naming what is allowed, not an empty or NULL result.
    select ip.* exclude (grain) from index_parameters as ip
    where (case
        when voices is null or voices not in ('state', 'all')
            then error('tension_index: voices must be ''state'' or ''all'', not ''' || coalesce(voices, 'NULL') || '''')
        when pair is not null and pair not in (select pair_id from pairs)
            then error(index_pair_fault(pair))
        when direction is not null and replace(direction, '->', '→') not in (
                select country_a || '→' || country_b from pairs union all select country_b || '→' || country_a from pairs)
            then error('tension_index: no direction ''' || direction || '''; the directions are '
                       || (select string_agg('''' || d || '''', ', ' order by d) from (
                               select country_a || '->' || country_b as d from pairs
                               union all select country_b || '->' || country_a from pairs)))
        -- A pattern that matches no stored statement is a typo far more often than a question: say so, with what
        -- there is, instead of a grid of zeros that reads as calm. (Columns are qualified: inside the macro a bare
        -- speaker_kind or outlet is the argument, not the column.)
        when speaker_kind is not null
             and not exists (select 1 from statements as st where st.speaker_kind ilike speaker_kind)
            then error('tension_index: no statement has a speaker_kind like ''' || speaker_kind
                       || '''; the kinds stored are '
                       || coalesce((select string_agg('''' || k || '''', ', ' order by k) from (
                               select distinct st.speaker_kind as k from statements as st
                               where st.speaker_kind is not null)),
                               'none'))
        when outlet is not null and not exists (select 1 from outlets as o where o.outlet ilike outlet)
            then error('tension_index: no document comes from an outlet like ''' || outlet || '''; outlets: '
                       || coalesce((select string_agg('''' || o || '''', ', ' order by o) from (
                               select distinct ol.outlet as o from outlets as ol where ol.outlet is not null
                               order by 1 limit 30)),
                               'none')
                       || ' (all of them: select outlet, count(*) from outlets group by 1)')
        when speaker is not null and not exists (
                select 1 from statements as st where st.speaker_actor ilike speaker or st.speaker ilike speaker)
            then error('tension_index: no statement has a speaker like ''' || speaker
                       || ''' (speaker_actor or speaker; put % around a name: ''%Kim Yo Jong%'')')
        else true end)
        and ip.grain = grain
),

coverage as (
    -- Weekly coverage of all outlets comes from weekly_coverage (kept in a table by tension.warehouse.aggregate.refresh).
    select * from weekly_coverage where grain = 'week' and outlet is null
    union all by name
    select * from period_coverage(grain, outlet := outlet) where not (grain = 'week' and outlet is null)
),

grid as (
    select p.pair_id, p.name as pair_name, p.country_a, p.country_b, c.*
    from pairs as p
    cross join coverage as c
    -- a pair that does not exist is an error here too (as in params): when no grid row is left, the plan may never
    -- read params (seen when pair_statements gained its headline join, branch dedup14)
    where (pair is null or p.pair_id = pair
           or (pair not in (select pair_id from pairs)
               and error(index_pair_fault(pair))))
        -- a direction names its pair: the other pairs are no rows (not rows of zeros)
        and (direction is null or replace(direction, '->', '→') in (p.country_a || '→' || p.country_b,
                                                                     p.country_b || '→' || p.country_a))
),

sums as (
    -- Without a filter, the weekly sums come from weekly_sums, which tension.warehouse.aggregate.refresh keeps in a
    -- table; any other grain or filter computes them from the statements (the same macro either way).
    select * rename (week_start as period_start) from weekly_sums
    where grain = 'week' and voices = 'state' and speaker_kind is null and outlet is null and direction is null
        and speaker is null
    union all by name
    select * from index_sums(grain, voices := voices, speaker_kind := speaker_kind, outlet := outlet,
                             direction := direction, speaker := speaker)
    where not (grain = 'week' and voices = 'state' and speaker_kind is null and outlet is null
               and direction is null and speaker is null)
),

cells as (
    select
        g.pair_id, g.pair_name, g.country_a, g.country_b, g.period_start,
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
        coalesce(s.n_state_statements, 0) as n_state_statements,
        coalesce(s.n_hostile, 0) as n_hostile,
        coalesce(s.hostile_sum, 0) as hostile_sum,
        g.coverage_documents, g.stored_documents, g.outlets, g.days_covered, g.days_in_period, g.partial,
        g.feed_gap,
        k.*
    from grid as g
    cross join params as k
    left join sums as s on s.pair_id = g.pair_id and s.period_start = g.period_start
),

windowed as (
    select
        *,
        -- Spread of document means pooled over this period and the ones before it (sums of squares, degrees
        -- of freedom), with the prior spread counted as prior_sd_weight documents.
        (sum(ss_doc_means) over pool + prior_sd_weight * prior_sd * prior_sd)
            / (sum(greatest(n_documents - 1, 0)) over pool + prior_sd_weight) as pool_variance,
        sum(coalesce(sum_doc_means, 0)) over recent as trend_sum,
        -- Documents read in a typical period of the pool window (a year): intensity's denominator. Gaps and partial
        -- periods (the data starts or ends inside them: a corpus's first and last week) are left out, since both
        -- would lower it; partial ones count only while the pool has no whole period (the first week of the data).
        coalesce(avg(case when not partial then nullif(coverage_documents, 0) end) over pool,
                 avg(nullif(coverage_documents, 0)) over pool) as typical_coverage,
        sum(n_documents) over recent as trend_documents
    from cells
    window
        pool as (partition by pair_id order by period_start
                 rows between pool_periods - 1 preceding and current row),
        recent as (partition by pair_id order by period_start
                   rows between trend_periods - 1 preceding and current row)
),

estimates as (
    select
        *,
        case when n_documents > 0 then sum_doc_means / (n_documents + prior_documents) end as index_value,
        case when n_documents > 0 then sum_doc_means / n_documents end as raw_mean,
        -- The period's own spread, shrunk toward the pooled spread: one or two documents say little about it.
        case when n_documents > 0 then sqrt(
            (ss_doc_means + prior_sd_weight * pool_variance) / (n_documents - 1 + prior_sd_weight)
            / (n_documents + prior_documents)) end as index_se,
        case when n_documents_a_to_b > 0
            then sum_doc_means_a_to_b / (n_documents_a_to_b + prior_documents) end as hostility_a_to_b,
        case when n_documents_b_to_a > 0
            then sum_doc_means_b_to_a / (n_documents_b_to_a + prior_documents) end as hostility_b_to_a,
        -- Like every value, the trend is NULL in a period without statements (no line drawn through nothing).
        case when n_documents > 0 then trend_sum / (trend_documents + prior_documents) end as trend,
        case when n_documents > 0 then sqrt(pool_variance / (trend_documents + prior_documents)) end as trend_se,
        -- Too few state voices for the value to speak for the state, or all of them in one document (an anecdote).
        n_statements > 0 and (n_state_statements < min_state_statements or n_documents < min_state_documents) as thin,
        -- Intensity: hostility-weighted hostile statements per 100 documents of typical coverage (the mean of the
        -- pool window), so that a feed that grows or shrinks over months does not move it, while the surge of
        -- news in an event week still does (per 100 documents of the week itself cancels it: METHODOLOGY.md).
        -- 0 is a period read without a hostile statement; NULL is a period with nothing read (a gap).
        case when coverage_documents > 0 then 100.0 * hostile_sum / typical_coverage end as intensity,
        -- Read, but under low_coverage_share of a typical period: a feed that nearly stopped, not a calm period.
        coverage_documents > 0 and coverage_documents < low_coverage_share * typical_coverage as low_coverage
    from windowed
),

scaled as (
    select
        *,
        -- Intensity's baseline and departure are worked on the square root, which makes a count's noise about
        -- the same at any level (a Poisson count's square root varies by about 1/2 whatever its mean); partial
        -- periods (one day of a week) neither form a baseline nor get a departure. A period of low coverage gets a
        -- departure (a surge in little reading is still a surge) but forms no baseline: its low value is no calm.
        case when not partial then sqrt(intensity) end as intensity_root,
        case when not partial and not low_coverage then sqrt(intensity) end as intensity_base_root,
        row_number() over (partition by pair_id order by period_start) as step
    from estimates
),

walk as (
    -- Intensity's departure and flag, period by period: a period already flagged forms no baseline for the ones
    -- after it, so a surge does not hide the next one (RSS 2022: 2 October's IRBM week sat in the baseline of
    -- 2 November's barrage). The baseline is the last baseline_periods periods, as lists that carry a flagged or
    -- unread period as NULL: the roots, and the hostile sum and count for the mean hostile weight. The departure:
    -- this period's root against the baseline's mean root, in hostile-statement units (c = typical_coverage / 100,
    -- so c x intensity is the period's hostility-weighted count of hostile statements), over the spread a new
    -- period has around that mean — the baseline's variance of roots (their noise and their week-to-week swings),
    -- at least the count's own noise (count_sqrt_variance x mean weight), times 1 + 1/n for the baseline's own
    -- uncertainty. Docs: docs/evaluation-index.md (third round), METHODOLOGY.md section 3.
    select
        pair_id, step, intensity_base_root, hostile_sum, n_hostile,
        []::double[] as base_roots, []::double[] as base_hostile_sums, []::double[] as base_n_hostile,
        null::double as intensity_departure_z, null::boolean as intensity_flagged
    from scaled
    where step = 1
    union all
    select
        pair_id, step, intensity_base_root, hostile_sum, n_hostile, base_roots, base_hostile_sums, base_n_hostile,
        intensity_departure_z,
        case when intensity_departure_z is not null
            then n_documents >= flag_min_documents and intensity_departure_z >= flag_z end as intensity_flagged
    from (
        select
            *,
            case when intensity_root is not null and list_aggregate(base_roots, 'count') >= baseline_min_periods
                then sqrt(typical_coverage / 100) * (intensity_root - list_aggregate(base_roots, 'avg'))
                    / sqrt(greatest(typical_coverage / 100 * coalesce(list_aggregate(base_roots, 'var_samp'), 0),
                                    count_sqrt_variance * coalesce(list_sum(base_hostile_sums)
                                                                   / nullif(list_sum(base_n_hostile), 0), 1))
                           * (1 + 1 / list_aggregate(base_roots, 'count')))
            end as intensity_departure_z
        from (
            select
                s.*,
                list_slice(list_append(w.base_roots, case when not coalesce(w.intensity_flagged, false)
                    then w.intensity_base_root end), -s.baseline_periods, -1) as base_roots,
                list_slice(list_append(w.base_hostile_sums, case when not coalesce(w.intensity_flagged, false)
                    and w.intensity_base_root is not null then w.hostile_sum end), -s.baseline_periods, -1)
                    as base_hostile_sums,
                list_slice(list_append(w.base_n_hostile, case when not coalesce(w.intensity_flagged, false)
                    and w.intensity_base_root is not null then cast(w.n_hostile as double) end),
                    -s.baseline_periods, -1) as base_n_hostile
            from walk as w
            join scaled as s on s.pair_id = w.pair_id and s.step = w.step + 1
        )
    )
),

compared as (
    select
        *,
        -- No change against a period the data only partly covers: one day of data is not "the week before".
        case when not lag(partial) over by_period
            then index_value - lag(index_value) over by_period end as change,
        (trend - lag(trend, trend_periods) over by_period)
            / sqrt(trend_se * trend_se + lag(trend_se, trend_periods) over by_period ** 2) as trend_z,
        avg(index_value) over baseline_window as baseline,
        stddev_samp(index_value) over baseline_window as baseline_sd,
        count(index_value) over baseline_window as baseline_n
    from scaled
    window
        by_period as (partition by pair_id order by period_start),
        baseline_window as (partition by pair_id order by period_start
                            rows between baseline_periods preceding and 1 preceding)
),

departures as (
    select c.*, w.intensity_departure_z, w.intensity_flagged,
        list_aggregate(w.base_roots, 'avg') as intensity_root_mean,
        list_aggregate(w.base_roots, 'count') as intensity_root_n
    from compared as c
    join walk as w on w.pair_id = c.pair_id and w.step = c.step
),

final as (
    select
        pair_id,
        pair_name,
        period_start,
        case grain
            when 'week' then strftime(period_start, '%G-W%V')
            when 'month' then strftime(period_start, '%Y-%m')
            when 'quarter' then strftime(period_start, '%Y') || '-Q' || quarter(period_start)
            else strftime(period_start, '%Y')
        end as period,
        n_statements,
        n_documents,
        index_value,
        raw_mean,
        -- greatest/least ignore NULLs: an empty period must stay NULL, not become -1/+1.
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
        case when index_value is not null and baseline_n >= baseline_min_periods
            then (index_value - baseline) / sqrt(coalesce(baseline_sd, 0) ** 2 + index_se * index_se)
        end as departure_z,
        case when index_value is not null and baseline_n >= baseline_min_periods
            then n_documents >= flag_min_documents
                and abs(index_value - baseline) / sqrt(coalesce(baseline_sd, 0) ** 2 + index_se * index_se) >= flag_z
        end as flagged,
        n_documents_a_to_b,
        n_documents_b_to_a,
        most_hostile_statement_id,
        most_cooperative_statement_id,
        n_state_statements,
        thin,
        intensity,
        -- The typical intensity of the baseline periods with coverage, not flagged: the square of the mean of their
        -- square roots, so one surge period does not make the next ones look calm.
        case when intensity is not null then intensity_root_mean * intensity_root_mean end as intensity_baseline,
        -- how many of the baseline_periods before it the usual level rests on (the others unread, partial, low in
        -- coverage or flagged): a report says so when it is few
        case when intensity is not null then intensity_root_n end as intensity_baseline_periods,
        intensity_departure_z,
        intensity_flagged,
        n_hostile,
        hostile_sum,
        coverage_documents,
        typical_coverage,
        stored_documents,
        outlets,
        days_covered,
        days_in_period,
        partial,
        low_coverage,
        feed_gap
    from departures
)

select * from final order by pair_id, period_start

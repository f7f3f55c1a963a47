-- Per outlet, over the weeks $1 .. $2 (Mondays): what was read from it (documents counted, weeks and days with at
-- least one document) and, per pair, its state-voice statements and its part of the pair's intensity: the mean over
-- the weeks read of 100 x its hostile sum / the week's typical coverage, so the outlets' parts add up to the mean
-- weekly intensity (for one week: to the week's intensity).
with read as (
    select
        outlet,
        sum(counted_documents) as documents,
        count(*) filter (where counted_documents > 0) as weeks_read,
        count(*) as weeks,
        sum(days_covered) as days_read
    from coverage
    where week_start between $1 and $2
    group by outlet
),

weeks_read as (
    select pair_id, count(*) filter (where not feed_gap) as n
    from weekly_index
    where week_start between $1 and $2
    group by pair_id
),

said as (
    select
        ps.outlet,
        ps.pair_id,
        ps.week_start,
        count(*) as statements,
        sum(greatest(ps.hostility, 0)) as hostile_sum
    from pair_statements as ps
    where ps.in_index and ps.week_start between $1 and $2  -- as index_sums
    group by all
),

per_pair as (
    select
        s.outlet,
        s.pair_id,
        sum(s.statements) as statements,
        sum(100 * s.hostile_sum / w.typical_coverage) / any_value(r.n) as intensity
    from said as s
    join weekly_index as w on w.pair_id = s.pair_id and w.week_start = s.week_start
    join weeks_read as r on r.pair_id = s.pair_id
    group by all
)

select r.outlet, r.documents, r.weeks_read, r.weeks, r.days_read, p.pair_id, p.statements, p.intensity
from read as r
left join per_pair as p using (outlet)
order by r.outlet, p.pair_id

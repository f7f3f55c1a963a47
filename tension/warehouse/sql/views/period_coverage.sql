-- Per period (grain as in index_sums) from the first to the last period of the data: how much was read. Every
-- document counts, whatever it says (a week of news without a word on a pair is coverage, a week without
-- documents is a gap). outlet (ILIKE pattern): only that outlet's documents, and its own first and last day.
create or replace macro period_coverage(grain, outlet := null) as table
with docs as (
    -- The outlets view (regular expressions over every URL) is read only when an outlet is asked for.
    select d.doc_id, d.published, d.cluster_id, d.source
    from documents as d
    where outlet is null or d.doc_id in (select o.doc_id from outlets as o where o.outlet ilike outlet)
),

span as (
    select min(published) as first_day, max(published) as last_day from docs
),

grid as (
    select cast(g.period_start as date) as period_start
    from span
    cross join unnest(generate_series(
        cast(date_trunc(index_grain(grain), span.first_day) as timestamp), cast(date_trunc(index_grain(grain), span.last_day) as timestamp),
        case grain when 'week' then interval 7 day when 'month' then interval 1 month
                   when 'quarter' then interval 3 month when 'year' then interval 1 year end)) as g(period_start)
),

dedup_setting as (
    select coalesce(max(value), 'on') as dedup from settings where key = 'dedup'
),

counted as (
    select
        cast(date_trunc(index_grain(grain), docs.published) as date) as period_start,
        count(*) as stored_documents,
        -- As statement_scores counts them: one representative per near-duplicate cluster and ISO week.
        case when any_value(ds.dedup) = 'off' then count(*)
             else count(distinct hash(coalesce(docs.cluster_id, docs.doc_id), date_trunc('week', docs.published)))
        end as coverage_documents,
        count(distinct coalesce(docs.source, '')) as outlets,
        count(distinct docs.published) as days_covered
    from docs
    cross join dedup_setting as ds
    group by 1
),

final as (
    select
        g.period_start,
        coalesce(c.coverage_documents, 0) as coverage_documents,
        coalesce(c.stored_documents, 0) as stored_documents,
        coalesce(c.outlets, 0) as outlets,
        coalesce(c.days_covered, 0) as days_covered,
        cast(cast(g.period_start as date) + case grain when 'week' then interval 7 day
            when 'month' then interval 1 month when 'quarter' then interval 3 month when 'year' then interval 1 year
            end as date) - g.period_start as days_in_period,
        -- The data starts or ends inside the period: part of it was never read.
        g.period_start < span.first_day or cast(cast(g.period_start as date) + case grain
            when 'week' then interval 7 day when 'month' then interval 1 month when 'quarter' then interval 3 month
            when 'year' then interval 1 year end as date) - 1 > span.last_day as partial,
        coalesce(c.stored_documents, 0) = 0 as feed_gap
    from grid as g
    cross join span
    left join counted as c using (period_start)
)

select * from final

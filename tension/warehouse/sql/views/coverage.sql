-- What was read, per ISO week and outlet, on a grid of every week of the data x every outlet: documents stored
-- (near-duplicates included), documents counted (one per near-duplicate cluster and week) and days with at least
-- one document. A week with 0 documents from an outlet is a gap in that feed, not a quiet week.
with docs as (
    select
        d.doc_id,
        d.published,
        coalesce(d.cluster_id, d.doc_id) as cluster_key,
        cast(date_trunc('week', d.published) as date) as week_start,
        o.outlet
    from documents as d
    join outlets as o using (doc_id)
),

span as (
    select min(published) as first_day, max(published) as last_day from docs
),

weeks as (
    select cast(w.week_start as date) as week_start
    from span
    cross join unnest(generate_series(cast(date_trunc('week', span.first_day) as timestamp),
                                      cast(date_trunc('week', span.last_day) as timestamp),
                                      interval 7 day)) as w(week_start)
),

per_outlet as (
    select
        week_start,
        outlet,
        count(*) as stored_documents,
        count(distinct cluster_key) as counted_documents,
        count(distinct published) as days_covered,
        min(published) as first_day,
        max(published) as last_day
    from docs
    group by all
),

final as (
    select
        w.week_start,
        strftime(w.week_start, '%G-W%V') as iso_week,
        o.outlet,
        coalesce(p.stored_documents, 0) as stored_documents,
        coalesce(p.counted_documents, 0) as counted_documents,
        coalesce(p.days_covered, 0) as days_covered,
        p.first_day,
        p.last_day,
        w.week_start < span.first_day or w.week_start + 6 > span.last_day as partial_week
    from weeks as w
    cross join (select distinct outlet from docs) as o
    cross join span
    left join per_outlet as p on p.week_start = w.week_start and p.outlet = o.outlet
)

select * from final order by week_start, outlet

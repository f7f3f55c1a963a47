-- One row per document: its outlet as analysts name it. The metadata's `source` is a feed URL for RSS items
-- ("http://rss.cnn.com/rss/edition.rss"), a name for others ("연합뉴스", "KCNA"); tension/data/outlets.tsv maps
-- names and hosts (a host row also matches its subdomains) to display names. No row: a name stays as it is, a URL
-- shows its host without "www.".
with hosts as (
    select
        doc_id,
        source,
        url,
        source is not null and regexp_matches(source, '^[A-Za-z][A-Za-z0-9+.-]*://') as source_is_url,
        lower(regexp_replace(coalesce(
            nullif(regexp_extract(source, '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)', 1), ''),
            nullif(regexp_extract(url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)', 1), '')
        ), '^www\.', '')) as host
    from documents
),

by_name as (
    select h.doc_id, n.outlet
    from hosts as h
    join outlet_names as n on n.kind = 'name' and n.match = trim(h.source)
),

by_host as (
    -- The longest matching host wins ("news.bbc.co.uk" before "bbc.co.uk").
    select h.doc_id, arg_max(n.outlet, length(n.match)) as outlet
    from hosts as h
    join outlet_names as n on n.kind = 'host' and (h.host = n.match or h.host like '%.' || n.match)
    group by h.doc_id
),

final as (
    select
        h.doc_id,
        coalesce(bn.outlet, case when h.source_is_url then bh.outlet end,
                 case when not h.source_is_url then nullif(trim(h.source), '') end, bh.outlet, h.host) as outlet,
        h.host,
        h.source,
        h.url
    from hosts as h
    left join by_name as bn using (doc_id)
    left join by_host as bh using (doc_id)
)

select * from final

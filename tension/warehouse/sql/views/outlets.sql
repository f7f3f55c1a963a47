-- One row per document: its outlet as analysts name it. The metadata's `source` is a feed URL for RSS items
-- ("http://rss.cnn.com/rss/edition.rss"), a name for others ("연합뉴스", "KCNA"); tension/data/outlets.tsv maps
-- names and hosts (a host row also matches its subdomains) to display names. No row: a name stays as it is, a URL
-- shows its host without "www.". A document without a source is named from its URL's host when outlets.tsv maps
-- it, else from its wire dateline's agency ("SEOUL, March 14 (Yonhap)": Yonhap, mapped as a name row if one
-- matches), else from the host as it is.
-- Sources are few and documents many: the names are worked out once per distinct source (and per distinct URL
-- host for documents without a source), then joined.
with hosts_of as (
    select distinct source, url_host
    from (
        select
            source,
            case when nullif(trim(source), '') is null
                 then lower(split_part(split_part(split_part(url, '://', 2), '/', 1), '?', 1)) end as url_host
        from documents
    )
),

named as (
    select
        source,
        url_host,
        nullif(trim(source), '') is not null and contains(source, '://') as source_is_url,
        regexp_replace(coalesce(
            case when contains(coalesce(source, ''), '://')
                 then lower(split_part(split_part(split_part(source, '://', 2), '/', 1), '?', 1)) end,
            url_host), '^www\.', '') as host
    from hosts_of
),

suffixes as (
    -- Every ending of the host at a dot ("rss.cnn.com", "cnn.com", "com"): a host row matches any of them.
    select source, url_host, array_to_string(labels[i:], '.') as candidate, len(labels) - i as depth
    from (select source, url_host, string_split(host, '.') as labels from named where host is not null and host <> '')
    cross join lateral (select unnest(range(1, len(labels) + 1)) as i)
),

by_host as (
    -- The longest matching host wins ("news.bbc.co.uk" before "bbc.co.uk").
    select s.source, s.url_host, arg_max(n.outlet, s.depth) as outlet
    from suffixes as s
    join outlet_names as n on n.kind = 'host' and n.match = s.candidate
    group by s.source, s.url_host
),

by_source as (
    select
        m.source,
        m.url_host,
        coalesce(bn.outlet, case when m.source_is_url then bh.outlet end,
                 case when not m.source_is_url then nullif(trim(m.source), '') end, bh.outlet, m.host) as outlet,
        nullif(trim(m.source), '') is null and bh.outlet is null as unnamed,
        m.host
    from named as m
    left join outlet_names as bn on bn.kind = 'name' and bn.match = trim(m.source)
    left join by_host as bh on bh.source is not distinct from m.source and bh.url_host is not distinct from m.url_host
),

datelines as (
    -- The agency in a dateline's parenthesis, for the documents that have no source.
    select a.doc_id, coalesce(n.outlet, a.agency) as outlet
    from (
        select doc_id, nullif(trim(regexp_extract(dateline, '\(([^()]+)\)\s*$', 1)), '') as agency
        from documents
        where nullif(trim(source), '') is null and nullif(trim(dateline), '') is not null
    ) as a
    left join outlet_names as n on n.kind = 'name' and n.match = a.agency
    where a.agency is not null
),

final as (
    select d.doc_id, case when b.unnamed then coalesce(dl.outlet, b.outlet) else b.outlet end as outlet, b.host,
           d.source, d.url
    from documents as d
    join by_source as b
        on b.source is not distinct from d.source
        and b.url_host is not distinct from (case when nullif(trim(d.source), '') is null
            then lower(split_part(split_part(split_part(d.url, '://', 2), '/', 1), '?', 1)) end)
    left join datelines as dl on dl.doc_id = d.doc_id
)

select * from final

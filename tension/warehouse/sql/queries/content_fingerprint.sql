-- Row counts and settings that change whenever the published content would (store.content_fingerprint); documents
-- per extractor version too: a document extracted again replaces its rows with as many, maybe.
select (select count(*) from documents), (select count(cluster_id) from documents),
       (select count(*) from statements), (select count(*) from scores),
       (select count(*) from rejected_documents),
       (select string_agg(reason, '|' order by path, item) from rejected_documents),
       (select string_agg(key || '=' || value, '|' order by key) from settings),
       (select string_agg(pair_id, '|' order by pair_id) from pairs),
       (select string_agg(v || ':' || n, '|' order by v)
        from (select coalesce(extractor_version, '-') as v, count(*) as n from documents group by all))

-- Row counts and settings that change whenever the published content would (store.content_fingerprint).
select (select count(*) from documents), (select count(cluster_id) from documents),
       (select count(*) from statements), (select count(*) from scores),
       (select count(*) from rejected_documents),
       (select string_agg(reason, '|' order by path, item) from rejected_documents),
       (select string_agg(key || '=' || value, '|' order by key) from settings),
       (select string_agg(pair_id, '|' order by pair_id) from pairs)

-- Row counts and settings that change whenever the published content would (store.content_fingerprint); documents
-- per extractor version too: a document extracted again replaces its rows with as many, maybe; and a hash of the
-- documents' metadata, since a document read again with a corrected date or outlet replaces its rows with as many.
select (select count(*) from documents), (select count(cluster_id) from documents),
       (select count(*) from statements), (select count(*) from scores),
       (select count(*) from rejected_documents),
       (select string_agg(reason, '|' order by path, item) from rejected_documents),
       (select string_agg(key || '=' || value, '|' order by key) from settings),
       -- a pair redefined under its id (other countries or name) changes the views too
       (select string_agg(concat_ws(':', pair_id, name, country_a, country_b), '|' order by pair_id) from pairs),
       (select string_agg(v || ':' || n, '|' order by v)
        from (select coalesce(extractor_version, '-') as v, count(*) as n from documents group by all)),
       (select sum(hash(doc_id, published, title, source, url, speaker, external_id, path, item)) from documents)

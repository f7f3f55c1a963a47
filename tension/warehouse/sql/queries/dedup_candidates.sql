-- Near-duplicate candidates of a batch's new documents (dedup._candidates): (new doc, candidate, candidate is new
-- too, band keys shared, same day), sharing a band key and published at most ? days apart, the most shared keys
-- first, at most ? per new document. Reads the registered table tension_new_bands (doc_id, published, lsh_bands).
-- Parameters: lowest and highest date to read stored keys for, window in days, candidates per document.
with fresh as (
    select doc_id, published, unnest(lsh_bands) as band_key from tension_new_bands
),
known as (
    select band_key, doc_id, published, false as is_new from document_bands
    where published between ? and ? and band_key in (select band_key from fresh)
    union all
    select band_key, doc_id, published, true from fresh
)
select f.doc_id, k.doc_id, any_value(k.is_new), count(*), any_value(k.published = f.published)
from fresh as f join known as k using (band_key)
where k.doc_id <> f.doc_id and abs(date_diff('day', f.published, k.published)) <= ?
group by f.doc_id, k.doc_id
qualify row_number() over (partition by f.doc_id order by count(*) desc, k.doc_id) <= ?
order by f.doc_id, count(*) desc, k.doc_id

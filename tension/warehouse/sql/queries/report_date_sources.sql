-- Where publication dates came from (documents.date_source): in [$1, $2) and in the whole database.
-- A date read from a dateline ("Dec. 28 (Yonhap)") rather than a metadata field is inferred.
with final as (
    select
        coalesce(nullif(date_source, ''), 'not recorded') as date_source,
        starts_with(coalesce(date_source, ''), 'dateline') as inferred,
        count(*) filter (where published >= $1 and published < $2) as in_range,
        count(*) as total
    from documents
    group by all
)

select * from final order by total desc, date_source

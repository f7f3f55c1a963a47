-- `tension runs`: the last $last runs, newest first, as a person reads them (times to the second, the duration in
-- minutes; a run still going, killed or crashed has no finish). Parameter: $last (how many).
with recorded as (
    -- a database published before runs.note was added (session 12) has no note: NULL, not a binder error
    -- nor extractor_version (session 24)
    select * from runs union all by name (select null::varchar as note, null::varchar as extractor_version where false)
),

listed as (
    select
        strftime(started_at, '%Y-%m-%d %H:%M:%S') as started,
        strftime(finished_at, '%Y-%m-%d %H:%M:%S') as finished,
        round(epoch(finished_at - started_at) / 60, 1) as minutes,
        status,
        documents_seen as read,
        documents_new as new,
        documents_rejected as rejected,
        statements_added as statements,
        scorer_version,
        extractor_version,
        coalesce(note, '') as note,
        run_id,
        started_at
    from recorded
    order by started_at desc
    limit $last
),

final as (
    select * exclude (started_at) from listed order by started_at desc
)

select * from final

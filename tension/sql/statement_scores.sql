-- One row per statement with its document and its score under the current scorer version.
with current_version as (
    select value as scorer_version from settings where key = 'scorer_version'
),

final as (
    select
        s.statement_id,
        s.doc_id,
        d.published,
        cast(date_trunc('week', d.published) as date) as week_start,
        strftime(d.published, '%G-W%V') as iso_week,
        d.source,
        d.title,
        d.url,
        s.seq,
        s.content,
        s.speaker,
        s.speaker_actor,
        s.speaker_country,
        s.speaker_role,
        s.cue,
        s.is_act,
        s.modality,
        s.attribution,
        s.targets,
        sc.hostility,
        sc.vader_compound,
        sc.cue_sum,
        sc.modality_factor,
        sc.explanation,
        sc.scorer_version
    from statements as s
    join documents as d using (doc_id)
    join scores as sc on sc.statement_id = s.statement_id
    join current_version as v on v.scorer_version = sc.scorer_version
)

select * from final

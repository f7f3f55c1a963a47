-- One row per statement x configured pair it bears on, with its direction (source -> target), who says it (speaker,
-- kind, whether it is a state voice), where (outlet, URL) and the sentence it was read from.
with expanded as (
    select s.*, unnest(s.targets) as target_country
    from statement_scores as s
    where s.speaker_country is not null
),

final as (
    select
        p.pair_id,
        p.name as pair_name,
        e.speaker_country as source_country,
        e.target_country,
        e.speaker_country || '→' || e.target_country as direction,
        case when e.speaker_country = p.country_a then 'a_to_b' else 'b_to_a' end as half,
        e.statement_id,
        e.doc_id,
        e.published,
        e.week_start,
        e.iso_week,
        e.source,
        e.outlet,
        e.url,
        e.title,
        e.speaker,
        e.speaker_actor,
        e.speaker_role,
        e.speaker_kind,
        -- The index counts state voices (DESIGN.md: government, military, state media, ruling party or
        -- legislature). Until the attribution (issue 13) fills speaker_kind, a statement of a resolved country
        -- with no kind counts as one: the index is then what it was before kinds existed.
        coalesce(e.speaker_kind in ('government', 'military', 'state_media', 'party'), true) as is_state_voice,
        e.reported_by,
        e.content,
        e.cue,
        e.is_act,
        e.modality,
        e.attribution,
        e.targets,
        e.targets_inferred,
        e.hostility,
        e.vader_compound,
        e.cue_sum,
        e.modality_factor,
        e.explanation,
        e.scorer_version,
        e.sentence_index,
        e.char_start,
        e.char_end,
        substr(d.body, e.char_start + 1, e.char_end - e.char_start) as source_sentence
    from expanded as e
    join pairs as p
        on (e.speaker_country = p.country_a and e.target_country = p.country_b)
        or (e.speaker_country = p.country_b and e.target_country = p.country_a)
    join documents as d on d.doc_id = e.doc_id
)

select * from final

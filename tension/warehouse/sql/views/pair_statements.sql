-- One row per statement x configured pair it bears on, with its direction (source -> target), who says it (speaker,
-- kind, whether the index counts it), where (outlet, URL) and the sentence it was read from.
-- counts_in_index: the speaker is a kind of voice the index counts (settings.index_kinds, from
-- tension/data/index_kinds.tsv: state voices by default); the other voices stay here for analysts.
with index_kinds as (
    select coalesce(max(value), 'government,military,state_media,party_legislature') as kinds
    from settings where key = 'index_kinds'
),

expanded as (
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
        e.occurred,
        e.effective_date,
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
        e.reported_by,
        e.speaker_kind is null or list_contains(string_split(k.kinds, ','), e.speaker_kind) as counts_in_index,
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
    cross join index_kinds as k
    join pairs as p
        on (e.speaker_country = p.country_a and e.target_country = p.country_b)
        or (e.speaker_country = p.country_b and e.target_country = p.country_a)
    join documents as d on d.doc_id = e.doc_id
)

select * from final

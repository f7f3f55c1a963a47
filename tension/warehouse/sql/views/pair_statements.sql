-- One row per statement x configured pair it bears on, with its direction (source -> target), who says it (speaker,
-- kind, whether the index counts it), where (outlet, URL) and the sentence it was read from.
-- counts_in_index: the speaker is a kind of voice the index counts (settings.index_kinds, from
-- tension/data/index_kinds.tsv: state voices by default); the other voices stay here for analysts.
-- repeats_lead: the row is in the document's headline paragraph (the body opens with the document's title and a
-- blank line, and another paragraph follows: a feed read as title+description) and the next paragraph, the lead,
-- holds a statement the index counts with the same direction: the same statement told twice. The index counts it
-- once (the lead's row: index_sums leaves the headline's out); the row stays here for analysts
-- (docs/evaluation-index.md, branch dedup14).
with index_kinds as (
    select coalesce(max(value), 'government,military,state_media,party_legislature') as kinds
    from settings where key = 'index_kinds'
),

headlines as (
    -- Documents whose body opens with their title and a blank line (a feed read as title+description), with where
    -- the headline paragraph ends (0-based: its blank line) and where the next one, the lead, ends. Worked out per
    -- document, not per row: a story read without its title is never here.
    select
        d.doc_id,
        length(d.title) as head_end,
        length(d.title) + 2 + coalesce(nullif(strpos(substr(d.body, length(d.title) + 3), e'\n\n'), 0) - 1,
                                       length(d.body) - length(d.title) - 2) as lead_end
    from documents as d
    where d.title <> '' and starts_with(d.body, d.title || e'\n\n')
),

lead_directions as (
    -- Per headline document: where its headline ends, and the directions (source→target) of the statements the
    -- index counts in its lead paragraph.
    select l.doc_id, l.head_end, list(distinct l.speaker_country || '→' || l.target_country) as directions
    from (
        select s.doc_id, h.head_end, s.speaker_country, s.speaker_kind, unnest(s.targets) as target_country
        from statements as s
        join headlines as h on h.doc_id = s.doc_id and s.char_start >= h.head_end + 2 and s.char_start < h.lead_end
        where s.speaker_country is not null
    ) as l
    cross join index_kinds as k
    where l.speaker_kind is null or list_contains(string_split(k.kinds, ','), l.speaker_kind)
    group by l.doc_id, l.head_end
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
        coalesce(e.char_start < ld.head_end
                 and list_contains(ld.directions, e.speaker_country || '→' || e.target_country), false) as repeats_lead,
        substr(d.body, e.char_start + 1, e.char_end - e.char_start) as source_sentence
    from expanded as e
    cross join index_kinds as k
    join pairs as p
        on (e.speaker_country = p.country_a and e.target_country = p.country_b)
        or (e.speaker_country = p.country_b and e.target_country = p.country_a)
    join documents as d on d.doc_id = e.doc_id
    left join lead_directions as ld on ld.doc_id = e.doc_id
)

-- in_index: what the index sums (index_sums at voices := 'state', weekly_statements, the report's queries): a voice
-- the index counts, and not a headline its lead repeats.
select *, counts_in_index and not repeats_lead as in_index from final

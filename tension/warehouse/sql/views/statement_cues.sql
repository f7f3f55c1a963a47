-- One row per cue that fired in a pair statement, with what it contributed: the cues that drive a week are
--   select matched, count(*), sum(contribution) from statement_cues where pair_id = 'PRK-KOR'
--   and iso_week = '2012-W15' and in_index group by 1 order by 3 desc
-- (in_index: the rows the index sums; counts_in_index is the voice test alone, headline copies of a lead included)
-- A statement that bears on two pairs has its cues under both. The statement's hostility is the calibration of
-- tanh(cue_sum + vader_part) x modality_factor (explanation.raw_hostility); cue_sum takes on each side (hostile,
-- cooperative) the largest contribution in full and the others by 0.25 (METHODOLOGY.md section 2).
with cues as (
    select
        ps.pair_id,
        ps.week_start,
        ps.iso_week,
        ps.direction,
        ps.statement_id,
        ps.doc_id,
        ps.outlet,
        ps.speaker_actor,
        ps.counts_in_index,
        ps.in_index,
        ps.hostility,
        ps.cue_sum,
        cast(json_extract_string(ps.explanation, '$.vader_part') as double) as vader_part,
        ps.modality_factor,
        unnest(from_json(json_extract(ps.explanation, '$.cues'),
            '[{"cue": "VARCHAR", "matched": "VARCHAR", "weight": "DOUBLE", "cameo": "VARCHAR", "negated": "BOOLEAN",
               "markers": [{"marker": "VARCHAR", "kind": "VARCHAR"}], "factor": "DOUBLE",
               "contribution": "DOUBLE"}]')) as c,
        generate_subscripts(from_json(json_extract(ps.explanation, '$.cues'), '["JSON"]'), 1) as cue_position
    from pair_statements as ps
),

final as (
    select
        pair_id,
        week_start,
        iso_week,
        direction,
        statement_id,
        cue_position,
        c.cue as cue_pattern,
        c.matched,
        c.weight,
        c.cameo,
        c.negated,
        list_transform(c.markers, lambda m: m.kind) as marker_kinds,
        c.factor,
        c.contribution,
        cue_sum,
        vader_part,
        modality_factor,
        hostility,
        doc_id,
        outlet,
        speaker_actor,
        counts_in_index,
        in_index
    from cues
)

select * from final

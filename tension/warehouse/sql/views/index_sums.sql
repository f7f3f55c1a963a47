-- Per pair and period with statements: the sums the index is computed from, straight from the statements that
-- pass the filters. The document is the unit: statements of one document are averaged first. A table macro, so
-- that every grain and every filter goes through this one definition (tension_index reads it).
--   grain: 'week', 'month', 'quarter' or 'year'; voices: 'state' (default: only state voices count) or 'all';
--   speaker_kind, outlet, speaker (ILIKE patterns, e.g. '%Kim Yo Jong%'), direction ('PRK→KOR' or 'PRK->KOR'):
--   NULL = no filter.
create or replace macro index_sums(grain, voices := 'state', speaker_kind := null, outlet := null,
                                   direction := null, speaker := null) as table
with chosen as (
    -- a statement counts in the period of the day it happened or was said, when its text says so (issue 15); a
    -- headline row its lead repeats (pair_statements.repeats_lead) counts once, as the lead's row
    select ps.*, cast(date_trunc(index_grain(grain), ps.effective_date) as date) as period_start
    from pair_statements as ps
    where (voices = 'all' or ps.counts_in_index)
        and not ps.repeats_lead
        and (speaker_kind is null or ps.speaker_kind ilike speaker_kind)
        and (outlet is null or ps.outlet ilike outlet)
        and (direction is null or ps.direction = replace(direction, '->', '→'))
        and (speaker is null or ps.speaker_actor ilike speaker or ps.speaker ilike speaker)
),

by_document as (
    select
        c.pair_id,
        c.period_start,
        c.doc_id,
        count(*) as n_statements,
        count(*) filter (where c.counts_in_index) as n_state_statements,
        avg(c.hostility) as doc_mean,
        count(*) filter (where c.half = 'a_to_b') as n_a_to_b,
        avg(c.hostility) filter (where c.half = 'a_to_b') as doc_mean_a_to_b,
        count(*) filter (where c.half = 'b_to_a') as n_b_to_a,
        avg(c.hostility) filter (where c.half = 'b_to_a') as doc_mean_b_to_a,
        -- Intensity counts hostile statements, each weighted by its hostility: thirty hostile statements weigh
        -- more than two (the index, a mean, reads them alike).
        count(*) filter (where c.hostility > 0) as n_hostile,
        sum(greatest(c.hostility, 0)) as hostile_sum
    from chosen as c
    group by c.pair_id, c.period_start, c.doc_id
),

extremes as (
    -- The period's most hostile and most cooperative statement (ties: the smallest id), taken over its statements
    -- directly, not per document: a statement id kept per document is a string state in every one of millions of
    -- groups, which DuckDB cannot spill, and ran a 10M-statement refresh out of its 1 GB (the same statements win
    -- either way). Per period there are only a few hundred groups.
    select
        c.pair_id,
        c.period_start,
        first(c.statement_id order by c.hostility desc, c.statement_id) as most_hostile_statement_id,
        first(c.statement_id order by c.hostility, c.statement_id) as most_cooperative_statement_id
    from chosen as c
    group by c.pair_id, c.period_start
),

final as (
    select
        b.pair_id,
        b.period_start,
        cast(sum(b.n_statements) as bigint) as n_statements,
        count(*) as n_documents,
        sum(b.doc_mean) as sum_doc_means,
        -- Sum of squared deviations of the document means from their mean (0 for one document).
        var_pop(b.doc_mean) * count(*) as ss_doc_means,
        cast(sum(b.n_a_to_b) as bigint) as n_a_to_b,
        count(b.doc_mean_a_to_b) as n_documents_a_to_b,
        sum(b.doc_mean_a_to_b) as sum_doc_means_a_to_b,
        cast(sum(b.n_b_to_a) as bigint) as n_b_to_a,
        count(b.doc_mean_b_to_a) as n_documents_b_to_a,
        sum(b.doc_mean_b_to_a) as sum_doc_means_b_to_a,
        e.most_hostile_statement_id,
        e.most_cooperative_statement_id,
        cast(sum(b.n_state_statements) as bigint) as n_state_statements,
        cast(sum(b.n_hostile) as bigint) as n_hostile,
        sum(b.hostile_sum) as hostile_sum
    from by_document as b
    join extremes as e on e.pair_id = b.pair_id and e.period_start = b.period_start
    group by b.pair_id, b.period_start, e.most_hostile_statement_id, e.most_cooperative_statement_id
)

select * from final

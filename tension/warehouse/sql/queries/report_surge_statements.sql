-- What drove each week of unusually high intensity: its most hostile state-voice statements (the ones intensity
-- counts: counts_in_index and hostility > 0), most hostile first, at most $2 per pair and week. $1: the pair-weeks,
-- as 'PAIR_ID|YYYY-MM-DD' (week_start).
with ranked as (
    select
        *,
        row_number() over (partition by pair_id, week_start order by hostility desc, statement_id) as rank
    from pair_statements
    where in_index and hostility > 0  -- a headline its lead repeats: once
        and pair_id || '|' || strftime(week_start, '%Y-%m-%d') in (select unnest($1))
)

select * from ranked where rank <= $2 order by pair_id, week_start, rank

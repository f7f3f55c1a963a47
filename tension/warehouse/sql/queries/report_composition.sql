-- Who the statements of the weeks $1 .. $2 (Mondays) come from: per pair, week, speaker kind and outlet.
select
    pair_id,
    week_start,
    coalesce(speaker_kind, 'kind not recorded') as speaker_kind,
    coalesce(outlet, 'unknown outlet') as outlet,
    counts_in_index,
    count(*) as n,
    count(*) filter (where in_index) as n_in_index  -- a headline its lead repeats counts once, as its lead
from pair_statements
where week_start between $1 and $2
group by all
order by pair_id, week_start, n desc

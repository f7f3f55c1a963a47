-- Why tension_index has no pair `pair`, in words. A pair a run left out of the configuration (former_pairs: a run
-- without the --pairs file that listed it) is named with that run, so that an analyst who asks for a pair the
-- database showed before learns why it is gone and how to bring it back (session 25's Japan desk met only "no pair
-- 'JPN-KOR'"); any other name gets the pairs there are.
create or replace macro index_pair_fault(pair) as
    'tension_index: no pair ''' || pair || ''''
    || coalesce((
        select ' now: ' || f.name || ' (' || f.country_a || ', ' || f.country_b || ') was a configured pair until run '
               || f.dropped_by || ' (started ' || strftime(f.dropped_at, '%Y-%m-%d %H:%M') || ') ran without it; its '
               || 'statements stay stored, and a run with a --pairs file that lists it shows it again (tension runs '
               || 'notes which pairs each run added or removed)'
        from former_pairs as f where f.pair_id = pair), '')
    || '; the pairs are ' || (select string_agg('''' || pair_id || '''', ', ' order by pair_id) from pairs);

-- The configured pairs no stored statement has ever borne on, in any voice or week, with their codes: a pair whose
-- codes name a country the sources never give (JAM for JPN) reads as a calm pair otherwise (session 25's tester).
-- Read from the statements table, not pair_statements: the question is whether any statement could be on the pair.
select p.pair_id, p.name, p.country_a, p.country_b
from pairs as p
where not exists (
    select 1
    from statements as s
    where (s.speaker_country = p.country_a and list_contains(s.targets, p.country_b))
       or (s.speaker_country = p.country_b and list_contains(s.targets, p.country_a))
)
order by p.rowid

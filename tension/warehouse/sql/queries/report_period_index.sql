-- The index over a whole period per pair: the weekly formula over all documents of the weeks $1 .. $2.
select s.pair_id, sum(s.sum_doc_means) / (sum(s.n_documents) + any_value(k.prior_documents)) as index_value
from weekly_sums as s
cross join weekly_parameters as k
where s.week_start between $1 and $2
group by s.pair_id

-- The statements that moved each pair's index in the weeks $1 .. $2 (Mondays): largest share of the index first,
-- the 40 largest and, beyond them, the largest of each sign (the front page names the largest share in the
-- direction the index moved, which can lie outside the 40).
with ranked as (
    select
        *,
        row_number() over (partition by pair_id order by abs(contribution) desc, statement_id) as rank,
        row_number() over (partition by pair_id, sign(contribution) order by abs(contribution) desc, statement_id)
            as rank_of_sign
    from weekly_statements
    where week_start between $1 and $2
)

select * exclude (rank_of_sign) from ranked where rank <= 40 or rank_of_sign = 1 order by pair_id, rank

-- The statements that moved each pair's index in the weeks $1 .. $2 (Mondays): largest share of the index first.
with ranked as (
    select
        *,
        row_number() over (partition by pair_id order by abs(contribution) desc, statement_id) as rank
    from weekly_statements
    where week_start between $1 and $2
)

select * from ranked where rank <= 40 order by pair_id, rank

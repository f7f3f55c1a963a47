-- The constants of the weekly index in one row (index_parameters at week grain, under their weekly names).
with final as (
    select
        prior_documents,
        prior_sd,
        prior_sd_weight,
        pool_periods as pool_weeks,
        trend_periods as trend_weeks,
        baseline_periods as baseline_weeks,
        baseline_min_periods as baseline_min_weeks,
        flag_z,
        flag_min_documents,
        count_sqrt_variance,
        min_state_statements,
        min_state_documents,
        z95
    from index_parameters
    where grain = 'week'
)

select * from final

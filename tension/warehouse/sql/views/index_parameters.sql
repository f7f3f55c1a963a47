-- The constants of the index, one row per grain: every index view and macro reads them from here, and so can
-- analysts. Windows are counted in periods of the grain and span about the same time at every grain (a year of
-- spread, a quarter of baseline at week grain, a year at month grain). Why each value: METHODOLOGY.md, section 3.
with grains as (
    select * from (values
        -- grain,    pool, trend, baseline, baseline_min
        ('week',      52,   4,    12,       4),
        ('month',     12,   3,    12,       4),
        ('quarter',    4,   2,     8,       4),
        ('year',       1,   1,     5,       3)
    ) as g(grain, pool_periods, trend_periods, baseline_periods, baseline_min_periods)
),

final as (
    select
        grain,
        1.0 as prior_documents,        -- neutral (0) pseudo-documents added to every period: the shrinkage
        0.5 as prior_sd,               -- spread of document means assumed before any period has 2+ documents
        4.0 as prior_sd_weight,        -- how many documents' worth of evidence that assumption is worth
        pool_periods,                  -- periods (this one and those before) pooled to estimate the spread
        trend_periods,                 -- periods (this one and those before) pooled into the trend
        baseline_periods,              -- periods before this one that form its baseline
        baseline_min_periods,          -- baseline periods with statements needed before a period can be flagged
        2.5 as flag_z,                 -- departure from the baseline, in combined standard deviations, to flag
        2 as flag_min_documents,       -- documents a period needs to be flagged: one document is an anecdote
        -- Variance of the square root of a Poisson count (about 1/4 whatever its mean; w/4 for statements of
        -- hostility w): the least spread intensity's departure assumes (METHODOLOGY.md, section 3).
        0.25 as count_sqrt_variance,
        3 as min_state_statements,     -- state-voice statements below which a period's value is marked thin
        2 as min_state_documents,      -- documents with state voices below which it is thin too: one is an anecdote
        -- Share of typical coverage below which a period read is marked low_coverage: so little was read that a
        -- low intensity says nothing about calm, and the period neither forms nor gets intensity's baseline.
        0.25 as low_coverage_share,
        1.959964 as z95                -- two-sided 95% normal quantile
    from grains
)

select * from final

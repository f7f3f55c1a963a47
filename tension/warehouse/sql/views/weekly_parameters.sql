-- The constants of the weekly index, in one row: every weekly view reads them from here, and so can analysts.
-- Why each value: METHODOLOGY.md, section 3.
with final as (
    select
        1.0 as prior_documents,        -- neutral (0) pseudo-documents added to every week: the shrinkage
        0.5 as prior_sd,               -- spread of document means assumed before any week has 2+ documents
        4.0 as prior_sd_weight,        -- how many documents' worth of evidence that assumption is worth
        52 as pool_weeks,              -- weeks (this one and those before) pooled to estimate the spread
        4 as trend_weeks,              -- weeks (this one and those before) pooled into the trend
        12 as baseline_weeks,          -- weeks before this one that form its baseline
        4 as baseline_min_weeks,       -- baseline weeks with statements needed before a week can be flagged
        2.5 as flag_z,                 -- departure from the baseline, in combined standard deviations, to flag
        2 as flag_min_documents,       -- documents a week needs to be flagged: one document is an anecdote
        1.959964 as z95                -- two-sided 95% normal quantile
)

select * from final

-- Per pair and ISO week with statements: the sums the weekly index reads. As created here it computes them
-- from the statements (weekly_sums_live); tension.warehouse.aggregate.refresh replaces it with a read of the table
-- weekly_sums_cache, which it keeps up to date week by week, so weekly_index stays fast on any history.
select * from weekly_sums_live

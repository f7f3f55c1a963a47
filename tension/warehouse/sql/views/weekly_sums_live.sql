-- Per pair and ISO week with statements: the sums the weekly index (the voices it counts, no filter) is computed
-- from, straight from the statements (index_sums at week grain, under the weekly name week_start).
select * rename (period_start as week_start) from index_sums('week')

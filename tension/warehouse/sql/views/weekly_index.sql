-- Per pair and ISO week (Monday start): the tension index, which is tension_index('week') under the weekly names
-- (week_start, iso_week). The definition, with every grain and filter, is tension_index.sql.
select * rename (period_start as week_start, period as iso_week) from tension_index('week')

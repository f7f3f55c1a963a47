-- Per ISO week: documents read from every source, days covered, partial and gap marks (period_coverage('week')).
-- As created here it computes them at each query; tension.warehouse.aggregate.refresh replaces it with a read of the table
-- weekly_coverage_cache, so that weekly_index stays fast on millions of documents.
select * from period_coverage('week')

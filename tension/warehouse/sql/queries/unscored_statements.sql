-- Statements with no score under a scorer version (rescore.rescore_missing). Parameters: the version, how many.
select s.statement_id, s.content, s.modality from statements s
anti join (select statement_id from scores where scorer_version = ?) v using (statement_id)
limit ?

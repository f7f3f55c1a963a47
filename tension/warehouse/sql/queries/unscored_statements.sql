-- Statements with no score under a scorer version (rescore.rescore_missing), with what the scorer needs: the text,
-- its modality, and the targets and speaker country it is scored toward. Parameters: the version, how many.
select s.statement_id, s.content, s.modality, s.targets, s.speaker_country from statements s
anti join (select statement_id from scores where scorer_version = ?) v using (statement_id)
limit ?

-- Statements of the documents that have a statement with no score under a scorer version (rescore.rescore_missing),
-- whole documents at a time, in their order: a lead the feed cut is scored with its headline statement
-- (tension/score/cut_lead.py), so a document's statements are scored together, as the pipeline scores them. With
-- what the scorer needs: the text, its modality, the targets and speaker country it is scored toward, the sentence
-- (its span of the document's body) and whether the statement already has a score under the version (then it is
-- scored for its neighbours only, not stored again). Parameters: the version, how many documents, the version.
with todo as (
    select distinct s.doc_id from statements s
    anti join (select statement_id from scores where scorer_version = ?) v using (statement_id)
    order by s.doc_id
    limit ?
)
select s.statement_id, s.content, s.modality, s.targets, s.speaker_country, s.doc_id, s.sentence_index,
       substr(d.body, s.char_start + 1, s.char_end - s.char_start) as sentence,
       s.statement_id in (select statement_id from scores where scorer_version = ?) as scored
from statements s
join todo using (doc_id)
join documents d using (doc_id)
order by s.doc_id, s.seq

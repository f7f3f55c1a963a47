-- Rejected documents grouped by reason, with the number of documents and one example path.
select reason, count(*) as n, min(path || case when item = '' then '' else ':' || item end) as example
from rejected_documents
group by reason
order by n desc, reason

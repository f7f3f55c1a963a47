-- Data-quality counts for the report: the whole database, and documents published in [$1, $2).
with in_range as (
    select doc_id, n_statements from documents where published >= $1 and published < $2
),

range_statements as (
    select s.statement_id, s.speaker_country
    from statements as s
    join in_range as d on d.doc_id = s.doc_id
),

final as (
    select
        (select count(*) from documents) as documents,
        (select count(*) from in_range) as documents_in_range,
        (select count(*) from in_range where n_statements = 0) as documents_without_statements_in_range,
        (select count(*) from documents where n_statements = 0) as documents_without_statements,
        (select count(*) from statements) as statements,
        (select count(*) from range_statements) as statements_in_range,
        (select count(*) from statements where speaker_country is null) as unresolved,
        (select count(*) from range_statements where speaker_country is null) as unresolved_in_range,
        (select count(distinct statement_id) from pair_statements where published >= $1 and published < $2)
            as pair_statements_in_range,
        (select count(distinct statement_id) from pair_statements) as pair_statements,
        (select count(distinct statement_id) from pair_statements
         where counts_in_index and published >= $1 and published < $2) as counted_statements_in_range,
        (select count(distinct statement_id) from pair_statements where counts_in_index) as counted_statements,
        (select count(*) from rejected_documents) as rejected
)

select * from final

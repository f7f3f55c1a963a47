-- Per pair and ISO week with statements: the sums the weekly index is computed from, straight from the
-- statements. The document is the unit: statements of one document are averaged first.
with by_document as (
    select
        pair_id,
        week_start,
        doc_id,
        count(*) as n_statements,
        avg(hostility) as doc_mean,
        count(*) filter (where half = 'a_to_b') as n_a_to_b,
        avg(hostility) filter (where half = 'a_to_b') as doc_mean_a_to_b,
        count(*) filter (where half = 'b_to_a') as n_b_to_a,
        avg(hostility) filter (where half = 'b_to_a') as doc_mean_b_to_a,
        max(hostility) as max_hostility,
        first(statement_id order by hostility desc, statement_id) as most_hostile_statement_id,
        min(hostility) as min_hostility,
        first(statement_id order by hostility, statement_id) as most_cooperative_statement_id
    from pair_statements
    where counts_in_index
    group by pair_id, week_start, doc_id
),

final as (
    select
        pair_id,
        week_start,
        cast(sum(n_statements) as bigint) as n_statements,
        count(*) as n_documents,
        sum(doc_mean) as sum_doc_means,
        -- Sum of squared deviations of the document means from their mean (0 for one document).
        var_pop(doc_mean) * count(*) as ss_doc_means,
        cast(sum(n_a_to_b) as bigint) as n_a_to_b,
        count(doc_mean_a_to_b) as n_documents_a_to_b,
        sum(doc_mean_a_to_b) as sum_doc_means_a_to_b,
        cast(sum(n_b_to_a) as bigint) as n_b_to_a,
        count(doc_mean_b_to_a) as n_documents_b_to_a,
        sum(doc_mean_b_to_a) as sum_doc_means_b_to_a,
        first(most_hostile_statement_id order by max_hostility desc, most_hostile_statement_id)
            as most_hostile_statement_id,
        first(most_cooperative_statement_id order by min_hostility, most_cooperative_statement_id)
            as most_cooperative_statement_id
    from by_document
    group by pair_id, week_start
)

select * from final

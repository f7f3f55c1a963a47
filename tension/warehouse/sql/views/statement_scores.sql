-- One row per statement with its document and its score under the current scorer version.
-- Near-duplicate documents (one story from several outlets, or its revisions; see tension/warehouse/dedup.py) form a
-- cluster, and only one representative per cluster and ISO week counts: the member with the most statements,
-- then the longest body, then the earliest, then the smallest doc_id. Every member stays in `documents`;
-- n_sources is the cluster's size. Setting settings.dedup = 'off' counts every document.
-- A statement's week (week_start, iso_week) is that of its effective_date: the day its act happened or its words
-- were said when its text says so (occurred: "on Sunday", "yesterday"), else its document's publication day. The
-- representative is still chosen per publication week (documents are what a cluster groups).
with current_version as (
    select value as scorer_version from settings where key = 'scorer_version'
),

dedup_setting as (
    select coalesce(max(value), 'on') as dedup from settings where key = 'dedup'
),

clustered as (
    select
        doc_id,
        coalesce(cluster_id, doc_id) as cluster_id,
        count(*) over (partition by coalesce(cluster_id, doc_id)) as n_sources,
        row_number() over (
            partition by coalesce(cluster_id, doc_id), date_trunc('week', published)
            order by n_statements desc, length(body) desc, published, doc_id
        ) = 1 as is_representative
    from documents
),

final as (
    select
        s.statement_id,
        s.doc_id,
        d.published,
        s.occurred,
        coalesce(s.occurred, d.published) as effective_date,
        cast(date_trunc('week', coalesce(s.occurred, d.published)) as date) as week_start,
        strftime(coalesce(s.occurred, d.published), '%G-W%V') as iso_week,
        d.source,
        o.outlet,
        d.title,
        d.url,
        s.seq,
        s.sentence_index,
        s.char_start,
        s.char_end,
        s.content,
        s.speaker,
        s.speaker_actor,
        s.speaker_country,
        s.speaker_role,
        s.cue,
        s.is_act,
        s.modality,
        s.attribution,
        s.targets,
        s.targets_inferred,
        s.speaker_kind,
        s.reported_by,
        sc.hostility,
        sc.vader_compound,
        sc.cue_sum,
        sc.modality_factor,
        sc.explanation,
        sc.scorer_version,
        c.cluster_id,
        c.n_sources,
        c.is_representative
    from statements as s
    join documents as d using (doc_id)
    join clustered as c using (doc_id)
    join outlets as o using (doc_id)
    join scores as sc on sc.statement_id = s.statement_id
    join current_version as v on v.scorer_version = sc.scorer_version
    cross join dedup_setting as ds
    where c.is_representative or ds.dedup = 'off'
)

select * from final

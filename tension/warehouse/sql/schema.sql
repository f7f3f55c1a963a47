-- Tables of the tension database. Views live in their own files (one per view).
-- Re-running this file is harmless: every statement is "if not exists".

create table if not exists documents (
    doc_id        varchar primary key,   -- first 16 hex digits of SHA-256 of the whitespace-normalised text
    published     date not null,
    date_source   varchar,               -- where the date came from: front matter, sidecar, a field, a dateline
    title         varchar,
    source        varchar,               -- the outlet
    url           varchar,
    speaker       varchar,               -- document-level speaker (a KCNA release, a ministry statement)
    path          varchar,
    item          varchar,               -- line number inside a batch file
    external_id   varchar,
    caption       varchar,               -- photo caption set aside by cleaning (produces no statements)
    body          varchar not null,      -- cleaned text that statements point into (char_start/char_end)
    n_statements  integer not null,
    ingested_at   timestamp not null default current_timestamp,
    slug          varchar,               -- wire slug line set aside by cleaning ("NK leader-public appearance")
    dateline      varchar,               -- wire dateline set aside by cleaning ("SEOUL, Dec. 28 (Yonhap)")
    byline        varchar,               -- reporter named above the dateline
    cluster_id    varchar                -- near-duplicate cluster (tension.dedup): smallest doc_id among its members
);
-- Columns added after the first release, for databases created before them.
alter table documents add column if not exists slug varchar;
alter table documents add column if not exists dateline varchar;
alter table documents add column if not exists byline varchar;
alter table documents add column if not exists cluster_id varchar;
-- Band keys were a documents column before dedup signature 2 (they live in document_bands): dropped.
alter table documents drop column if exists lsh_bands;

-- MinHash LSH band keys of each clustered document's body (tension.dedup): documents sharing a key published
-- within the window are near-duplicate candidates. One row per key, so a new batch joins on the key alone.
create table if not exists document_bands (
    band_key      bigint not null,
    doc_id        varchar not null,
    published     date not null
);

create table if not exists rejected_documents (
    path          varchar not null,
    item          varchar not null,      -- '' for a whole file, the line number inside a batch
    reason        varchar not null,
    first_seen    timestamp not null default current_timestamp,
    last_seen     timestamp not null default current_timestamp,
    primary key (path, item)
);

create table if not exists statements (
    statement_id    varchar not null,    -- doc_id ':' seq; unique because a document's statements are
                                         -- stored together, once (no index: DuckDB rewrites indexes whole
                                         -- at every checkpoint, which made storing grow with the table)
    doc_id          varchar not null,
    seq             integer not null,
    sentence_index  integer not null,
    char_start      integer not null,
    char_end        integer not null,
    content         varchar not null,    -- the words attributed to the speaker
    speaker         varchar,             -- the mention as written ("she", "Seoul's foreign ministry")
    speaker_actor   varchar,             -- resolved actor ("Maria Zakharova")
    speaker_country varchar,             -- ISO 3166 alpha-3
    speaker_role    varchar,
    cue             varchar,             -- reporting verb, or '' for an act
    is_act          boolean not null,
    modality        varchar not null,    -- asserted, threat_or_future, hypothetical, negated, reported
    attribution     varchar not null,    -- which extraction rule found the speaker
    targets         varchar[] not null,  -- ISO3 countries the content is about, speaker's own excluded
    targets_inferred boolean not null default false,  -- targets carried from context or implied by the act
    speaker_kind    varchar,             -- government, military, state_media, party_legislature, civic, media,
                                         -- academic, diaspora_foreign, people (tension/data/speaker_kinds.tsv)
    reported_by     varchar              -- the reporter named in the text who passes the act or words on
);
alter table statements add column if not exists speaker_kind varchar;
alter table statements add column if not exists reported_by varchar;

create table if not exists scores (
    statement_id    varchar not null,
    scorer_version  varchar not null,
    hostility       double not null,     -- [-1, +1]: +1 threat of war, 0 neutral, -1 warm cooperation
    vader_compound  double not null,
    cue_sum         double not null,
    modality_factor double not null,
    explanation     json not null,       -- VADER part, each cue with weight, modality factor, formula
    scored_at       timestamp not null default current_timestamp
    -- unique on (statement_id, scorer_version): written only for statements without a score of that version
);

create table if not exists pairs (
    pair_id    varchar primary key,
    name       varchar not null,
    country_a  varchar not null,
    country_b  varchar not null
);

create table if not exists settings (
    key    varchar primary key,
    value  varchar not null
);

create table if not exists runs (
    run_id            varchar primary key,
    started_at        timestamp not null,
    finished_at       timestamp,
    documents_seen    integer,
    documents_new     integer,
    documents_rejected integer,
    statements_added  integer,
    scorer_version    varchar,
    status            varchar not null
);

create table if not exists inbox_files (
    path        varchar primary key,     -- an input file whose every batch is stored
    size        bigint not null,
    mtime_ns    bigint not null,         -- a file with a new size or mtime is read again
    stored_at   timestamp not null
);

-- Columns added after the first release: databases created earlier get them here.
-- How the file was read (a hash of the run's --field and --default options; '' for none): a file read with other
-- options is read again, so a corrected --field is not silently skipped as "unchanged".
alter table inbox_files add column if not exists reading varchar default '';
alter table statements add column if not exists targets_inferred boolean default false;

-- Display names of outlets (tension/data/outlets.tsv, loaded by store.create_schema): a feed or page host, or a
-- source name as the metadata gives it, mapped to the name analysts use (view `outlets`).
create table if not exists outlet_names (
    match        varchar not null,       -- a host ("cnn.com" also matches "rss.cnn.com") or a source name
    kind         varchar not null,       -- 'host' or 'name'
    outlet       varchar not null,
    source_note  varchar
);

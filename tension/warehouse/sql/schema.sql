-- Tables of the tension database. Views live in their own files (one per view).
-- Re-running this file is harmless: every statement is "if not exists".

create table if not exists documents (
    doc_id        varchar primary key,   -- first 16 hex digits of SHA-256 of the whitespace-normalised text
    published     date not null,         -- publication date (a statement's week comes from it unless its text dates the event: occurred)
    date_source   varchar,               -- where the date came from: front matter, sidecar, a field, a dateline
    title         varchar,               -- headline as the metadata gives it
    source        varchar,               -- the outlet as the metadata gives it (a name or a feed URL; view outlets cleans it)
    url           varchar,               -- the document's address, when known
    speaker       varchar,               -- document-level speaker (a KCNA release, a ministry statement)
    path          varchar,               -- the input file it was read from
    item          varchar,               -- line number inside a batch file
    external_id   varchar,               -- the batch record's own id (--field id=...)
    caption       varchar,               -- photo caption set aside by cleaning (produces no statements)
    body          varchar not null,      -- cleaned text that statements point into (char_start/char_end)
    n_statements  integer not null,      -- statements extracted from the body
    ingested_at   timestamp not null default current_timestamp,  -- when the run stored it
    slug          varchar,               -- wire slug line set aside by cleaning ("NK leader-public appearance")
    dateline      varchar,               -- wire dateline set aside by cleaning ("SEOUL, Dec. 28 (Yonhap)")
    byline        varchar,               -- reporter named above the dateline
    cluster_id    varchar,               -- near-duplicate cluster (tension.dedup): smallest doc_id among its members
    extractor_version varchar,           -- the extractor that read it (tension/extract/version.py); NULL: stored before it was recorded
    decoding      varchar                -- how its bytes were read when text was lost ('read as utf-8, 2 undecodable places replaced by U+FFFD'); '' or NULL: nothing lost
);
-- Columns added after the first release, for databases created before them.
alter table documents add column if not exists slug varchar;
alter table documents add column if not exists dateline varchar;
alter table documents add column if not exists byline varchar;
alter table documents add column if not exists cluster_id varchar;
alter table documents add column if not exists extractor_version varchar;
alter table documents add column if not exists decoding varchar;
-- Band keys were a documents column before dedup signature 2 (they live in document_bands): dropped.
alter table documents drop column if exists lsh_bands;

-- MinHash LSH band keys of each clustered document's body (tension.dedup): documents sharing a key published
-- within the window are near-duplicate candidates. One row per key, so a new batch joins on the key alone.
create table if not exists document_bands (
    band_key      bigint not null,       -- one MinHash LSH band of the body
    doc_id        varchar not null,      -- the document (documents.doc_id)
    published     date not null          -- its date (candidates must lie within the window)
);

create table if not exists rejected_documents (
    path          varchar not null,      -- the input file
    item          varchar not null,      -- '' for a whole file, the line number inside a batch
    reason        varchar not null,      -- why it was not stored, and what to do about it
    first_seen    timestamp not null default current_timestamp,  -- the first run that rejected it
    last_seen     timestamp not null default current_timestamp,  -- the last run that rejected it
    primary key (path, item)
);

create table if not exists statements (
    statement_id    varchar not null,    -- doc_id ':' seq; unique because a document's statements are
                                         -- stored together, once (no index: DuckDB rewrites indexes whole
                                         -- at every checkpoint, which made storing grow with the table)
    doc_id          varchar not null,    -- the document (documents.doc_id)
    seq             integer not null,    -- the statement's number within its document
    sentence_index  integer not null,    -- the sentence it comes from (0-based, in the body)
    char_start      integer not null,    -- where the statement starts in documents.body
    char_end        integer not null,    -- where it ends (exclusive)
    content         varchar not null,    -- the words attributed to the speaker
    speaker         varchar,             -- the mention as written ("she", "Seoul's foreign ministry")
    speaker_actor   varchar,             -- resolved actor ("Maria Zakharova")
    speaker_country varchar,             -- ISO 3166 alpha-3
    speaker_role    varchar,             -- the actor's office, when the dictionary knows it
    cue             varchar,             -- reporting verb, or '' for an act
    is_act          boolean not null,    -- an act (fired, summoned, signed) rather than words
    modality        varchar not null,    -- asserted, threat_or_future, hypothetical, negated, reported
    attribution     varchar not null,    -- which extraction rule found the speaker
    targets         varchar[] not null,  -- ISO3 countries the content is about, speaker's own excluded
    targets_inferred boolean not null default false,  -- targets carried from context or implied by the act
    speaker_kind    varchar,             -- government, military, state_media, party_legislature, civic, media,
                                         -- academic, diaspora_foreign, people (tension/data/speaker_kinds.tsv)
    reported_by     varchar,             -- the reporter named in the text who passes the act or words on
    occurred        date                 -- the day the act happened or the words were said, when the text says so
                                         -- ("on Sunday", "yesterday", "Jan. 21": tension/extract/when.py); NULL: the
                                         -- document's day. coalesce(occurred, published) is the statement's week.
);
alter table statements add column if not exists speaker_kind varchar;
alter table statements add column if not exists reported_by varchar;
-- Statements stored before issue 15's dating have none: they count in their publication week, as they did.
alter table statements add column if not exists occurred date;

create table if not exists scores (
    statement_id    varchar not null,    -- the statement (statements.statement_id)
    scorer_version  varchar not null,    -- formula version + hash of lexicons and constants; views read the current one
    hostility       double not null,     -- [-1, +1]: +1 threat of war, 0 neutral, -1 warm cooperation
    vader_compound  double not null,     -- stock VADER compound of the content, typography normalised
    cue_sum         double not null,     -- the cues' joint weight (METHODOLOGY.md section 2)
    modality_factor double not null,     -- the statement's modality factor (1.0 when the text marks it at a cue)
    explanation     json not null,       -- VADER part, each cue with weight, modality factor, formula
    scored_at       timestamp not null default current_timestamp  -- when it was scored
    -- unique on (statement_id, scorer_version): written only for statements without a score of that version
);

create table if not exists pairs (
    pair_id    varchar primary key,      -- 'PRK-KOR' (tension/data/pairs.tsv)
    name       varchar not null,         -- 'DPRK–ROK', as reports print it
    country_a  varchar not null,         -- ISO3 of the first member (direction a_to_b starts here)
    country_b  varchar not null          -- ISO3 of the second member
);

create table if not exists settings (
    key    varchar primary key,          -- scorer_version, index_kinds, ...
    value  varchar not null              -- the setting's value as text
);

create table if not exists runs (
    run_id            varchar primary key,  -- the Prefect flow run
    started_at        timestamp not null,   -- when the run started
    finished_at       timestamp,            -- when it finished (NULL while running or if killed)
    documents_seen    integer,              -- documents read from new or changed files
    documents_new     integer,              -- of those, stored for the first time
    documents_rejected integer,             -- rejected (rejected_documents has the reasons)
    statements_added  integer,              -- statements stored by this run
    scorer_version    varchar,              -- the scorer the run scored with
    status            varchar not null,     -- running, stored, exporting, completed; crashed when it died (publish.py)
    note              varchar default '',   -- what else the run met, in words (e.g. the published file missing)
    extractor_version varchar,              -- the release's extractor version; NULL: a publish-only or older run
                                            -- (with '+actors-<hash>' when the run read an extra actor file, --actors)
    config_change     varchar,              -- JSON: what changed since the previous run on this database (pairs
                                            -- added, removed or redefined; index kinds added or removed; the extra
                                            -- actor file); NULL when nothing did, or for the first run
    actors_extra      varchar               -- JSON: the extra actor file the run read (--actors; a rescore keeps
                                            -- the previous run's): its path, sha256, rows (alias, actor, country,
                                            -- kind, role, valid_from, valid_to) and the aliases whose packaged rows
                                            -- it wins over (overrides); NULL: none
);

-- Pairs a run dropped from the configuration (a run without the --pairs file that listed them): tension_index names
-- them when asked for one, instead of saying only that there is no such pair. A pair configured again leaves it.
create table if not exists former_pairs (
    pair_id    varchar primary key,      -- the pair's id when it was configured ('JPN-KOR')
    name       varchar not null,         -- its name then ('Japan–ROK')
    country_a  varchar not null,         -- ISO3 of its first member
    country_b  varchar not null,         -- ISO3 of its second member
    dropped_at timestamp not null,       -- when the run that left it out started
    dropped_by varchar not null          -- that run's run_id (tension runs lists it)
);

create table if not exists inbox_files (
    path        varchar primary key,     -- an input file whose every batch is stored
    size        bigint not null,         -- its size in bytes when stored
    mtime_ns    bigint not null,         -- a file with a new size or mtime is read again
    stored_at   timestamp not null,      -- when its last batch was stored
    reading     varchar default ''       -- a hash of the --field/--default options it was read with ('' for none)
);

-- Columns added after the first release: databases created earlier get them here.
-- How the file was read (a hash of the run's --field and --default options; '' for none): a file read with other
-- options is read again, so a corrected --field is not silently skipped as "unchanged".
alter table inbox_files add column if not exists reading varchar default '';
-- What else a run met, said in words (publish.py: a published file found missing and published again).
alter table runs add column if not exists note varchar default '';
-- a database from before session 24: the runs' extractor version (NULL for its earlier runs)
alter table runs add column if not exists extractor_version varchar;
-- session 26: what of the configuration changed since the previous run, and the extra actor file a run read
alter table runs add column if not exists config_change varchar;
alter table runs add column if not exists actors_extra varchar;
alter table statements add column if not exists targets_inferred boolean default false;

-- Display names of outlets (tension/data/outlets.tsv, loaded by store.create_schema): a feed or page host, or a
-- source name as the metadata gives it, mapped to the name analysts use (view `outlets`).
create table if not exists outlet_names (
    match        varchar not null,       -- a host ("cnn.com" also matches "rss.cnn.com") or a source name
    kind         varchar not null,       -- 'host' or 'name'
    outlet       varchar not null,       -- the display name
    source_note  varchar                 -- where the mapping comes from
);

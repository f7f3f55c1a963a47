-- Tables kept by tension.warehouse.aggregate.refresh (it creates them; schema.sql does not need to know them).
-- weekly_sums_cache is created by refresh as a copy of weekly_sums_live, so its columns are always the view's.
create table if not exists weekly_refresh (
    signature     varchar not null,    -- hash of the view definitions, pairs and settings the cache is for
    n_scores      bigint not null,     -- rows in scores when the cache was brought up to date
    scored_upto   timestamp,           -- newest scores.scored_at then: later scores mark their weeks as changed
    refreshed_at  timestamp not null,  -- when the cache was last refreshed
    full_rebuild  boolean not null,    -- whether the last refresh recomputed every week
    weeks_updated integer not null     -- weeks recomputed by the last refresh
);

create table if not exists weekly_refresh_weeks (
    week_start    date primary key,  -- the week (Monday)
    n_documents   bigint not null,   -- its documents (published in it or dated into it) when its sums were computed
    fingerprint   ubigint not null     -- of the week's documents and their clusters (weekly_fingerprints.sql)
);

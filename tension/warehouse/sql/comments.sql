-- Documentation of the analyst-facing views, readable with: select * from duckdb_views() / duckdb_columns().
comment on view statement_scores is 'One row per extracted statement with its document and its hostility under the current scorer version (settings.scorer_version).';
comment on view pair_statements is 'One row per statement x configured pair it bears on: the speaker country is one member of the pair and the other member is among the targets. direction is source→target; half is a_to_b or b_to_a in the order of pairs.country_a/country_b.';
comment on column pair_statements.hostility is 'Statement hostility in [-1, +1]; see explanation for its parts';
comment on column pair_statements.explanation is 'JSON: vader_compound, vader_part, cues (each with weight, CAMEO code, negated), cue_sum, modality, modality_factor, formula';

comment on view weekly_parameters is 'The constants of the weekly index in one row (shrinkage, prior spread, windows, flag threshold). Every weekly view reads them from here. See METHODOLOGY.md section 3.';
comment on column weekly_parameters.prior_documents is 'k: neutral (0) pseudo-documents added to every week; the index is sum of document means / (n_documents + k)';
comment on column weekly_parameters.prior_sd is 'Spread (SD) of document means assumed before the pair has weeks with 2+ documents';
comment on column weekly_parameters.prior_sd_weight is 'How many documents of evidence prior_sd is worth, and the pooled spread is worth against a week''s own spread';
comment on column weekly_parameters.pool_weeks is 'Weeks (this one and those before) whose document spread is pooled for the interval';
comment on column weekly_parameters.trend_weeks is 'Weeks (this one and those before) whose documents are pooled into the trend';
comment on column weekly_parameters.baseline_weeks is 'Weeks before this one that form its baseline';
comment on column weekly_parameters.baseline_min_weeks is 'Baseline weeks with statements needed before a week can be flagged';
comment on column weekly_parameters.flag_z is 'A week is flagged when |departure_z| reaches this';
comment on column weekly_parameters.flag_min_documents is 'Documents a week needs before it can be flagged (one document is an anecdote, not a departure)';

comment on view weekly_sums_live is 'Plumbing: per pair and ISO week with statements, the sums the index is computed from (document means first), computed from the statements at each query.';
comment on view weekly_sums is 'Plumbing: the sums weekly_index reads — weekly_sums_live on a fresh database, a read of the table weekly_sums_cache once tension.aggregate.refresh has run (it updates only the weeks whose scores changed).';

comment on view weekly_index is 'Tension index per pair and ISO week (Monday start) on the scale -1 (cooperative) .. +1 (hostile): sum of per-document mean hostility / (n_documents + 1), i.e. the document mean shrunk toward 0 by one neutral pseudo-document. One row per week from the first to the last week of data; weeks without statements have n_statements = 0 and NULL values, never 0. See METHODOLOGY.md section 3.';
comment on column weekly_index.pair_id is 'Configured pair (pairs.pair_id)';
comment on column weekly_index.pair_name is 'Display name, e.g. DPRK–ROK';
comment on column weekly_index.week_start is 'Monday of the ISO week';
comment on column weekly_index.iso_week is 'ISO week label, e.g. 2024-W05';
comment on column weekly_index.n_statements is 'Statements bearing on the pair this week (0 = no data: every value of the week is NULL)';
comment on column weekly_index.n_documents is 'Distinct documents those statements come from: the unit of the index and its interval';
comment on column weekly_index.index_value is 'Headline index in [-1, +1]: sum of document means / (n_documents + prior_documents)';
comment on column weekly_index.raw_mean is 'Unshrunk mean of document means';
comment on column weekly_index.ci_low is 'Lower end of the 95% interval: index_value - 1.96 index_se, clipped to -1';
comment on column weekly_index.ci_high is 'Upper end of the 95% interval: index_value + 1.96 index_se, clipped to +1';
comment on column weekly_index.direction_a_to_b is 'Direction of the first half, country_a→country_b, e.g. PRK→KOR';
comment on column weekly_index.hostility_a_to_b is 'The index formula over statements from country_a about country_b only (NULL when there are none)';
comment on column weekly_index.n_a_to_b is 'Statements from country_a about country_b';
comment on column weekly_index.direction_b_to_a is 'Direction of the second half, country_b→country_a';
comment on column weekly_index.hostility_b_to_a is 'The index formula over statements from country_b about country_a only (NULL when there are none)';
comment on column weekly_index.n_b_to_a is 'Statements from country_b about country_a';
comment on column weekly_index.index_se is 'Standard error of index_value: the week''s spread of document means, shrunk toward the pair''s pooled spread, / sqrt(n_documents + prior_documents)';
comment on column weekly_index.change is 'index_value minus the previous week''s (NULL when either week has no statements)';
comment on column weekly_index.trend is 'Smoothed index: the index formula over all documents of this week and the 3 before (NULL in a week without statements)';
comment on column weekly_index.trend_direction is 'rising / falling / steady: trend against the trend 4 weeks earlier, rising or falling when the difference exceeds 1.96 standard errors (NULL when either is NULL)';
comment on column weekly_index.baseline is 'Mean index_value of the 12 weeks before this one that have statements (NULL in a week without statements)';
comment on column weekly_index.departure_z is '(index_value - baseline) / sqrt(sd of the baseline weeks^2 + index_se^2); NULL with fewer than 4 baseline weeks';
comment on column weekly_index.flagged is 'true when |departure_z| >= 2.5 and the week has 2+ documents: it departs from the pair''s recent baseline; NULL when there is no baseline (fewer than 4 of the 12 weeks before have statements)';
comment on column weekly_index.n_documents_a_to_b is 'Documents with statements from country_a about country_b';
comment on column weekly_index.n_documents_b_to_a is 'Documents with statements from country_b about country_a';
comment on column weekly_index.most_hostile_statement_id is 'The week''s most hostile statement (highest hostility; ties by statement_id): join pair_statements';
comment on column weekly_index.most_cooperative_statement_id is 'The week''s most cooperative statement (lowest hostility; ties by statement_id)';

comment on view weekly_statements is 'pair_statements with each statement''s weight in its pair-week index: contribution = hostility / (statements in its document x (documents in the week + prior_documents)); a week''s contributions add up to its index_value. Filter on week_start for speed.';
comment on column weekly_statements.contribution is 'What this statement adds to its week''s index_value (hostility x weight)';
comment on column weekly_statements.weight is '1 / (statements_in_document x (documents_in_week + prior_documents))';
comment on column pair_statements.speaker_kind is 'What sort of voice the speaker is: government, military, state_media, party_legislature, civic, media, academic, diaspora_foreign, people (tension/data/speaker_kinds.tsv)';
comment on column pair_statements.reported_by is 'The reporter named in the text who passes the act or words on ("South Korea''s military said North Korea fired": North Korea''s act, reported by the military); null when the speaker speaks or acts directly';
comment on column pair_statements.counts_in_index is 'Whether the weekly index counts this statement: its speaker kind is one of settings.index_kinds (tension/data/index_kinds.tsv; state voices by default). Rows stored before speaker kinds existed count.';

-- Documentation of the analyst-facing views, readable with: select * from duckdb_views() / duckdb_columns().
comment on view statement_scores is 'One row per extracted statement with its document and its hostility under the current scorer version (settings.scorer_version).';
comment on view pair_statements is 'One row per statement x configured pair it bears on: the speaker country is one member of the pair and the other member is among the targets. direction is source→target; half is a_to_b or b_to_a in the order of pairs.country_a/country_b.';
comment on view weekly_index is 'Tension index per pair and ISO week (Monday start), in [-1, +1] (+1 hostile, -1 cooperative): sum of per-document mean hostility divided by (documents + 1), i.e. the document mean shrunk toward 0 by one neutral pseudo-document. Weeks without statements have n_statements = 0 and NULL values. See METHODOLOGY.md.';
comment on column weekly_index.week_start is 'Monday of the ISO week';
comment on column weekly_index.iso_week is 'ISO week label, e.g. 2024-W05';
comment on column weekly_index.n_statements is 'Statements bearing on the pair this week (0 = no data, index_value NULL)';
comment on column weekly_index.n_documents is 'Distinct documents those statements come from: the unit of the interval';
comment on column weekly_index.index_value is 'Headline index in [-1, +1]: sum of document means / (n_documents + 1)';
comment on column weekly_index.raw_mean is 'Unshrunk mean of document means';
comment on column weekly_index.ci_low is 'Lower end of a normal 95% interval over document means (NULL with fewer than 2 documents)';
comment on column weekly_index.ci_high is 'Upper end of the same interval';
comment on column weekly_index.hostility_a_to_b is 'Mean hostility of statements from country_a about country_b (direction_a_to_b)';
comment on column weekly_index.hostility_b_to_a is 'Mean hostility of statements from country_b about country_a (direction_b_to_a)';
comment on column pair_statements.hostility is 'Statement hostility in [-1, +1]; see explanation for its parts';
comment on column pair_statements.explanation is 'JSON: vader_compound, vader_part, cues (each with weight, CAMEO code, negated), cue_sum, modality, modality_factor, formula';

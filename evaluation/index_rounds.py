"""Issue 15's index rounds, each pre-registered in docs/evaluation-index.md: the third round's intensity variants and
flag baselines (VARIANTS, FLAG_BASELINES), the fourth round on RSS 2024 out of sample (FOURTH_*), the fifth round's
dating (fifth_round_*); the seventh round's measures that count event days are in evaluation/index_days.py. Printed
by `python -m evaluation.index_events` (--variants, --rss2024, --before-rss/--before-kcna); the weekly measures,
event series and statistics they share are in evaluation/index_events.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from evaluation.events import PAIR
from evaluation.index_events import (LABELS, block_samples, event_series, in_split, kcna, kcna_event_weeks,
                                     measure_correlations, nk_event_days, rss_2022, weekly_measures)
from evaluation.scoring import SHARED_DATA, spearman
from tension.warehouse import store


VARIANTS = {
    "today": ("intensity as defined (Σ statements, state voices)", "sum(h) filter (where state)"),
    "doc_max": ("document-level: Σ documents of their most hostile statement", "max(h) filter (where state)"),
    "doc_mean": ("document-level: Σ documents of their mean positive hostility", "avg(h) filter (where state)"),
    "doc_hostile": ("document-level: documents with a hostile statement (count)",
                    "max(case when h > 0 then 1.0 else 0.0 end) filter (where state)"),
    "force": ("acts: Σ over statements with a force cue (CAMEO 15/18/19/20)", "sum(h) filter (where state and force)"),
    "force_doc_max": ("acts, document-level: Σ documents of their most hostile force statement",
                      "max(h) filter (where state and force)"),
    "is_act": ("acts: Σ over statements the extractor marks as acts", "sum(h) filter (where state and act)"),
    "force_words_half": ("acts in full, other hostile statements at half weight",
                         "sum(case when force then h else 0.5 * h end) filter (where state)"),
    "force_not_reported": ("acts, without reported ones (reported_by set)",
                           "sum(h) filter (where state and force and not reported)"),
    "force_not_inferred": ("acts, without inferred targets", "sum(h) filter (where state and force and not inferred)"),
    "not_reported_inferred": ("today, without reported acts and inferred targets",
                              "sum(h) filter (where state and not reported and not inferred)"),
    "all_voices": ("today, all voices", "sum(h)"),
    "all_voices_doc_max": ("document-level, all voices", "max(h)"),
}
FORCE_ROOTS = ("15", "18", "19", "20")


def variant_measures(db: Path, names: tuple[str, ...] = tuple(VARIANTS)) -> pd.DataFrame:
    """Every week of the pair with each variant's intensity (NULL in a feed gap) and the columns the flags need."""
    sums = ", ".join(f"sum({name}) as {name}" for name in names)
    columns = ", ".join(f"case when not w.feed_gap then 100.0 * coalesce(d.{name}, 0) / w.typical_coverage end "
                        f"as {name}" for name in names)
    per_document = ", ".join(f"{VARIANTS[name][1]} as {name}" for name in names)
    roots = ", ".join(f"'{root}'" for root in FORCE_ROOTS)
    with store.connect(db, read_only=True) as con:
        frame = con.execute(f"""
            with weeks as (
                select period_start as week, typical_coverage, partial, low_coverage, feed_gap, n_documents,
                       n_hostile, hostile_sum, intensity, intensity_flagged
                from tension_index('week', pair := $pair)
            ),
            force as (
                select distinct statement_id from statement_cues
                where pair_id = $pair and not coalesce(negated, false) and contribution > 0
                    and substr(cameo, 1, 2) in ({roots})
            ),
            statements as (
                select ps.week_start as week, ps.doc_id, greatest(ps.hostility, 0) as h, ps.counts_in_index as state,
                       f.statement_id is not null as force, ps.is_act as act,
                       ps.reported_by is not null as reported, coalesce(ps.targets_inferred, false) as inferred
                from pair_statements as ps left join force as f on f.statement_id = ps.statement_id
                where ps.pair_id = $pair and not ps.repeats_lead
            ),
            documents as (select week, doc_id, {per_document} from statements group by week, doc_id),
            sums as (select week, {sums} from documents group by week)
            select w.*, {columns}
            from weeks as w left join sums as d on d.week = w.week
            order by w.week
        """, {"pair": PAIR}).df()
    frame["week"] = pd.to_datetime(frame["week"]).dt.date
    return frame


FLAG_BASELINES = ("mean", "median_mad", "mean_unflagged", "median_mad_unflagged")
MAD_TO_SD = 1.4826  # a normal variable's SD over its median absolute deviation


def intensity_flags(weeks: pd.DataFrame, parameters: dict, baseline: str = "mean") -> pd.DataFrame:
    """Intensity's departure z and flag per week (in time order) under a baseline of the square roots of the
    `baseline_periods` weeks before: `mean` is the rule before issue 15's third round (mean and variance of the
    roots of weeks read, not partial, not low_coverage); `median_mad` takes their median and (1.4826 MAD)² instead,
    which one surge week cannot move; `..._unflagged` also leaves the weeks already flagged out of later baselines
    (`mean_unflagged` is tension_index's rule since that round). Everything else as tension_index: the count's floor
    (count_sqrt_variance x mean hostility of the baseline's hostile statements), x (1 + 1/n), NULL without
    baseline_min_periods weeks or in a gap or partial week, n_documents >= 2 to flag."""
    if baseline not in FLAG_BASELINES:
        raise ValueError(f"baseline must be one of {', '.join(FLAG_BASELINES)}, not {baseline!r}")
    rows = weeks.sort_values("week").reset_index(drop=True)
    root = np.where(rows["partial"].astype(bool), np.nan, np.sqrt(rows["intensity"].to_numpy(float)))
    base_root = np.where(rows["low_coverage"].fillna(False).astype(bool), np.nan, root)
    hostile_sum, n_hostile = rows["hostile_sum"].to_numpy(float), rows["n_hostile"].to_numpy(float)
    periods, least = int(parameters["baseline_periods"]), int(parameters["baseline_min_periods"])
    z_values, flags = [], []
    for t in range(len(rows)):
        chosen = [i for i in range(max(0, t - periods), t)
                  if not np.isnan(base_root[i]) and not (baseline.endswith("_unflagged") and flags[i])]
        if np.isnan(root[t]) or len(chosen) < least:
            z_values.append(np.nan)
            flags.append(None)
            continue
        values = base_root[chosen]
        if baseline.startswith("median_mad"):
            centre = float(np.median(values))
            variance = (MAD_TO_SD * float(np.median(np.abs(values - centre)))) ** 2
        else:
            centre = float(values.mean())
            variance = float(values.var(ddof=1)) if len(values) > 1 else 0.0
        weight = hostile_sum[chosen].sum() / n_hostile[chosen].sum() if n_hostile[chosen].sum() > 0 else 1.0
        c = float(rows.loc[t, "typical_coverage"]) / 100
        spread = np.sqrt(max(c * variance, float(parameters["count_sqrt_variance"]) * weight) * (1 + 1 / len(chosen)))
        z = np.sqrt(c) * (root[t] - centre) / spread
        z_values.append(z)
        flags.append(bool(rows.loc[t, "n_documents"] >= parameters["flag_min_documents"]
                          and z >= parameters["flag_z"]))
    return pd.DataFrame({"week": rows["week"], "intensity_departure_z": z_values, "intensity_flagged": flags})


def week_parameters(db: Path) -> dict:
    """index_parameters' week row: the constants the flag uses."""
    with store.connect(db, read_only=True) as con:
        return con.execute("select * from index_parameters where grain = 'week'").df().iloc[0].to_dict()


def flag_scores(flags: pd.DataFrame, event_weeks: set[date], chosen: set[date]) -> dict:
    """Among the chosen weeks: flags on event weeks (hits), flags on weeks without events (false flags), the event
    weeks, and the flagged weeks themselves."""
    flagged = [w for w, f in zip(flags["week"], flags["intensity_flagged"]) if f is True and w in chosen]
    return {"hits": sum(w in event_weeks for w in flagged), "false": sum(w not in event_weeks for w in flagged),
            "event_weeks": len(event_weeks & chosen), "flagged": flagged}


def rss_event_days(weeks: pd.Series, lag: int = 0) -> pd.Series:
    """DPRK event days per week (Mondays `weeks`) of 2022; with lag k, plus those of the k weeks before."""
    counts = nk_event_days(2022)
    return sum(weeks.map(lambda w, k=k: counts.get(w - timedelta(weeks=k), 0)) for k in range(lag + 1)).astype(float)


def variant_correlations(weeks: pd.DataFrame, events: pd.Series, names: tuple[str, ...] = tuple(VARIANTS)) -> dict:
    """Per variant: ρ with the events over the weeks read (in time order), n, its 95% moving-block interval, and
    the difference from `today` with the interval of that difference over the same resamples (the two series are
    paired week by week, so the difference is far tighter than either interval suggests)."""
    valid = weeks[weeks["today"].notna()].sort_values("week")
    y = events[valid.index].to_numpy(float)
    samples = block_samples(len(valid))
    base = valid["today"].to_numpy(float)
    result = {}
    for name in names:
        x = valid[name].to_numpy(float)
        pairs = [(spearman(x[r], y[r]), spearman(base[r], y[r])) for r in samples
                 if np.ptp(x[r]) > 0 and np.ptp(y[r]) > 0 and np.ptp(base[r]) > 0]
        rho, diff = np.array([p[0] for p in pairs]), np.array([p[0] - p[1] for p in pairs])
        result[name] = (spearman(x, y), len(valid), *np.percentile(rho, [2.5, 97.5]),
                        spearman(x, y) - spearman(base, y), *np.percentile(diff, [2.5, 97.5]))
    return result


def variants_report(rss_db: Path, kcna_db: Path, split: str = "tune", lag: int = 0) -> str:
    """The tables of the third round: each intensity variant's ρ, and each flag baseline's hits and false flags."""
    rss = variant_measures(rss_db)
    rss = rss[pd.to_datetime(rss["week"]).dt.year.ge(2021)].reset_index(drop=True)  # 2021-W52 holds 1-2 Jan 2022
    rss_events = rss_event_days(rss["week"], lag)
    chosen = rss["week"].map(lambda w: in_split(w, split)).astype(bool)
    kc = variant_measures(kcna_db)
    kcna_weeks = kcna_event_weeks()
    kc_events = kc["week"].map(lambda w: float(w in kcna_weeks))
    r = variant_correlations(rss[chosen], rss_events[chosen])
    k = variant_correlations(kc, kc_events)
    lines = [f"Intensity variants (DPRK–ROK; RSS 2022 weeks: {split})",
             "| variant | RSS ρ [95%] (weeks) | RSS ρ − today [95%] | KCNA ρ [95%] | KCNA ρ − today [95%] |",
             "|---|---:|---:|---:|---:|"]
    for name, (label, _) in VARIANTS.items():
        a, b = r[name], k[name]
        lines.append(f"| `{name}`: {label} | {a[0]:+.2f} [{a[2]:+.2f}, {a[3]:+.2f}] ({a[1]}) "
                     f"| {a[4]:+.2f} [{a[5]:+.2f}, {a[6]:+.2f}] | {b[0]:+.2f} [{b[2]:+.2f}, {b[3]:+.2f}] "
                     f"| {b[4]:+.2f} [{b[5]:+.2f}, {b[6]:+.2f}] |")
    rss_event_weeks = {w for w, n in zip(rss["week"], rss_events) if n > 0}
    rss_split = set(rss.loc[chosen, "week"])
    lines += ["", f"Intensity flag by baseline (RSS 2022 weeks: {split}; an event week has a DPRK event day, "
                  "KCNA's overlaps an exercise or the launch)",
              "| baseline | RSS hits | RSS false flags | RSS event weeks | KCNA hits | KCNA false flags | "
              "KCNA event weeks |", "|---|---:|---:|---:|---:|---:|---:|"]
    listed = []
    for baseline in FLAG_BASELINES:
        a = flag_scores(intensity_flags(rss, week_parameters(rss_db), baseline), rss_event_weeks, rss_split)
        b = flag_scores(intensity_flags(kc, week_parameters(kcna_db), baseline), kcna_weeks, set(kc["week"]))
        lines.append(f"| `{baseline}` | {a['hits']} | {a['false']} | {a['event_weeks']} | {b['hits']} | {b['false']} "
                     f"| {b['event_weeks']} |")
        weeks_named = ", ".join(f"{w:%G-W%V}" for w in a["flagged"]) if split == "tune" else "(not listed)"
        listed.append(f"- `{baseline}`: RSS {weeks_named}; KCNA " + ", ".join(f"{w:%G-W%V}" for w in b["flagged"]))
    lines += ["", "Flagged weeks (RSS listed on tune only):"] + listed
    return "\n".join(lines)


# Issue 15's fourth round (docs/evaluation-index.md, pre-registered before any RSS 2024 figure): the measures
# compared on RSS 2024, the candidates to replace `today` as the headline, and the margin one must win by.
FOURTH_MEASURES = ("index_value", "today", "is_act", "force", "n_statements", "plain_vader")
FOURTH_CANDIDATES = ("is_act", "force")
FOURTH_MARGIN = 0.05
FOURTH_LABELS = {"index_value": "tone index", "today": "intensity `today` (the headline)",
                 "is_act": "intensity `is_act`", "force": "intensity `force`", "n_statements": "statement count",
                 "plain_vader": "plain VADER weekly mean"}


def year_weeks(db: Path, year: int) -> pd.DataFrame:
    """The pair's weeks of ISO year `year` that were read (a feed gap is left out, never 0), with the measures of
    weekly_measures and the intensity variants `today`, `is_act` and `force` of variant_measures."""
    weeks = weekly_measures(db)
    variants = variant_measures(db, ("today",) + FOURTH_CANDIDATES)[["week", "today", *FOURTH_CANDIDATES]]
    weeks = weeks.merge(variants, on="week", how="left")
    return weeks[weeks["week"].map(lambda w: w.isocalendar()[0] == year)].sort_values("week").reset_index(drop=True)


def rss_2024(db: Path, data_dir: Path = SHARED_DATA) -> dict[str, dict]:
    """Per 2024 event series (evaluation/data/nk_event_series.tsv): the weeks read, event weeks among them, each
    measure's ρ (measure_correlations) and each candidate's ρ and paired difference from `today`
    (variant_correlations)."""
    weeks = year_weeks(db, 2024)
    result = {}
    for name, (kinds, primary) in event_series(2024).items():
        counts = nk_event_days(2024, data_dir, name)
        events = weeks["week"].map(lambda w, c=counts: c.get(w, 0)).astype(float)
        result[name] = {"types": sorted(kinds), "primary": primary, "weeks": len(weeks),
                        "event_weeks": int((events > 0).sum()), "events": int(events.sum()),
                        "measures": measure_correlations(weeks, events, FOURTH_MEASURES),
                        "candidates": variant_correlations(weeks, events, ("today",) + FOURTH_CANDIDATES)}
    return result


def fourth_round_decision(rss2024: dict, rss2022: dict, kcna: dict,
                          candidates: tuple[str, ...] = FOURTH_CANDIDATES) -> tuple[str, list[str]]:
    """The pre-registered rule: a candidate replaces `today` only if, on the primary 2024 series, its ρ beats
    today's by >= FOURTH_MARGIN with a paired 95% interval of the difference that excludes 0, and it is not worse
    than today on RSS 2022's whole year nor on KCNA (variant_correlations of each); of several, the larger 2024
    difference wins. Returns the headline and one line of reasons per candidate (the seventh round reuses it with
    its own candidates)."""
    primary = next(series for series in rss2024.values() if series["primary"])["candidates"]
    passed, reasons = [], []
    for name in candidates:
        diff, low, high = primary[name][4:7]
        checks = {f"2024 difference {diff:+.2f} >= {FOURTH_MARGIN}": diff >= FOURTH_MARGIN,
                  f"its interval [{low:+.2f}, {high:+.2f}] excludes 0": low > 0,
                  f"RSS 2022 whole year {rss2022[name][4]:+.2f} vs today >= 0": rss2022[name][4] >= 0,
                  f"KCNA {kcna[name][4]:+.2f} vs today >= 0": kcna[name][4] >= 0}
        if all(checks.values()):
            passed.append((diff, name))
        reasons.append(f"`{name}`: " + "; ".join(f"{text} {'yes' if ok else 'NO'}" for text, ok in checks.items()))
    return (max(passed)[1] if passed else "today"), reasons


def fourth_round_report(rss2024_db: Path, rss_db: Path, kcna_db: Path) -> str:
    """Issue 15's fourth round: each measure's ρ on RSS 2024 under each event series, the candidates' paired
    differences from `today` there, on RSS 2022's whole year and on KCNA, and the rule's decision."""
    rss2024 = rss_2024(rss2024_db)
    rss = variant_measures(rss_db)
    rss = rss[pd.to_datetime(rss["week"]).dt.year.ge(2021)].reset_index(drop=True)  # 2021-W52 holds 1-2 Jan 2022
    names = ("today",) + FOURTH_CANDIDATES
    rss2022 = variant_correlations(rss, rss_event_days(rss["week"]), names)
    kc = variant_measures(kcna_db)
    kcna_weeks = kcna_event_weeks()
    kcna = variant_correlations(kc, kc["week"].map(lambda w: float(w in kcna_weeks)), names)
    lines = ["Fourth round: RSS 2024 out of sample (DPRK–ROK, state voices; weeks read only)"]
    for name, series in rss2024.items():
        lines += ["", f"Event series `{name}` ({'primary' if series['primary'] else 'secondary'}: "
                      f"{', '.join(series['types'])}): {series['events']} events in {series['event_weeks']} of "
                      f"the {series['weeks']} weeks read",
                  "| measure | ρ [95%] (weeks with a value) | ρ − today [95%] |", "|---|---:|---:|"]
        for measure, label in FOURTH_LABELS.items():
            rho, n, low, high = series["measures"][measure]
            diff = ""
            if measure in FOURTH_CANDIDATES:
                d = series["candidates"][measure]
                diff = f"{d[4]:+.2f} [{d[5]:+.2f}, {d[6]:+.2f}]"
            lines.append(f"| {label} | {rho:+.2f} [{low:+.2f}, {high:+.2f}] ({n}) | {diff} |")
    lines += ["", "The same candidates on the data they were first seen on:",
              "| candidate | RSS 2022 whole year ρ | − today [95%] | KCNA 2011–12 ρ | − today [95%] |",
              "|---|---:|---:|---:|---:|"]
    for name in names:
        a, b = rss2022[name], kcna[name]
        lines.append(f"| `{name}` | {a[0]:+.2f} ({a[1]}) | {a[4]:+.2f} [{a[5]:+.2f}, {a[6]:+.2f}] | {b[0]:+.2f} "
                     f"({b[1]}) | {b[4]:+.2f} [{b[5]:+.2f}, {b[6]:+.2f}] |")
    headline, reasons = fourth_round_decision(rss2024, rss2022, kcna)
    lines += ["", f"Decision by the pre-registered rule: the headline is `{headline}`"] + [f"- {r}" for r in reasons]
    return "\n".join(lines)


def dated_counts(db: Path) -> dict[str, int]:
    """How many statements the dating moved (statements.occurred, issue 15's fifth round): stored, dated, dated to
    another day than publication, to another ISO week; and the same for DPRK–ROK state-voice pair statements."""
    with store.connect(db, read_only=True) as con:
        row = con.execute(
            "select count(*), count(s.occurred), count(*) filter (where s.occurred <> d.published), "
            "count(*) filter (where date_trunc('week', s.occurred) <> date_trunc('week', d.published)) "
            "from statements as s join documents as d using (doc_id)").fetchone()
        pair = con.execute(
            "select count(*), count(occurred), count(*) filter (where occurred <> published), "
            "count(*) filter (where date_trunc('week', occurred) <> date_trunc('week', published)) "
            "from pair_statements where pair_id = ? and counts_in_index", [PAIR]).fetchone()
    names = ("statements", "dated", "other_day", "other_week")
    return {**dict(zip(names, row)), **{f"pair_{name}": value for name, value in zip(names, pair)}}


def fifth_round_decision(before: dict, after: dict) -> tuple[bool, list[str]]:
    """Issue 15's fifth round, pre-registered (docs/evaluation-index.md): the dating is adopted if intensity's ρ on
    RSS 2022 tune weeks does not drop and on KCNA 2011–12 drops by no more than 0.02. `before`/`after`: {'rss':
    ρ on tune, 'kcna': ρ}."""
    rss_ok = after["rss"] >= before["rss"]
    kcna_ok = after["kcna"] >= before["kcna"] - 0.02
    return rss_ok and kcna_ok, [
        f"RSS 2022 tune: intensity ρ {before['rss']:+.3f} -> {after['rss']:+.3f} "
        f"({'does not drop' if rss_ok else 'drops'})",
        f"KCNA 2011-12: intensity ρ {before['kcna']:+.3f} -> {after['kcna']:+.3f} "
        f"({'within 0.02' if kcna_ok else 'drops by more than 0.02'})"]


def fifth_round_report(before_rss: Path, before_kcna: Path, after_rss: Path, after_kcna: Path, split: str,
                       voices: str = "state") -> str:
    """Before (main) and after (dated) figures of every measure, ρ to three decimals, and the rule's decision."""
    rss_before, rss_after = rss_2022(before_rss, voices, 0, split), rss_2022(after_rss, voices, 0, split)
    kcna_before, kcna_after = kcna(before_kcna, voices), kcna(after_kcna, voices)
    lines = [f"Fifth round: statements in the week they happened or were said (RSS 2022 weeks: {split})",
             "| DPRK–ROK weekly measure | RSS 2022 before | after | KCNA 2011–12 before | after |",
             "|---|---:|---:|---:|---:|"]

    def cell(rho: float, n: int, low: float, high: float) -> str:
        return f"{rho:+.3f} [{low:+.2f}, {high:+.2f}] ({n})"

    for measure, label in LABELS.items():
        lines.append(f"| {label} | {cell(*rss_before[measure])} | {cell(*rss_after[measure])} "
                     f"| {cell(*kcna_before[measure])} | {cell(*kcna_after[measure])} |")
    adopted, reasons = fifth_round_decision({"rss": rss_before["intensity"][0], "kcna": kcna_before["intensity"][0]},
                                            {"rss": rss_after["intensity"][0], "kcna": kcna_after["intensity"][0]})
    if split == "tune":
        lines += [f"Rule (tune): {'ADOPT the dating' if adopted else 'KEEP the publication week'}",
                  *(f"- {reason}" for reason in reasons)]
    for name, db in (("RSS 2022", after_rss), ("KCNA 2011-12", after_kcna)):
        c = dated_counts(db)
        lines.append(f"{name} (after): {c['dated']} of {c['statements']} statements dated by their text, "
                     f"{c['other_day']} to another day than publication, {c['other_week']} to another ISO week; "
                     f"DPRK–ROK state-voice pair statements: {c['pair_dated']} of {c['pair_statements']} dated, "
                     f"{c['pair_other_day']} another day, {c['pair_other_week']} another week")
    return "\n".join(lines)

"""Issue 15's seventh index round (docs/evaluation-index.md): measures that count event DAYS (DAY_MEASURES), their
correlations with the event series on RSS 2022, KCNA 2011–12 and RSS 2024, and the fourth round's rule applied to
them. Printed by `python -m evaluation.index_events --days`; the earlier rounds are in evaluation/index_rounds.py.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from evaluation.events import PAIR
from evaluation.index_events import event_series, in_split, kcna_event_weeks, nk_event_days
from evaluation.index_rounds import fourth_round_decision, rss_event_days, variant_correlations, variant_measures
from tension.warehouse import store


# Issue 15's seventh round (docs/evaluation-index.md, pre-registered before any figure): measures that count DAYS,
# the unit the event series counts in. Rows: state-voice DPRK–ROK pair statements with h > 0, without the headline
# rows their lead repeats; a statement's day is its effective_date (occurred if its text names one, else its
# document's publication day), so it always falls in the week the index counts it in.
DAY_MEASURES = {
    "act_days": "days with a hostile DPRK act toward the ROK",
    "hostile_days": "days with a hostile DPRK–ROK statement (either direction, act or words)",
    "act_days_max": "Σ over days of the day's largest h among DPRK acts toward the ROK",
    "act_days_pair": "days with a hostile act, either direction of the pair",
    "act_day_share": "act_days / days with a document published",
}
DAY_COMPARED = ("today", "is_act") + tuple(DAY_MEASURES)
DAY_LABELS = {"today": "intensity `today` (the headline)", "is_act": "intensity `is_act`",
              **{name: f"`{name}`: {label}" for name, label in DAY_MEASURES.items()}}


def day_measures(db: Path, actor: str = "PRK", target: str = "KOR") -> pd.DataFrame:
    """Every week of the pair with the seventh round's day measures (0 in a week read without a qualifying row,
    NULL in a feed gap) and the week's days with a document published (`days_covered`)."""
    with store.connect(db, read_only=True) as con:
        frame = con.execute("""
            with weeks as (
                select period_start as week, feed_gap, days_covered from tension_index('week', pair := $pair)
            ),
            hostile as (
                select week_start as week, cast(effective_date as date) as day, hostility as h,
                       coalesce(is_act, false) as act,
                       coalesce(is_act, false) and source_country = $actor and target_country = $target as toward
                from pair_statements
                where pair_id = $pair and in_index and hostility > 0
            ),
            days as (
                select week, day, bool_or(toward) as toward, bool_or(act) as act,
                       max(h) filter (where toward) as toward_max
                from hostile group by week, day
            ),
            sums as (
                select week, count(*) filter (where toward) as act_days, count(*) as hostile_days,
                       sum(toward_max) as act_days_max, count(*) filter (where act) as act_days_pair
                from days group by week
            )
            select w.week, w.days_covered,
                   case when not w.feed_gap then coalesce(s.act_days, 0) end as act_days,
                   case when not w.feed_gap then coalesce(s.hostile_days, 0) end as hostile_days,
                   case when not w.feed_gap then coalesce(s.act_days_max, 0) end as act_days_max,
                   case when not w.feed_gap then coalesce(s.act_days_pair, 0) end as act_days_pair,
                   case when not w.feed_gap then 1.0 * coalesce(s.act_days, 0) / w.days_covered end as act_day_share
            from weeks as w left join sums as s on s.week = w.week
            order by w.week
        """, {"pair": PAIR, "actor": actor, "target": target}).df()
    frame["week"] = pd.to_datetime(frame["week"]).dt.date
    for name in DAY_MEASURES:
        frame[name] = frame[name].astype(float)
    return frame


def day_weeks(db: Path) -> pd.DataFrame:
    """The pair's weeks read (a feed gap left out) with `today`, `is_act` (variant_measures) and the day measures."""
    variants = variant_measures(db, ("today", "is_act"))[["week", "today", "is_act"]]
    weeks = variants.merge(day_measures(db), on="week", how="left")
    return weeks[weeks["today"].notna()].sort_values("week").reset_index(drop=True)


def days_correlations(rss_db: Path, kcna_db: Path, rss2024_db: Path) -> dict[str, dict]:
    """variant_correlations of every compared measure (DAY_COMPARED) on RSS 2022 tune, check and whole year
    (missile days), KCNA 2011–12 (exercise and launch weeks) and RSS 2024 under each of its event series (keys
    'rss2024:<series>', each with its 'primary' mark)."""
    result = {}
    rss = day_weeks(rss_db)
    rss = rss[pd.to_datetime(rss["week"]).dt.year.ge(2021)].reset_index(drop=True)  # 2021-W52 holds 1-2 Jan 2022
    rss_events = rss_event_days(rss["week"])
    for split in ("tune", "check", "all"):
        chosen = rss["week"].map(lambda w, s=split: in_split(w, s)).astype(bool)
        result[f"rss2022:{split}"] = {"weeks": int(chosen.sum()), "event_weeks": int((rss_events[chosen] > 0).sum()),
                                      "candidates": variant_correlations(rss[chosen], rss_events[chosen],
                                                                         DAY_COMPARED)}
    kc = day_weeks(kcna_db)
    kcna_weeks = kcna_event_weeks()
    kc_events = kc["week"].map(lambda w: float(w in kcna_weeks))
    result["kcna"] = {"weeks": len(kc), "event_weeks": int(kc_events.sum()),
                      "candidates": variant_correlations(kc, kc_events, DAY_COMPARED)}
    r24 = day_weeks(rss2024_db)
    r24 = r24[r24["week"].map(lambda w: w.isocalendar()[0] == 2024)].reset_index(drop=True)
    for name, (_, primary) in event_series(2024).items():
        counts = nk_event_days(2024, series=name)
        events = r24["week"].map(lambda w, c=counts: c.get(w, 0)).astype(float)
        result[f"rss2024:{name}"] = {"weeks": len(r24), "event_weeks": int((events > 0).sum()), "primary": primary,
                                     "candidates": variant_correlations(r24, events, DAY_COMPARED)}
    return result


def days_report(rss_db: Path, kcna_db: Path, rss2024_db: Path) -> str:
    """Issue 15's seventh round: ρ [95%] and the paired difference from `today` of every compared measure on each
    data set, and the fourth round's rule applied to the day measures."""
    result = days_correlations(rss_db, kcna_db, rss2024_db)
    titles = {"rss2022:tune": "RSS 2022 tune", "rss2022:check": "RSS 2022 check",
              "rss2022:all": "RSS 2022 whole year",
              "kcna": "KCNA 2011–12", **{key: f"RSS 2024 `{key.split(':')[1]}`" for key in result
                                         if key.startswith("rss2024:")}}
    lines = ["Seventh round: measures that count event days (DPRK–ROK, state voices; weeks read only)"]
    for key, title in titles.items():
        data = result[key]
        lines += ["", f"{title}: {data['weeks']} weeks, {data['event_weeks']} with an event",
                  "| measure | ρ [95%] | ρ − today [95%] |", "|---|---:|---:|"]
        for name in DAY_COMPARED:
            c = data["candidates"][name]
            diff = "—" if name == "today" else f"{c[4]:+.2f} [{c[5]:+.2f}, {c[6]:+.2f}]"
            lines.append(f"| {DAY_LABELS[name]} | {c[0]:+.2f} [{c[2]:+.2f}, {c[3]:+.2f}] | {diff} |")
    rss2024 = {key: data for key, data in result.items() if key.startswith("rss2024:")}
    headline, reasons = fourth_round_decision(rss2024, result["rss2022:all"]["candidates"],
                                              result["kcna"]["candidates"], tuple(DAY_MEASURES))
    lines += ["", f"Decision by the pre-registered rule (the fourth round's): the headline is `{headline}`"]
    return "\n".join(lines + [f"- {r}" for r in reasons])

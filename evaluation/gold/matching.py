"""How gold rows and system statements of one unit are paired, and the figures counted over the pairs.

The matching and the figures are defined in evaluation/gold/extraction.py's docstring (and
docs/evaluation-extraction.md); this module holds them so the harness (extraction.py: reading the labels, running
the system, printing the tables), the re-read harness (reread.py) and the row confidence (evaluation/row_confidence.py)
count the same way.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

# The gold labels keep the guideline of their time: a party not ruling then is party_legislature there; the tool splits
# it off as `opposition` since session 10 (docs/labelling-guideline.md), read as party_legislature when compared.
GOLD_KIND = {"opposition": "party_legislature"}


# The columns of every label file of the gold set (gold.tsv, the labellers' and adjudicators' parts), in order.
COLUMNS = ("unit_id", "stmt", "speaker", "speaker_country", "speaker_kind", "reported_by", "reported_by_country",
           "targets", "target_inferred", "modality", "hostility", "note")


@dataclass(frozen=True)
class Row:
    """One labelled statement (stmt >= 1) of a unit, from any label file of the gold set: the gold rows the system is
    scored against (extraction.py, reread.py) and each labeller's rows their agreement compares (agreement.py)."""

    unit_id: str
    speaker: str
    country: str | None  # None: a speaker of no state (written "-" or left empty)
    kind: str
    reported_by: str
    targets: frozenset[str]
    inferred: bool
    modality: str
    hostility: int

    @classmethod
    def from_cells(cls, cells: dict[str, str]) -> "Row":
        """The row of one statement line, its cells by column name (stripped): no country and no target are "-" or
        empty; a hostility cell that is no whole number counts 0."""
        country = cells["speaker_country"]
        return cls(cells["unit_id"], cells["speaker"], None if country in ("", "-") else country,
                   cells["speaker_kind"], cells["reported_by"],
                   frozenset(t.strip() for t in cells["targets"].split(",") if t.strip() not in ("", "-")),
                   cells["target_inferred"] == "1", cells["modality"],
                   int(cells["hostility"]) if re.fullmatch(r"-?\d+", cells["hostility"]) else 0)


def gold_kind(kind: str | None) -> str | None:
    """The tool's speaker kind as the gold labels name it (`opposition` -> party_legislature)."""
    return GOLD_KIND.get(kind, kind)


def directions(country: str | None, targets, pairs) -> frozenset[str]:
    """Directed configured pairs ("PRK→KOR") a statement bears on (the rule of the pair_statements view)."""
    found = set()
    for pair in pairs:
        if country in pair.countries():
            other = pair.country_b if country == pair.country_a else pair.country_a
            if other in targets:
                found.add(f"{country}→{other}")
    return frozenset(found)


def pair_up(gold: list[Row], system: list[dict]) -> list[tuple[Row | None, dict | None]]:
    """One-to-one pairs of gold rows and system statements of one unit, best agreement first."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            agree = (4 * (s["speaker_country"] == g.country) + 2 * (frozenset(s["targets"]) == g.targets)
                     + (gold_kind(s.get("speaker_kind")) == g.kind))
            candidates.append((-agree, gi, si))
    used_g, used_s, out = set(), set(), []
    for _, gi, si in sorted(candidates):
        if gi not in used_g and si not in used_s:
            used_g.add(gi), used_s.add(si)
            out.append((gold[gi], system[si]))
    out += [(g, None) for i, g in enumerate(gold) if i not in used_g]
    out += [(None, s) for i, s in enumerate(system) if i not in used_s]
    return out


class Tally:
    """Counts of one group (a corpus and a split)."""

    def __init__(self) -> None:
        self.n: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # name -> [right, of]

    def add(self, name: str, right: bool) -> None:
        cell = self.n[name]
        cell[0] += bool(right)
        cell[1] += 1

    def figure(self, name: str) -> str:
        right, of = self.n[name]
        return f"{right / of:4.2f} ({right}/{of})" if of else "   - (0/0)"

    def interval(self, name: str) -> str:
        right, of = self.n[name]
        if not of:
            return "-"
        low, high = wilson(right, of)
        return f"[{low:.2f}, {high:.2f}]"


def wilson(right: int, of: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson's 95% interval of a share right/of. It treats the statements as independent; statements of one
    document are not (the same construction fails for all of them), so the real interval is somewhat wider."""
    share = right / of
    centre = (share + z * z / (2 * of)) / (1 + z * z / of)
    half = z * ((share * (1 - share) / of + z * z / (4 * of * of)) ** 0.5) / (1 + z * z / of)
    return (max(0.0, centre - half), min(1.0, centre + half))


FIGURES = [("statement P", "statement precision"), ("statement R", "statement recall"),
           ("speaker country", "speaker country (pairs)"), ("speaker kind", "speaker kind (country right)"),
           ("targets", "targets, set equal (country right)"), ("direction R", "direction, gold pair statements"),
           ("direction P", "direction, system pair statements"), ("all four R", "all four, gold pair statements"),
           ("all four P", "all four, system pair statements")]


# What became of a gold pair statement (--breakdown): its first failure in the order the figures are read.
BREAKDOWN = ("why: right", "why: not found", "why: speaker country", "why: direction (targets)",
             "why: kind or other targets")


def why_wrong(missed: bool, country_ok: bool, direction_wrong: bool, all_ok: bool) -> str:
    """The BREAKDOWN key of one gold pair statement."""
    return BREAKDOWN[1 if missed else 2 if not country_ok else 3 if direction_wrong else 4 if not all_ok else 0]


def score(gold: dict[str, list[Row]], system: dict[str, list[dict]], unit_ids: list[str], pairs,
          errors: list[str] | None = None, texts: dict[str, str] | None = None) -> Tally:
    """The tally of the figures over `unit_ids`; `errors` collects a line per mistake when given."""
    t = Tally()
    for uid in unit_ids:
        shown = False
        for g, s in pair_up(gold.get(uid, []), system.get(uid, [])):
            country_ok = g is not None and s is not None and s["speaker_country"] == g.country
            if s is not None:
                t.add("statement P", country_ok)
            if g is not None:
                t.add("statement R", country_ok)
            if g is not None and s is not None:
                t.add("speaker country", country_ok)
            kind_ok = targets_ok = False
            if country_ok:
                kind_ok = gold_kind(s.get("speaker_kind")) == g.kind
                targets_ok = frozenset(s["targets"]) == g.targets
                t.add("speaker kind", kind_ok)
                t.add("targets", targets_ok)
            gd = directions(g.country, g.targets, pairs) if g else frozenset()
            sd = directions(s["speaker_country"], s["targets"], pairs) if s else frozenset()
            all_ok = country_ok and kind_ok and targets_ok and gd == sd
            if gd:
                t.add("direction R", gd == sd)
                t.add("all four R", all_ok)
                # why a gold pair statement is not right: the first failure in the order the figures are read
                t.add(why_wrong(s is None, country_ok, gd != sd, all_ok), True)
            if sd:
                t.add("direction P", gd == sd)
                t.add("all four P", all_ok)
            if errors is not None and not (country_ok and kind_ok and targets_ok):
                if texts is not None and not shown:
                    errors.append(f"== {uid}: {' '.join(texts.get(uid, '').split())}")
                    shown = True
                errors.append(_error_line(uid, g, s))
    return t


def _error_line(uid: str, g: Row | None, s: dict | None) -> str:
    gold = (f"{g.speaker!r} {g.country or '-'} {g.kind} →{','.join(sorted(g.targets)) or '-'}"
            f"{' by ' + g.reported_by if g.reported_by else ''}") if g else "(none)"
    got = (f"{s['speaker']!r} {s['speaker_country'] or '-'} {s.get('speaker_kind')} "
           f"→{','.join(sorted(s['targets'])) or '-'} [{s['attribution']}]"
           f"{' by ' + s['reported_by'] if s.get('reported_by') else ''}") if s else "(none)"
    return f"{uid}\n    gold {gold}\n    got  {got}"

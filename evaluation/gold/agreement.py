"""Agreement between the two independent labellers of the gold set (Cohen's kappa per field), and the list of
disagreements an adjudicator resolves.

    python -m evaluation.gold.agreement                       # kappa per field, overall and per corpus
    python -m evaluation.gold.agreement --disagreements F     # also write the units on which A and B differ (TSV)

Reads evaluation/labels/gold/labeller_a*.tsv and labeller_b*.tsv (every part file of each labeller) and units.tsv.
No corpus text is read: only labels. How statements of the two labellers are paired within a unit, and what each
figure counts, is in evaluation/labels/gold/README.md ("Agreement").
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

from evaluation.gold.matching import COLUMNS, Row, directions as pair_directions
from tension.config import load_pairs
from tension.extract.kinds import STATE_VOICES

GOLD_DIR = Path(__file__).resolve().parents[1] / "labels" / "gold"
FIELDS = COLUMNS  # (build.py writes gold.tsv with them)


def read_labels(paths: list[Path]) -> tuple[dict[str, list[Row]], set[str]]:
    """Statements per unit, and every unit the files cover (units with stmt=0 have no statements)."""
    per_unit: dict[str, list[Row]] = defaultdict(list)
    covered: set[str] = set()
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if line.strip() and not line.startswith("#")]
        for r in csv.DictReader(lines, delimiter="\t"):
            r = {k: (v or "").strip() for k, v in r.items() if k}
            covered.add(r["unit_id"])
            if r["stmt"] in ("", "0"):
                continue
            per_unit[r["unit_id"]].append(Row.from_cells(r))
    return per_unit, covered


def label_files(labeller: str, folder: Path = GOLD_DIR) -> list[Path]:
    """Every part file of one labeller ('a' or 'b')."""
    return sorted(folder.glob(f"labeller_{labeller}*.tsv"))


def units(folder: Path = GOLD_DIR) -> dict[str, dict[str, str]]:
    """units.tsv rows by unit_id."""
    with (folder / "units.tsv").open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return {r["unit_id"]: r for r in csv.DictReader(lines, delimiter="\t")}


def directions(row: Row, pairs) -> frozenset[str]:
    """The configured directed pairs a statement bears on ("PRK→KOR"), empty when none."""
    return pair_directions(row.country, row.targets, pairs)


def _words(text: str) -> set[str]:
    return {w for w in "".join(c.lower() if c.isalnum() else " " for c in text).split() if len(w) > 2}


def pair_rows(a: list[Row], b: list[Row]) -> tuple[list[tuple[Row, Row]], list[Row], list[Row]]:
    """Pair the statements of one unit: greedily by the best similarity (same speaker country weighs most, then shared
    speaker words, same targets, same kind); a pair needs the same country or a shared speaker word."""
    scored = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            same_country = x.country == y.country
            shared = bool(_words(x.speaker) & _words(y.speaker))
            if not (same_country or shared):
                continue
            score = 4 * same_country + 2 * shared + (x.targets == y.targets) + (x.kind == y.kind)
            scored.append((-score, i, j))
    used_a, used_b, pairs = set(), set(), []
    for _, i, j in sorted(scored):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((a[i], b[j]))
    return pairs, [x for i, x in enumerate(a) if i not in used_a], [y for j, y in enumerate(b) if j not in used_b]


def cohen_kappa(pairs: list[tuple[object, object]]) -> float:
    """Cohen's kappa of two raters' labels on the same items (nan for no items; 1.0 when both use one label)."""
    n = len(pairs)
    if not n:
        return float("nan")
    observed = sum(x == y for x, y in pairs) / n
    ca, cb = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def weighted_kappa(pairs: list[tuple[int, int]]) -> float:
    """Cohen's kappa with quadratic weights, for the ordinal hostility classes."""
    n = len(pairs)
    if not n:
        return float("nan")
    labels = sorted({v for p in pairs for v in p})
    span = (labels[-1] - labels[0]) or 1
    ca, cb = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    disagree_obs = sum(((x - y) / span) ** 2 for x, y in pairs) / n
    disagree_exp = sum(ca[x] * cb[y] * ((x - y) / span) ** 2 for x in ca for y in cb) / (n * n)
    return 1.0 if disagree_exp == 0 else 1 - disagree_obs / disagree_exp


def agreement(a: dict[str, list[Row]], b: dict[str, list[Row]], unit_ids: list[str], pairs) -> dict[str, object]:
    """Every figure of one group of units."""
    detect, matched, only_a, only_b = [], [], 0, 0
    for uid in unit_ids:
        ra, rb = a.get(uid, []), b.get(uid, [])
        detect.append((bool(ra), bool(rb)))
        m, ua, ub = pair_rows(ra, rb)
        matched += m
        only_a += len(ua)
        only_b += len(ub)
    n_a, n_b = sum(len(a.get(u, [])) for u in unit_ids), sum(len(b.get(u, [])) for u in unit_ids)
    pair_stmts = [(x, y) for x, y in matched if directions(x, pairs) or directions(y, pairs)]
    return {
        "units": len(unit_ids),
        "statements A/B": f"{n_a}/{n_b}",
        "statement F1 (A vs B)": 2 * len(matched) / (n_a + n_b) if n_a + n_b else float("nan"),
        "kappa unit has a statement": cohen_kappa(detect),
        "paired statements": len(matched),
        "kappa speaker_country": cohen_kappa([(x.country, y.country) for x, y in matched]),
        "kappa speaker_kind": cohen_kappa([(x.kind, y.kind) for x, y in matched]),
        "kappa state voice (kind)": cohen_kappa([(x.kind in STATE_VOICES, y.kind in STATE_VOICES) for x, y in matched]),
        "kappa targets (set)": cohen_kappa([(x.targets, y.targets) for x, y in matched]),
        "kappa direction (pair)": cohen_kappa([(directions(x, pairs), directions(y, pairs)) for x, y in matched]),
        "kappa reported_by given": cohen_kappa([(bool(x.reported_by), bool(y.reported_by)) for x, y in matched]),
        "kappa modality": cohen_kappa([(x.modality, y.modality) for x, y in matched]),
        "kappa hostility class": cohen_kappa([(x.hostility, y.hostility) for x, y in matched]),
        "weighted kappa hostility": weighted_kappa([(x.hostility, y.hostility) for x, y in matched]),
        "pair statements paired": len(pair_stmts),
        "kappa hostility (pair stmts)": cohen_kappa([(x.hostility, y.hostility) for x, y in pair_stmts]),
    }


def disagreements(a: dict[str, list[Row]], b: dict[str, list[Row]], unit_ids: list[str], pairs) -> list[str]:
    """Units whose statements differ in any labelled field that is scored (not speaker wording or notes)."""
    out = []
    for uid in unit_ids:
        ra, rb = a.get(uid, []), b.get(uid, [])
        m, ua, ub = pair_rows(ra, rb)
        if ua or ub or any((x.country, x.kind, x.targets, directions(x, pairs), x.modality, x.hostility,
                            bool(x.reported_by)) != (y.country, y.kind, y.targets, directions(y, pairs), y.modality,
                                                     y.hostility, bool(y.reported_by)) for x, y in m):
            out.append(uid)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--disagreements", type=Path, help="write the ids of units on which A and B differ")
    parser.add_argument("--batch", choices=("1", "2", "3", "4", "5", "all"), default="all",
                        help="units of batch 1 (the first 836), batch 2 (the extension), batch 3 (session 6, RSS-weighted), batch 4 (session 11), batch 5 (session 19) or all (default)")
    args = parser.parse_args(argv)
    files_a, files_b = label_files("a"), label_files("b")
    if not files_a or not files_b:
        print("agreement: needs labeller_a*.tsv and labeller_b*.tsv in", GOLD_DIR)
        return 2
    a, cov_a = read_labels(files_a)
    b, cov_b = read_labels(files_b)
    all_units = {u: r for u, r in units().items() if args.batch in ("all", r.get("batch") or "1")}
    both = [u for u in all_units if u in cov_a and u in cov_b]
    print(f"units: {len(all_units)}; labelled by A {len(cov_a)}, by B {len(cov_b)}, by both {len(both)}")
    pairs = load_pairs()
    groups = {"all": both}
    for u in both:
        groups.setdefault(all_units[u]["corpus"], []).append(u)
    figures = {name: agreement(a, b, ids, pairs) for name, ids in groups.items()}
    names = list(figures)
    print("| figure | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for key in figures["all"]:
        cells = [v if isinstance(v := figures[n][key], str) else (f"{v:.2f}" if isinstance(v, float) else str(v))
                 for n in names]
        print(f"| {key} | " + " | ".join(cells) + " |")
    if args.disagreements:
        ids = disagreements(a, b, both, pairs)
        args.disagreements.write_text("".join(u + "\n" for u in ids), encoding="utf-8")
        print(f"{len(ids)} units disagree -> {args.disagreements}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

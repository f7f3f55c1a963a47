"""Can what a pair row already stores tell a row that should not exist? (attribution round 53, issue 13)

    python -m evaluation.row_confidence --gold                       # the gold tune half (T1 and T2), as run
    python -m evaluation.row_confidence --labels verdicts.tsv        # blind verdicts joined to databases
    python -m evaluation.row_confidence --gold --labels verdicts.tsv --holdout 'gold t2' --out scores.tsv

A measurement, not a filter: nothing here changes what the pipeline stores. Each labelled pair row (one statement x
one directed pair it bears on) is turned into features from its stored columns only (attribution rule, speaker kind
and role, reporter given, targets inferred, act or words, modality, cue, sentence position, number of targets,
corpus, direction, hostility, VADER, the cue kinds of the score's explanation, content length; no text is read
again), and an L2 logistic regression (numpy) ranks the rows; "should not exist" is the positive class.

Labels come from two places:

- `--gold`: the gold set's TUNE half only (T1 and T2; the check half is refused), each labelled document run as users
  run its corpus (evaluation.gold.as_run) and paired with the gold rows by evaluation.gold.matching.pair_up: a
  system pair row paired with a gold pair statement exists; one paired with no gold row should not exist; one paired
  with a gold row that bears on no pair is left out (counted in the printout).
- `--labels FILE` (repeatable): a TSV `source  db  statement_id  direction  verdict` (verdict `exists` or
  `should_not_exist`), each key a row of the database's pair_statements view; keys that no longer join are counted.

Figures: held-out AUC under grouped cross-validation (folds by document), per source and pooled, with a bootstrap
interval by document; single-feature baselines under the same folds; what a threshold keeping 90% of the real rows
would drop. `--holdout 'gold t2'` trains on every row but the gold T2's and prints T2's counts only (never its rows);
`--drop PREFIX` leaves a group of features out (an ablation).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from tension.extract.kinds import STATE_VOICES

from evaluation.scoring import auc

SNE = "should_not_exist"
VERDICTS = ("exists", SNE)
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "his", "her", "its", "their"})
FOLDS = 5
DROPPED: list[str] = []  # feature name prefixes left out (--drop)
MIN_COUNT = 3  # a categorical value is a feature when at least this many rows have it


# ---------------------------------------------------------------------------------------------------- the rows
def pair_row(record: dict, direction: str, source: str, corpus: str, group: str, verdict: str, split: str = "") -> dict:
    """One labelled pair row from a stored statement (a pair_statements row or what `tension statements` prints)."""
    explanation = record.get("explanation") or {}
    if isinstance(explanation, str):
        explanation = json.loads(explanation)
    return {"source": source, "corpus": corpus, "group": group, "split": split, "y": int(verdict == SNE),
            "direction": direction, "attribution": record.get("attribution") or "",
            "speaker_kind": record.get("speaker_kind") or "none", "speaker_role": record.get("speaker_role") or "none",
            "speaker": (record.get("speaker") or "").strip().lower(), "reported_by": bool(record.get("reported_by")),
            "targets": list(record.get("targets") or []), "targets_inferred": bool(record.get("targets_inferred")),
            "is_act": bool(record.get("is_act")), "modality": record.get("modality") or "",
            "cue": (record.get("cue") or "").lower(), "sentence_index": int(record.get("sentence_index") or 0),
            "content_chars": len(record.get("content") or ""), "hostility": float(record.get("hostility") or 0.0),
            "vader": float(explanation.get("vader_compound") or 0.0),
            "cue_sum": float(explanation.get("cue_sum") or 0.0),
            "cue_kinds": sorted({c.get("kind") or "" for c in explanation.get("cues") or []}),
            "occurred": bool(record.get("occurred"))}


def db_rows(db: Path) -> dict[tuple[str, str], dict]:
    """The pair_statements rows of a database, by (statement_id, direction)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute("select p.*, s.speaker_role from pair_statements p "
                          "join statements s using (statement_id)")
        names = [d[0] for d in cur.description]
        out = {}
        for values in cur.fetchall():
            r = dict(zip(names, values))
            out[(r["statement_id"], r["direction"])] = r
        return out
    finally:
        con.close()


def label_rows(path: Path) -> tuple[list[dict], Counter]:
    """Rows of a verdict file joined to their databases; the counter says how many keys joined."""
    rows, seen, cache = [], Counter(), {}
    with path.open(encoding="utf-8") as f:
        for line in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
            if line["verdict"] not in VERDICTS:
                raise SystemExit(f"{path}: verdict {line['verdict']!r} is not one of {VERDICTS}")
            db = Path(line["db"])
            if db not in cache:
                cache[db] = db_rows(db)
            record = cache[db].get((line["statement_id"], line["direction"]))
            seen[(line["source"], record is not None)] += 1
            if record is not None:
                row = pair_row(record, line["direction"], line["source"], line.get("corpus") or line["source"],
                               f"{line.get('corpus') or line['source']}:{record['doc_id']}", line["verdict"])
                rows.append(row)
    return rows, seen


def gold_rows(split: str = "tune") -> tuple[list[dict], Counter]:
    """The gold tune half's system pair rows, labelled by the harness's pairing (as run); never the check half."""
    if split not in ("tune", "t1", "t2"):
        raise ValueError(f"the gold rows are the tune half's (tune, t1, t2), not {split!r}: the check half is the "
                         "lead's, scored once at the end of a session")
    from tension.config import load_pairs

    from evaluation.gold import as_run, extraction as gx, units as sampler
    from evaluation.gold.matching import directions, pair_up

    gold, labelled = gx.read_labels(gx.GOLD_FILE)
    units = [u for u in sampler.sample() if u["unit_id"] in labelled and gx.in_split(u, split)]
    docs = as_run.documents(units, mappings=as_run.AS_RUN)
    system = as_run.assign(docs, as_run.run_statements(docs, [], as_run.AS_RUN))
    pairs = load_pairs()
    rows, seen = [], Counter()
    for u in units:
        part = gx.tune_part(u["corpus"], u["doc_id"])
        for g, s in pair_up(gold.get(u["unit_id"], []), system.get(u["unit_id"], [])):
            if s is None:
                continue
            gd = directions(g.country, g.targets, pairs) if g is not None else frozenset()
            for direction in sorted(directions(s["speaker_country"], s["targets"], pairs)):
                if g is not None and not gd:
                    seen["left out: paired with a gold row that bears on no pair"] += 1
                    continue
                verdict = SNE if g is None else "exists"
                seen[f"gold {part} {verdict}"] += 1
                rows.append(pair_row(s, direction, f"gold {part}", u["corpus"], f"gold:{u['corpus']}:{u['doc_id']}",
                                     verdict, part))
    return rows, seen


# ------------------------------------------------------------------------------------------------ the features
def categorical(row: dict) -> list[str]:
    """The row's categorical features as 'name=value' strings."""
    out = [f"attribution={row['attribution']}", f"kind={row['speaker_kind']}", f"role={row['speaker_role']}",
           f"modality={row['modality']}", f"cue={row['cue'] or '(act)'}", f"corpus={row['corpus']}",
           f"direction={row['direction']}", f"reported_by={row['reported_by']}",
           f"inferred={row['targets_inferred']}", f"is_act={row['is_act']}", f"first_sentence={row['sentence_index'] == 0}",
           f"speaker_pronoun={row['speaker'] in PRONOUNS}", f"occurred={row['occurred']}",
           f"n_targets={min(len(row['targets']), 3)}"]
    out += [f"cue_kind={k}" for k in row["cue_kinds"]] or ["cue_kind=(none)"]
    return out


NUMERIC = ("log_sentence_index", "log_content_chars", "hostility", "abs_hostility", "vader", "cue_sum", "n_cue_kinds")


def numeric(row: dict) -> list[float]:
    return [math.log1p(row["sentence_index"]), math.log1p(row["content_chars"]), row["hostility"],
            abs(row["hostility"]), row["vader"], row["cue_sum"], float(len(row["cue_kinds"]))]


class Design:
    """Categorical values seen at least MIN_COUNT times in the training rows, one-hot, and standardised numbers."""

    def __init__(self, rows: list[dict], only: str | None = None) -> None:
        counts = Counter(c for r in rows for c in categorical(r))
        kept = lambda name: not any(name.startswith(p) for p in DROPPED)  # noqa: E731
        self.names = sorted(c for c, n in counts.items()
                            if n >= MIN_COUNT and (only is None or c == only) and kept(c))
        self.numeric = [i for i, name in enumerate(NUMERIC) if (only is None or name == only) and kept(name)]
        nums = np.array([numeric(r) for r in rows], dtype=float).reshape(len(rows), len(NUMERIC))
        self.mean = nums.mean(axis=0) if len(rows) else np.zeros(len(NUMERIC))
        self.sd = nums.std(axis=0) + 1e-9 if len(rows) else np.ones(len(NUMERIC))
        self.index = {c: i for i, c in enumerate(self.names)}

    def matrix(self, rows: list[dict]) -> np.ndarray:
        x = np.zeros((len(rows), 1 + len(self.names) + len(self.numeric)))
        x[:, 0] = 1.0
        for i, r in enumerate(rows):
            for c in categorical(r):
                if c in self.index:
                    x[i, 1 + self.index[c]] = 1.0
            nums = (np.array(numeric(r)) - self.mean) / self.sd
            x[i, 1 + len(self.names):] = nums[self.numeric]
        return x


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method (the intercept not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))


def fold_of(group: str, seed: int) -> int:
    return int(hashlib.sha1(f"{seed}:{group}".encode()).hexdigest(), 16) % FOLDS


def held_out(rows: list[dict], seed: int = 0, only: str | None = None) -> np.ndarray:
    """Out-of-fold scores: each document's rows scored by a model fitted without that document's fold."""
    y = np.array([r["y"] for r in rows], dtype=float)
    out = np.zeros(len(rows))
    folds = np.array([fold_of(r["group"], seed) for r in rows])
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        if not test.any():
            continue
        design = Design([r for r, t in zip(rows, train) if t], only)
        w = fit(design.matrix([r for r, t in zip(rows, train) if t]), y[train])
        out[test] = predict(w, design.matrix([r for r, t in zip(rows, test) if t]))
    return out


def bootstrap(scores: np.ndarray, rows: list[dict], n: int = 1000, seed: int = 7) -> tuple[float, float]:
    """95% interval of the AUC, documents resampled with replacement."""
    y = np.array([r["y"] for r in rows])
    by_group: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_group[r["group"]].append(i)
    groups = list(by_group)
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(n):
        pick = np.concatenate([by_group[groups[g]] for g in rng.integers(0, len(groups), len(groups))])
        a = auc(scores[pick], y[pick])
        if not math.isnan(a):
            values.append(a)
    return (float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))) if values else (math.nan, math.nan)


def threshold_90(scores: np.ndarray, y: np.ndarray) -> float:
    """The score above which 10% of the real rows lie: a filter at it keeps 90% of them."""
    return float(np.percentile(scores[y == 0], 90))


# ------------------------------------------------------------------------------------------------ the report
def report(rows: list[dict], seed: int, baselines: int, out: Path | None) -> None:
    y = np.array([r["y"] for r in rows])
    scores = held_out(rows, seed)
    cut = threshold_90(scores, y)
    print(f"{len(rows)} labelled pair rows in {len({r['group'] for r in rows})} documents, {int(y.sum())} should not "
          f"exist; logistic regression, {FOLDS} folds by document (seed {seed})")
    print(f"\n  {'source':18} {'rows':>5} {'sne':>4} {'AUC':>6}  {'95% (docs resampled)':>21}  "
          f"{'dropped at 90% kept: sne':>25} {'real':>9}")
    for source in [*sorted({r["source"] for r in rows}), "pooled"]:
        pick = np.array([source in ("pooled", r["source"]) for r in rows])
        sub = [r for r, p in zip(rows, pick) if p]
        a = auc(scores[pick], y[pick])
        low, high = bootstrap(scores[pick], sub)
        sne_drop = int(((scores[pick] > cut) & (y[pick] == 1)).sum())
        real_drop = int(((scores[pick] > cut) & (y[pick] == 0)).sum())
        print(f"  {source:18} {pick.sum():5d} {int(y[pick].sum()):4d} {a:6.3f}  [{low:.3f}, {high:.3f}]"
              f"{'':9}{sne_drop:>10d}/{int(y[pick].sum()):<4d}{'':11}{real_drop:>4d}/{int((y[pick] == 0).sum())}")
    # what the filter would do to the mean hostility of the rows (the index is a mean of such scores)
    hostility = np.array([r["hostility"] for r in rows])
    state = np.array([r["speaker_kind"] in STATE_VOICES for r in rows])
    print(f"\n  mean hostility (pooled; state voices, which the index counts, in brackets): every labelled system row "
          f"{hostility.mean():+.3f} ({hostility[state].mean():+.3f}); the real rows only {hostility[y == 0].mean():+.3f} "
          f"({hostility[state & (y == 0)].mean():+.3f}); the rows that should not exist {hostility[y == 1].mean():+.3f} "
          f"({hostility[state & (y == 1)].mean():+.3f}); the rows a filter at the threshold keeps "
          f"{hostility[scores <= cut].mean():+.3f} ({hostility[state & (scores <= cut)].mean():+.3f})")
    if baselines:
        single = []
        names = sorted({c for r in rows for c in categorical(r)} | set(NUMERIC))
        for name in names:
            if name not in NUMERIC and sum(name in categorical(r) for r in rows) < MIN_COUNT:
                continue
            single.append((auc(held_out(rows, seed, only=name), y), name))
        single.sort(reverse=True)
        print(f"\n  single-feature baselines (same folds; the {baselines} best of {len(single)}):")
        for a, name in single[:baselines]:
            n = sum(name in categorical(r) for r in rows) if name not in NUMERIC else len(rows)
            pos = sum(r["y"] for r in rows if name in categorical(r)) if name not in NUMERIC else int(y.sum())
            print(f"    {a:6.3f}  {name}  ({n} rows, {pos} should not exist)")
    if out is not None:
        with out.open("w", encoding="utf-8") as f:
            f.write("source\tgroup\tdirection\ty\theld_out_score\n")
            for r, s in zip(rows, scores):
                if r["split"] != "t2":  # T2's rows are never written
                    f.write(f"{r['source']}\t{r['group']}\t{r['direction']}\t{r['y']}\t{s:.4f}\n")


def holdout(rows: list[dict], source: str, seed: int) -> None:
    """Train on every row but `source`'s; print how many of its rows fall beyond the 90% threshold (counts only).
    Rows of other sources in the same documents are left out of the training too."""
    test = [r for r in rows if r["source"] == source]
    groups = {r["group"] for r in test}
    train = [r for r in rows if r["source"] != source and r["group"] not in groups]
    if not test:
        print(f"\n--holdout {source}: no such rows (sources: {', '.join(sorted({r['source'] for r in rows}))})")
        return
    y_train = np.array([r["y"] for r in train], dtype=float)
    cut = threshold_90(held_out(train, seed), y_train)
    design = Design(train)
    scores = predict(fit(design.matrix(train), y_train), design.matrix(test))
    y = np.array([r["y"] for r in test])
    print(f"\n{source} held out (trained on {len(train)} other rows; threshold from their held-out scores, keeping 90% "
          f"of their real rows): AUC {auc(scores, y):.3f}; beyond the threshold: {int(((scores > cut) & (y == 1)).sum())}"
          f" of its {int(y.sum())} rows that should not exist, {int(((scores > cut) & (y == 0)).sum())} of its "
          f"{int((y == 0).sum())} real rows")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="Verdict file columns: source, db, statement_id, direction, verdict "
                                        "(exists | should_not_exist); optional corpus.")
    ap.add_argument("--gold", action="store_true", help="label the gold tune half's system pair rows (as run)")
    ap.add_argument("--gold-split", default="tune", help="tune (default), t1 or t2; the check half is refused")
    ap.add_argument("--labels", type=Path, action="append", default=[], help="a verdict file (repeatable)")
    ap.add_argument("--holdout", action="append", default=[], metavar="SOURCE",
                    help="train without this source's rows and print its counts only (e.g. 'gold t2'; repeatable)")
    ap.add_argument("--drop", action="append", default=[], metavar="PREFIX",
                    help="leave out the features whose name starts so (e.g. hostility, cue_kind=, abs_hostility)")
    ap.add_argument("--baselines", type=int, default=10, help="how many single-feature baselines to print (0: none)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the document folds")
    ap.add_argument("--out", type=Path, help="write each row's held-out score (keys only; T2's rows never)")
    a = ap.parse_args(argv)
    if a.gold_split not in ("tune", "t1", "t2"):
        ap.error(f"--gold-split {a.gold_split}: the gold rows are the tune half's (tune, t1, t2); the check half is "
                 "the lead's, scored once at the end of a session")
    if not a.gold and not a.labels:
        ap.error("give --gold, --labels FILE or both")
    rows: list[dict] = []
    for path in a.labels:
        got, seen = label_rows(path)
        rows += got
        print(f"{path}: " + ", ".join(f"{s} {seen[(s, True)]} of {seen[(s, True)] + seen[(s, False)]} keys joined"
                                      for s in sorted({s for s, _ in seen})))
    if a.gold:
        got, seen = gold_rows(a.gold_split)
        rows += got
        print("gold: " + ", ".join(f"{k} {n}" for k, n in sorted(seen.items())))
    if len({r["y"] for r in rows}) < 2:
        print("need rows of both verdicts to measure", file=sys.stderr)
        return 1
    DROPPED.extend(a.drop)
    report(rows, a.seed, a.baselines, a.out)
    for source in a.holdout:
        holdout(rows, source, a.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

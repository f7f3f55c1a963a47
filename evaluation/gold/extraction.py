"""Score statement extraction against the double-labelled gold set, per corpus and overall, tune and check apart.

    python -m evaluation.gold.extraction                       # the tune half of evaluation/labels/gold/gold.tsv
    python -m evaluation.gold.extraction --split check         # the check half: once, at the end, to report
    python -m evaluation.gold.extraction --labels FILE --split tune --errors   # a label file; list tune errors
    python -m evaluation.gold.extraction --as-run --split parts   # each document as users run its corpus
    python -m evaluation.gold.extraction --as-run --read kcna=story         # as run, KCNA without its title (before session 15)

The system runs through the `tension statements` CLI (the interface anyone can run) on the documents of the units,
read from ../shared/data by the sampler's own code (`evaluation.gold.units.sample`). By default (per field, the
mode of every figure before session 13) each labelled field of a document (title, story, text, description, lead)
is one input document, so a unit's raw character span can be found again in the field the system read: each system
statement's content is located in the raw field (its first and last words, whitespace and cleaning aside) and
belongs to the unit it overlaps most. With `--as-run` (evaluation/gold/as_run.py) each labelled document is given
once, as its corpus's raw record with the production field mapping (RSS title+description, Russian state media
title+lead, KCNA story with speaker KCNA, Yonhap text: AS_RUN), so rules reading one field for another count and a
field production does not read (KCNA's and Yonhap's titles) finds nothing: its gold rows are misses, and the number
of such units is printed under each table. Statements are located in the read fields joined as the tool joins them.

Matching, within one unit: gold rows (stmt >= 1) and system statements are paired one to one, best agreement first
(same speaker country, then the same targets, then the same kind). On those pairs:

- statement precision / recall: a pair counts when the speaker country agrees (`-` in gold = no country);
  precision over the system's statements in labelled units, recall over the gold rows;
- speaker country: share of pairs (whatever the country) whose country agrees;
- speaker kind, targets (set equality, `-` = none): share of country-agreeing pairs;
- direction of pair statements (configured pairs: tension/data/pairs.tsv): over the gold rows that bear on a pair
  (speaker and a target are its two members), the share whose paired system statement bears on the same directed
  pair(s) ("recall side"); over the system statements that bear on a pair, the share whose paired gold row does
  ("precision side": an unpaired system pair statement is wrong);
- all four: the same two shares, requiring speaker country, targets, direction and kind all right.

Only the tune half may be looked at while working; the check half is scored to report (`--split check` prints no
errors). The tune half is split once more, by document, into T1 (look at its errors) and T2 (held out: only its
summary figures, never its errors or texts): `t2` when int(sha1("tune-part-2026:" + corpus + ":" + doc_id), 16) is
odd, else `t1` (`tune_part`). A rule is kept only when T2 does not get worse on what it targets. `--errors` lists
T1's errors only, whatever the split. Definitions and figures: docs/evaluation-extraction.md.
"""

from __future__ import annotations

import argparse
import hashlib
from collections import defaultdict
from pathlib import Path

from tension.config import load_pairs

from evaluation.extraction import raw_span, run_statements as run_batch
from evaluation.gold import as_run, units as sampler
from evaluation.gold.matching import BREAKDOWN, COLUMNS, FIGURES, Row, Tally, score

ROOT = Path(__file__).resolve().parents[2]
GOLD_FILE = ROOT / "evaluation" / "labels" / "gold" / "gold.tsv"
# The declared speaker of a document, as a user would give it with `--default speaker=...`: a KCNA release speaks as
# KCNA, an item of the Russian MFA's channel as the ministry. RT and TASS items report: no declared speaker.
DOCUMENT_SPEAKERS = {"kcna": "KCNA"}
RU_OUTLET_SPEAKERS = {"mfa": "Russian Foreign Ministry"}
SPLITS = ("tune", "t1", "t2", "check")


def tune_part(corpus: str, doc_id: str) -> str:
    """T1 or T2 of a tune document (third round of issue 13): deterministic, by document, about half each."""
    return "t2" if int(hashlib.sha1(f"tune-part-2026:{corpus}:{doc_id}".encode("utf-8")).hexdigest(), 16) % 2 else "t1"


def in_split(unit: dict, split: str) -> bool:
    """Whether a sampled unit belongs to `split` (tune, t1, t2 or check)."""
    if split in ("tune", "check"):
        return unit["split"] == split
    return unit["split"] == "tune" and tune_part(unit["corpus"], unit["doc_id"]) == split


def read_labels(path: Path) -> tuple[dict[str, list[Row]], set[str]]:
    """Gold rows per unit, and every unit the file labels (a `stmt=0` unit has no rows)."""
    rows: dict[str, list[Row]] = defaultdict(list)
    labelled: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("unit_id\t"):
            continue
        cells = (line.split("\t") + [""] * len(COLUMNS))[: len(COLUMNS)]
        r = dict(zip(COLUMNS, (c.strip() for c in cells)))
        labelled.add(r["unit_id"])
        if r["stmt"] in ("", "0"):
            continue
        rows[r["unit_id"]].append(Row.from_cells(r))
    return rows, labelled


def field_documents(units: list[dict], contexts: dict[tuple[str, str], dict]) -> dict[str, dict]:
    """One input document per labelled field of a sampled document: {key: {text, published, speaker, units}}.

    `contexts`: each document's raw fields, by (corpus, doc_id) (the sampler puts them on a document's first unit).
    """
    docs: dict[str, dict] = {}
    for u in units:
        key = f"{u['corpus']}:{u['doc_id']}:{u['field']}"
        if key not in docs:
            context = contexts[(u["corpus"], u["doc_id"])]
            speaker = DOCUMENT_SPEAKERS.get(u["corpus"], "")
            if u["corpus"] == "ru_state":
                speaker = RU_OUTLET_SPEAKERS.get(context.get("outlet") or "", "")
            docs[key] = {"text": context[u["field"]] or "", "published": u["published"] or "2000-01-01",
                         "speaker": speaker, "units": []}
        docs[key]["units"].append(u)
    return docs


def run_statements(docs: dict[str, dict]) -> list[dict]:
    """What `tension statements` prints for the documents (one JSONL batch, evaluation.extraction's runner)."""
    return run_batch([{"id": key, "text": d["text"], "published": d["published"][:10], "speaker": d["speaker"]}
                      for key, d in docs.items()])


def assign(docs: dict[str, dict], records: list[dict]) -> dict[str, list[dict]]:
    """System statements per unit: each goes to the unit its raw span overlaps most."""
    out: dict[str, list[dict]] = defaultdict(list)
    cursors: dict[str, int] = defaultdict(int)
    for record in records:
        doc = docs[record["id"]]
        span = raw_span(doc["text"], record["content"], cursors[record["id"]] - 200)
        if span is None:
            continue
        cursors[record["id"]] = span[0]
        best, most = None, 0
        for u in doc["units"]:
            shared = min(span[1], u["end"]) - max(span[0], u["start"])
            if shared > most:
                best, most = u, shared
        if best is not None:
            out[best["unit_id"]].append(record)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", type=Path, default=GOLD_FILE, help="label file (default: the adjudicated gold.tsv)")
    ap.add_argument("--split", choices=[*SPLITS, "parts", "both"], default="tune",
                    help="tune (default), t1 (look at its errors), t2 (held out: figures only) or parts (t1 and t2) "
                         "while working; "
                         "check or both only to report, once, at the end")
    ap.add_argument("--errors", action="store_true",
                    help="list T1's errors (never T2's or the check half's), with --split tune or t1")
    ap.add_argument("--text", action="store_true", help="with --errors: print each erring T1 unit's text")
    ap.add_argument("--corpus", help="only this corpus")
    ap.add_argument("--breakdown", action="store_true",
                    help="tune only: what became of each gold pair statement (not found, wrong speaker country, "
                         "wrong direction, kind or other targets wrong, right), in all and per corpus")
    ap.add_argument("--batch", choices=("1", "2", "3", "4", "5", "all"), default="all",
                    help="units of batch 1 (the first 836), batch 2 (the extension, labelled later), batch 3 (session 6, RSS-weighted), batch 4 (session 11), batch 5 (session 19) or all (default)")
    ap.add_argument("--as-run", action="store_true",
                    help="give each labelled document to `tension statements` once, with its corpus's production "
                         "field mapping (evaluation.gold.as_run.AS_RUN), instead of each labelled field alone")
    ap.add_argument("--read", action="append", default=[], metavar="CORPUS=FIELDS",
                    help="with --as-run: read this corpus's text from these fields instead of its documented mapping "
                         "(e.g. kcna=story, yonhap=title+text); repeatable")
    a = ap.parse_args(argv)
    if a.read and not a.as_run:
        ap.error("--read is an alternative mapping of --as-run")
    if any("=" not in r for r in a.read):
        ap.error("--read takes CORPUS=FIELDS, e.g. yonhap=title+text")
    try:
        mappings = as_run.reading(dict(r.split("=", 1) for r in a.read))
    except ValueError as e:
        ap.error(str(e))
    if a.breakdown and a.split in ("check", "both"):
        ap.error("--breakdown is for the tune half only (tune, t1, t2, parts): the check half is scored to report")
    if not sampler.DATA.is_dir():
        print(f"evaluation.gold.extraction: skipped: {sampler.DATA} is absent (the units' text lives in "
              "../shared/data, on the project's dev machines and CI only)")
        return 0
    if not a.labels.exists():
        print(f"evaluation.gold.extraction: {a.labels} does not exist yet")
        return 1
    gold, labelled = read_labels(a.labels)
    sampled = sampler.sample()
    contexts = {(u["corpus"], u["doc_id"]): u["doc_context"] for u in sampled if "doc_context" in u}
    units = [u for u in sampled if u["unit_id"] in labelled and (not a.corpus or u["corpus"] == a.corpus)
             and a.batch in ("all", str(u["batch"]))]
    notes: list[str] = []
    if a.as_run:
        docs = as_run.documents(units, mappings=mappings)
        system = as_run.assign(docs, as_run.run_statements(docs, notes, mappings))
    else:
        docs = field_documents(units, contexts)
        system = assign(docs, run_statements(docs))
    pairs = load_pairs()
    splits = {"both": ["tune", "check"], "parts": ["t1", "t2"]}.get(a.split, [a.split])
    corpora = sorted({u["corpus"] for u in units})
    tallies: dict[tuple[str, str], Tally] = {}
    errors: list[str] = []
    for split in splits:
        for corpus in [*corpora, "all"]:
            ids = [u["unit_id"] for u in units if in_split(u, split) and corpus in ("all", u["corpus"])]
            tallies[(split, corpus)] = score(gold, system, ids, pairs)
    if a.errors and a.split in ("tune", "t1", "parts"):
        # errors only ever of T1: T2 and the check half are held out
        ids = [u["unit_id"] for u in units if in_split(u, "t1")]
        texts = {u["unit_id"]: u["text"] for u in units if in_split(u, "t1")} if a.text else None
        score(gold, system, ids, pairs, errors, texts)
    n_units = {s: sum(1 for u in units if in_split(u, s)) for s in splits}
    n_rows = {s: sum(len(gold.get(u["unit_id"], [])) for u in units if in_split(u, s)) for s in splits}
    print(f"Gold set {a.labels.relative_to(ROOT) if a.labels.is_relative_to(ROOT) else a.labels}: "
          + ", ".join(f"{s} {n_units[s]} units / {n_rows[s]} statements" for s in splits)
          + (" (as run: one document per labelled document, its corpus's production field mapping"
             + "".join(f"; {c} read as text={m.fields['text']}" for c, m in sorted(mappings.items())
                       if m is not as_run.AS_RUN[c]) + ")" if a.as_run
             else " (per field: each labelled field its own document)"))
    for split in splits:
        print(f"\n{split}")
        print(f"  {'':36}" + "".join(f"{c:>17}" for c in [*corpora, "all"]))
        for key, label in FIGURES:
            print(f"  {label:36}" + "".join(f"{tallies[(split, c)].figure(key):>17}" for c in [*corpora, "all"]))
        print(f"  95% intervals of 'all' (Wilson; statements of one document are not independent, so these are "
              f"a little narrow):\n    "
              + "; ".join(f"{short} {tallies[(split, 'all')].interval(key)}" for key, short in
                          [("statement P", "P"), ("statement R", "R"), ("speaker country", "country"),
                           ("speaker kind", "kind"), ("targets", "targets"), ("direction R", "direction R"),
                           ("direction P", "direction P"), ("all four R", "all four R"),
                           ("all four P", "all four P")]))
        if a.as_run:
            here = [u for u in units if in_split(u, split)]
            unread = as_run.unread_units(here, mappings)
            missed = sum(len(gold.get(u["unit_id"], [])) for u in here
                         if u["field"] not in mappings[u["corpus"]].read())
            print(f"  units in fields the mapping does not read (their {missed} gold statements count as misses): "
                  f"{sum(unread.values())}" + "".join(f"; {c} {n}" for c, n in sorted(unread.items())))
    rejected = [n for n in notes if n.startswith("rejected")]
    if rejected:
        print(f"\n{len(rejected)} documents rejected by `tension statements` (their units find nothing):")
        print("\n".join("  " + n for n in rejected))
    if a.breakdown:
        for split in splits:
            tally = tallies[(split, "all")]
            total = tally.n["direction R"][1]
            print(f"\n{split}: what became of the {total} gold pair statements (count and share; by corpus)")
            print(f"  {'':28} {'all':>10}" + "".join(f"{c:>17}" for c in corpora))
            for key in BREAKDOWN:
                print(f"  {key[5:]:28} {tally.n[key][1]:4d}  {tally.n[key][1] / total if total else 0:.2f}"
                      + "".join(f"{tallies[(split, c)].n[key][1]:>17d}" for c in corpora))
    if errors:
        print("\nT1 errors (gold vs system):")
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

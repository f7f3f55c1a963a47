"""Evaluate statement extraction: the hand-labelled dev gold set and the PETRARCH peer records, in one run.

    python -m evaluation.extraction          # or: make eval

Everything goes through `tension statements` (the CLI, on a JSONL batch written to a temporary folder), so the
figures are those of the interface anyone can run. Data is read from ../shared/data and never copied; when it is
absent the script says so and exits 0. Definitions of every figure: docs/evaluation-extraction.md.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tension.config import DATA_DIR, load_pairs, read_tsv
from tension.records import directed_pairs

ROOT = Path(__file__).resolve().parents[1]
from evaluation import SHARED_DATA  # noqa: E402
LABELS_FILE = ROOT / "evaluation" / "labels" / "statements.tsv"
YONHAP = "yonhap_2025_12/baram_english_korea_pairs.jsonl"
KCNA = "kcna_2011_2012/kcna_stories_2011_2012_southkorea_related.jsonl"
PETRARCH_REAL = "event_coding/PETR2_GSR_validation.flat.jsonl"
PETRARCH_UNIT = "event_coding/PETR.UnitTest.records.flat.jsonl"
PETRARCH_ACTOR_IDS = {f"ACTOR-{n}" for n in range(10, 16)}
# KCNA scrape artefact: paragraph breaks survive as ", ," (or ".,  " after a sentence). Made into blank lines.
KCNA_BREAK = re.compile(r'(?<=[.!?:"”])\s*,(?:\s*,)*\s{2,}|\s?,\s*,\s*')
MIN_OVERLAP = 0.5  # a prediction matches a labelled span when they share half of the shorter of the two
NEUTRAL_BAND = 0.1  # |hostility| below this is class 0


@dataclass
class Counts:
    """True positives and the two denominators of one field."""

    tp_p: int = 0
    n_pred: int = 0
    tp_r: int = 0
    n_gold: int = 0

    def line(self, name: str) -> str:
        p = self.tp_p / self.n_pred if self.n_pred else float("nan")
        r = self.tp_r / self.n_gold if self.n_gold else float("nan")
        return f"  {name:<28} P {p:5.2f} ({self.tp_p}/{self.n_pred})   R {r:5.2f} ({self.tp_r}/{self.n_gold})"


@dataclass
class Gold:
    """One labelled statement."""

    doc_id: str
    start: int
    end: int
    speaker: str
    country: str | None
    targets: set[str]
    modality: str
    is_act: bool
    hostility: int
    cases: list[str] = field(default_factory=list)


def run_statements(batch: list[dict], options: list[str] | None = None,
                   notes: list[str] | None = None) -> list[dict]:
    """Write `batch` as JSONL in a temporary folder and return what `tension statements` prints for it.

    `options`: the command's options (a corpus's `--field`/`--default` mapping); `notes` collects what it says on
    stderr (rejected documents)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batch.jsonl"
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in batch), encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "tension.cli", "statements", str(path), *(options or [])],
                              capture_output=True, text=True, check=True, cwd=ROOT)
    if notes is not None:
        notes += [line for line in done.stderr.splitlines() if line.strip()]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def load_gold(path: Path = LABELS_FILE) -> list[Gold]:
    """The labelled statements."""
    return [
        Gold(r["doc_id"], int(r["char_start"]), int(r["char_end"]), r["speaker"],
             None if r["speaker_country"] == "-" else r["speaker_country"],
             {t for t in r["targets"].split(",") if t}, r["modality"], r["is_act"] == "1", int(r["hostility"]),
             [c for c in r["cases"].split(";") if c])
        for r in read_tsv(path)
    ]


def load_documents(ids: set[str], data_dir: Path) -> dict[str, dict]:
    """Raw text, date and declared speaker of each labelled document (KCNA releases speak as KCNA)."""
    docs = {}
    for line in (data_dir / YONHAP).read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["id"] in ids:
            docs[r["id"]] = {"raw": r["text"], "published": r["published_at"][:10], "speaker": ""}
    for line in (data_dir / KCNA).read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["id"] in ids:
            docs[r["id"]] = {"raw": r["story"] or "", "published": r["date"], "speaker": "KCNA",
                             "text": KCNA_BREAK.sub("\n\n", r["story"] or "")}
    return docs


def raw_span(raw: str, sentence: str, cursor: int) -> tuple[int, int] | None:
    """Where a predicted sentence lies in the raw text (cleaning may have changed spaces and breaks)."""
    words = re.findall(r"\w+", sentence)
    if not words:
        return None
    head = re.compile(r"\W+".join(map(re.escape, words[:6])))
    tail = re.compile(r"\W+".join(map(re.escape, words[-6:])))
    start = head.search(raw, max(0, cursor)) or head.search(raw)
    if start is None:
        return None
    end = tail.search(raw, start.start())
    return start.start(), (end.end() if end else start.end())


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= MIN_OVERLAP * min(a[1] - a[0], b[1] - b[0])


def same_speaker(gold: str, predicted: dict) -> bool:
    """Lenient name match: equal after normalising, or one name's words contained in the other's."""
    def words(text: str | None) -> list[str]:
        return re.findall(r"[a-z0-9]+", (text or "").lower().replace("-", ""))
    g = words(gold)
    for name in (predicted.get("speaker_actor"), predicted.get("speaker")):
        n = words(name)
        if g and n and (" ".join(g) in " ".join(n) or " ".join(n) in " ".join(g)):
            return True
    return False


def hostility_class(value: float) -> int:
    return 0 if abs(value) < NEUTRAL_BAND else (1 if value > 0 else -1)


def directions(country: str | None, targets: set[str], pairs) -> set[str]:
    """Directed configured pairs ("PRK→KOR") a statement bears on (the rule of records.directed_pairs)."""
    return {f"{country}→{other}" for _, other in directed_pairs(country, targets, pairs)}


def match(gold: list[Gold], predicted: list[tuple[tuple[int, int] | None, dict]]) -> list[tuple[Gold | None, dict | None]]:
    """One-to-one pairs of labelled and predicted statements that overlap, best agreement first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, (span, p) in enumerate(predicted):
            if span and g.doc_id == p["id"] and overlaps((g.start, g.end), span):
                agree = (2 * (p["speaker_country"] == g.country) + len(g.targets & set(p["targets"]))
                         + same_speaker(g.speaker, p))
                candidates.append((-agree, gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi), used_p.add(pi)
            pairs.append((gold[gi], predicted[pi][1]))
    pairs += [(g, None) for i, g in enumerate(gold) if i not in used_g]
    pairs += [(None, p) for i, (_, p) in enumerate(predicted) if i not in used_p]
    return pairs


def score_gold(pairs_found: list[tuple[Gold | None, dict | None]], config_pairs) -> dict[str, Counts]:
    """Per-field precision/recall counts (definitions in docs/evaluation-extraction.md)."""
    c: dict[str, Counts] = defaultdict(Counts)
    for g, p in pairs_found:
        both = g is not None and p is not None
        c["statement"].n_gold += g is not None
        c["statement"].n_pred += p is not None
        c["statement"].tp_p += both
        c["statement"].tp_r += both
        # Speaker country and direction are end to end: an unmatched prediction is wrong, an unmatched label missed.
        pc = p["speaker_country"] if p else None
        if g is not None and g.country:
            c["speaker_country"].n_gold += 1
            c["speaker_country"].tp_r += both and pc == g.country
        if pc:
            c["speaker_country"].n_pred += 1
            c["speaker_country"].tp_p += both and pc == g.country
        gd = directions(g.country, g.targets, config_pairs) if g else set()
        pd = directions(pc, set(p["targets"]), config_pairs) if p else set()
        c["direction"].n_gold += len(gd)
        c["direction"].n_pred += len(pd)
        c["direction"].tp_r += len(gd & pd)
        c["direction"].tp_p += len(gd & pd)
        if not both:
            continue
        # The remaining fields are read on matched statements only.
        ok = same_speaker(g.speaker, p)
        c["speaker"].n_gold += 1
        c["speaker"].tp_r += ok
        c["speaker"].n_pred += bool(p["speaker_actor"] or p["speaker"])
        c["speaker"].tp_p += ok and bool(p["speaker_actor"] or p["speaker"])
        pt = set(p["targets"])
        c["targets"].n_gold += len(g.targets)
        c["targets"].n_pred += len(pt)
        c["targets"].tp_r += len(g.targets & pt)
        c["targets"].tp_p += len(g.targets & pt)
        for name, gold_value, pred_value in (
            ("modality", g.modality, p["modality"]),
            ("hostility class", g.hostility, hostility_class(p["hostility"])),
            ("is_act", g.is_act, p["is_act"]),
        ):
            for value in {gold_value, pred_value}:
                if name == "is_act" and value is not True:
                    continue
                key = f"{name} = {value}"
                c[key].n_gold += gold_value == value
                c[key].n_pred += pred_value == value
                c[key].tp_r += gold_value == value == pred_value
                c[key].tp_p += gold_value == value == pred_value
    return c


def evaluate_gold(data_dir: Path) -> None:
    gold = load_gold()
    docs = load_documents({g.doc_id for g in gold}, data_dir)
    batch = [{"id": i, "text": d.get("text", d["raw"]), "published": d["published"], "speaker": d["speaker"]}
             for i, d in docs.items()]
    predicted = []
    cursors: dict[str, int] = defaultdict(int)
    for record in run_statements(batch):
        span = raw_span(docs[record["id"]]["raw"], record["sentence"] if "sentence" in record else record["content"],
                        cursors[record["id"]] - 200)
        if span:
            cursors[record["id"]] = span[0]
        predicted.append((span, record))
    counts = score_gold(match(gold, predicted), load_pairs())
    n_docs = len(docs)
    print(f"Dev gold set: {len(gold)} labelled statements in {n_docs} documents "
          f"({sum(1 for g in gold if g.doc_id.startswith('KCNA'))} KCNA, "
          f"{sum(1 for g in gold if not g.doc_id.startswith('KCNA'))} Yonhap/Korea Herald)")
    order = ["statement", "speaker_country", "speaker", "targets", "direction", "is_act = True"]
    order += sorted(k for k in counts if k.startswith("modality"))
    order += sorted(k for k in counts if k.startswith("hostility"))
    for key in order:
        if key in counts:
            print(counts[key].line(key))


def iso3(code: str | None, known: set[str]) -> str | None:
    """Country of a CAMEO actor code: its first three letters when they are an ISO 3166 alpha-3 code."""
    return code[:3] if code and code[:3] in known else None


def petrarch_date(text: str) -> str:
    if re.fullmatch(r"\d{8}", text):
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return f"20{text[:2]}-{text[2:4]}-{text[4:6]}"  # "121108" in one record: YYMMDD


def evaluate_petrarch(data_dir: Path) -> None:
    known = {r["country"] for r in read_tsv(DATA_DIR / "actors_countries.tsv")}
    suites = {
        "PETR-2 GSR real-country records": [json.loads(x) for x in (data_dir / PETRARCH_REAL).read_text().splitlines()],
        "PETRARCH ACTOR-10..15": [r for r in map(json.loads, (data_dir / PETRARCH_UNIT).read_text().splitlines())
                                  if r["id"] in PETRARCH_ACTOR_IDS],
    }
    for title, records in suites.items():
        batch = [{"id": r["id"], "text": r["text"], "published": petrarch_date(r["date"])} for r in records]
        by_id: dict[str, list[dict]] = defaultdict(list)
        for s in run_statements(batch):
            by_id[s["id"]].append(s)
        c = Counter()
        misses = []
        for r in records:
            found = by_id[r["id"]]
            sources = {s["speaker_country"] for s in found if s["speaker_country"]}
            targets = {t for s in found for t in s["targets"]}
            events = [e for e in r["expected"] if not e.get("noevents")]
            if not events:
                c["no-event records"] += 1
                c["no-event records with a statement between two countries"] += any(s["targets"] for s in found)
            for e in events:
                src, tgt = iso3(e["source"], known), iso3(e["target"], known)
                if src:
                    c["source n"] += 1
                    c["source ok"] += src in sources
                    if src not in sources:
                        misses.append(f"{r['id']}: source {src}, got {sorted(sources) or '-'}")
                if tgt and tgt != src:
                    c["target n"] += 1
                    c["target ok"] += tgt in targets
                    if tgt not in targets:
                        misses.append(f"{r['id']}: target {tgt}, got {sorted(targets) or '-'}")
                if src and tgt and tgt != src:
                    c["pair n"] += 1
                    c["pair ok"] += any(s["speaker_country"] == src and tgt in s["targets"] for s in found)
        print(f"{title}: {len(records)} records")
        for name in ("source", "target", "pair"):
            if c[f"{name} n"]:
                print(f"  {name + ' country accuracy':<28} {c[name + ' ok'] / c[name + ' n']:5.2f} "
                      f"({c[name + ' ok']}/{c[name + ' n']})")
        if c["no-event records"]:
            print(f"  no-event records with a statement between two countries: "
                  f"{c['no-event records with a statement between two countries']}/{c['no-event records']}")
        if "--misses" in sys.argv:
            print("\n".join("    miss " + m for m in misses))


def main(data_dir: Path = SHARED_DATA) -> int:
    if not (data_dir / YONHAP).exists() or not (data_dir / PETRARCH_REAL).exists():
        print(f"evaluation.extraction: skipped: {data_dir} is absent (the labelled texts and the PETRARCH records live in "
              "../shared/data, on the project's dev machines and CI only)")
        return 0
    evaluate_gold(data_dir)
    print()
    evaluate_petrarch(data_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

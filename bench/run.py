"""`make bench`: speed and memory of the whole pipeline on real KCNA text, beside plain VADER in the same run.

Builds corpora of 1k, 10k and 100k documents from the KCNA stories in ../shared/data (re-dated copies: each copy
keeps the story's text and date and gets a closing line with its copy number, so every document is distinct),
runs the Prefect flow on each (both cores, processes), and prints per stage the time, documents/s,
statements/s and peak RSS, with plain VADER on one core on the same sentences timed before the first run and after
each (the host's speed drifts: each run is compared with the mean of the timings around it). Then: weekly_index
over 10M synthetic statement rows, a no-op incremental run on the largest database (a fresh `tension run`
process, Prefect start-up included), and report generation.

    python -m bench.run                 # all sizes
    python -m bench.run --sizes 1000    # quicker (and 100,000 synthetic weekly rows, not 10,000,000)

--weekly-rows defaults to 100 × the largest size (10,000,000 for the full run); 0 skips that step. Two tables
compare with plain VADER: the first divides the pipeline's statements/s by plain VADER's sentences/s (a ratio that
moves with how many statements a version cuts a document into), the second divides documents/s by plain VADER's
documents/s (every sentence of the same stories: the ratio that stays comparable across versions).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

from evaluation import SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
KCNA = SHARED_DATA / "kcna_2011_2012" / "kcna_stories_2011_2012_southkorea_related.jsonl"
WORK = Path(os.environ.get("TENSION_BENCH_DIR", "/tmp/tension-bench"))
FIELDS = {"text": "story", "published": "date"}
DEFAULTS = {"speaker": "KCNA", "source": "KCNA"}


class PeakRss:
    """Samples the resident memory of this process and its worker processes (not the Prefect server).

    Cheap on purpose, since it shares the cores it measures: listing child processes reads every process's
    /proc entry, so the list is refreshed once a second, and each sample reads only the known processes."""

    def __init__(self, interval: float = 0.2, refresh: float = 1.0) -> None:
        self.interval, self.refresh = interval, refresh
        self.main = self.worker = self.total = 0
        self.cpu: dict[int, tuple[str, float]] = {}  # pid -> (kind, CPU seconds last seen), server included
        self.kinds: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        children: list[psutil.Process] = []
        listed = 0.0
        while not self._stop.is_set():
            if time.monotonic() - listed >= self.refresh:
                try:
                    children = me.children(recursive=True)
                except psutil.Error:
                    children = []
                listed = time.monotonic()
            main, workers = me.memory_info().rss, []
            for process in [me, *children]:
                try:
                    if process.pid not in self.kinds:  # decided once: an ending process cannot tell its command
                        self.kinds[process.pid] = "flow" if process is me else (
                            "server" if _is_server(process) else "workers")
                    kind = self.kinds[process.pid]
                    if kind == "workers":
                        workers.append(process.memory_info().rss)
                    times = process.cpu_times()
                    self.cpu[process.pid] = (kind, times.user + times.system)
                except psutil.Error:  # ended since it was listed
                    continue
            self.main = max(self.main, main)
            self.worker = max([self.worker, *workers])
            self.total = max(self.total, main + sum(workers))
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakRss":
        me = psutil.Process()
        self._baseline = {}  # CPU already spent before the block (this process, a server still up from before)
        for process in [me, *me.children(recursive=True)]:
            try:
                times = process.cpu_times()
                self._baseline[process.pid] = times.user + times.system
            except psutil.Error:
                pass
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def cpu_by_kind(self) -> dict[str, float]:
        """CPU seconds per kind of process (as last sampled: the last 0.2 s of a process may be missed)."""
        totals: dict[str, float] = {}
        for pid, (kind, seconds) in self.cpu.items():
            totals[kind] = totals.get(kind, 0.0) + seconds - self._baseline.get(pid, 0.0)
        return totals


def _is_server(process: psutil.Process) -> bool:
    try:
        return any("uvicorn" in part or "server" == part for part in process.cmdline())
    except psutil.Error:
        return False


def build_corpus(size: int) -> Path:
    """A JSONL file of `size` documents cycling through the KCNA stories (cached between runs)."""
    path = WORK / f"kcna_{size}.jsonl"
    if path.exists():
        return path
    WORK.mkdir(parents=True, exist_ok=True)
    stories = [json.loads(line) for line in open(KCNA, encoding="utf-8")]
    stories = [s for s in stories if s.get("story") and s.get("date")]
    with open(path.with_suffix(".tmp"), "w", encoding="utf-8") as out:
        for i in range(size):
            story = stories[i % len(stories)]
            copy = i // len(stories)
            text = story["story"] if copy == 0 else f"{story['story']} (Copy {copy}.)"
            out.write(json.dumps({"id": f"{story['id']}#{copy}", "date": story["date"], "story": text}) + "\n")
    os.replace(path.with_suffix(".tmp"), path)
    return path


def run_pipeline(corpus: Path, db: Path, workers: int) -> dict:
    """The flow in this process, worker processes for analysis; returns counts, per-stage times, wall, RSS."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from flows.api import start_local_api

    started = time.perf_counter()  # as `tension run` starts: the API server loads while Prefect is imported
    api_ready = start_local_api()  # the first size only: later ones find PREFECT_API_URL set
    from prefect.task_runners import ProcessPoolTaskRunner

    from flows.weekly import tension_flow

    flow = tension_flow.with_options(task_runner=ProcessPoolTaskRunner(max_workers=workers))
    with PeakRss() as rss:
        api_ready()
        result = flow(inbox=[str(corpus)], db=str(db), reports=str(db.parent / "reports"), make_report=False,
                      batch_size=2000, fields=FIELDS, defaults=DEFAULTS, workers=workers)
        wall = time.perf_counter() - started
    return {**result, "wall": wall, "rss_main": rss.main, "rss_worker": rss.worker, "rss_total": rss.total,
            "cpu": rss.cpu_by_kind()}


def vader_reference(corpus: Path, limit: int = 20_000) -> dict:
    """Plain vaderSentiment polarity_scores on one core, on the sentences the pipeline sees (the first `limit`:
    about one pass over the KCNA stories, which every corpus cycles through)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from bench.scoring import load_sentences

    sentences = load_sentences(corpus, limit)
    analyzer = SentimentIntensityAnalyzer()
    started = time.perf_counter()
    for sentence in sentences:
        analyzer.polarity_scores(sentence)
    seconds = time.perf_counter() - started
    return {"sentences": len(sentences), "seconds": seconds, "per_second": len(sentences) / seconds,
            "mean_chars": sum(map(len, sentences)) / len(sentences)}


def vader_documents(corpus: Path, limit: int = 2_000) -> dict:
    """Plain VADER over whole documents, one core: every sentence of the first `limit` documents, split by
    blingfire on the raw story (not by the pipeline's splitter, so that a change in how the pipeline splits
    sentences does not move the reference). Documents/s is the reference that stays comparable across versions:
    the statements/s ratio above moves with how many statements a version cuts a document into."""
    import blingfire
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    documents = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            documents.append(blingfire.text_to_sentences(json.loads(line)["story"] or "").split("\n"))
            if len(documents) >= limit:
                break
    analyzer = SentimentIntensityAnalyzer()
    started = time.perf_counter()
    for sentences in documents:
        for sentence in sentences:
            analyzer.polarity_scores(sentence)
    seconds = time.perf_counter() - started
    return {"documents": len(documents), "seconds": seconds, "per_second": len(documents) / seconds}


def weekly_index_10m(rows: int = 10_000_000) -> dict:
    """Time `select * from weekly_index` over `rows` synthetic statements (after aggregate.refresh if any)."""
    import duckdb

    from bench import synthetic
    from tension.warehouse import aggregate

    db = WORK / "weekly_10m.duckdb"
    if db.exists():
        db.unlink()
    started = time.perf_counter()
    synthetic.build(db, rows)
    load_seconds = time.perf_counter() - started
    refresh_seconds = None
    if hasattr(aggregate, "refresh"):
        started = time.perf_counter()
        aggregate.refresh(db)
        refresh_seconds = time.perf_counter() - started
    with duckdb.connect(str(db), read_only=True) as con:
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            n = len(con.execute("select * from weekly_index").fetchall())
            timings.append(time.perf_counter() - started)
    return {"rows": rows, "weeks_x_pairs": n, "query_seconds": min(timings), "load_seconds": load_seconds,
            "refresh_seconds": refresh_seconds}


def noop_run(corpus: Path, db: Path) -> float:
    """A fresh `tension run` process over an unchanged inbox: Prefect start-up included."""
    command = [sys.executable, "-m", "tension.cli", "run", "-i", str(corpus), "--db", str(db), "--no-report",
               "--reports", str(db.parent / "reports"),
               *[f"--field={k}={v}" for k, v in FIELDS.items()], *[f"--default={k}={v}" for k, v in DEFAULTS.items()]]
    started = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}  # its own API server, as a user's run
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    if done.returncode != 0 or "0 new" not in done.stdout:
        raise RuntimeError(f"no-op run did not behave: {done.stdout[-2000:]} {done.stderr[-2000:]}")
    return seconds


def report_time(db: Path) -> float:
    """Seconds to write the PDF report for the last week."""
    from tension.reporting import report

    started = time.perf_counter()
    report.build_report(db, db.parent / "reports")
    return time.perf_counter() - started


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


# Stages, where they run, and the timing key the flow reports (seconds summed over workers for worker stages).
STAGES = (
    ("ingest", "workers", "ingest"), ("extract", "workers", "extract"), ("score", "workers", "score"),
    ("dedup signatures", "workers", "dedup"), ("stage (Parquet)", "workers", "stage"),
    ("store + clustering", "flow", "store"), ("aggregate", "flow", "aggregate"), ("export Parquet", "flow", "export"),
    ("publish snapshot", "flow", "publish"), ("report", "flow", "report"),
)


def print_stages(size: int, result: dict) -> None:
    """Per stage: seconds, documents/s, statements/s and the peak RSS of the processes it runs in."""
    t, statements = result["timings"], result["statements_added"]
    print(f"  {'stage':<20} {'seconds':>8} {'docs/s':>9} {'stmts/s':>9}  {'runs in':<24} {'peak RSS':>9}")
    for name, where, key in STAGES:
        seconds = t.get(key)
        if seconds is None:
            continue
        place = "2 worker processes (sum)" if where == "workers" else "flow process"
        rss = result["rss_worker"] if where == "workers" else result["rss_main"]
        rate = lambda n: f"{n / seconds:>9,.0f}" if seconds > 0 else f"{'-':>9}"
        print(f"  {name:<20} {seconds:>8.1f} {rate(size)} {rate(statements)}  {place:<24} {mb(rss):>9}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The options; --weekly-rows, when not given, is 100 × the largest size (a reviewer's `--sizes 1000` run built
    10,000,000 synthetic rows after a one-minute pipeline run)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes (documents), comma-separated")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--weekly-rows", type=int, default=None,
                        help="synthetic statement rows for the weekly_index timing (default: 100 × the largest "
                             "size, 10,000,000 for the full run; 0: skip)")
    args = parser.parse_args(argv)
    if args.weekly_rows is None:
        args.weekly_rows = 100 * max(int(s) for s in args.sizes.split(","))
    return args


def main() -> None:
    args = parse_args()
    if not KCNA.exists():
        print(f"skipped: {KCNA} is not here (../shared/data is only on the project's machines)")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB; workers: {args.workers}")
    # The machine's speed drifts (shared host, by up to a third within minutes): VADER is timed before the first run
    # and after each one, and each run's ratio uses the mean of the two timings around it.
    vader_corpus = build_corpus(max(sizes))
    vader = [vader_reference(vader_corpus)]
    vader_docs = [vader_documents(vader_corpus)]
    print(f"plain VADER polarity_scores, 1 core: {vader[0]['per_second']:,.0f} sentences/s "
          f"({vader[0]['sentences']:,} KCNA sentences, mean {vader[0]['mean_chars']:.0f} chars), "
          f"{vader_docs[0]['per_second']:,.0f} documents/s", flush=True)
    rows = []
    largest = None
    for size in sizes:
        corpus = build_corpus(size)
        db = WORK / f"run_{size}" / "tension.duckdb"
        shutil.rmtree(db.parent, ignore_errors=True)
        db.parent.mkdir(parents=True)
        result = run_pipeline(corpus, db, args.workers)
        result["timings"]["report"] = report_time(db)
        t = result["timings"]
        body = t.get("flow_body", result["wall"])  # from the flow's first task to its last: Prefect start-up excluded
        rows.append((size, result, body))
        print(f"\n{size:,} documents: {result['statements_added']:,} statements; wall {result['wall']:.1f} s "
              f"(Prefect start-up {result['wall'] - body:.1f} s), ingest to stored scores {t.get('stored_by', body):.1f} s")
        print_stages(size, result)
        print("  CPU seconds by process: " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(result["cpu"].items())))
        vader.append(vader_reference(vader_corpus))
        vader_docs.append(vader_documents(vader_corpus))
        print(f"  plain VADER after this run: {vader[-1]['per_second']:,.0f} sentences/s, "
              f"{vader_docs[-1]['per_second']:,.0f} documents/s", flush=True)
        largest = (corpus, db)
    print("\nPer statement: the pipeline's statements/s ÷ plain VADER's sentences/s (÷ sent/s)")
    print(f"{'docs':>8} {'wall s':>7} {'stored s':>8} {'docs/s':>7} {'stmts':>8} {'stmts/s':>8} {'sent/s':>8} "
          f"{'÷ sent/s':>8} {'stored/s':>8} {'÷ sent/s':>8} {'RSS flow':>9} {'RSS worker':>10}")
    for number, (size, result, body) in enumerate(rows):
        reference = (vader[number]["per_second"] + vader[number + 1]["per_second"]) / 2  # before and after this run
        stored = result["timings"].get("stored_by", body)
        n = result["statements_added"]
        print(f"{size:>8,} {result['wall']:>7.1f} {stored:>8.1f} {size / result['wall']:>7.0f} {n:>8,} "
              f"{n / result['wall']:>8,.0f} {reference:>8,.0f} {n / result['wall'] / reference:>8.2f} "
              f"{n / stored:>8,.0f} {n / stored / reference:>8.2f} "
              f"{mb(result['rss_main']):>9} {mb(result['rss_worker']):>10}")
    print("(wall: end to end, Prefect start-up included; stored: from the flow's start to the last batch stored; "
          "sent/s: plain VADER's sentences/s, the mean of its timings just before and just after the run; each "
          "÷ sent/s divides the statements/s to its left by it)")
    print("\nPer document: the pipeline's documents/s ÷ plain VADER's documents/s (÷ VADER docs/s)")
    print(f"{'docs':>8} {'docs/s wall':>11} {'docs/s stored':>13} {'VADER docs/s':>12} {'wall ÷ VADER':>12} "
          f"{'stored ÷ VADER':>14}")
    for number, (size, result, body) in enumerate(rows):
        reference = (vader_docs[number]["per_second"] + vader_docs[number + 1]["per_second"]) / 2
        stored = result["timings"].get("stored_by", body)
        print(f"{size:>8,} {size / result['wall']:>11,.0f} {size / stored:>13,.0f} {reference:>12,.0f} "
              f"{size / result['wall'] / reference:>12.2f} {size / stored / reference:>14.2f}")
    print("(per document: plain VADER over every sentence of the same stories, split by blingfire on the raw text, "
          "so the reference does not move when the pipeline's sentence splitting changes)")
    print()
    corpus, db = largest
    started = time.perf_counter()
    from tension.warehouse import aggregate
    aggregate.weekly_index(db)
    print(f"weekly_index on the {sizes[-1]:,}-document database: {time.perf_counter() - started:.2f} s")
    print(f"no-op incremental run over the {sizes[-1]:,}-document database (new process): {noop_run(corpus, db):.1f} s")
    if not args.weekly_rows:
        return
    weekly = weekly_index_10m(args.weekly_rows)
    refresh = f", refresh {weekly['refresh_seconds']:.1f} s" if weekly["refresh_seconds"] is not None else ""
    print(f"weekly_index over {weekly['rows']:,} synthetic statements: {weekly['query_seconds']:.3f} s "
          f"({weekly['weeks_x_pairs']} rows{refresh})")


if __name__ == "__main__":
    main()

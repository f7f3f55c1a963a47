"""Peak memory of a run over the poison inputs of issue 17, each beside good records.

Three inboxes, one `tension run` each (a fresh process, as a user runs it, under /usr/bin/time -v):
  deep   a JSONL file: good lines around one line of arrays nested 200,000 deep
  long   a JSONL file: good lines around one line of 200 MB (a single JSON string)
  bomb   a Markdown file whose front matter is a 352-byte YAML alias bomb ("billion laughs"; the issue's was 404 bytes), beside a good one
For each: the exit code, what was stored and rejected (read back from the published database), the largest
resident set of any one process of the run (/usr/bin/time's "Maximum resident set size": the flow, a worker or
the Prefect API server) and the sum over the whole process tree sampled every 0.2 s (psutil).

    python -m bench.poison              # all three
    python -m bench.poison --only long
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import psutil

WORK = Path(os.environ.get("TENSION_BENCH_DIR", "/tmp/tension-poison"))
GOOD = "Pyongyang threatened Seoul with war over the drills, the foreign ministry said."
# 352 bytes: nine levels of nine aliases each, expanding to 9**9 strings once the title is turned into text.
BOMB = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
        + "title: *i\n")


def good_lines(first: int, count: int) -> str:
    return "".join(json.dumps({"text": f"{GOOD} (item {n})", "published": f"2024-02-{1 + n % 27:02d}"}) + "\n"
                   for n in range(first, first + count))


def build(kind: str, inbox: Path) -> None:
    inbox.mkdir(parents=True)
    if kind == "deep":
        (inbox / "deep.jsonl").write_text(good_lines(0, 50) + "[" * 200_000 + "]" * 200_000 + "\n" + good_lines(50, 50))
    elif kind == "long":
        with open(inbox / "long.jsonl", "w") as handle:
            handle.write(good_lines(0, 50))
            handle.write('{"published": "2024-02-05", "text": "')
            block = (GOOD + " ") * 1000
            for _ in range(200 * 2**20 // len(block)):
                handle.write(block)
            handle.write('"}\n')
            handle.write(good_lines(50, 50))
    elif kind == "bomb":
        (inbox / "bomb.md").write_text(f"---\npublished: 2024-02-01\n{BOMB}---\n{GOOD}\n")
        (inbox / "good.md").write_text(f"---\npublished: 2024-02-02\n---\n{GOOD}\n")


def tree_rss(root: psutil.Process) -> int:
    total = 0
    for process in [root, *root.children(recursive=True)]:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(kind: str) -> dict:
    folder = WORK / kind
    shutil.rmtree(folder, ignore_errors=True)
    build(kind, folder / "inbox")
    db = folder / "tension.duckdb"
    tension = Path(sys.executable).with_name("tension")
    command = ["/usr/bin/time", "-v", str(tension), "run", "--inbox", str(folder / "inbox"), "--db", str(db),
               "--no-report", "--reports", str(folder / "reports")]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    watcher = psutil.Process(process.pid)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                peak = max(peak, tree_rss(watcher))
            except psutil.Error:
                pass
            time.sleep(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = process.communicate()
    stop.set()
    thread.join()
    largest = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) * 1024
    result = {"kind": kind, "exit": process.returncode, "seconds": round(time.monotonic() - started, 1),
              "largest_process_mb": round(largest / 2**20), "tree_peak_mb": round(peak / 2**20),
              "inbox_mb": round(sum(f.stat().st_size for f in (folder / "inbox").iterdir()) / 2**20, 1)}
    if db.exists():
        with duckdb.connect(str(db), read_only=True) as con:
            result["stored"] = con.execute("select count(*) from documents").fetchone()[0]
            result["longest_body"] = con.execute("select max(length(body)) from documents").fetchone()[0]
            result["rejected"] = [f"{Path(p).name}:{i}: {r[:90]}" for p, i, r in
                                  con.execute("select path, item, reason from rejected_documents").fetchall()]
    else:
        result["stderr"] = err[-2000:]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["deep", "long", "bomb"], action="append")
    for kind in parser.parse_args().only or ["deep", "long", "bomb"]:
        print(json.dumps(measure(kind), indent=1, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()

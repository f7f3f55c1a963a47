"""No text of the corpora in the repository (developers' brief: never copy text from ../shared/data; the seed article
in seeds/ is the user's own input). Every tracked text file is read as words and compared with the corpora in runs of
12 words: a run found in both is a copied sentence or headline. Names the actor dictionary lists (actors.tsv aliases
of three words or more: institutions, offices) are facts and are left out first; so are URLs (identifiers of items,
as the gold set's unit ids use them)."""

from __future__ import annotations

import csv
import re
import subprocess

import pytest

from conftest import ROOT, SHARED_DATA

RUN = 12  # words: long enough that names of institutions and stock phrases do not count
SHARED = SHARED_DATA
SKIP_SUFFIXES = (".pdf", ".png", ".svg", ".ttf", ".duckdb", ".parquet", ".ipynb")


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def runs(tokens: list[str]) -> set[int]:
    return {hash(" ".join(tokens[i : i + RUN])) for i in range(len(tokens) - RUN + 1)}


def test_no_run_of_corpus_words_in_the_repository():
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not present (../shared/data is only available in the project's CI and dev machines)")
    corpus: set[int] = set()
    for path in SHARED.rglob("*"):
        if path.is_file() and path.parent.name != "seed":
            corpus |= runs(words(path.read_text(encoding="utf-8", errors="ignore").replace("\\n", " ")))
    with open(ROOT / "tension" / "data" / "actors.tsv", encoding="utf-8") as handle:
        names = sorted({" ".join(words(row["alias"])) for row in csv.DictReader(
            (line for line in handle if not line.startswith("#")), delimiter="\t") if len(words(row["alias"])) >= 3},
            key=len, reverse=True)
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip(f"not a git checkout, no list of tracked files: {listed.stderr.strip()[:200]}")
    tracked = listed.stdout.split()
    found = []
    for name in tracked:
        if name.startswith("seeds/") or name.endswith(SKIP_SUFFIXES) or name == "tests/test_no_corpus_text.py":
            continue
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        flat = " " + " ".join(words(re.sub(r"https?://\S+", " ", text))) + " "
        for actor in names:
            if f" {actor} " in flat:
                flat = flat.replace(f" {actor} ", " name ")
        tokens = flat.split()
        copied = [" ".join(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)
                  if hash(" ".join(tokens[i : i + RUN])) in corpus]
        if copied:
            found.append(f"{name}: {copied[0]!r} ({len(copied)} runs)")
    assert not found, "text of ../shared/data in the repository:\n" + "\n".join(found)

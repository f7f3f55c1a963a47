"""The analyst notebook runs headlessly against published databases built by a run: the seed article, and a slice
of the KCNA archive when ../shared/data is present."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tension import run

from conftest import ROOT, SEEDS, shared_file

pytestmark = pytest.mark.slow  # a real Jupyter kernel

NOTEBOOK = ROOT / "notebooks" / "01-weekly-index.ipynb"
KCNA = "kcna_2011_2012/kcna_stories_2011_2012_southkorea_related.jsonl"


@pytest.fixture(scope="module")
def published(module_tmp) -> Path:
    """The seed article through a run, published."""
    db = module_tmp("published") / "tension.duckdb"
    run.run_local([SEEDS], db)
    return db


def outputs(cell) -> str:
    """All text a cell printed or displayed."""
    texts = []
    for output in cell.get("outputs", []):
        texts.append(output.get("text", ""))
        texts.extend(str(v) for k, v in output.get("data", {}).items() if k.startswith("text/"))
    return "\n".join(texts)


def execute(monkeypatch: pytest.MonkeyPatch, db: Path, kcna_db: Path | None = None) -> list:
    """The notebook run on `db` (and `kcna_db`), its code cells with their outputs; no cell may fail."""
    monkeypatch.setenv("TENSION_DB", str(db))
    if kcna_db is None:
        monkeypatch.delenv("TENSION_KCNA_DB", raising=False)
    else:
        monkeypatch.setenv("TENSION_KCNA_DB", str(kcna_db))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # Kernel 'python3' is ipykernel's own spec: jupyter_client starts it with this interpreter (the venv's), in
    # the environment of this process (the variables included).
    NotebookClient(notebook, kernel_name="python3", timeout=300,
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    errors = [o for cell in notebook.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def test_notebook_runs_on_the_published_database(published: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = published.read_bytes()
    code = execute(monkeypatch, published)
    text = [outputs(cell) for cell in code]
    assert str(published) in text[0]
    assert "tension_index" in text[1] and "pair_statements" in text[1] and "month" in text[2]
    assert "2024-02" in text[3] and "PRK→KOR" in text[3] and "KOR→RUS" in text[3]  # a month, both directions
    assert "intensity_flagged" in text[3] and "usual_intensity" in text[3]  # the headline's flag, month by month
    assert "equals the a_to_b half: True" in text[4]
    assert "2024-W05" in text[6]  # the seed article's week is the week to read
    assert "source_sentence" in text[7] and "Zakharova" in text[7]  # the statements behind it, with their sentence
    assert "summoned Russian Ambassador" in text[8]  # the cue breakdown
    # the week in words, from the same views: the seed's week, its largest statement, the cue that weighs most
    assert "2024-W05 is the week to read" in text[10] and "The statement with the largest share" in text[10]
    assert "no KCNA section" in text[11]
    images = [o for cell in code for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) == 1
    assert published.read_bytes() == before  # opened read-only


def test_notebook_reads_kcna_when_present(published: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = shared_file(KCNA)
    # Sep 2011 – Jan 2012: enough weeks for a baseline; 2011-W40 and W47 surge (2011-W51, Kim Jong Il's death, departed
    # in tone until session 10 counted the South's opposition parties as the ROK).
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    picked = [{"id": r["id"], "text": r["story"], "published": r["date"], "title": r["title"] or "",
               "source": "KCNA", "speaker": "KCNA"}
              for r in rows if r.get("story") and "2011-09-01" <= r["date"] <= "2012-01-31"]
    inbox = tmp_path / "kcna_slice.jsonl"
    inbox.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in picked) + "\n", encoding="utf-8")
    kcna_db = tmp_path / "kcna.duckdb"
    run.run_local([inbox], kcna_db, workers=1)
    code = execute(monkeypatch, published, kcna_db)
    kcna = outputs(code[11])
    # The weeks marked by the headline (intensity) come first; the statements and cues shown are the highest surge's.
    # 2011-W51 (Kim Jong Il's death) no longer departs in tone: its "less hostile" KOR->PRK rows were the South's
    # opposition parties, which from session 10 are `opposition`, not the ROK state (docs/evaluation-extraction.md).
    # The marked weeks shown are the database's own (weekly_index), whichever they are: a week whose z sits at the
    # flag's threshold (2011-W40, z 2.52 against 2.5 in session 12) may come and go with any scorer change, and is not
    # what this test is about. 2011-W47 surges far above it.
    import duckdb

    with duckdb.connect(str(kcna_db), read_only=True) as con:
        marked = [w for (w,) in con.execute("select iso_week from weekly_index where pair_id = 'PRK-KOR' and "
                                            "(intensity_flagged or flagged)").fetchall()]
    assert "intensity_flagged" in kcna and "2011-W47" in marked
    assert all(week in kcna for week in marked), (marked, kcna[:2000])
    assert "2011-W51" not in kcna
    assert "Statements behind 2011-W47, the highest intensity surge:" in kcna
    images = [o for o in code[11].get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) == 1


def test_notebook_is_stored_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")

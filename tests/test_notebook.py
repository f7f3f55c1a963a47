"""The analyst notebook runs headlessly against a published database built by the pipeline from seeds/."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tension import run

from conftest import ROOT, SEEDS

NOTEBOOK = ROOT / "notebooks" / "01-weekly-index.ipynb"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article through a run, published."""
    db = tmp_path_factory.mktemp("published") / "tension.duckdb"
    run.run_local([SEEDS], db)
    return db


def outputs(cell) -> str:
    """All text a cell printed or displayed."""
    texts = []
    for output in cell.get("outputs", []):
        texts.append(output.get("text", ""))
        texts.extend(str(v) for k, v in output.get("data", {}).items() if k.startswith("text/"))
    return "\n".join(texts)


def test_notebook_runs_on_the_published_database(published: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TENSION_DB", str(published))
    before = published.read_bytes()
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # Kernel 'python3' is ipykernel's own spec: jupyter_client starts it with this interpreter (the venv's), in
    # the environment of this process (TENSION_DB included).
    NotebookClient(notebook, kernel_name="python3", timeout=180,
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    errors = [o for cell in notebook.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert str(published) in outputs(code[0])
    assert "weekly_index" in outputs(code[1]) and "prior_documents" in outputs(code[2])
    assert "2024-W05" in outputs(code[3])  # the seed article's week
    images = [o for cell in code for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # a chart per pair with statements, and the overview
    assert published.read_bytes() == before  # opened read-only


def test_notebook_is_stored_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")

"""Documents an older release's extractor read are extracted again by `tension run --reread` (issue 13's rules change
every release; a weekly user's database would otherwise keep old statements for ever), and the run says how many
stored documents an older extractor read.

The older extractor is this one with its version string and its statement dating (tension/extract/when.py, new in
session 7) taken away — what a database written before dating was added holds. Real runs, real DuckDB, the seed."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tension import records, run
from tension.run_summary import extractor_lines
from tension.extract.version import EXTRACTION_DATA, extraction_inputs, extractor_version
from tension.warehouse import store

from conftest import SEEDS


def counts(db) -> tuple:
    with store.connect(db, read_only=True) as con:
        return con.execute(
            "select (select count(*) from documents), (select count(*) from statements), "
            "(select count(distinct statement_id) from statements), (select count(*) from scores), "
            "(select count(occurred) from statements), "
            "(select string_agg(distinct extractor_version, ',') from documents)").fetchone()


@pytest.fixture()
def older_database(tmp_path, monkeypatch) -> tuple:
    """The seed stored by an 'older extractor': another version, and no statement dated."""
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    db = tmp_path / "t.duckdb"
    with monkeypatch.context() as patch:
        patch.setattr(records, "extractor_version", lambda: "x-older")
        patch.setattr(records, "statement_occurred", lambda statement, published: None)
        first = run.run_local([inbox], db)
    assert first["documents_new"] == 1
    return inbox, db


def test_a_plain_run_leaves_old_documents_and_says_how_many_an_older_extractor_read(older_database) -> None:
    inbox, db = older_database
    before = counts(db)
    assert before[4] == 0 and before[5] == "x-older"
    again = run.run_local([inbox], db)
    assert again["documents_seen"] == 0 and again["documents_reextracted"] == 0  # unchanged file: not read
    assert again["documents_stale"] == 1
    assert counts(db) == before
    assert extractor_lines(again) == ["1 stored document was read by an older extractor (the rules changed since): "
                                      "run again with --reread and the same --inbox/--field options to extract it "
                                      "again"]


def test_reread_extracts_old_documents_again_and_duplicates_nothing(older_database) -> None:
    inbox, db = older_database
    n_docs, n_statements, _, n_scores, _, _ = counts(db)
    reread = run.run_local([inbox], db, reread=True)
    assert (reread["documents_seen"], reread["documents_new"], reread["documents_reextracted"]) == (1, 0, 1)
    assert reread["documents_stale"] == 0
    after = counts(db)
    # the same rows, once each, now dated where the text says when (this extractor's statements)
    assert after[:4] == (n_docs, n_statements, n_statements, n_scores)
    assert after[4] > 0 and after[5] == extractor_version()
    with store.connect(db, read_only=True) as con:  # the published views read the new statements
        dated = con.execute("select count(occurred) from pair_statements").fetchone()[0]
    assert dated > 0
    # read again by the same extractor: left as it is
    twice = run.run_local([inbox], db, reread=True)
    assert (twice["documents_seen"], twice["documents_new"], twice["documents_reextracted"]) == (1, 0, 0)
    assert counts(db) == after
    assert extractor_lines(twice) == []
    assert reread["statements_replaced"] == n_statements
    assert extractor_lines(reread)[0].startswith(f"1 stored document extracted again by this release's extractor: "
                                                 f"its {n_statements} earlier statements replaced")


def test_reread_finds_a_document_whose_file_was_renamed(older_database) -> None:
    """Found by a review: the copy read again was matched on its file and line too, so a renamed file left the old
    statements (and the 'older extractor' message) for ever."""
    inbox, db = older_database
    for path in list(inbox.iterdir()):
        path.rename(inbox / ("renamed_" + path.name))
    reread = run.run_local([inbox], db, reread=True)
    assert (reread["documents_reextracted"], reread["documents_replaced"], reread["documents_stale"]) == (1, 0, 0)
    with store.connect(db, read_only=True) as con:
        assert con.execute("select count(*), min(path) like '%renamed_%' from documents").fetchone() == (1, True)


def _copy_of_inputs(tmp_path) -> Path:
    """A copy of the files the extractor's version hashes (its package layout kept), to change one and hash again."""
    inputs = extraction_inputs()
    copy = tmp_path / "tension"
    for path in inputs:
        target = copy / path.relative_to(inputs[0].parents[1])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    return copy


def test_the_version_hashes_the_extraction_code_and_data_and_is_stable(tmp_path) -> None:
    inputs = extraction_inputs()
    names = {p.name for p in inputs}
    assert {"statements.py", "speakers.py", "clean.py", "when.py"} <= names
    assert set(EXTRACTION_DATA) <= names and "cues.tsv" not in names  # the scorer's tables have their own version
    assert all(p.is_file() for p in inputs)
    assert extractor_version() == extractor_version() and extractor_version().startswith("x-")
    # a copy of the package with one data row changed is another version
    copy = _copy_of_inputs(tmp_path)
    same = extractor_version.__wrapped__(copy)
    assert same == extractor_version()
    kinds = copy / "data" / "speaker_kinds.tsv"
    kinds.write_text(kinds.read_text(encoding="utf-8") + "head\tzeppelin\tcivic\ttest row\n", encoding="utf-8")
    assert extractor_version.__wrapped__(copy) != same


def test_every_table_the_extractor_reads_is_in_its_version() -> None:
    # A table the extraction code names but the version does not hash would change statements without a new version,
    # so `tension run` would not re-extract old documents (posts.tsv and ruling_parties.tsv were missed so).
    import re

    from tension.extract.version import PACKAGE
    named = {name for path in (PACKAGE / "extract").glob("*.py")
             for name in re.findall(r"\"([a-z_]+\.tsv)\"", path.read_text(encoding="utf-8"))}
    assert named and named - set(EXTRACTION_DATA) == set()


def test_a_marker_row_only_the_scorer_reads_is_no_new_extractor_version(tmp_path) -> None:
    # cues_modifiers.tsv is shared: the extractor's modality reads its `statement_*` and `emphasis` rows, the scorer
    # all of them. A scorer-only marker row (round 36 added nine) must not ask `tension run` to re-extract every
    # document; `tension rescore` brings scores to the scorer's new version. A row the extractor reads still must.
    copy = _copy_of_inputs(tmp_path)
    before = extractor_version.__wrapped__(copy)
    markers = copy / "data" / "cues_modifiers.tsv"
    original = markers.read_text(encoding="utf-8")
    markers.write_text(original + "zeppelined\treversal\t-1\t-1\t3\t\ttest row, a scorer-only kind\n", encoding="utf-8")
    assert extractor_version.__wrapped__(copy) == before
    markers.write_text(original + "zeppelined\tstatement_negation\t0\t0\t3\t\ttest row, a kind modality reads\n",
                       encoding="utf-8")
    assert extractor_version.__wrapped__(copy) != before

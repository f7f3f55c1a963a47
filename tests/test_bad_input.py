"""Bad input never breaks a run: one file of each bad kind among valid documents, through the real pipeline into a
DuckDB file. Every valid document is stored, every bad one has its precise reason, and a re-run changes nothing."""

from __future__ import annotations

import os
import shutil

import pytest

from tension import run
from tension.warehouse import store
from tension.ingest.documents import Document, MAX_FILE_BYTES, Rejection, list_inbox, read_documents

from conftest import SEED_TEXT
from test_ingest_formats import PAGE, RSS, seed_pdf

TABLES = ("documents", "statements", "scores")

# file name -> the start of its rejection reason
BAD = {
    "empty.txt": "empty file (0 bytes)",
    "blank.md": "empty file (only whitespace)",
    "photo.txt": "binary file: the content looks like a PNG image, not .txt",
    "report.txt": "binary file: the content looks like a PDF document, not .txt; rename it to .pdf",
    "cut.pdf": "truncated PDF: no %%EOF marker at the end",
    "bad_front_matter.md": "invalid front matter: ",
    "unclosed_front_matter.md": "invalid front matter: the opening '---' line has no closing '---' line",
    "future.md": "impossible publication date 2999-01-01 (in the future)",
    "feb31.md": "unreadable publication date '2024-02-31'",
    "undated.txt": "no publication date: give it as a 'published: YYYY-MM-DD' line",
    "huge.txt": f"file too large: 51.0 MiB, over the {MAX_FILE_BYTES // 2**20} MiB limit per file; split it",
    "mojibake.txt": "not UTF-8 text",
    "vanished.txt": "file not found: it was deleted or moved after the inbox was listed",
    "escape.md": "symlink points outside the inbox",
    "dangling.md": "broken symlink",
    "notes.docx": "unsupported file type '.docx'",
}


def build_inbox(tmp_path):
    """Valid documents in six formats, and one file of each bad kind."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED_TEXT, inbox / SEED_TEXT.name)
    shutil.copy(SEED_TEXT.with_suffix(".meta.yaml"), inbox / SEED_TEXT.with_suffix(".meta.yaml").name)
    pdf_folder = inbox / "pdf"
    pdf_folder.mkdir()
    seed_pdf(pdf_folder)
    (inbox / "page.html").write_text(PAGE.format(charset="utf-8", extra="now", date_meta=(
        '<meta property="article:published_time" content="2024-02-03T09:00:00+09:00">')))
    (inbox / "wire.rss").write_text(RSS)  # item 2 has no date: a rejection of its own
    (inbox / "batch.csv").write_text("text,published\nSeoul's foreign ministry summoned the Russian ambassador.,2024-02-03\n"
                                     "Pyongyang threatened Seoul with war.,2024-02-04\n")
    (inbox / "korean.txt").write_bytes("---\npublished: 2024-02-01\n---\n북한 North Korea fired a missile.\n".encode("cp949"))
    (inbox / "statement.md").write_text("---\npublished: 2024-02-02\nspeaker: KCNA\n---\nThe puppet group was denounced.\n")

    whole = (pdf_folder / "seed.pdf").read_bytes()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "blank.md").write_text("  \n\n ")
    (inbox / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    (inbox / "report.txt").write_bytes(whole)
    (inbox / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    (inbox / "bad_front_matter.md").write_text("---\npublished: [2024-02-01\ntitle: x\n---\nSeoul said so.\n")
    (inbox / "unclosed_front_matter.md").write_text("---\npublished: 2024-02-01\nSeoul said so.\n")
    (inbox / "future.md").write_text("---\npublished: 2999-01-01\n---\nSeoul said so.\n")
    (inbox / "feb31.md").write_text("---\npublished: '2024-02-31'\n---\nSeoul said so.\n")
    (inbox / "undated.txt").write_text("Pyongyang threatened Seoul.")
    with open(inbox / "huge.txt", "wb") as handle:  # sparse: 51 MiB on paper, nothing on disk
        handle.truncate(51 * 2**20)
    (inbox / "mojibake.txt").write_bytes(b"\x81\xff\xfe\x80" * 50)
    (inbox / "notes.docx").write_text("not really a docx")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\npublished: 2024-02-01\n---\nA secret outside the inbox.\n")
    (inbox / "escape.md").symlink_to(outside / "secret.md")
    (inbox / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    return inbox


def expected_documents(inbox):
    """Doc ids of the valid documents, read one file at a time (independently of the batch run)."""
    valid = [p for p in list_inbox([inbox]) if p.name not in BAD]
    return {d.doc_id for p in valid for d in read_documents([p]) if isinstance(d, Document)}


def snapshot(db):
    with store.connect(db, read_only=True) as con:
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
        doc_ids = {r[0] for r in con.execute("select doc_id from documents").fetchall()}
        rejected = {(os.path.basename(p), item): reason
                    for p, item, reason in con.execute("select path, item, reason from rejected_documents").fetchall()}
        clusters = con.execute("select doc_id, cluster_id from documents order by doc_id").fetchall()
    return counts, doc_ids, rejected, clusters


def test_every_valid_document_is_stored_and_every_bad_file_has_its_reason(tmp_path, ctx):
    inbox = build_inbox(tmp_path)
    vanished = inbox / "vanished.txt"
    vanished.write_text("---\npublished: 2024-02-01\n---\nGone.\n")
    listed = list_inbox([inbox])
    assert vanished in listed and (inbox / "escape.md") in listed
    vanished.unlink()  # deleted after the inbox was listed, before it is read
    valid = expected_documents(inbox)
    assert len(valid) == 8  # seed (txt and PDF: one text), page, 2 feed items, 2 CSV rows, korean, statement

    db = tmp_path / "t.duckdb"
    first = run.run_local(listed, db, batch_size=4)
    counts, doc_ids, rejected, clusters = snapshot(db)
    assert doc_ids == valid
    assert first["documents_new"] == len(valid)
    for name, reason in BAD.items():
        assert rejected.get((name, ""), "").startswith(reason), (name, rejected.get((name, "")))
    assert rejected[("wire.rss", "2")].startswith("no publication date")
    assert set(rejected) == {(name, "") for name in BAD} | {("wire.rss", "2")}
    assert counts["statements"] > 10

    second = run.run_local(listed, db, batch_size=4)
    assert second["documents_new"] == 0 and second["statements_added"] == 0
    assert snapshot(db) == (counts, doc_ids, rejected, clusters)


def test_symlinks_inside_the_inbox_are_read_and_outside_ones_are_not(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "a.md").write_text("---\npublished: 2024-02-01\n---\nSeoul said so.\n")
    (inbox / "sub" / "link.md").symlink_to(inbox / "a.md")
    (tmp_path / "elsewhere").mkdir()
    (inbox / "folder").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    items = {p.name: item for p in list_inbox([inbox]) for item in read_documents([p], inbox=inbox)}
    assert isinstance(items["link.md"], Document)
    assert items["folder"].reason.startswith("symlink points outside the inbox")
    # Without the inbox, a symlink must stay inside its own folder.
    assert isinstance(items["a.md"], Document)
    assert only_reason(inbox / "sub" / "link.md").startswith("symlink points outside its folder")


def only_reason(path) -> str:
    [item] = list(read_documents([path]))
    assert isinstance(item, Rejection)
    return item.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_is_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block the run forever
    assert only_reason(tmp_path / "pipe.txt").startswith("not a regular file")


def test_a_document_that_breaks_analysis_is_rejected_alone(ctx):
    """A document that makes a stage raise (here: its text is not a string, as a faulty reader could produce) is
    rejected with its file, item and error; the documents beside it in the batch are analysed as usual."""
    from datetime import date

    from tension.analyse import analyse_documents

    good = Document("a" * 16, SEED_TEXT.read_text(encoding="utf-8"), date(2025, 1, 6), "inbox/batch.jsonl", item="1")
    broken = Document("b" * 16, None, date(2025, 1, 6), "inbox/batch.jsonl", item="2")  # type: ignore[arg-type]
    also_good = Document("c" * 16, "North Korea fired a ballistic missile into the East Sea on Monday.",
                         date(2025, 1, 6), "inbox/batch.jsonl", item="3")
    failed: list[Rejection] = []
    analysed = analyse_documents([good, broken, also_good], ctx, failed=failed)
    assert [item.document.item for item in analysed] == ["1", "3"]
    assert analysed[0].statements and analysed[1].statements
    assert [(r.path, r.item) for r in failed] == [("inbox/batch.jsonl", "2")]
    assert failed[0].reason.startswith("analysis failed (") and "rest of the batch" in failed[0].reason
    with pytest.raises(Exception):  # without somewhere to put the rejection, the error is raised, not swallowed
        analyse_documents([good, broken], ctx)

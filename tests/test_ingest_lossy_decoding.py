"""Session 13's leftovers at ingest: a file read with undecodable bytes replaced by U+FFFD says so (the document's
`decoding`, the run's note shown by `tension runs`), and a few Cyrillic or Korean words in a legacy code page inside
an English file are read as the words they are, not replaced."""

from __future__ import annotations

import json

from tension import run
from tension.ingest.decoding import decode_text
from tension.ingest.documents import Document, read_documents
from tension.warehouse import store

ENGLISH = (b"---\npublished: 2024-03-04\n---\nThe South Korean military said on Monday that the North had fired a "
           b"ballistic missile into the sea, and the foreign ministry called the launch a grave provocation. ")
MORE = b"Officials in Seoul said the talks with Washington would go on next week despite the launch. "


def _english_with(words: bytes) -> bytes:
    """A long English file (front matter, two paragraphs) with `words` in its middle."""
    return ENGLISH + MORE * 3 + words + b" said on state television. " + MORE * 3


def test_a_few_cyrillic_words_in_windows_1251_are_kept():
    for words in ("Министр иностранных", "«Правда»", "ТАСС"):
        text, encoding = decode_text(_english_with(words.encode("cp1251")))
        assert encoding.startswith("cp1251 (Cyrillic words"), (words, encoding)
        assert f"{words} said on state television" in text and "\ufffd" not in text


def test_a_few_korean_words_in_cp949_are_kept_beyond_ks_x_1001():
    # 똠 is outside KS X 1001 (CP949's extension), the middle dot and corner brackets are CJK punctuation
    for words in ("똠방각하", "외무성 · 「담화」"):
        text, encoding = decode_text(_english_with(words.encode("cp949")))
        assert encoding.startswith("cp949"), (words, encoding)
        assert f"{words} said on state television" in text and "\ufffd" not in text


def test_stray_bytes_that_only_look_like_a_code_page_are_still_replaced():
    # a UTF-16 byte-order mark mid-file, C1 bytes, a Latin-1 letter glued to an English word, a truncated UTF-8
    # sequence, a lone CP949 extension syllable: none is words of one script
    for stray in (b"\xff\xfe", b"\xff\xfe\x80\x80", b"caf\xe9 na\xefve", b"\xe0 la", b"\xe2\x80", b"\xa0\xa1",
                  b"\x93\xc3"):
        text, encoding = decode_text(_english_with(stray))
        assert encoding.startswith("utf-8, ") and encoding.endswith("replaced by U+FFFD"), (stray, encoding)
        assert not any("\u0400" <= c <= "\u04ff" or "\uac00" <= c <= "\ud7a3" for c in text), (stray, text)


def test_a_document_read_with_replaced_bytes_says_so(tmp_path):
    (tmp_path / "stray.txt").write_bytes(_english_with(b"\xff\xfe\x80\x80"))
    (tmp_path / "clean.txt").write_bytes(ENGLISH + MORE)
    (tmp_path / "batch.jsonl").write_bytes(
        b'{"text": "Seoul said \xff\xfe the talks would go on.", "published": "2024-03-04"}\n'
        + json.dumps({"text": "Tokyo spoke.", "published": "2024-03-04"}).encode() + b"\n")
    found = {(doc.path.rsplit("/", 1)[-1], doc.item): doc.decoding for doc in read_documents(sorted(tmp_path.iterdir()))
             if isinstance(doc, Document)}
    assert found == {("batch.jsonl", "1"): "read as utf-8, 2 undecodable places replaced by U+FFFD",
                     ("batch.jsonl", "2"): "", ("clean.txt", ""): "",
                     ("stray.txt", ""): "read as utf-8, 4 undecodable places replaced by U+FFFD"}


def test_a_run_notes_its_documents_read_with_replaced_bytes(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "stray.txt").write_bytes(_english_with(b"\xff\xfe\x80\x80"))
    (inbox / "clean.txt").write_bytes(ENGLISH + MORE)
    (inbox / "rows.csv").write_bytes(b"text,published\nSeoul said the talks \x93\xc3 would go on.,2024-03-04\n")
    db = tmp_path / "t.duckdb"
    run.run_local([inbox], db, run_id="lossy")
    with store.connect(db, read_only=True) as con:
        note = con.execute("select note from runs where run_id = 'lossy'").fetchone()[0]
        decodings = dict(con.execute("select regexp_extract(path, '[^/]+$'), decoding from documents").fetchall())
    assert note.startswith("2 documents read with undecodable bytes replaced by U+FFFD"), note
    assert "rows.csv:2 (utf-8, 2 undecodable places replaced by U+FFFD)" in note and "stray.txt (utf-8, 4 " in note
    assert decodings == {"clean.txt": "", "rows.csv": "read as utf-8, 2 undecodable places replaced by U+FFFD",
                         "stray.txt": "read as utf-8, 4 undecodable places replaced by U+FFFD"}
    (inbox / "later.txt").write_bytes(ENGLISH.replace(b"Monday", b"Tuesday"))
    run.run_local([inbox], db, run_id="again")  # only the new clean file read: nothing to say
    with store.connect(db, read_only=True) as con:
        assert con.execute("select note from runs where run_id = 'again'").fetchone()[0] == ""


def test_the_note_of_many_documents_names_three():
    lossy = [(f"/in/f{n}.txt", "", "read as utf-8, 1 undecodable place replaced by U+FFFD") for n in range(5)]
    note = run.lossy_note(lossy)
    assert note.startswith("5 documents read") and "/in/f2.txt (utf-8, 1 undecodable" in note
    assert "f3" not in note and note.endswith("; 2 more") and run.lossy_note([]) == ""


def test_tension_statements_says_which_document_lost_characters(tmp_path):
    """The ad-hoc command notes on stderr, as a run notes in runs.note, each document read with bytes replaced."""
    from typer.testing import CliRunner

    from tension.cli import app

    (tmp_path / "stray.txt").write_bytes(_english_with(b"\xff\xfe\x80\x80"))
    (tmp_path / "clean.txt").write_bytes(ENGLISH + MORE)
    result = CliRunner().invoke(app, ["statements", str(tmp_path)])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if line.startswith("note ")]
    assert len(notes) == 1 and "stray.txt: undecodable bytes replaced by U+FFFD" in notes[0]
    assert "4 undecodable places" in notes[0]
    assert all(json.loads(line) for line in result.stdout.splitlines())  # stdout stays JSON lines

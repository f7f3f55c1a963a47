import json
import os
from datetime import date

import pytest

from tension.ingest.dates import parse_date
from tension.ingest.documents import Document, Rejection, document_id, list_inbox, read_documents, read_jsonl

from conftest import SEEDS


def test_seed_reads_with_its_sidecar_date():
    [doc] = list(read_documents(list_inbox([SEEDS])))
    assert isinstance(doc, Document)
    assert doc.published == date(2024, 2, 4)
    assert doc.date_source.startswith("sidecar")
    assert doc.doc_id == document_id(doc.text)


def test_front_matter_date_and_fields(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\npublished: 2024-03-01\ntitle: T\nspeaker: KCNA\n---\nNorth Korea said hello.\n")
    [doc] = list(read_documents([path]))
    assert (doc.published, doc.title, doc.speaker, doc.date_source) == (date(2024, 3, 1), "T", "KCNA", "front matter")
    assert doc.text.strip() == "North Korea said hello."


def test_missing_date_is_rejected_with_how_to_fix(tmp_path):
    path = tmp_path / "nodate.txt"
    path.write_text("Seoul said something.")
    [rej] = list(read_documents([path]))
    assert isinstance(rej, Rejection)
    assert "no publication date" in rej.reason and "nodate.txt.meta.yaml" in rej.reason and "published:" in rej.reason


def test_jsonl_batch_goes_on_past_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Seoul protested.", "published": "2024-02-01"}),
        "{not json",
        json.dumps({"id": "b", "text": "", "published": "2024-02-01"}),
        json.dumps({"id": "c", "text": "Moscow replied.", "published": "2024-02-31"}),
        json.dumps({"id": "d", "text": "Pyongyang fired.", "published": "20240202"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_documents([path]))
    docs = [i for i in items if isinstance(i, Document)]
    rejections = {i.item: i.reason for i in items if isinstance(i, Rejection)}
    assert [d.external_id for d in docs] == ["a", "d"]
    assert docs[1].published == date(2024, 2, 2)
    assert rejections["2"].startswith("invalid JSON")
    assert rejections["3"] == "no text"
    assert "unreadable publication date" in rejections["4"]


def test_jsonl_field_mapping_for_kcna_style_records(tmp_path):
    path = tmp_path / "kcna.jsonl"
    path.write_text(json.dumps({"id": "K1", "story": "The puppet group was denounced.", "date": "2011-01-03"}) + "\n")
    (tmp_path / "kcna.jsonl.meta.yaml").write_text("fields: {text: story, published: date}\nspeaker: KCNA\n")
    [doc] = list(read_documents([path]))
    assert (doc.text, doc.published, doc.speaker) == ("The puppet group was denounced.", date(2011, 1, 3), "KCNA")


def test_unsupported_truncated_and_undecodable_files_are_rejected(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "y.txt").write_bytes(b"\xff\xfe\xfa bad")
    (tmp_path / "z.docx").write_bytes(b"hello")
    (tmp_path / "w.txt").write_bytes(bytes(range(128, 256)) * 4)
    reasons = {r.path.rsplit("/", 1)[-1]: r.reason for r in read_documents(list_inbox([tmp_path]))}
    assert reasons["x.pdf"].startswith("truncated PDF")
    assert reasons["y.txt"].startswith("starts with a UTF-16 byte-order mark but is not valid utf-16 text")
    assert reasons["z.docx"].startswith("unsupported file type '.docx'")
    assert reasons["w.txt"].startswith("not UTF-8 text") and "encoding: cp949" in reasons["w.txt"]


def test_same_text_twice_has_one_id():
    assert document_id("North Korea  fired\na missile.") == document_id("North Korea fired a missile. ")


@pytest.mark.parametrize("value,expected", [("2024-02-04", date(2024, 2, 4)), ("20080804", date(2008, 8, 4)),
                                            ("2025-12-28 00:00", date(2025, 12, 28)), (date(2024, 1, 1), date(2024, 1, 1))])
def test_parse_date_formats(value, expected):
    assert parse_date(value) == expected


def test_jsonl_line_ranges_read_in_any_order_match_the_whole_file(tmp_path):
    """Ranges start from line offsets remembered by earlier reads; out of order, past the end, blank lines too."""
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": str(n), "text": f"Seoul said {n}.", "published": "2024-02-01"}) if n % 7 else ""
             for n in range(1, 41)]
    path.write_text("\n".join(lines))  # no newline after the last line
    whole = [(d.item, d.doc_id) for d in read_jsonl(path)]
    for first, stop in [(21, 31), (1, 11), (31, 45), (11, 21), (45, 50), (40, 41), (35, 36), (1, 41)]:
        expected = [row for row in whole if first <= int(row[0]) < stop]
        assert [(d.item, d.doc_id) for d in read_jsonl(path, lines=(first, stop))] == expected, (first, stop)


def test_jsonl_rewritten_batch_is_not_read_at_stale_line_offsets(tmp_path):
    path = tmp_path / "batch.jsonl"
    record = json.dumps({"text": "Seoul said so.", "published": "2024-02-01"})
    path.write_text(f'{record}\n{{"x": 1}}\n{record}\n')
    before = os.stat(path)
    assert [d.item for d in read_jsonl(path, lines=(3, 4))] == ["3"]
    path.write_text(f'{record}\n{record}\n{{"x": 1}}\n')  # same size; the same mtime, as on a coarse clock
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    [rejection] = read_jsonl(path, lines=(3, 4))
    assert isinstance(rejection, Rejection) and rejection.item == "3"
    assert rejection.reason.startswith("no 'text' field holding the text (the fields are: x)")

"""Formats users actually have: PDF, saved web pages, RSS/Atom, CSV/TSV and JSONL with a field mapping, non-UTF-8
text, and dates taken from metadata or a wire dateline (with where each date came from)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tension.ingest.clean import clean_text
from tension.ingest.documents import Document, Rejection, read_documents
from tension.analyse import analyse_document

from conftest import SEED_TEXT, shared_file


def make_pdf(path: Path, text: str) -> Path:
    """A PDF drawn line by line from `text`, keeping its line breaks (blank lines stay blank), as reportlab does."""
    page = canvas.Canvas(str(path), pagesize=A4)
    _, height = A4
    y = height - 50
    page.setFont("Helvetica", 10)
    for line in text.split("\n"):
        if y < 50:
            page.showPage()
            page.setFont("Helvetica", 10)
            y = height - 50
        page.drawString(40, y, line)
        y -= 13
    page.save()
    return path


def seed_pdf(folder: Path) -> Path:
    """The seed article as a PDF with the seed's sidecar next to it."""
    pdf = make_pdf(folder / "seed.pdf", SEED_TEXT.read_text())
    shutil.copy(SEED_TEXT.with_suffix(".meta.yaml"), folder / "seed.pdf.meta.yaml")
    return pdf


def only(items) -> Document | Rejection:
    [item] = list(items)
    return item


def statements_of(doc, ctx):
    return [(s.speaker_actor, s.speaker_country, tuple(s.targets), s.content) for s in analyse_document(doc, ctx).statements]


def test_seed_as_pdf_yields_the_same_statements_as_the_text(tmp_path, ctx):
    pdf_doc = only(read_documents([seed_pdf(tmp_path)]))
    txt_doc = only(read_documents([SEED_TEXT]))
    assert isinstance(pdf_doc, Document), pdf_doc
    assert (pdf_doc.published, pdf_doc.date_source) == (date(2024, 2, 4), "sidecar seed.pdf.meta.yaml")
    from_pdf, from_txt = statements_of(pdf_doc, ctx), statements_of(txt_doc, ctx)
    assert len(from_txt) >= 10
    assert from_pdf == from_txt
    cleaned = clean_text(pdf_doc.text)
    assert cleaned.credits[0] == "EPA / Jeon Heon-Kyun / TASS" and cleaned.caption.startswith("People watch")


def test_pdf_over_two_pages_rejoins_a_sentence_cut_by_the_page_break(tmp_path):
    lines = ["North Korea fired a missile, Seoul said."] * 60 + ["Moscow said the launch was", "a sovereign right."]
    doc = only(read_documents([make_pdf(tmp_path / "long.pdf", "\n".join(lines))], inbox=tmp_path))
    assert isinstance(doc, Rejection) and "no publication date" in doc.reason  # no sidecar yet
    (tmp_path / "long.pdf.meta.yaml").write_text("published: 2024-02-01\n")
    doc = only(read_documents([tmp_path / "long.pdf"]))
    assert "Moscow said the launch was a sovereign right." in clean_text(doc.text).body


def test_truncated_and_textless_pdfs_are_rejected_with_the_reason(tmp_path):
    whole = seed_pdf(tmp_path).read_bytes()
    (tmp_path / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    blank = canvas.Canvas(str(tmp_path / "scan.pdf"))
    blank.rect(10, 10, 100, 100, fill=1)
    blank.save()
    assert only(read_documents([tmp_path / "cut.pdf"])).reason.startswith("truncated PDF: no %%EOF marker")
    assert only(read_documents([tmp_path / "scan.pdf"])).reason.startswith("PDF has no text layer")


PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>N. Korea fires missile | Example Herald</title>
<meta property="og:site_name" content="Example Herald"><meta property="og:title" content="N. Korea fires missile">
{date_meta}<link rel="canonical" href="https://news.example.com/nk-missile"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/biz">Business</a></nav>
<article><h1>N. Korea fires missile</h1>
<p>SEOUL, Feb. 3 (Yonhap) -- North Korea fired a ballistic missile into the East Sea on Saturday, South Korea's
Joint Chiefs of Staff said, days after Pyongyang declared the South its principal enemy.</p>
<p>Seoul's foreign ministry condemned the launch as a grave provocation and urged Pyongyang to stop {extra}.</p>
<p>Russia's foreign ministry said Moscow opposed any pressure on Pyongyang and blamed Washington and Seoul.</p>
</article><footer>Copyright Example Herald. All rights reserved. Subscribe to our newsletter.</footer></body></html>"""


def test_html_page_main_text_and_metadata(tmp_path):
    page = PAGE.format(charset="utf-8", extra="at once",
                       date_meta='<meta property="article:published_time" content="2024-02-03T09:00:00+09:00">')
    (tmp_path / "page.html").write_text(page)
    doc = only(read_documents([tmp_path / "page.html"]))
    assert isinstance(doc, Document), doc
    assert (doc.published, doc.date_source) == (date(2024, 2, 3), "HTML page metadata")
    assert (doc.title, doc.source, doc.url) == ("N. Korea fires missile", "Example Herald", "https://news.example.com/nk-missile")
    assert "Subscribe" not in doc.text and "Business" not in doc.text
    assert doc.dateline == "SEOUL, Feb. 3 (Yonhap)"
    body = clean_text(doc.text).body
    assert body.startswith("North Korea fired a ballistic missile") and "(Yonhap)" not in body


def test_html_in_euc_kr_without_a_date_takes_the_dateline_and_the_sidecar_year(tmp_path):
    page = PAGE.format(charset="euc-kr", extra="(북한 도발 중단 촉구)", date_meta="")
    (tmp_path / "kr.html").write_bytes(page.encode("euc-kr"))
    rejected = only(read_documents([tmp_path / "kr.html"]))
    assert "dateline 'SEOUL, Feb. 3 (Yonhap)' has no year" in rejected.reason and "year: 2025" in rejected.reason
    (tmp_path / "kr.html.meta.yaml").write_text("year: 2024\n")
    doc = only(read_documents([tmp_path / "kr.html"]))
    assert (doc.published, doc.date_source) == (date(2024, 2, 3), "dateline 'SEOUL, Feb. 3 (Yonhap)' + year field")
    assert "북한 도발 중단 촉구" in doc.text


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire World</title><lastBuildDate>Mon, 05 Feb 2024 10:00:00 GMT</lastBuildDate>
<item><title>North Korea fires cruise missiles</title><link>https://wire.example.com/1</link><guid>wire-1</guid>
<pubDate>Sat, 03 Feb 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;North Korea &lt;b&gt;fired&lt;/b&gt; several cruise missiles, Seoul said.&lt;/p&gt;&lt;figure&gt;&lt;img src="x.jpg"/&gt;&lt;/figure&gt;&lt;p&gt;Moscow said &amp;quot;nothing&amp;quot;.&lt;/p&gt;</description></item>
<item><title>Undated item</title><description>Seoul protested.</description></item>
<item><title>Seoul summons envoy</title><link>https://wire.example.com/3</link>
<description>SEOUL, Feb. 4 (Yonhap) -- Seoul summoned the Russian ambassador.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><updated>2024-02-05T00:00:00Z</updated>
<entry><title>Kim vows to expand arsenal</title><id>urn:x:1</id><updated>2024-02-02T08:00:00Z</updated>
<link href="https://atom.example.com/1"/><summary type="html">&lt;p&gt;Kim Jong Un vowed to expand the arsenal.&lt;/p&gt;</summary></entry>
</feed>"""


def test_rss_items_become_documents_with_html_stripped(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS)
    items = list(read_documents([tmp_path / "wire.rss"]))
    docs = {i.item: i for i in items if isinstance(i, Document)}
    rejected = {i.item: i.reason for i in items if isinstance(i, Rejection)}
    first = docs["1"]
    assert first.text == 'North Korea fires cruise missiles\n\nNorth Korea fired several cruise missiles, Seoul said.\n\nMoscow said "nothing".'
    assert (first.published, first.date_source, first.source, first.url, first.external_id) == (
        date(2024, 2, 3), "feed item <published>", "Example Wire World", "https://wire.example.com/1", "wire-1")
    assert "no publication date" in rejected["2"]
    # No pubDate, but a dateline; the year comes from the feed's own lastBuildDate.
    assert docs["3"].published == date(2024, 2, 4)
    assert docs["3"].date_source == "dateline 'SEOUL, Feb. 4 (Yonhap)' + retrieved date"


def test_atom_feed(tmp_path):
    (tmp_path / "feed.atom").write_text(ATOM)
    doc = only(read_documents([tmp_path / "feed.atom"]))
    assert (doc.title, doc.published, doc.source) == ("Kim vows to expand arsenal", date(2024, 2, 2), "Example Atom")
    assert doc.text.endswith("Kim Jong Un vowed to expand the arsenal.")


def test_a_feed_items_date_is_the_day_in_the_feeds_own_time_zone(tmp_path):
    """Found by a new user: feedparser's parsed dates are UTC, so a Seoul item of Monday 07:30 +0900 was Sunday, in
    the ISO week before; a JSON record with the same time kept its Monday."""
    early = RSS.replace("Sat, 03 Feb 2024 09:00:00 GMT", "Mon, 05 Feb 2024 07:30:00 +0900")
    (tmp_path / "wire.rss").write_text(early)
    docs = {i.item: i for i in read_documents([tmp_path / "wire.rss"]) if isinstance(i, Document)}
    assert docs["1"].published == date(2024, 2, 5)
    atom = ATOM.replace("2024-02-02T08:00:00Z", "2024-02-02T23:30:00-05:00")  # Feb 3 in UTC, Feb 2 where written
    (tmp_path / "feed.atom").write_text(atom)
    assert only(read_documents([tmp_path / "feed.atom"])).published == date(2024, 2, 2)


def test_not_a_feed_is_rejected(tmp_path):
    (tmp_path / "notes.xml").write_text("<?xml version='1.0'?><notes><note>hi</note></notes>")
    assert only(read_documents([tmp_path / "notes.xml"])).reason.startswith("not an RSS/Atom feed")


def test_csv_batch_with_a_field_mapping_and_bad_rows(tmp_path):
    (tmp_path / "batch.csv").write_text(
        'headline,story,date\n'
        '"Seoul protests","Seoul\'s foreign ministry summoned the ambassador,\nofficials said.",2024-02-03\n'
        'Undated,Moscow replied.,\n'
        'Bad,Pyongyang fired.,2024-02-31\n'
        'Fine,"<p>Pyongyang <i>fired</i> a missile.</p>",20240202\n'
    )
    (tmp_path / "batch.csv.meta.yaml").write_text("fields: {text: story, published: date, title: headline}\nsource: KBS\n")
    items = list(read_documents([tmp_path / "batch.csv"]))
    docs = [i for i in items if isinstance(i, Document)]
    rejected = {i.item: i.reason for i in items if isinstance(i, Rejection)}
    assert [(d.title, d.published, d.source, d.date_source) for d in docs] == [
        ("Seoul protests", date(2024, 2, 3), "KBS", "field date"), ("Fine", date(2024, 2, 2), "KBS", "field date")]
    assert docs[1].text == "Pyongyang fired a missile."
    assert "no publication date" in rejected["4"] and "unreadable publication date '2024-02-31'" in rejected["5"]


def test_tsv_and_jsonl_with_several_text_fields(tmp_path):
    (tmp_path / "a.tsv").write_text("text\tpublished\nNorth Korea fired a missile.\t2024-02-01\n")
    assert only(read_documents([tmp_path / "a.tsv"])).published == date(2024, 2, 1)
    (tmp_path / "b.jsonl").write_text(json.dumps({"title": "NK fires", "description": "<p>Seoul &amp; Tokyo said so.</p>",
                                                  "date_published": "2022-10-04 03:00:00+00:00"}) + "\n")
    fields = {"text": ["title", "description"], "published": "date_published"}
    doc = only(read_documents([tmp_path / "b.jsonl"], fields))
    assert (doc.text, doc.published) == ("NK fires\n\nSeoul & Tokyo said so.", date(2022, 10, 4))


def test_korean_encodings_decode_or_are_rejected_with_the_fix(tmp_path):
    text = "---\npublished: 2024-02-01\n---\nSEOUL -- 북한이 동해상으로 탄도미사일을 발사했다. North Korea fired a missile.\n"
    (tmp_path / "cp949.txt").write_bytes(text.encode("cp949"))
    assert "탄도미사일" in only(read_documents([tmp_path / "cp949.txt"])).text
    (tmp_path / "declared.txt").write_bytes(text.encode("euc-kr"))
    (tmp_path / "declared.txt.meta.yaml").write_text("encoding: euc-kr\n")
    assert "북한이" in only(read_documents([tmp_path / "declared.txt"])).text
    (tmp_path / "wrong.txt").write_bytes(text.encode("cp949"))
    (tmp_path / "wrong.txt.meta.yaml").write_text("encoding: utf-8\n")
    assert only(read_documents([tmp_path / "wrong.txt"])).reason.startswith("not valid utf-8 text as declared")
    (tmp_path / "nonsense.txt").write_bytes(b"\x81\xff\xfe\x80" * 50)
    reason = only(read_documents([tmp_path / "nonsense.txt"])).reason
    assert reason.startswith("not UTF-8 text") and "sidecar" in reason


@pytest.mark.parametrize("meta,expected,source", [
    ("year: 2025", date(2025, 12, 28), "dateline 'SEOUL, Dec. 28 (Yonhap)' + year field"),
    ("retrieved: 2025-12-28 00:50:32", date(2025, 12, 28), "dateline 'SEOUL, Dec. 28 (Yonhap)' + retrieved date"),
    ("retrieved: 2026-01-02", date(2025, 12, 28), "dateline 'SEOUL, Dec. 28 (Yonhap)' + retrieved date"),
])
def test_dateline_dates_take_the_year_from_other_metadata(tmp_path, meta, expected, source):
    (tmp_path / "wire.txt").write_text("NK-missile N. Korea fires missileBy Hong Gil-dong SEOUL, Dec. 28 (Yonhap) -- "
                                       "North Korea fired a missile, the military said.")
    (tmp_path / "wire.txt.meta.yaml").write_text(meta + "\n")
    doc = only(read_documents([tmp_path / "wire.txt"]))
    assert (doc.published, doc.date_source) == (expected, source)
    assert (doc.dateline, doc.byline) == ("SEOUL, Dec. 28 (Yonhap)", "Hong Gil-dong")


@pytest.mark.parametrize("published,reason", [
    ("2999-01-01", "impossible publication date 2999-01-01 (in the future)"),
    ("1066-10-14", "impossible publication date 1066-10-14 (before 1900)"),
    ("2024-02-30", "unreadable publication date '2024-02-30'"),
    ("next Tuesday-ish", "unreadable publication date 'next Tuesday-ish'"),
])
def test_impossible_dates_are_rejected(tmp_path, published, reason):
    (tmp_path / "a.md").write_text(f"---\npublished: '{published}'\n---\nNorth Korea fired a missile.\n")
    assert only(read_documents([tmp_path / "a.md"])).reason.startswith(reason)


def test_yonhap_batch_from_shared_data(tmp_path):
    source = shared_file("yonhap_2025_12/baram_english_korea_pairs.jsonl")
    fields = {"published": "published_at", "source": "publisher", "retrieved": "crawled_at"}
    docs = [d for d in read_documents([source], fields) if isinstance(d, Document)]
    assert len(docs) == 51
    wire = [d for d in docs if d.dateline]
    assert len(wire) == 34 and all(d.source == "연합뉴스" for d in wire)
    assert all(d.date_source == "field published_at" for d in docs)
    for doc in wire:
        body = clean_text(doc.text, doc.title).body
        assert "(Yonhap) --" not in body[:300] and doc.slug not in body[:200]
    # Without the published field, the dateline and the crawl time give the same dates.
    undated = {"published": "no_such_field", "retrieved": "crawled_at"}
    by_dateline = {d.external_id: d for d in read_documents([source], {**undated, "id": "id"}) if isinstance(d, Document)}
    for doc in wire:
        again = by_dateline[doc.external_id]
        assert again.date_source.startswith("dateline") and abs((again.published - doc.published).days) <= 1


def test_encrypted_pdf_is_rejected_with_what_to_do(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=seed_pdf(tmp_path))
    writer.encrypt(user_password="secret", owner_password="owner")
    writer.write(tmp_path / "locked.pdf")
    assert only(read_documents([tmp_path / "locked.pdf"])).reason.startswith("encrypted PDF: save an unprotected copy")

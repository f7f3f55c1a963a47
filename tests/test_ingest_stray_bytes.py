"""Session 12's leftovers at ingest: an English file with a few stray bytes is read as UTF-8 with those bytes replaced
(a guessed code page had made Cyrillic or Hangul of them), while real CP949 and CP1251 files are still read right;
a wire dateline that carries its year dates the document; an undated document's rejection says its help once."""

from __future__ import annotations

from datetime import date

from tension.ingest.decoding import decode_text
from tension.ingest.documents import Document, Rejection, read_documents

ENGLISH = (b"---\npublished: 2024-03-04\n---\nThe South Korean military said on Monday that the North had fired a "
           b"ballistic missile into the sea, and the foreign ministry called the launch a grave provocation. ")
KOREAN = "북한은 월요일 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다. 정부는 이를 명백한 도발로 규정했다. "
RUSSIAN = "Министр иностранных дел заявил, что переговоры будут продолжены. Северная Корея провела пуск ракеты. "


def _only(path) -> Document | Rejection:
    [found] = list(read_documents([path]))
    return found


def test_an_english_file_with_stray_bytes_is_read_as_utf8_not_as_a_code_page(tmp_path):
    for number, stray in enumerate((b"\xff\xfe\x80\x80", b"\xa0\xa1", b"\xc3\x28", b"\x93\xc3")):
        raw = ENGLISH * 2 + stray + b" The talks would go on. " + ENGLISH[30:]
        text, encoding = decode_text(raw)
        assert encoding.startswith("utf-8, ") and "replaced by U+FFFD" in encoding, (stray, encoding)
        assert "\ufffd" in text and all(ord(c) < 128 or c == "\ufffd" for c in text), (stray, text)
        path = tmp_path / f"stray{number}.txt"
        path.write_bytes(raw)
        doc = _only(path)
        assert isinstance(doc, Document) and "The talks would go on." in doc.text


def test_windows_typography_in_an_english_file_stays_quotes_and_dashes(tmp_path):
    # A Windows editor's curly quotes, apostrophe, dashes and ellipsis (Windows-1252), not damage: "doesn't" must stay
    # a negation, so they are read as the characters they are, not replaced.
    raw = ENGLISH + b"\x93We don\x92t want war\x85\x94 \x96 the minister said\xa0today. " + ENGLISH[30:]
    text, encoding = decode_text(raw)
    assert encoding.startswith("cp1252") and "\u201cWe don\u2019t want war\u2026\u201d \u2013 the minister" in text
    path = tmp_path / "curly.txt"
    path.write_bytes(raw)
    doc = _only(path)
    assert isinstance(doc, Document) and "don\u2019t want war" in doc.text and "\ufffd" not in doc.text


def test_a_short_english_line_with_stray_bytes_is_not_made_cyrillic():
    text, encoding = decode_text(b"The minister said \xff\xfe\x80\x80 the talks would go on. \xff\xfe\x80\x80\n")
    assert encoding.startswith("utf-8, 8 undecodable places") and not any("\u0400" <= c <= "\u04ff" for c in text)


def test_real_cp949_and_cp1251_files_are_still_read_right(tmp_path):
    (tmp_path / "ko.txt").write_bytes(("---\npublished: 2024-03-04\n---\n" + KOREAN * 3).encode("cp949"))
    assert "탄도미사일" in _only(tmp_path / "ko.txt").text
    (tmp_path / "ru.txt").write_bytes(("---\npublished: 2024-03-04\n---\n" + RUSSIAN * 3).encode("cp1251"))
    assert "Министр иностранных дел" in _only(tmp_path / "ru.txt").text
    # a few Korean words in an English file saved as CP949 are Korean, not stray bytes
    mixed = ENGLISH * 3 + "북한 ".encode("cp949") + ENGLISH[30:]
    assert decode_text(mixed) == (mixed.decode("cp949"), "cp949")


def test_a_dateline_with_its_year_dates_the_document(tmp_path):
    cases = {
        "agency.txt": ("WASHINGTON, Dec. 28, 2024 (Reuters) - The United States said North Korea must stop its "
                       "launches.\n", date(2024, 12, 28), "WASHINGTON, Dec. 28, 2024 (Reuters)"),
        "bare.txt": ("SEOUL, March 3, 2023 -- South Korea condemned the North for firing a missile.\n",
                     date(2023, 3, 3), "SEOUL, March 3, 2023"),
    }
    for name, (text, day, dateline) in cases.items():
        (tmp_path / name).write_text(text)
        doc = _only(tmp_path / name)
        assert isinstance(doc, Document), doc
        assert (doc.published, doc.dateline, doc.date_source) == (day, dateline, f"dateline '{dateline}'")


def test_a_dateline_year_gives_way_to_metadata_and_an_impossible_one_is_refused(tmp_path):
    (tmp_path / "meta.txt").write_text("---\npublished: 2024-12-29\n---\nWASHINGTON, Dec. 28, 2024 (AP) - Officials "
                                       "spoke.\n")
    assert _only(tmp_path / "meta.txt").published == date(2024, 12, 29)
    (tmp_path / "future.txt").write_text("SEOUL, Dec. 28, 2999 -- Officials spoke.\n")
    reason = _only(tmp_path / "future.txt").reason
    assert reason.startswith("impossible publication date 2999-12-28 (in the future)"), reason


def test_an_undated_document_is_told_how_to_date_it_once(tmp_path):
    (tmp_path / "undated.txt").write_text("North Korea condemned the drills.\n")
    reason = _only(tmp_path / "undated.txt").reason
    assert reason.startswith("no publication date: give it as a 'published: YYYY-MM-DD' line"), reason
    assert reason.count("publication date") == 1, reason

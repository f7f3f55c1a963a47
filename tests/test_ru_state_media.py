"""Russian state media on Seoul (../shared/data/ru_state_media_korea), the pair with the least data, through a
whole run: every item stored, outlets named as analysts name them, the Foreign Ministry's lower-cased channel still
resolved to its speakers, and TASS's datelines ("GYEONGJU /Republic of Korea/") a place, not a target."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tension.warehouse import store

from conftest import shared_file

# Any Korean place or person a headline could name (the datelines name Seoul, Busan, Gyeongju; the leads are cut).
KOREA_NAMED = re.compile(r"korea|korean|seoul|busan|gyeongju|incheon|\brok\b|yoon|lee jae|moon jae|park geun|"
                         r"pyongyang|kim jong", re.I)


@pytest.fixture(scope="module")
def ru_run(module_tmp):
    from tension import run

    source = shared_file("ru_state_media_korea/ru_state_media_korea.jsonl")
    folder = module_tmp("ru")
    inbox = folder / "inbox"
    inbox.mkdir()
    shutil.copy(source, inbox / source.name)
    db = folder / "ru.duckdb"
    totals = run.run_local([inbox], db, fields={"text": "title+lead", "source": "outlet"})
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    return totals, db, records


def test_every_item_is_stored_once_and_named_by_its_outlet(ru_run):
    totals, db, records = ru_run
    texts = {" ".join(" ".join(filter(None, [r.get("title"), r.get("lead")])).split()) for r in records}
    assert totals["documents_rejected"] == 0
    with store.connect(db, read_only=True) as con:
        stored = con.execute("select count(*) from documents").fetchone()[0]
        outlets = dict(con.execute("select outlet, count(*) from outlets group by 1").fetchall())
    # an identical headline + lead is one document (its text is its id); nothing else is lost
    assert stored == len(texts) and len(records) - stored <= 2
    assert set(outlets) == {"RT", "TASS", "Russian MFA", "Sputnik"}, outlets  # not the file's codes rt, tass, mfa


def test_the_ministry_channel_in_lower_case_still_resolves_its_speakers(ru_run):
    _, db, _ = ru_run
    with store.connect(db, read_only=True) as con:
        rows = con.execute("""select s.speaker, s.speaker_country, s.speaker_kind from statements as s
                              join outlets as o using (doc_id)
                              where o.outlet = 'Russian MFA' and regexp_matches(lower(s.speaker), 'lavrov|zakharova')
                           """).fetchall()
    assert rows, "no statement of Lavrov or Zakharova found in the ministry's channel"
    assert all(country == "RUS" and kind == "government" for _, country, kind in rows), rows


def test_a_tass_dateline_in_korea_makes_no_korean_target(ru_run):
    """'GYEONGJU /Republic of Korea/, October 31. /TASS/.' says where the story was filed: a headline that names no
    Korean place or person gives no statement aimed at the ROK."""
    _, db, _ = ru_run
    with store.connect(db, read_only=True) as con:
        rows = con.execute("""select d.title, s.targets from statements as s join documents as d using (doc_id)
                              join outlets as o using (doc_id)
                              where o.outlet = 'TASS' and regexp_matches(d.body, '/Republic of Korea/|SEOUL, ')
                           """).fetchall()
    assert rows, "the TASS items filed from Korea gave no statements at all"
    aimed = [targets for title, targets in rows if "KOR" in targets and not KOREA_NAMED.search(title or "")]
    assert aimed == []


def test_russia_rok_pair_statements_are_state_voices_in_both_directions(ru_run):
    _, db, _ = ru_run
    with store.connect(db, read_only=True) as con:
        counted = dict(con.execute("""select direction, count(*) from pair_statements
                                      where pair_id = 'RUS-KOR' and counts_in_index group by 1""").fetchall())
        kinds = {k for (k,) in con.execute("select distinct speaker_kind from pair_statements where pair_id = 'RUS-KOR'"
                                           ).fetchall()}
    assert counted.get("RUS→KOR", 0) > 0 and counted.get("KOR→RUS", 0) > 0, counted
    assert kinds <= {"government", "military", "state_media", "party_legislature", "opposition", "civic", "media",
                     "academic", "diaspora_foreign", "people"}

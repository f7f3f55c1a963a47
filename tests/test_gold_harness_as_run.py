"""The gold harness as users run the corpora (`python -m evaluation.gold.extraction --as-run`, branch harness): each
labelled document goes to the real `tension statements` once, with its corpus's production field mapping, and each
statement goes back to the unit of the raw field it overlaps. Every document here is written for these tests (never
corpus text)."""

from __future__ import annotations

from evaluation.gold import as_run
from evaluation.gold import extraction as harness

from conftest import shared_file


def _units(corpus: str, doc_id: str, record: dict, spans: dict[str, list[tuple[int, int]]]) -> list[dict]:
    """Labelling units of a written record, as the sampler makes them (a half-open span of the raw field)."""
    out = []
    for name, field_spans in spans.items():
        for i, (start, end) in enumerate(field_spans):
            out.append({"unit_id": f"{corpus}:{doc_id}:{name}:{i}", "corpus": corpus, "doc_id": doc_id,
                        "field": name, "start": start, "end": end, "text": record[name][start:end],
                        "split": "tune", "published": record.get("published") or record.get("date")})
    return out


def _whole(text: str) -> tuple[int, int]:
    return (0, len(text))


def _per_field(units: list[dict], record: dict) -> dict[str, list[dict]]:
    """Today's default mode: each labelled field its own input document."""
    contexts = {(u["corpus"], u["doc_id"]): record for u in units}
    docs = harness.field_documents(units, contexts)
    return harness.assign(docs, harness.run_statements(docs))


def _as_run(units: list[dict], record: dict, corpus: str, doc_id: str) -> dict[str, list[dict]]:
    docs = as_run.documents(units, {corpus: {doc_id: record}})
    return as_run.assign(docs, as_run.run_statements(docs))


def test_a_cut_lead_gets_its_headline_targets_as_run_and_not_per_field():
    # Russian state media run as title+lead: the lead the feed cut mid-word takes the headline's target (round 30),
    # which only a run that gives both fields as one document can show
    record = {"id": "w1", "outlet": "tass", "published": "2025-10-20",
              "title": "Seoul halts its loudspeaker broadcasts aimed at North Korea",
              "lead": "South Korea's new government on Monday stopped the propaganda bro"}
    units = _units("ru_state", "w1", record, {"title": [_whole(record["title"])], "lead": [_whole(record["lead"])]})
    ran = _as_run(units, record, "ru_state", "w1")
    alone = _per_field(units, record)
    lead = "ru_state:w1:lead:0"
    assert [(s["speaker_country"], s["targets"]) for s in ran[lead]] == [("KOR", ["PRK"])]
    assert [(s["speaker_country"], s["targets"]) for s in alone[lead]] == [("KOR", [])]
    # the headline's own statement is found in both modes, in its own unit
    assert [s["speaker_country"] for s in ran["ru_state:w1:title:0"]] == ["KOR"]
    assert [s["speaker_country"] for s in alone["ru_state:w1:title:0"]] == ["KOR"]


def test_statements_go_to_the_units_of_both_fields_they_overlap():
    # RSS run as title+description: the description carries markup the tool strips; each sentence's statement
    # belongs to its own unit, offsets counted in the raw field
    description = ("<p>Japan protested to Beijing on Tuesday over the survey ship.</p>"
                   "<p>China rejected the complaint and warned <b>Tokyo</b> against meddling.</p>")
    first, second = description.index("Japan"), description.index("China")
    record = {"id": "w2", "published": "2024-05-07", "url": "https://example.org/w2",
              "title": "South Korea condemns North Korea's missile launch", "description": description}
    units = _units("rss2024", "w2", record, {
        "title": [_whole(record["title"])],
        "description": [(first, description.index("</p>")), (second, description.rindex("</p>"))]})
    ran = _as_run(units, record, "rss2024", "w2")
    found = {uid: [(s["speaker_country"], s["targets"]) for s in statements] for uid, statements in ran.items()}
    assert found["rss2024:w2:title:0"] == [("KOR", ["PRK"])]
    assert found["rss2024:w2:description:0"] == [("JPN", ["CHN"])]
    assert found["rss2024:w2:description:1"] and all(country == "CHN" and "JPN" in targets
                                                     for country, targets in found["rss2024:w2:description:1"])


def test_a_lead_repeating_its_title_gives_the_title_unit_its_statement_once():
    # the sampler makes no unit of a lead that repeats its title; the tool reads both, and the lead's copy of the
    # statement is found in the lead (nearest the tool's own offset), where no unit is, so it is dropped
    title = "Moscow warns Seoul against sending weapons to Kyiv"
    record = {"id": "w4", "outlet": "rt", "published": "2024-06-20", "title": title, "lead": title + " on Thursday"}
    units = _units("ru_state", "w4", record, {"title": [_whole(title)]})
    docs = as_run.documents(units, {"ru_state": {"w4": record}})
    printed = as_run.run_statements(docs)
    assert len(printed) == 2, "the tool reads the lead as well as the title"
    ran = as_run.assign(docs, printed)
    assert [s["speaker_country"] for s in ran["ru_state:w4:title:0"]] == ["RUS"]


def test_a_field_the_mapping_does_not_read_finds_nothing_and_is_counted():
    # KCNA run with text=story (its documented mapping until branch titles15): the title is no part of what the tool
    # reads, so its units find nothing (their gold statements are misses) and are counted under the table
    record = {"id": "w3", "date": "2011-06-01", "title": "South Korea threatens the North with war",
              "story": "The puppet regime of South Korea threatened the DPRK with a war of aggression on Tuesday."}
    units = _units("kcna", "w3", record, {"title": [_whole(record["title"])], "story": [_whole(record["story"])]})
    story_only = as_run.reading({"kcna": "story"})
    docs = as_run.documents(units, {"kcna": {"w3": record}}, story_only)
    ran = as_run.assign(docs, as_run.run_statements(docs, None, story_only))
    alone = _per_field(units, record)
    assert alone["kcna:w3:title:0"], "per field the title is a document of its own and gives a statement"
    assert "kcna:w3:title:0" not in ran
    assert ran["kcna:w3:story:0"]
    assert as_run.unread_units(units, story_only) == {"kcna": 1}
    assert as_run.unread_units([u for u in units if u["field"] == "story"], story_only) == {}


def test_every_mapping_reads_the_fields_the_documentation_gives():
    assert as_run.AS_RUN["kcna"].read() == ["title", "story"]
    assert as_run.AS_RUN["yonhap"].read() == ["text"]
    assert as_run.AS_RUN["rss2022"].read() == as_run.AS_RUN["rss2024"].read() == ["title", "description"]
    assert as_run.AS_RUN["ru_state"].read() == ["title", "lead"]
    assert "--default=speaker=KCNA" in as_run.AS_RUN["kcna"].options()
    assert not any(option.startswith("--field=id=") for m in as_run.AS_RUN.values() for option in m.options())
    assert all(m.cited for m in as_run.AS_RUN.values())


def test_every_corpus_of_the_mapping_finds_its_labelled_documents_in_shared_data():
    # the raw record of a labelled document is found again by the id the sampler gave it
    for corpus, mapping in as_run.AS_RUN.items():
        if corpus != "seed":
            shared_file(mapping.file)
    from evaluation.gold import units as sampler

    sampled = sampler.sample((1,))
    for corpus in as_run.AS_RUN:
        ids = {u["doc_id"] for u in sampled if u["corpus"] == corpus}
        assert ids and set(as_run.raw_records(corpus, ids)) == ids, corpus


def test_the_documented_mapping_reads_the_title_and_an_alternative_leaves_it_alone():
    # KCNA as documented since branch titles15 (title+story; `--read kcna=title+story` measured it in titles14): the
    # title is read as the first paragraph, its unit finds its statement and is not counted unread; the alternative
    # `--read kcna=story` leaves AS_RUN itself unchanged
    record = {"id": "w5", "date": "2011-06-01", "title": "South Korea threatens the North with war",
              "story": "The puppet regime of South Korea threatened the DPRK with a war of aggression on Tuesday."}
    units = _units("kcna", "w5", record, {"title": [_whole(record["title"])], "story": [_whole(record["story"])]})
    mappings = as_run.AS_RUN
    assert mappings["kcna"].read() == ["title", "story"]
    assert mappings["kcna"].options()[0] == "--field=text=title+story"
    assert "--default=speaker=KCNA" in mappings["kcna"].options()
    story_only = as_run.reading({"kcna": "story"})
    assert story_only["yonhap"] is as_run.AS_RUN["yonhap"] and story_only["kcna"].read() == ["story"]
    assert as_run.AS_RUN["kcna"].read() == ["title", "story"]
    docs = as_run.documents(units, {"kcna": {"w5": record}}, mappings)
    assert docs["kcna:w5"]["offsets"] == {"title": 0, "story": len(record["title"]) + 2}
    ran = as_run.assign(docs, as_run.run_statements(docs, None, mappings))
    assert [s["speaker_country"] for s in ran["kcna:w5:title:0"]] == ["KOR"]
    assert [s["speaker_country"] for s in ran["kcna:w5:story:0"]] == ["KOR"]
    assert as_run.unread_units(units, mappings) == {}
    assert as_run.unread_units(units, story_only) == {"kcna": 1}


def test_an_alternative_mapping_of_an_unknown_corpus_or_an_empty_field_is_refused():
    for reads in ({"kcna2": "title+story"}, {"kcna": "title++story"}):
        try:
            as_run.reading(reads)
        except ValueError:
            continue
        raise AssertionError(f"{reads} was accepted")
    assert as_run.reading() == as_run.AS_RUN

from tension.ingest.clean import clean_text, split_wire_header, unwrap

from conftest import SEED_TEXT


def test_unwrap_joins_hard_wrapped_lines():
    assert unwrap("visited South Korea to discuss the\nUkrainian war") == "visited South Korea to discuss the Ukrainian war"
    assert unwrap("Asia-\nPacific affairs") == "Asia-Pacific affairs"


def test_seed_caption_credit_and_related_line_are_set_aside():
    cleaned = clean_text(SEED_TEXT.read_text())
    assert cleaned.credits == ["EPA / Jeon Heon-Kyun / TASS"]
    assert cleaned.caption.startswith("People watch the news at a station in Seoul on Jan. 30.")
    assert len(cleaned.related) == 1 and cleaned.related[0].startswith("Related article:")
    assert "Bloomberg" not in cleaned.body and "EPA /" not in cleaned.body and "People watch" not in cleaned.body
    # Wrapped sentences are whole again.
    assert "met his South Korean counterpart Chung Byung-won on Friday" in cleaned.body
    assert len(cleaned.paragraphs) == 11


def test_credit_in_a_later_paragraph_keeps_the_text():
    cleaned = clean_text("First paragraph.\n\nNorth Korea fired a missile, the JCS said. Yonhap / AP")
    assert cleaned.paragraphs == ["First paragraph.", "North Korea fired a missile, the JCS said."]
    assert cleaned.credits == ["Yonhap / AP"]


def test_text_without_captions_is_unchanged_apart_from_wrapping():
    assert clean_text("One.\nTwo.\n\nThree.").paragraphs == ["One. Two.", "Three."]


# A made-up story in the layout of Yonhap wire copy as crawled: slug, revision mark, headline, editor's note,
# byline and dateline run together on the first line.
WIRE = ("(LEAD) NK-missile (LEAD) N. Korea fires two missiles into East Sea(ATTN: ADDS details in paras 3-4)"
        "By Hong Gil-dong SEOUL, Feb. 3 (Yonhap) -- North Korea fired two ballistic missiles on Saturday, the "
        "military said.\n\nSeoul condemned the launch.")


def test_wire_header_is_metadata_not_body():
    cleaned = clean_text(WIRE)
    header = cleaned.header
    assert cleaned.paragraphs == ["North Korea fired two ballistic missiles on Saturday, the military said.",
                                  "Seoul condemned the launch."]
    assert (header.slug, header.headline, header.revision) == ("NK-missile", "N. Korea fires two missiles into East Sea", "(LEAD)")
    assert (header.editor_note, header.byline) == ("ATTN: ADDS details in paras 3-4", "Hong Gil-dong")
    assert (header.dateline, header.city, header.month, header.day, header.agency) == (
        "SEOUL, Feb. 3 (Yonhap)", "SEOUL", "Feb.", 3, "Yonhap")


def test_wire_header_split_by_the_known_title():
    text = "NK-missileN. Korea fires missile SEOUL, Feb. 3 (Yonhap) -- North Korea fired a missile."
    assert clean_text(text).header.slug == "NK-missileN. Korea fires missile"
    header = split_wire_header(text, "N. Korea fires missile")[0]
    assert (header.slug, header.headline, header.byline) == ("NK-missile", "N. Korea fires missile", "")


def test_a_dateline_deep_in_the_text_is_not_a_header():
    text = "Summary of the week. " * 40 + "SEOUL, Feb. 3 (Yonhap) -- North Korea fired a missile."
    assert clean_text(text).header.dateline == "" and "(Yonhap) --" in clean_text(text).body


def test_caption_glued_to_the_body_and_glued_sentences():
    cleaned = clean_text("A soldier stands guard at the border on Jan. 5. (Yonhap)The ministry said on Sunday it "
                         "would respond.It gave no details.")
    assert cleaned.caption == "A soldier stands guard at the border on Jan. 5."
    assert cleaned.credits == ["Yonhap"]
    assert cleaned.body == "The ministry said on Sunday it would respond. It gave no details."


def test_broadcast_marks_are_dropped():
    assert clean_text("[LEAD]North Korea fired a missile.[REPORT]Seoul said so.").body == (
        "North Korea fired a missile. Seoul said so.")


def test_html_entities_in_plain_text_are_decoded_for_extraction():
    # A JSON record's title can carry an entity with no tag around it (so the ingest's HTML stripping never runs):
    # its ';' cut the sentence in two and its words were unseen. Decoded here; "AT&T" and a bare "&" stay.
    cleaned = clean_text("Seoul &amp; Moscow agree to talks, says a &quot;senior&quot; official &#8212; AT&T & co.")
    assert cleaned.paragraphs == ['Seoul & Moscow agree to talks, says a "senior" official \u2014 AT&T & co.']


def test_unknown_entity_like_text_is_left_alone():
    assert clean_text("R&D;costs &madeup; rose").paragraphs == ["R&D;costs &madeup; rose"]

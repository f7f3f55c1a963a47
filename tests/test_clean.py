from tension.clean import clean_text, unwrap

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

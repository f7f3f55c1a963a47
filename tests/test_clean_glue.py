"""Captions and on-screen credits a crawler glued to the body with no space (sentences written for the test)."""

from tension.ingest.clean import clean_text


def test_a_caption_opening_a_later_paragraph_is_set_aside():
    cleaned = clean_text("The talks opened on Monday.\n\nThe ministry said it would reply.\n\n"
                         "A delegate walks into the hall in Geneva on Monday. (Wire Photo)Delegates left without a "
                         "deal, the ministry said.")
    assert cleaned.paragraphs == ["The talks opened on Monday.", "The ministry said it would reply.",
                                  "Delegates left without a deal, the ministry said."]
    assert cleaned.caption == "A delegate walks into the hall in Geneva on Monday."
    assert cleaned.credits == ["Wire Photo"]


def test_every_glued_caption_is_kept_as_metadata():
    cleaned = clean_text("A ship leaves the port on Friday. (Yonhap)The navy said the ship would return.\n\n"
                         "More ships will follow.\n\nA sailor waves from the deck (Agency/Photographer Name)Years of "
                         "work went into the ship, the navy said.")
    assert cleaned.body == ("The navy said the ship would return.\n\nMore ships will follow.\n\n"
                            "Years of work went into the ship, the navy said.")
    assert cleaned.caption == "A ship leaves the port on Friday.\n\nA sailor waves from the deck"
    assert cleaned.credits == ["Yonhap", "Agency/Photographer Name"]


def test_a_name_and_title_glued_to_the_words_that_follow_them_labels_those_words():
    cleaned = clean_text("The minister set out her plans for the year.Hong Gil-dong / MinisterWe will open talks "
                         "with the North this year.")
    assert cleaned.paragraphs == ["The minister set out her plans for the year. Hong Gil-dong / Minister: We will open "
                                  "talks with the North this year."]
    assert cleaned.credits == []


def test_prose_and_brands_are_not_glue():
    # a parenthesis glued to a quotation mark further down is prose; brands are written in camel case
    text = ("The meeting was held.\n\nIt lasted an hour.\n\nIt marked \"the day of the pledge (signed in 1972)\" and more.\n\n"
            "The clip, shared by Yonhap / YouTube channels, shows the launch. The JoongAng Ilbo reported it.")
    cleaned = clean_text(text)
    assert cleaned.caption == "" and cleaned.credits == []
    assert cleaned.paragraphs == ["The meeting was held.", "It lasted an hour.", "It marked \"the day of the pledge (signed in 1972)\" and more.",
                                  "The clip, shared by Yonhap / YouTube channels, shows the launch. The JoongAng Ilbo "
                                  "reported it."]

"""How `tension sql` prints a table (tension.warehouse.rows): columns stay aligned on screen when a value holds
Hangul, which takes two terminal columns per character (a new user's find: widths were counted in characters)."""
from __future__ import annotations

import unicodedata

from tension.warehouse.rows import rows_text


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_a_table_with_hangul_keeps_its_columns_aligned_on_screen() -> None:
    text = "".join(rows_text(["outlet", "documents"], ["VARCHAR", "BIGINT"],
                             [[("연합뉴스", 3), ("Yonhap", 12), ("코리아헤럴드", 7)]], "table"))
    lines = text.rstrip("\n").split("\n")
    assert len(lines) == 4 and "연합뉴스" in lines[1]
    assert len({display_width(line) for line in lines}) == 1, lines
    # each line's numbers end in the same screen column
    assert {display_width(line.rstrip()) for line in lines} == {display_width(lines[0])}

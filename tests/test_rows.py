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


def test_a_column_of_floats_prints_one_number_of_decimals_with_the_points_aligned() -> None:
    # 0.1 beside 0.123456789 read as two precisions: a column's floats share its decimals (as many as its values need
    # at 4 significant digits), right-aligned, so that their points line up
    chunks = [[("a", 0.1, 1234.5678, 0.00012, 3.0), ("b", 0.123456789, 12.0, None, 2.5),
               ("c", -0.5, 3.25, 0.0, 1.0)],
              [("d", 0.98765, 99999.9, 1e-9, 7.25)]]
    text = "".join(rows_text(["pair", "h", "big", "small", "minutes"], ["VARCHAR"] + ["DOUBLE"] * 4, chunks,
                             "table"))
    lines = text.rstrip("\n").split("\n")
    cells = [line.split() for line in lines[1:]]
    assert [c[1] for c in cells] == ["0.1000", "0.1235", "-0.5000", "0.9877"]
    assert [c[2] for c in cells] == ["1234.57", "12.00", "3.25", "99999.90"]  # 3.25 needs 2 decimals: all get 2
    assert [c[3] for c in cells] == ["0.00012", "NULL", "0.00000", "0.00000"]
    assert [c[4] for c in cells] == ["3.0", "2.5", "1.0", "7.2"]  # a column rounded to 1 decimal keeps 1
    for column in (1, 4):  # within the first chunk (a wider value in a later chunk widens that chunk only)
        points = {line.index(c[column], len(" ".join(c[:column]))) + c[column].index(".")
                  for line, c in zip(lines[1:4], cells)}
        assert len(points) == 1, lines


def test_csv_and_json_keep_full_precision() -> None:
    rows = [[("a", 0.123456789, None)]]
    assert "".join(rows_text(["p", "h", "n"], ["VARCHAR", "DOUBLE", "DOUBLE"], rows, "csv")) == \
        "p,h,n\na,0.123456789,\n"
    assert "".join(rows_text(["p", "h"], ["VARCHAR", "DOUBLE"], [[("a", 0.123456789)]], "json")) == \
        '{"p": "a", "h": 0.123456789}\n'


def test_odd_floats_in_a_table_stay_readable() -> None:
    text = "".join(rows_text(["x", "l"], ["DOUBLE", "DOUBLE[]"],
                             [[(float("nan"), [0.1, 0.123456789]), (float("inf"), []), (1e20, None)]], "table"))
    cells = [line.split(None, 1) for line in text.rstrip("\n").split("\n")[1:]]
    assert [c[0] for c in cells] == ["nan", "inf", "1e+20"] and cells[0][1].strip() == "[0.1, 0.123457]"

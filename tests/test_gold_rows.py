"""One row of a gold label file, whichever script reads it: evaluation/gold/agreement.py (the labellers' files) and
evaluation/gold/extraction.py (gold.tsv) each had a Row class of their own, one writing a speaker of no state "-",
the other None — a row compared across them differed though the labels were the same."""

from __future__ import annotations

from evaluation.gold import agreement, extraction, matching

HEADER = "\t".join(agreement.FIELDS)
# Labels of our own (no corpus text): a state speaker, a speaker of no state written "-" and one left empty, a unit
# with no statement, targets with a "-" and a space after a comma.
LINES = [
    "t:1\t1\tthe ministry\tPRK\tgovernment\t\t\tKOR,USA\t0\tasserted\t2\t",
    "t:1\t2\tan analyst\t-\tacademic\t\t\tKOR\t1\thypothetical\t0\tnote of ours",
    "t:2\t1\ta crowd\t\tpeople\t\t\t-\t0\tasserted\t-1\t",
    "t:3\t0\t\t\t\t\t\t\t\t\t\t",
]


def test_the_labellers_reader_and_the_gold_reader_give_the_same_rows(tmp_path):
    labeller = tmp_path / "labeller_a.part1.tsv"
    labeller.write_text("# labeller: a   part: 1\n" + HEADER + "\n" + "\n".join(LINES) + "\n", encoding="utf-8")
    gold = tmp_path / "gold.tsv"
    gold.write_text("# written for a test\n" + HEADER + "\n" + "\n".join(LINES) + "\n", encoding="utf-8")
    by_labeller, covered = agreement.read_labels([labeller])
    by_gold, labelled = extraction.read_labels(gold)
    assert covered == labelled == {"t:1", "t:2", "t:3"}
    assert dict(by_labeller) == dict(by_gold)
    ministry, analyst = by_gold["t:1"]
    crowd, = by_gold["t:2"]
    assert (ministry.country, ministry.targets, ministry.hostility) == ("PRK", frozenset({"KOR", "USA"}), 2)
    assert analyst.country is None and analyst.inferred and crowd.country is None and crowd.targets == frozenset()
    assert agreement.Row is extraction.Row is matching.Row


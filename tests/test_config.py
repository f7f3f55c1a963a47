"""Defaults written once: what prefect.yaml has to repeat (YAML cannot import them) agrees with tension.config."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import yaml

from tension import config
from tension.config import load_pairs

from conftest import ROOT


def test_prefect_yaml_deployment_uses_the_configured_schedule_and_defaults():
    [deployment] = yaml.safe_load((ROOT / "prefect.yaml").read_text())["deployments"]
    [schedule] = deployment["schedules"]
    assert (schedule["cron"], schedule["timezone"]) == (config.SCHEDULE_CRON, config.SCHEDULE_TIMEZONE)
    parameters = deployment["parameters"]
    assert parameters == {"inbox": [str(config.DEFAULT_INBOX)], "db": str(config.DEFAULT_DB),
                          "reports": str(config.DEFAULT_REPORTS)}


def test_pairs_file_lists_pairs_of_two_countries():
    pairs = config.load_pairs()
    assert pairs and all(len({p.country_a, p.country_b}) == 2 for p in pairs)
    assert len({p.pair_id for p in pairs}) == len(pairs)


@pytest.mark.parametrize(("a", "b", "fault"), [
    ("jpn", "kor", "'jpn' is in lower case: write 'JPN'"),
    ("JP", "KR", "'JP' is a two-letter (alpha-2) code: the pairs file takes three-letter (alpha-3) codes"),
    ("KOR", "KOR", "the same country twice"),
])
def test_a_pairs_files_bad_codes_are_told_what_is_wrong_with_them(tmp_path: Path, a: str, b: str, fault: str) -> None:
    """Session 25's tester wrote 'jpn', 'kor' and 'JP', 'KR' and was told the codes "must be two different ISO 3166
    alpha-3 codes", which they were: the error names the fault."""
    path = tmp_path / "pairs.tsv"
    path.write_text(f"pair_id\tname\tcountry_a\tcountry_b\tsource\nX\tX\t{a}\t{b}\tme\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(f"line 2: countries {a!r} and {b!r}: {fault}")):
        load_pairs(path)


@pytest.mark.parametrize(("pair_id", "fault"), [
    ("rus-prk", "pair_id 'rus-prk' has lower-case letters: write 'RUS-PRK'"),
    ("  ", "pair_id '' is empty"),  # cells are read stripped
])
def test_a_pair_id_in_lower_case_or_empty_is_refused(tmp_path: Path, pair_id: str, fault: str) -> None:
    """Session 26's tester wrote 'rus-prk': it was taken as a pair of its own, and tension_index(pair := 'RUS-PRK')
    then said the pair had been dropped though the file in use listed it."""
    path = tmp_path / "pairs.tsv"
    path.write_text(f"pair_id\tname\tcountry_a\tcountry_b\tsource\n{pair_id}\tRussia–DPRK\tRUS\tPRK\tme\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(f"line 2: {fault}")):
        load_pairs(path)

"""Defaults written once: what prefect.yaml has to repeat (YAML cannot import them) agrees with tension.config."""

from __future__ import annotations

import yaml

from tension import config

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

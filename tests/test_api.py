"""flows/api.py: the local Prefect API a run starts first — and leaves alone when Prefect is configured otherwise."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from flows import api


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    """No Prefect configuration from this machine: an empty PREFECT_HOME, no PREFECT_ variables."""
    for key in list(os.environ):
        if key.startswith("PREFECT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))
    return tmp_path


def write_profile(home, **settings) -> None:
    home.mkdir(parents=True, exist_ok=True)
    lines = ['active = "work"', "", "[profiles.work]", *(f'{k} = "{v}"' for k, v in settings.items())]
    (home / "profiles.toml").write_text("\n".join(lines) + "\n")


def test_unconfigured_prefect_gets_the_local_server(clean_env):
    assert not api.prefect_configured_elsewhere(cwd=clean_env)


@pytest.mark.parametrize("settings", [{"PREFECT_API_URL": "http://10.0.0.5:4200/api"},
                                      {"PREFECT_SERVER_EPHEMERAL_ENABLED": "false"}])
def test_a_profile_that_names_a_server_or_refuses_ephemeral_mode_is_left_to_prefect(clean_env, settings):
    write_profile(clean_env / "home", **settings)
    assert api.prefect_configured_elsewhere(cwd=clean_env)


def test_an_inactive_profile_does_not_count(clean_env, monkeypatch):
    write_profile(clean_env / "home", PREFECT_API_URL="http://10.0.0.5:4200/api")
    monkeypatch.setenv("PREFECT_PROFILE", "ephemeral")
    assert not api.prefect_configured_elsewhere(cwd=clean_env)


@pytest.mark.parametrize("name, text", [(".env", "PREFECT_API_URL=http://x/api\n"),
                                        ("prefect.toml", '[api]\nurl = "http://x/api"\n'),
                                        ("pyproject.toml", '[tool.prefect.api]\nurl = "http://x/api"\n')])
def test_settings_files_in_the_working_directory_are_left_to_prefect(clean_env, name, text):
    (clean_env / name).write_text(text)
    assert api.prefect_configured_elsewhere(cwd=clean_env)


def test_the_environment_decides_first(clean_env, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:1/api")
    assert api.prefect_configured_elsewhere(cwd=clean_env)
    assert api.start_local_api()() is None  # nothing started, nothing to wait for


@pytest.mark.slow  # a real Prefect API server
def test_local_server_answers_and_stops_with_its_process(clean_env):
    """A real server in a child process that exits without stopping it: the exit handler stops it."""
    code = ("import os, sys; from flows import api; ready = api.start_local_api(); ready(); "
            "print(os.environ['PREFECT_API_URL'], flush=True); "
            "from prefect.utilities.urls import url_for; "
            "print(url_for('flow-run', obj_id='00000000-0000-0000-0000-000000000000'), flush=True)")
    done = subprocess.run([sys.executable, "-c", code], cwd=clean_env, capture_output=True, text=True, timeout=180,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    url, link = done.stdout.split()
    assert link == "None"  # no "View at" link to a UI that does not run and a server that ends with the process
    assert url.startswith("http://127.0.0.1:") and url.endswith("/api")
    assert not api.healthy(url)  # stopped at exit

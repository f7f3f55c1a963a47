"""The local Prefect API for a run when none is configured, started before Prefect is imported.

Without PREFECT_API_URL, Prefect starts an ephemeral API server on the first API call: it imports its whole server
application into the calling process (~2 s here), starts a uvicorn subprocess that imports it again, and waits.
`start_local_api` starts that same subprocess (Prefect's own command and environment for its ephemeral server) as the
very first thing, so it loads while this process imports Prefect and the flow, and points PREFECT_API_URL at it:
the client never imports the server. A no-op run over the 100k-document bench database: 13.9 s -> see README.

Nothing here imports Prefect (that would defeat the purpose); flows/serve.py uses the same helpers.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from collections.abc import Callable
from pathlib import Path

# What Prefect sets for its ephemeral server (prefect.server.api.server.SubprocessASGIServer): no UI, and the
# reduced set of services an ephemeral server runs (task run states recorded from events, event persistence).
EPHEMERAL_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
                 "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_until_healthy(server: subprocess.Popen, api_url: str, timeout: float, interval: float = 0.1) -> None:
    """Return once `api_url` answers; a clear error if the server exits or stays silent for `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not healthy(api_url):
        if server.poll() is not None:
            raise RuntimeError(f"the Prefect API server exited with code {server.returncode} while starting")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the Prefect API server did not answer on {api_url} within {timeout:.0f} s")
        time.sleep(interval)


def stop(server: subprocess.Popen) -> None:
    """SIGTERM to the server's process group, SIGKILL if it has not ended within 20 s."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def die_with_parent() -> None:
    """Run in the server's process before it starts: SIGTERM it when the run that started it dies, even by SIGKILL
    (PR_SET_PDEATHSIG, Linux), instead of leaving it running on its port."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)


def exit_with_parent(parent: int, interval: float = 0.5) -> None:
    """Run in a worker process (a process pool's initializer, `parent` the PID of the process that made the pool):
    end it as soon as that process is gone, even by SIGKILL, instead of leaving it computing under PID 1. A thread
    watching the parent's PID rather than PR_SET_PDEATHSIG: that signal follows the *thread* that forked the
    worker, and a pool may start workers from a thread that ends long before the flow does. The PID is passed in,
    not read here: a worker still importing when its parent died would otherwise take PID 1 for its parent.

    A worker also ignores SIGINT: a terminal's Ctrl-C reaches the whole process group, and a worker's
    KeyboardInterrupt broke the pool (its result thread died on it) so that the flow process, stopped, then waited at
    exit for workers nobody would ever tell to end — `tension run` hung until SIGKILL. The flow process alone answers
    the Ctrl-C; its pool then lets the batches in progress finish and drops the rest."""
    import signal
    import threading

    if os.getppid() != parent:
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)  # nothing of the batch is worth saving: the flow that would store it is gone

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def prefect_configured_elsewhere(cwd: Path | None = None) -> bool:
    """Whether Prefect may be given an API server, or told not to start one, by a source other than this process's
    environment — then Prefect decides, exactly as without this module. Read without importing Prefect: the active
    profile in profiles.toml, and the files Prefect reads in the working directory (.env, prefect.toml,
    pyproject.toml's [tool.prefect]). In doubt (a file that does not parse), yes."""
    if os.environ.get("PREFECT_API_URL") or os.environ.get("PREFECT_SERVER_EPHEMERAL_ENABLED", "").lower() in (
            "0", "false"):
        return True
    cwd = cwd or Path.cwd()
    if (cwd / ".env").exists() or (cwd / "prefect.toml").exists():
        return True
    pyproject = cwd / "pyproject.toml"
    if pyproject.exists() and "[tool.prefect" in pyproject.read_text(errors="replace"):
        return True
    home = Path(os.environ.get("PREFECT_HOME", "~/.prefect")).expanduser()
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH", home / "profiles.toml")).expanduser()
    if not profiles.exists():
        return False
    try:
        data = tomllib.loads(profiles.read_text())
    except (OSError, tomllib.TOMLDecodeError):
        return True
    profile = data.get("profiles", {}).get(os.environ.get("PREFECT_PROFILE") or data.get("active", "ephemeral"), {})
    return bool(profile.get("PREFECT_API_URL")) or str(profile.get("PREFECT_SERVER_EPHEMERAL_ENABLED", "")).lower() in (
        "0", "false")


def start_local_api(startup_timeout: float = 120.0) -> Callable[[], None]:
    """Start an ephemeral Prefect API server now, unless Prefect is configured otherwise (see
    `prefect_configured_elsewhere`); returns `ready()`, which blocks until the server answers (call it before the
    first flow). The server is stopped at interpreter exit, after Prefect has sent its last logs and events to it:
    exit handlers run last-registered first, and this one is registered before Prefect is imported (stopping it
    earlier left Prefect retrying for over a minute)."""
    if prefect_configured_elsewhere():
        return lambda: None
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    errors = tempfile.TemporaryFile()  # a file, not a pipe: nobody reads it while the server runs
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "error", "--lifespan", "on"],
        env={**os.environ, **EPHEMERAL_ENV}, stdout=subprocess.DEVNULL, stderr=errors, start_new_session=True,
        preexec_fn=die_with_parent if sys.platform == "linux" else None,
    )
    atexit.register(stop, server)
    os.environ["PREFECT_API_URL"] = api_url  # before Prefect is imported: its settings are read once
    # No UI runs here and the server ends with the run: without this Prefect prints "View at http://127.0.0.1:PORT/
    # runs/..." for every flow run, a link that leads nowhere once the run is over. An empty UI URL makes Prefect's
    # url_for give no link (set after the server has its environment; the user's own PREFECT_UI_URL is kept).
    os.environ.setdefault("PREFECT_UI_URL", "")

    def ready() -> None:
        try:
            wait_until_healthy(server, api_url, startup_timeout)
        except RuntimeError as error:
            stop(server)
            errors.seek(0)
            detail = errors.read().decode(errors="replace").strip()[-2000:]
            raise RuntimeError(f"{error}{': ' + detail if detail else ''}") from None

    return ready

"""Inbox: which files under the inbox are inputs, and whether one may be read.

A file is refused before any byte of it is read when it vanished after listing, is a symlink that leads out of
the inbox (or nowhere), is not a regular file (a pipe would block the run), is empty, or is over the size limit;
each reason says what to do instead.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")  # metadata next to an input, not an input
MAX_FILE_BYTES = 50 * 1024 * 1024    # a file read whole (text, PDF, HTML, feed, CSV)
# Per record: one JSONL line or CSV row, and one document's text. The longest real documents we hold are ~115 KB
# (a UN General Debate speech) and ~38 KB per KCNA line; the caps are ~35x and ~100x that, and keep one hostile
# record from holding gigabytes in memory (a 200 MB JSONL line took 11.8 GB of RSS before it was capped).
MAX_RECORD_BYTES = 4 * 1024 * 1024
MAX_DOCUMENT_CHARS = 1_000_000
# YAML front matter and sidecars: metadata is a few lines; more is a mistake or an attack on the parser.
MAX_METADATA_BYTES = 64 * 1024


def list_inbox(paths: Iterable[Path]) -> list[Path]:
    """Input files under `paths` (files or folders, recursively), sorted, sidecars and dotfiles left out.

    Symlinks are listed, not followed into folders: reading decides whether one may be read.
    """
    found: list[Path] = []
    for root in paths:
        root = Path(root)
        if root.is_dir():  # the inbox itself may be a symlink; symlinks inside it are checked when read
            candidates = []
            for folder, dirs, files in os.walk(root):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                candidates.extend(Path(folder) / d for d in dirs if (Path(folder) / d).is_symlink())
                candidates.extend(Path(folder) / f for f in files)
            candidates.sort()
        else:
            candidates = [root]
        for path in candidates:
            if path.name.startswith(".") or path.name.endswith(SIDECAR_SUFFIXES):
                continue
            found.append(path)
    return found


# Reasons that say the reader could not get at a file, not that anything is wrong with the file: a Dask worker on a
# machine without the inbox's share gives these for files the flow can see (tension.run leaves those to retry).
ACCESS_PROBLEMS = ("file not found:", "unreadable:")


def access_problem(reason: str) -> bool:
    """Whether a rejection reason is about reaching the file rather than about the file itself."""
    return reason.startswith(ACCESS_PROBLEMS)


def _stat(path: Path, follow: bool) -> tuple[os.stat_result | None, str | None]:
    """The file's status (of the link itself unless `follow`), or why it cannot be had."""
    try:
        return (path.stat() if follow else path.lstat()), None
    except FileNotFoundError:
        return None, "file not found: it was deleted or moved after the inbox was listed"
    except OSError as error:
        return None, f"unreadable: {error.strerror or error}"


def _link_text(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def check_file(path: Path, inbox: Path | None = None, max_bytes: int = MAX_FILE_BYTES) -> str | None:
    """Why `path` must not be read (vanished, a symlink out of the inbox, not a file, empty, too big), or None."""
    link, problem = _stat(path, follow=False)
    if problem:
        return problem
    if stat.S_ISLNK(link.st_mode):
        target = Path(os.path.realpath(path))
        boundary = Path(os.path.realpath(inbox if inbox is not None else path.parent))
        # The link's own text, not where it resolves: /dev/stdin resolves through /proc/<pid>/..., and a reason
        # that changed with every run's PID made every run look as if the rejections had changed.
        written = _link_text(path)
        if not target.exists():
            return f"broken symlink: its target {written} does not exist"
        if target != boundary and boundary not in target.parents:
            where = "the inbox" if inbox is not None else f"its folder {boundary}"
            return f"symlink points outside {where} (to {written}); copy the file into the inbox instead"
    info, problem = _stat(path, follow=True)
    if problem:
        return problem
    if stat.S_ISDIR(info.st_mode):
        if stat.S_ISLNK(link.st_mode):
            return "symlinked folder: not followed; copy its files into the inbox instead"
        return "a folder, not a file: give the files in it, or the folder as the inbox (`tension run --inbox`)"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a pipe, socket or device): only files are read"
    if info.st_size == 0:
        return "empty file (0 bytes)"
    if info.st_size > max_bytes:
        return (f"file too large: {info.st_size / 2**20:.1f} MiB, over the {max_bytes / 2**20:g} MiB limit per file; "
                "split it into smaller files (a .jsonl/.csv batch splits by lines, e.g. `split -l 10000`)")
    return None

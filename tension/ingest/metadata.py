"""Metadata: YAML front matter at the top of a text file, and sidecar files (`<file>.meta.yaml`, .yml or .json)
next to any input file; bounded in size and without aliases, each problem a ValueError saying what is wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tension.ingest.inbox import MAX_METADATA_BYTES, SIDECAR_SUFFIXES

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*(?:\n|\Z)", re.S)


class _MetadataLoader(yaml.SafeLoader):
    """YAML for front matter and sidecars without aliases: metadata never needs them, and a few hundred bytes of
    nested aliases (a 'billion laughs') expand to gigabytes once a value is turned into text."""

    def compose_node(self, parent, index):  # noqa: D102 - PyYAML hook
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "YAML aliases (*name) are not allowed in metadata", mark)
        return super().compose_node(parent, index)


def load_metadata(text: str, what: str) -> object:
    """Parsed YAML metadata (front matter or a sidecar), bounded in size and without aliases; ValueError says why."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_METADATA_BYTES:
        raise ValueError(f"{what} too large: over {MAX_METADATA_BYTES // 1024} KiB of metadata")
    try:
        return yaml.load(text, Loader=_MetadataLoader)
    except yaml.YAMLError as error:
        raise ValueError(f"invalid {what}: {_yaml_problem(error)}") from None
    except RecursionError:
        raise ValueError(f"invalid {what}: nested too deeply") from None


def sidecar_of(path: Path) -> Path | None:
    """The sidecar file next to `path` (`<file>.meta.yaml`, .yml or .json, or `<stem>.meta.yaml`), if there is one."""
    for suffix in SIDECAR_SUFFIXES:
        for candidate in (path.with_name(path.name + suffix), path.with_name(path.stem + suffix)):
            if candidate.exists():
                return candidate
    return None


def read_sidecar(path: Path) -> tuple[dict, Path | None]:
    """Metadata from `<file>.meta.yaml` (or .yml/.json) next to `path`, if there is one."""
    candidate = sidecar_of(path)
    if candidate is None:
        return {}, None
    try:
        loaded = load_metadata(candidate.read_text(encoding="utf-8-sig"), f"sidecar {candidate.name}") or {}
    except UnicodeDecodeError:
        raise ValueError(f"sidecar {candidate.name} is not UTF-8 text") from None
    if not isinstance(loaded, dict):
        raise ValueError(f"sidecar {candidate.name} is not a mapping of field: value")
    return loaded, candidate


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
    return f"{getattr(error, 'problem', None) or error}{where}"


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter (between '---' lines at the top) and the rest of the text."""
    match = _FRONT_MATTER.match(text[: MAX_METADATA_BYTES + 16]) if text.startswith("---") else None
    if not match:
        if text.startswith("---\n") and "\n---" not in text[4:]:
            raise ValueError("invalid front matter: the opening '---' line has no closing '---' line")
        if text.startswith("---\n") and "\n---" not in text[4: MAX_METADATA_BYTES + 16]:
            raise ValueError(f"front matter too large: no closing '---' line within {MAX_METADATA_BYTES // 1024} KiB")
        return {}, text
    meta = load_metadata(match.group("yaml"), "front matter") or {}
    if not isinstance(meta, dict):
        raise ValueError("invalid front matter: not a mapping of field: value")
    return meta, text[match.end():]


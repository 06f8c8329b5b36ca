"""Reading the YAML data files under sources/, with an error that names the file and line."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import SourceError, SourceErrors

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when it is installed (about ten times faster), else the pure-Python one."""


def read_yaml(path: Path, shown: str) -> object:
    """The parsed file, or SourceErrors pointing at the line where the YAML is broken."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "syntax error"
        raise SourceErrors(
            [
                SourceError(
                    shown,
                    mark.line + 1 if mark else None,
                    f"is not valid YAML ({problem})",
                    "check indentation, colons and quotes on that line",
                )
            ]
        ) from None


def read_mapping(path: Path, shown: str) -> dict:
    """A YAML file whose top level must be a mapping of fields (an empty file counts as empty)."""
    data = read_yaml(path, shown)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceErrors(
            [
                SourceError(
                    shown,
                    1,
                    f"must be a mapping of fields at the top level, not a {type(data).__name__}",
                    "see the comment at the top of the file for its shape",
                )
            ]
        )
    return data


def entries(data: dict, field: str, shown: str) -> list[dict]:
    """The list under ``field``; every entry must itself be a mapping."""
    items = data.get(field) or []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise SourceErrors(
            [
                SourceError(
                    shown,
                    None,
                    f"'{field}' must be a list of entries with named fields",
                    "write each entry as '- name: value' lines",
                )
            ]
        )
    return items

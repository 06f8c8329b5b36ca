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

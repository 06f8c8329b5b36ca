"""Problems a contributor can cause, each carrying the file, the line and what to do about it.

Every check in the build collects :class:`SourceError` values instead of stopping at the first one,
so that a contributor sees every problem of a change at once. :class:`SourceErrors` is raised when
a stage finishes with problems; its message is one line per problem, in the form
``path:line: what is wrong; how to fix it``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SourceError:
    """One problem in one source file."""

    path: str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


class SourceErrors(Exception):
    """Raised when one or more sources are wrong; ``errors`` holds every problem found."""

    def __init__(self, errors: Iterable[SourceError]):
        self.errors = tuple(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def display_path(path: Path, root: Path | None = None) -> str:
    """The path as a contributor should see it: relative to the repository when possible."""
    path = Path(path)
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return path.resolve().relative_to(Path(base).resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()

"""The whole site's data, loaded once per build: the corpus and everything derived from it.

The MkDocs hook (:mod:`build_scripts.mkdocs_hooks`) calls :func:`load_site` before MkDocs cleans
the output folder, so that bad input stops the build with every problem listed and the previous
site intact. The page generator (``gen_pages.py``) then reuses the same loaded data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .corpus import Corpus, load_corpus

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


@dataclass(frozen=True)
class Site:
    """Everything the pages are made from."""

    corpus: Corpus


_loaded: dict[Path, Site] = {}


def load_site(root: Path = ROOT, *, fresh: bool = False) -> Site:
    """Load and check every source under ``root/sources``; raise SourceErrors on any problem."""
    root = root.resolve()
    if fresh or root not in _loaded:
        corpus = load_corpus(root / "sources", root)
        _loaded[root] = Site(corpus=corpus)
    return _loaded[root]


def forget() -> None:
    """Drop what was loaded, so that the next build reads the sources again."""
    _loaded.clear()

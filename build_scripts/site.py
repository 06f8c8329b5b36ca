"""The whole site's data, loaded once per build: the corpus and everything derived from it.

The MkDocs hook (:mod:`build_scripts.mkdocs_hooks`) calls :func:`load_site` before MkDocs cleans
the output folder, so that bad input stops the build with every problem listed and the previous
site intact. Adding the generated files (``on_files``) then reuses the same loaded data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .commentary import Note, load_notes
from .comparison import Comparison, load_comparison
from .corpus import Corpus, forget_parsed, load_corpus
from .crossrefs import Reference, check_unresolved, find_references, load_exceptions
from .definitions import (
    DefinedTerm,
    Occurrence,
    SearchTerm,
    find_defined_terms,
    find_occurrences,
    load_extra_terms,
    load_search_terms,
)
from .errors import SourceError, SourceErrors, display_path
from .relations import Relation, load_relations
from .textlock import check_lock
from .yamlfiles import read_mapping

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


@dataclass(frozen=True)
class Site:
    """Everything the pages are made from."""

    corpus: Corpus
    notes: tuple[Note, ...]
    references: tuple[Reference, ...] = ()
    terms: tuple[DefinedTerm, ...] = ()
    occurrences: tuple[Occurrence, ...] = ()
    relations: tuple[Relation, ...] = ()
    comparison: Comparison | None = None
    about: dict[str, str] | None = None
    search_terms: tuple[SearchTerm, ...] = ()


_loaded: dict[Path, Site] = {}


def load_site(root: Path = ROOT, *, fresh: bool = False) -> Site:
    """Load and check every source under ``root/sources``; raise SourceErrors on any problem."""
    root = root.resolve()
    if fresh or root not in _loaded:
        corpus = load_corpus(root / "sources", root)
        exceptions_path = root / "sources" / "crossrefs.yaml"
        exceptions = load_exceptions(exceptions_path, root)
        references, unresolved = find_references(corpus, exceptions)
        problems = check_unresolved(unresolved, exceptions, display_path(exceptions_path, root))
        errors: list[SourceError] = list(problems)
        lock = root / "sources" / "text.lock"
        errors.extend(check_lock(corpus, lock, display_path(lock, root)))
        loaded = {}
        for name, load in (
            (
                "terms",
                lambda: find_defined_terms(
                    corpus, load_extra_terms(root / "sources" / "definitions.yaml", corpus, root)
                ),
            ),
            ("notes", lambda: load_notes(root, corpus)),
            ("relations", lambda: load_relations(root / "sources" / "relations.yaml", corpus, root)),
            ("comparison", lambda: load_comparison(root / "sources" / "definitions-compared.yaml", corpus, root)),
            ("about", lambda: load_about(root / "sources" / "about.yaml", corpus, root)),
            ("search_terms", lambda: load_search_terms(root / "sources" / "search-terms.yaml", corpus, root)),
        ):
            try:
                loaded[name] = load()
            except SourceErrors as exc:
                errors.extend(exc.errors)
        if errors:
            raise SourceErrors(errors)
        terms, notes = loaded["terms"], loaded["notes"]
        _loaded[root] = Site(
            corpus=corpus,
            notes=tuple(notes),
            references=tuple(references),
            terms=tuple(terms),
            occurrences=tuple(find_occurrences(corpus, terms)),
            relations=tuple(loaded["relations"]),
            comparison=loaded["comparison"],
            about=loaded["about"],
            search_terms=tuple(loaded["search_terms"]),
        )
    return _loaded[root]


def load_about(path: Path, corpus: Corpus, root: Path) -> dict[str, str]:
    """Our two or three sentences on why each instrument matters (sources/about.yaml)."""
    if not path.exists():
        return {}
    shown = display_path(path, root)
    data = read_mapping(path, shown)
    errors = []
    for key, text in data.items():
        if corpus.get(key) is None:
            errors.append(
                SourceError(
                    shown,
                    None,
                    f"{key!r} is not an instrument of the corpus",
                    "use the instrument keys of sources/instruments",
                )
            )
        elif not isinstance(text, str) or "<" in text or not text.strip():
            errors.append(
                SourceError(
                    shown,
                    None,
                    f"the text for {key!r} must be plain sentences",
                    "write two or three sentences without HTML",
                )
            )
    if errors:
        raise SourceErrors(errors)
    return {k: " ".join(v.split()) for k, v in data.items()}


def forget(parsed: bool = False) -> None:
    """Drop what was loaded, so that the next build reads the sources again.

    Instruments whose files did not change are not parsed again unless ``parsed`` is true
    (the benchmark asks for that, to time a cold start)."""
    _loaded.clear()
    if parsed:
        forget_parsed()

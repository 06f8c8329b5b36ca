"""Defined terms: the terms each instrument defines, and where they occur in that instrument.

Terms are taken from the text itself: a quoted term followed by "shall mean", "means" or "shall
include" (“Trafficking in persons” shall mean ...; the term “forced or compulsory labour” shall
mean ...). Definitions that the official text does not put in quotation marks (the Convention on
the Rights of the Child's "a child means ...") are listed in ``sources/definitions.yaml``. Each
occurrence of a term in the same instrument becomes a link to the definition, with the definition
as its tooltip: the first occurrence in each article, so that the text stays readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .corpus import Corpus, Instrument, Text
from .errors import SourceError, SourceErrors, display_path
from .yamlfiles import entries, read_mapping


@dataclass(frozen=True)
class DefinedTerm:
    """A term and the provision of its instrument that defines it."""

    instrument: str
    term: str
    eid: str
    definition: str


@dataclass(frozen=True)
class Occurrence:
    """A place where a defined term is used in the official text."""

    instrument: str
    eid: str
    part: str
    start: int
    end: int
    term: DefinedTerm


_QUOTED = re.compile(
    r"(?:the\s+term\s+)?“([^”]{2,80})”(?:\s+or\s+“([^”]{2,80})”)?\s+(?:shall\s+mean|means|shall\s+include)\b"
)


def _provision_texts(instrument: Instrument) -> Iterator[tuple[str, str, int | None, Text]]:
    for article in instrument.articles:
        if article.intro:
            yield article.eid, "intro", article.number, article.intro
        for prov in article.provisions():
            for part, text in (("text", prov.text), ("wrap_up", prov.wrap_up)):
                if text is not None:
                    yield prov.eid, part, article.number, text


def defining_sentence(text: str, term: str) -> str:
    """The sentence of a provision that defines the term (the whole text if none stands out)."""
    sentences = re.split(r"(?<=[.;])\s+(?=[A-Z“])", text)
    lowered = term.lower()
    for sentence in sentences:
        if sentence.lstrip("“").lower().startswith(lowered):
            return sentence
    for sentence in sentences:
        low = sentence.lower()
        if lowered in low and re.search(r"shall mean|means|shall include", low):
            return sentence
    return text


def find_defined_terms(corpus: Corpus, extra: list[DefinedTerm] = ()) -> list[DefinedTerm]:
    """Every quoted definition in the corpus, plus the curated ones."""
    terms: list[DefinedTerm] = list(extra)
    for instrument in corpus:
        for eid, _, _, text in _provision_texts(instrument):
            for m in _QUOTED.finditer(text.plain):
                for term in filter(None, (m.group(1), m.group(2))):
                    terms.append(DefinedTerm(instrument.key, term.strip(), eid, defining_sentence(text.plain, term)))
    unique: dict[tuple[str, str], DefinedTerm] = {}
    for t in terms:
        unique.setdefault((t.instrument, t.term.lower()), t)
    return list(unique.values())


def _curated_phrases(path: Path, corpus: Corpus, root: Path | None, field: str) -> list[tuple[str, str, str, str]]:
    """Entries of a curated list (instrument, eId, and a phrase under ``field``) whose phrase occurs
    in the official text or heading of the named provision: (key, eid, phrase, provision text)."""
    if not path.exists():
        return []
    shown = display_path(path, root)
    data = read_mapping(path, shown)
    out, errors = [], []
    for i, item in enumerate(entries(data, "terms", shown), 1):
        key, eid, phrase = item.get("instrument"), item.get("eid"), item.get(field)
        instrument = corpus.get(key) if key else None
        article, provision = instrument.find(eid) if instrument and eid else (None, None)
        if article is None or not phrase:
            errors.append(
                SourceError(
                    shown,
                    None,
                    f"entry {i} needs an instrument, an eId of the corpus and a {field}",
                    "see the comment at the top of the file",
                )
            )
            continue
        text = provision.text.plain if provision is not None and provision.text else article.plain_text()
        if phrase.lower() not in f"{text} {article.heading or ''}".lower():
            errors.append(
                SourceError(
                    shown,
                    None,
                    f"{phrase!r} does not occur in {key} {eid}",
                    "use words of the provision's official text or heading",
                )
            )
            continue
        out.append((key, eid, phrase, text))
    if errors:
        raise SourceErrors(errors)
    return out


def load_extra_terms(path: Path, corpus: Corpus, root: Path | None = None) -> list[DefinedTerm]:
    """The curated definitions in sources/definitions.yaml, checked against the corpus."""
    return [
        DefinedTerm(key, term, eid, defining_sentence(text, term))
        for key, eid, term, text in _curated_phrases(path, corpus, root, "term")
    ]


def find_occurrences(corpus: Corpus, terms: list[DefinedTerm]) -> list[Occurrence]:
    """The first use of each term in each article of its instrument (outside its own definition)."""
    out: list[Occurrence] = []
    by_instrument: dict[str, list[DefinedTerm]] = {}
    for t in terms:
        by_instrument.setdefault(t.instrument, []).append(t)
    for instrument in corpus:
        mine = sorted(by_instrument.get(instrument.key, []), key=lambda t: -len(t.term))
        if not mine:
            continue
        patterns = [(t, re.compile(rf"(?<![\w-]){re.escape(t.term)}(?![\w-])", re.IGNORECASE)) for t in mine]
        seen: set[tuple[int | None, str]] = set()
        for eid, part, article, text in _provision_texts(instrument):
            taken: list[tuple[int, int]] = []
            for term, pattern in patterns:
                if (article, term.term.lower()) in seen or eid == term.eid:
                    continue
                for m in pattern.finditer(text.plain):
                    if any(m.start() < b and a < m.end() for a, b in taken):
                        continue
                    taken.append((m.start(), m.end()))
                    seen.add((article, term.term.lower()))
                    out.append(Occurrence(instrument.key, eid, part, m.start(), m.end(), term))
                    break
    return out


@dataclass(frozen=True)
class SearchTerm:
    """A phrase readers search for, attached to the provision that answers it."""

    instrument: str
    eid: str
    phrase: str


def load_search_terms(path: Path, corpus: Corpus, root: Path | None = None) -> list[SearchTerm]:
    """Curated search keywords (sources/search-terms.yaml); each must occur in its provision."""
    return [SearchTerm(key, eid, phrase) for key, eid, phrase, _ in _curated_phrases(path, corpus, root, "phrase")]

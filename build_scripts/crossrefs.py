"""Cross-references: find the phrases in the official texts that refer to other provisions.

The resolver works on the model (never on rendered HTML). It recognises the ways the treaties of
the corpus refer to provisions: "article 5 of this Protocol", "articles 5, 6, 8 and 23 of this
Convention", "articles 3 to 24 of the Convention", "paragraph 1 (a) of this article",
"subparagraph (a) of this article", "paragraph 2 of article 4", "the present Covenant", the
Council of Europe's "Article 4 paragraph a", the ILO's "Article 1, paragraphs 2 and 3". Inside a
protocol, "the Convention" means its parent instrument (the ``parent`` in its metadata).

Every phrase that looks like a reference but cannot be resolved is reported as :class:`Unresolved`;
the build fails on it unless ``sources/crossrefs.yaml`` lists it with a reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .corpus import Article, Corpus, Instrument, Provision, Text
from .errors import SourceError, SourceErrors, display_path
from .yamlfiles import entries, read_mapping


@dataclass(frozen=True)
class Location:
    """A run of official text: instrument, the eId whose text it is, which part of it."""

    instrument: str
    eid: str
    part: str  # "text", "wrap_up", "intro" (an article's own intro) or "recital"
    article: int | None


@dataclass(frozen=True)
class Reference:
    """A phrase of official text that refers to a provision, and the provision it refers to."""

    source: Location
    start: int
    end: int
    phrase: str
    target_instrument: str
    target_eid: str
    article: int


@dataclass(frozen=True)
class Unresolved:
    """A phrase that looks like a reference but could not be resolved, and why."""

    source: Location
    phrase: str
    reason: str


# --- the grammar ------------------------------------------------------------------------------

_ITEM = r"\d+(?![0-9A-Za-z])(?:\s*\(paragraphs?\s+\d+(?:\s*(?:,|and)\s*\d+)*\))?(?:\s*\([a-z]{1,4}\))*|\([a-z]{1,4}\)(?:\s*\([a-z]{1,4}\))*"
_SEP = r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+"
_LIST = rf"(?:{_ITEM})(?:(?:{_SEP})(?:{_ITEM}))*"
_COE_ITEM = r"(?<![a-z])[a-z](?![a-z])"
_OF = r"\s+of\s+(?:this|the\s+present|the)\s+(?P<scope>Protocol|Optional\s+Protocol|Convention|Covenant|article|paragraph|same\s+article|preceding\s+paragraph)\b"

ARTICLE_PHRASE = re.compile(
    rf"\b(?P<akw>[Aa]rticles?)\s+(?P<alist>{_LIST})"
    rf"(?:,?\s+(?P<pkw>(?:sub-?)?paragraphs?)\s+(?P<plist>{_LIST}|{_COE_ITEM}(?:\s*(?:,|and|or)\s*{_COE_ITEM})*))?"
    rf"(?:{_OF})?"
)
PARAGRAPH_PHRASE = re.compile(
    rf"\b(?P<pkw>(?:sub-?)?paragraphs?)\s+(?P<plist>{_LIST})"
    rf"(?:\s+of\s+(?P<akw>[Aa]rticle)\s+(?P<anum>\d+))?"
    rf"(?:{_OF})?"
)
_EXTERNAL = re.compile(
    r"\s+of\s+the\s+(?!Convention\b|present\b|Protocol\b|Covenant\b|Optional\s+Protocol\b)[A-Z0-9]|\s+of\s+the\s+(?:Convention|Protocol|Covenant)\s+(?:on|relating|for|against|concerning)\b|\s+of\s+(?:that|its|their|such)\b"
)
_TITLES = {
    "United Nations Convention against Transnational Organized Crime": "untoc",
    "Convention on the Rights of the Child": "crc",
    "Forced Labour Convention, 1930": "ilo-c029",
    "International Covenant on Civil and Political Rights": "iccpr",
    "International Covenant on Economic, Social and Cultural Rights": "icescr",
}
_TOKEN = re.compile(rf"{_ITEM}|(?<![a-z(])[a-z](?![a-z)])")


def _items(text: str, offset: int) -> list[tuple[int, int, str]]:
    """The numbers of a list ("5, 6, 8 and 23", "3 to 24") with their positions in the text."""
    return [(offset + m.start(), offset + m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def _labels(item: str) -> list[str]:
    """'1 (a) (ii)' -> ['1', 'a', 'ii']; '(b)' -> ['b']; 'a' -> ['a'].

    A parenthetical "(paragraphs 1 and 2)" after an article number (ICCPR article 4(2)) is part
    of that article's item and is dropped here: the item links to the article.
    """
    item = re.sub(r"\(paragraphs?[^)]*\)", "", item)
    return re.findall(r"[0-9]+|[a-z]+", item)


# --- resolution -------------------------------------------------------------------------------


def _continue(
    article: Article, previous: list[str], labels: list[str], near: Provision | None = None
) -> Provision | None:
    """A continuation like "(ii)" after "1 (a) (i)": keep as much of the previous numbers as fits."""
    for cut in range(len(previous) - 1, 0, -1):
        found = _find_provision(article, previous[:cut] + labels, near)
        if found is not None:
            return found
    return None


def _find_provision(article: Article, labels: list[str], near: Provision | None = None) -> Provision | None:
    """The provision of an article whose numbers are ``labels`` (closest to ``near`` first)."""
    wanted = "-".join(labels)
    if near is not None:
        for prov in article.provisions():
            if prov.anchor == f"{near.anchor}-{wanted}":
                return prov
    for prov in article.provisions():
        if prov.anchor == wanted:
            return prov
    return None


@dataclass
class _Context:
    corpus: Corpus
    instrument: Instrument
    article: Article | None
    paragraph: Provision | None
    location: Location
    redirects: dict[tuple[str, str, str], str]
    last_article: Article | None = None


def _named_title(trailing: str) -> str | None:
    """The corpus instrument named by its full title right after a reference ("... of the Convention
    on the Rights of the Child"), if any."""
    return next((t for t in _TITLES if re.match(rf"\s+of\s+the\s+{re.escape(t)}", trailing)), None)


def _scope_instrument(ctx: _Context, scope: str | None, trailing: str) -> tuple[Instrument | None, str | None]:
    """Which instrument a reference points into; (None, reason) when it is outside the corpus."""
    title = _named_title(trailing)
    if title:
        found = ctx.corpus.get(_TITLES[title])
        return found, None if found else f"the {title} is not in the corpus"
    if scope == "Convention":
        if ctx.instrument.parent and not re.match(r"\s+of\s+(?:this|the\s+present)", trailing):
            parent = ctx.corpus.get(ctx.instrument.parent)
            return parent, None if parent else f"the parent instrument {ctx.instrument.parent!r} is not in the corpus"
        return ctx.instrument, None
    return ctx.instrument, None


def _resolve_in_text(ctx: _Context, text: Text) -> Iterator[Reference | Unresolved]:
    plain = text.plain
    taken: list[tuple[int, int]] = []
    for pattern in (ARTICLE_PHRASE, PARAGRAPH_PHRASE):
        for m in pattern.finditer(plain):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            after = plain[m.end() :]
            if m.group("scope") is None and _EXTERNAL.match(after) and not _named_title(after):
                continue  # "article 102 of the Charter of the United Nations": outside the corpus
            yield from _resolve_match(ctx, m, pattern is ARTICLE_PHRASE, after)


def _resolve_match(ctx: _Context, m: re.Match, is_article: bool, after: str) -> Iterator[Reference | Unresolved]:
    scope = m.group("scope")
    scope = re.sub(r"\s+", " ", scope) if scope else None
    phrase = m.group(0)
    of_clause = phrase[phrase.find(" of ") :] if " of " in phrase else after[:120]
    redirect = ctx.redirects.get((ctx.location.instrument, ctx.location.eid, phrase))
    if redirect:
        instrument, why = ctx.corpus.get(redirect), f"{redirect!r} is not in the corpus"
    else:
        instrument, why = _scope_instrument(ctx, scope, of_clause if scope else after[:120])
    if instrument is None:
        yield Unresolved(ctx.location, phrase, why or "outside the corpus")
        return
    refs: list[tuple[int, int, Article, Provision | None]] = []
    if is_article:
        items = _items(m.group("alist"), m.start("alist"))
        articles: list[Article] = []
        for start, end, token in items:
            labels = _labels(token)
            if token.startswith("(") and articles:
                labels = [str(articles[-1].number)] + labels  # "article 3 (a) and (d)"
            elif token.startswith("("):
                yield Unresolved(ctx.location, phrase, f"a subparagraph {token} without its article")
                return
            article = instrument.article(int(labels[0]))
            if article is None:
                yield Unresolved(ctx.location, phrase, f"{instrument.short_title} has no article {labels[0]}")
                return
            prov = _find_provision(article, labels[1:]) if len(labels) > 1 else None
            if len(labels) > 1 and prov is None:
                yield Unresolved(ctx.location, phrase, f"article {labels[0]} has no provision {token}")
                return
            articles.append(article)
            refs.append((start, end, article, prov))
        if m.group("plist"):
            # "articles 12 or 13, paragraph 1": the paragraph belongs to the last article named
            last = articles[-1]
            refs = [r for r in refs if r[2] is not last or r[3] is not None]
            previous: list[str] = []
            for start, end, token in _items(m.group("plist"), m.start("plist")):
                labels = _labels(token)
                prov = _find_provision(last, labels)
                if prov is None and token.startswith("(") and previous:
                    prov = _continue(last, previous, labels)
                if prov is None:
                    yield Unresolved(ctx.location, phrase, f"article {last.number} has no paragraph {token}")
                    return
                previous = prov.anchor.split("-")
                refs.append((start, end, last, prov))
            if len(articles) == 1:
                refs.insert(0, (m.start("akw"), m.end("alist"), last, None))
    else:
        if m.group("anum"):
            article = instrument.article(int(m.group("anum")))
            if article is None:
                yield Unresolved(ctx.location, phrase, f"{instrument.short_title} has no article {m.group('anum')}")
                return
        elif scope == "same article" and ctx.last_article is not None:
            article = ctx.last_article
        elif scope in (None, "article", "paragraph", "preceding paragraph") and ctx.article is not None:
            article = ctx.article if instrument is ctx.instrument else None
        else:
            article = None
        if article is None:
            yield Unresolved(ctx.location, phrase, "a paragraph without an article it could belong to")
            return
        sub = m.group("pkw").lower().startswith("sub")
        previous: list[str] = []
        near = ctx.paragraph if (sub or scope == "paragraph") and article is ctx.article else None
        if scope == "preceding paragraph" and ctx.paragraph is not None and (ctx.paragraph.label or "").isdigit():
            near = _find_provision(article, [str(int(ctx.paragraph.label) - 1)])
        for start, end, token in _items(m.group("plist"), m.start("plist")):
            labels = _labels(token)
            prov = _find_provision(article, labels, near)
            if prov is None and token.startswith("(") and previous:
                prov = _continue(article, previous, labels)  # "paragraph 1 (a), (b) (i) or (c)"
            if prov is not None:
                previous = prov.anchor.split("-")
            if prov is None:
                yield Unresolved(
                    ctx.location, phrase, f"article {article.number} has no {'sub' if sub else ''}paragraph {token}"
                )
                return
            refs.append((start, end, article, prov))
    whole = len(refs) == 1
    if refs:
        ctx.last_article = refs[-1][2]
    for start, end, article, prov in refs:
        s, e = (m.start(), m.end()) if whole else (start, end)
        yield Reference(
            source=ctx.location,
            start=s,
            end=e,
            phrase=phrase,
            target_instrument=instrument.key,
            target_eid=prov.eid if prov else article.eid,
            article=article.number,
        )


def _texts(instrument: Instrument) -> Iterator[tuple[Article | None, Provision | None, Location, Text]]:
    """Every run of official text of an instrument, with where it is."""
    if instrument.preamble:
        for recital in instrument.preamble.recitals:
            yield None, None, Location(instrument.key, recital.eid, "recital", None), recital.text
    for article in instrument.articles:
        if article.intro:
            yield article, None, Location(instrument.key, article.eid, "intro", article.number), article.intro
        for para in article.paragraphs:
            for prov in para.walk():
                for part, text in (("text", prov.text), ("wrap_up", prov.wrap_up)):
                    if text is not None:
                        yield article, para, Location(instrument.key, prov.eid, part, article.number), text


def find_references(
    corpus: Corpus, redirects: list[Exception_] | None = None
) -> tuple[list[Reference], list[Unresolved]]:
    """Every reference in the corpus, resolved, and every phrase that could not be resolved.

    ``redirects`` are allow-list entries with a ``target``: phrases whose instrument the words
    alone do not say (a protocol's preamble citing "articles 1, 11, 21 ..." of its Convention).
    """
    table = {(e.instrument, e.eid, e.phrase): e.target for e in redirects or () if e.target}
    refs: list[Reference] = []
    unresolved: list[Unresolved] = []
    for instrument in corpus:
        for article, paragraph, location, text in _texts(instrument):
            ctx = _Context(corpus, instrument, article, paragraph, location, table)
            for found in _resolve_in_text(ctx, text):
                (refs if isinstance(found, Reference) else unresolved).append(found)
    return refs, unresolved


def referenced_by(refs: list[Reference]) -> dict[tuple[str, int], list[Reference]]:
    """For each (instrument, article number), the references from other articles that point to it."""
    index: dict[tuple[str, int], list[Reference]] = defaultdict(list)
    for ref in refs:
        same = ref.source.instrument == ref.target_instrument and ref.source.article == ref.article
        if not same:
            index[(ref.target_instrument, ref.article)].append(ref)
    return dict(index)


def references_from(refs: list[Reference]) -> dict[tuple[str, int | None], list[Reference]]:
    """For each (instrument, article number, or None for the preamble), the references it makes."""
    index: dict[tuple[str, int | None], list[Reference]] = defaultdict(list)
    for ref in refs:
        index[(ref.source.instrument, ref.source.article)].append(ref)
    return dict(index)


# --- the allow-list ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Exception_:
    """An allow-list entry: a phrase that is not a link (no target) or that points elsewhere (target)."""

    instrument: str
    eid: str
    phrase: str
    reason: str
    target: str | None = None


def load_exceptions(path: Path, root: Path | None = None) -> list[Exception_]:
    """Phrases that look like references but are known not to resolve, each with a reason."""
    if not path.exists():
        return []
    shown = display_path(path, root)
    data = read_mapping(path, shown)
    out = []
    errors = []
    for section in ("unresolved", "redirects"):
        for i, item in enumerate(entries(data, section, shown), 1):
            needed = ("instrument", "eid", "phrase", "reason") + (("target",) if section == "redirects" else ())
            if not isinstance(item, dict) or not all(item.get(k) for k in needed):
                errors.append(
                    SourceError(
                        shown,
                        None,
                        f"entry {i} of '{section}' lacks one of {', '.join(needed)}",
                        "give each; the reason says why in a sentence",
                    )
                )
                continue
            out.append(
                Exception_(
                    item["instrument"],
                    item["eid"],
                    item["phrase"],
                    item["reason"],
                    item.get("target") if section == "redirects" else None,
                )
            )
    if errors:
        raise SourceErrors(errors)
    return out


def check_unresolved(unresolved: list[Unresolved], exceptions: list[Exception_], shown: str) -> list[SourceError]:
    """Errors for unresolved phrases that the allow-list does not excuse."""
    excused = {(e.instrument, e.eid, e.phrase) for e in exceptions if e.target is None}
    return [
        SourceError(
            shown,
            None,
            f"{u.source.instrument} {u.source.eid}: cannot resolve the reference {u.phrase!r} ({u.reason})",
            "fix the source, or list the phrase with a reason under 'unresolved' in sources/crossrefs.yaml",
        )
        for u in unresolved
        if (u.source.instrument, u.source.eid, u.phrase) not in excused
    ]

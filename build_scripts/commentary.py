"""Commentary notes: the schema of their front matter, loading, validation and safe rendering.

A note is one Markdown file, ``sources/commentary/<instrument>/<article>/<slug>.md``, with YAML
front matter (see :class:`FrontMatter`). ``load_notes`` reads every note, checks it against the
schema and against the corpus (every target must exist) and reports each problem with its file and
line. ``render_note`` turns a note into HTML that has been sanitised with an allow-list, so that
nothing a contributor writes can run in a reader's browser.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import markdown
import nh3
import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from .corpus import Corpus
from .errors import SourceError, SourceErrors, display_path
from .render import heading, provision_path, url_from, url_of
from .yamlfiles import LOADER


class Kind(StrEnum):
    """What a note does; each kind has its own look on the page."""

    key_component = "key-component"
    challenge = "challenge"
    legal_implication = "legal-implication"
    interpretation = "interpretation"
    practice = "practice"
    case_law = "case-law"


KIND_LABELS = {
    Kind.key_component: ("Key component", "note"),
    Kind.challenge: ("Challenge", "warning"),
    Kind.legal_implication: ("Legal implication", "abstract"),
    Kind.interpretation: ("Interpretation", "info"),
    Kind.practice: ("Practice", "tip"),
    Kind.case_law: ("Case law", "quote"),
}
"""Heading of each kind's group and the admonition style that sets it apart."""

THEMES = {
    "understanding-the-protocol": "Understanding the Protocol",
    "key-components": "Key components: the definition, consent and children",
    "international-framework": "The international framework",
    "implementation-challenges": "Challenges in implementation",
    "law-enforcement": "The role of law enforcement",
    "victim-support": "Victim support mechanisms",
    "measuring-impact": "Measuring impact",
    "future-directions": "Future directions and innovations in policy",
    "international-cooperation": "Strengthening international cooperation",
    "legal-implications": "Legal implications",
}
"""The themes a note can belong to; each is a page under docs/themes/<slug>.md."""

MAX_NOTE_BYTES = 100_000
Plain = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]


class Source(BaseModel):
    """A real, checkable source: a treaty provision, a UN document symbol, a report, a judgment."""

    model_config = ConfigDict(extra="forbid")
    cite: Plain
    url: str | None = None

    @field_validator("url")
    @classmethod
    def _https_only(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"https?://[^\s<>\"']+", value):
            raise ValueError("must be an http(s) address")
        return value


class FrontMatter(BaseModel):
    """The fields at the top of every note."""

    model_config = ConfigDict(extra="forbid")
    targets: list[Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+/[A-Za-z0-9_]+$")]] = Field(min_length=1)
    kind: Kind
    title: Plain
    themes: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    reviewed: date
    authors: list[Plain] = Field(default_factory=list)

    @field_validator("themes")
    @classmethod
    def _known_themes(cls, value: list[str]) -> list[str]:
        unknown = [t for t in value if t not in THEMES]
        if unknown:
            raise ValueError(f"unknown theme {unknown[0]!r}; use one of {', '.join(THEMES)}")
        return value


@dataclass(frozen=True)
class Note:
    """A validated note: where it lives, what it says and which provisions it is about."""

    path: str
    instrument: str
    folder: str
    slug: str
    meta: FrontMatter
    body: str
    body_line: int

    @property
    def anchor(self) -> str:
        return f"note-{self.slug}"

    @property
    def targets(self) -> list[tuple[str, str]]:
        return [tuple(t.split("/", 1)) for t in self.meta.targets]  # type: ignore[misc]


LIST_ITEM = re.compile(r"( *)(?:[-*+]|\d+\.)\s")
SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+) *$")


def list_pitfalls(lines: list[str]) -> list[tuple[int, str, str]]:
    """Lists that Python-Markdown reads otherwise than GitHub's preview: (line offset, what, fix).

    Three habits GitHub forgives show as broken lists on the site:

    - a nested item indented by 1 to 3 spaces more than its parent becomes an item of the outer
      list (Python-Markdown nests at 4);
    - a list that starts on the line after a paragraph line ending with a colon, or whose first two
      items do, is read as text of that paragraph;
    - an item that follows a paragraph inside the previous item (a paragraph begun after a blank
      line, indented by 4) without a blank line is read as text of that paragraph.

    Prose that merely wraps onto a line starting with a number or a dash, an item that wraps with a
    hanging indent, and a list after a heading are left alone.
    """
    problems: list[tuple[int, str, str]] = []
    levels: list[int] = []  # indentation of the items of the open list, outermost first
    blank_before = True  # the line before is blank (or there is none)
    item_paragraph = False  # the lines since the last blank one are a paragraph inside an item
    for i, line in enumerate(lines):
        item = LIST_ITEM.match(line)
        before = lines[i - 1] if i else ""
        if not line.strip():
            blank_before = True
            continue
        if item:
            depth = len(item.group(1))
            while levels and depth < levels[-1]:
                levels.pop()
            if levels and levels[-1] < depth < levels[-1] + 4:
                problems.append(
                    (
                        i,
                        "a nested list item indented by fewer than 4 spaces shows as an item of the outer list",
                        "indent each nested item by 4 spaces more than the item it belongs to",
                    )
                )
            elif not blank_before and item_paragraph:
                problems.append(
                    (i, "this list item is read as text of the paragraph above it", "leave a blank line before it")
                )
            elif not blank_before and not levels and not before.lstrip().startswith(("#", "|")):
                after = lines[i + 1] if i + 1 < len(lines) else ""
                if not SETEXT_UNDERLINE.match(before) and (before.rstrip().endswith(":") or LIST_ITEM.match(after)):
                    problems.append(
                        (i, "this list is read as text of the paragraph above it", "leave a blank line before the list")
                    )
            if not levels or depth > levels[-1]:
                levels.append(depth)
            item_paragraph = False
        elif levels and blank_before:
            if line.startswith("    "):
                item_paragraph = True  # a paragraph of its own inside the item
            else:
                levels.clear()  # a paragraph after a blank line ends the list
                item_paragraph = False
        blank_before = False
    return problems


RAW_HTML = re.compile(r"<\s*[a-zA-Z!/?]")
AKN_LINK = re.compile(r"\]\(akn:([a-z0-9-]+)/([A-Za-z0-9_]+)(?:\s+\"[^\"]*\")?\)")


def _split(text: str) -> tuple[str, str, int] | None:
    """Front matter, body and the body's first line; None if there is no front matter."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    if end < 0:
        end = text.find("\n---", 4)
        if end < 0 or text[end + 4 :].strip():
            return None
    front = text[4 : end + 1]
    body = text[end + 5 :]
    return front, body, front.count("\n") + 3


def _key_lines(front: str) -> dict[tuple, int]:
    """Line (in the file) of each key and list item of the front matter, for error messages."""
    lines: dict[tuple, int] = {}
    try:
        node = yaml.compose(front, Loader=LOADER)
    except yaml.YAMLError:
        return lines
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[(key.value,)] = key.start_mark.line + 2
            if isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    lines[(key.value, i)] = item.start_mark.line + 2
    return lines


class _LazyLines:
    """Line numbers of the front matter's keys, worked out only if an error needs one."""

    def __init__(self, front: str):
        self.front = front
        self._lines: dict[tuple, int] | None = None

    def get(self, key: tuple, default: int | None = None) -> int | None:
        if self._lines is None:
            self._lines = _key_lines(self.front)
        return self._lines.get(key, default)


def _provision_exists(corpus: Corpus, key: str, eid: str) -> bool:
    instrument = corpus.get(key)
    return instrument is not None and instrument.addressable(eid)


def _article_folder(eid: str) -> str:
    m = re.match(r"(art_\d+|preamble)", eid)
    return m.group(1) if m else eid


def parse_note(path: Path, corpus: Corpus, root: Path) -> tuple[Note | None, list[SourceError]]:
    """Read and check one note; return it with no errors, or None with every problem found."""
    shown = display_path(path, root)
    errors: list[SourceError] = []

    def fail(line: int | None, message: str, hint: str) -> tuple[None, list[SourceError]]:
        errors.append(SourceError(shown, line, message, hint))
        return None, errors

    commentary = (root / "sources" / "commentary").resolve()
    if path.is_symlink() or not path.resolve().is_relative_to(commentary):
        return fail(
            None,
            "is a link or lies outside sources/commentary",
            "add notes as plain files under sources/commentary/<instrument>/<article>/",
        )
    rel = path.resolve().relative_to(commentary).parts
    if len(rel) != 3 or not re.fullmatch(r"[a-z0-9][a-z0-9-]*\.md", rel[2]):
        return fail(
            None,
            "is not at sources/commentary/<instrument>/<article>/<slug>.md",
            "move it there; the slug uses lower-case letters, digits and hyphens",
        )
    if path.stat().st_size > MAX_NOTE_BYTES:
        return fail(None, f"is larger than {MAX_NOTE_BYTES:,} bytes", "a note is a few hundred words; split it")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return fail(None, "is not UTF-8 text", "save it as UTF-8")
    parts = _split(text.replace("\r\n", "\n"))
    if parts is None:
        return fail(1, "has no front matter", "start the file with a line '---', the fields, and another '---'")
    front, body, body_line = parts
    try:
        data = yaml.load(front, Loader=LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return fail(
            mark.line + 2 if mark else 2,
            f"front matter is not valid YAML ({getattr(exc, 'problem', None) or exc})",
            "check indentation, colons and quotes on that line",
        )
    if not isinstance(data, dict):
        return fail(
            2, "front matter is not a set of 'field: value' lines", "see CONTRIBUTING.md for a complete example"
        )
    try:
        meta = FrontMatter.model_validate(data)
    except ValidationError as exc:
        lines = _key_lines(front)
        for err in exc.errors():
            loc = tuple(err["loc"])
            line = lines.get(loc[:2]) or lines.get(loc[:1]) or 2
            field = ".".join(str(x) for x in loc) or "front matter"
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                msg, hint = (
                    f"unknown field {loc[0]!r}",
                    "the fields are targets, kind, title, themes, sources, reviewed, authors",
                )
            elif loc[:1] == ("kind",):
                msg, hint = f"unknown kind {data.get('kind')!r}", f"use one of {', '.join(k.value for k in Kind)}"
            elif loc[:1] == ("reviewed",):
                msg, hint = (
                    f"reviewed date {data.get('reviewed')!r} is not a date",
                    "write it as YYYY-MM-DD, e.g. 2026-11-28",
                )
            elif loc[:1] == ("sources",):
                hint = "give at least one source as '- cite: \"...\"' (a treaty provision, a UN document symbol, a judgment with its application number)"
            elif loc[:1] == ("targets",):
                hint = "write targets as <instrument>/<eId>, e.g. tip-protocol/art_6__para_3__point_b"
            else:
                hint = "see CONTRIBUTING.md for what each field takes"
            errors.append(SourceError(shown, line, f"{field}: {msg}", hint))
        return None, errors
    lines = _LazyLines(front)
    for i, target in enumerate(meta.targets):
        key, eid = target.split("/", 1)
        if not _provision_exists(corpus, key, eid):
            errors.append(
                SourceError(
                    shown,
                    lines.get(("targets", i), lines.get(("targets",))),
                    f"target {target!r} is not a provision of the corpus",
                    "use an eId from sources/instruments/<instrument>.xml, e.g. tip-protocol/art_3__para_1__point_b",
                )
            )
    first_key, first_eid = meta.targets[0].split("/", 1)
    if (rel[0], rel[1]) != (first_key, _article_folder(first_eid)) and not errors:
        errors.append(
            SourceError(
                shown,
                lines.get(("targets", 0)),
                f"the first target {meta.targets[0]!r} does not belong in {rel[0]}/{rel[1]}/",
                f"move the note to sources/commentary/{first_key}/{_article_folder(first_eid)}/",
            )
        )
    if RAW_HTML.search(meta.title):
        errors.append(
            SourceError(shown, lines.get(("title",)), "the title contains HTML", "write the title as plain text")
        )
    for i, source in enumerate(meta.sources):
        if RAW_HTML.search(source.cite):
            errors.append(
                SourceError(
                    shown,
                    lines.get(("sources", i), lines.get(("sources",))),
                    "a source citation contains HTML",
                    "write the citation as plain text",
                )
            )
    lines = body.splitlines()
    for offset, message, hint in list_pitfalls(lines):
        errors.append(SourceError(shown, body_line + offset, message, hint))
    for n, line in enumerate(lines, body_line):
        if RAW_HTML.search(line):
            errors.append(
                SourceError(
                    shown, n, "raw HTML in the note", "write Markdown only: HTML tags are not allowed in commentary"
                )
            )
        for m in AKN_LINK.finditer(line):
            if not _provision_exists(corpus, m.group(1), m.group(2)):
                errors.append(
                    SourceError(
                        shown,
                        n,
                        f"link to akn:{m.group(1)}/{m.group(2)}, which is not a provision of the corpus",
                        "link with akn:<instrument>/<eId>, e.g. akn:tip-protocol/art_5",
                    )
                )
    if not body.strip():
        errors.append(
            SourceError(shown, body_line, "the note has no text", "write the commentary below the front matter")
        )
    if errors:
        return None, errors
    return Note(shown, rel[0], rel[1], rel[2][:-3], meta, body.strip(), body_line), []


def load_notes(root: Path, corpus: Corpus) -> list[Note]:
    """Every note under sources/commentary, checked; raise SourceErrors listing every problem."""
    base = root / "sources" / "commentary"
    notes: list[Note] = []
    errors: list[SourceError] = []
    if base.exists():
        for path in sorted(base.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                continue
            if path.name in (".gitkeep", "README.md") and path.parent == base:
                continue
            if path.suffix != ".md" and not path.is_symlink():
                if path.name != ".gitkeep":
                    errors.append(
                        SourceError(
                            display_path(path, root), None, "is not a Markdown note", "commentary files end in .md"
                        )
                    )
                continue
            note, problems = parse_note(path, corpus, root)
            errors.extend(problems)
            if note:
                notes.append(note)
    seen: dict[tuple[str, str], str] = {}
    for note in notes:
        key = (note.instrument, note.slug)
        if key in seen:
            errors.append(
                SourceError(
                    note.path,
                    1,
                    f"another note of {note.instrument} has the slug {note.slug!r} ({seen[key]})",
                    "rename one file: slugs are the notes' permanent anchors",
                )
            )
        seen[key] = note.path
    if errors:
        raise SourceErrors(errors)
    return notes


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------

_MARKDOWN = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")

ALLOWED_TAGS = {
    "p",
    "a",
    "em",
    "strong",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "h3",
    "h4",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


def sanitise(fragment: str) -> str:
    """Keep only harmless markup: an allow-list of tags, links with http(s) or relative targets.

    A link whose address was removed (javascript:, data: ...) is unwrapped to its text, so that no
    empty anchor is left for the browser to act on.
    """
    cleaned = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return re.sub(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", r"\1", cleaned, flags=re.DOTALL)


def provision_url(corpus: Corpus, key: str, eid: str) -> str:
    """Site-root-relative URL of a provision: 'tip-protocol/article-6/#3-b'."""
    path, _, anchor = provision_path(corpus.get(key), eid).partition("#")
    return url_of(path) + (f"#{anchor}" if anchor else "")


def render_body(note: Note, corpus: Corpus, page_url: str) -> str:
    """The note's Markdown as sanitised HTML, its akn: links pointing at the right pages."""

    def link(m: re.Match) -> str:
        return f"]({url_from(page_url, provision_url(corpus, m.group(1), m.group(2)))})"

    body = AKN_LINK.sub(link, note.body)
    return sanitise(_MARKDOWN.reset().convert(body))


def render_note(note: Note, corpus: Corpus, page_url: str, open_: bool = True, repo_url: str = "") -> str:
    """One note as a collapsible admonition with its permalink, sources and review date."""
    label, style = KIND_LABELS[note.meta.kind]
    sources = "".join(
        "<li>"
        + (
            f'<a href="{html.escape(s.url)}" rel="noopener noreferrer">{html.escape(s.cite)}</a>'
            if s.url
            else html.escape(s.cite)
        )
        + "</li>"
        for s in note.meta.sources
    )
    about = ", ".join(
        f'<a href="{url_from(page_url, provision_url(corpus, k, e))}">{html.escape(describe_target(corpus, k, e))}</a>'
        for k, e in note.targets
    )
    authors = f" · by {html.escape(', '.join(note.meta.authors))}" if note.meta.authors else ""
    if repo_url:
        authors += (
            f' · <a href="{html.escape(repo_url.rstrip("/"))}/edit/main/{html.escape(note.path)}">Edit this note</a>'
        )

    return (
        f'<details class="{style} tt-note tt-kind-{note.meta.kind.value}" id="{note.anchor}"{" open" if open_ else ""}>\n'
        f"<summary>{html.escape(note.meta.title)}</summary>\n"
        f'<p class="tt-note-about">{label} · on {about} · <a class="tt-note-link" href="#{note.anchor}" title="Permanent link to this note">permalink</a></p>\n'
        f"{render_body(note, corpus, page_url)}\n"
        f'<p class="tt-note-sources-title">Sources</p>\n<ul class="tt-note-sources">{sources}</ul>\n'
        f'<p class="tt-note-meta">Reviewed {note.meta.reviewed.isoformat()}{authors}</p>\n'
        "</details>"
    )


def describe_target(corpus: Corpus, key: str, eid: str) -> str:
    """Human form of a target: 'Article 6(3)(b)', 'Preamble'."""
    instrument = corpus.get(key)
    if instrument is None:
        return eid
    if eid.startswith("preamble"):
        return "Preamble"
    article, provision = instrument.find(eid)
    if article is None:
        return eid
    if provision is None or provision.pinpoint == f"art {article.number}":
        return f"Article {article.number}"
    return "Article " + provision.pinpoint.removeprefix("art ")


def notes_by_article(notes: list[Note]) -> dict[tuple[str, str], list[Note]]:
    """The notes on each article: every note under each (instrument, article eId or 'preamble')
    it has a target in (the article itself or a provision inside it), in the order of ``notes``."""
    index: dict[tuple[str, str], list[Note]] = defaultdict(list)
    for note in notes:
        for unit in dict.fromkeys((key, eid.split("__")[0]) for key, eid in note.targets):
            index[unit].append(note)
    return dict(index)


def render_commentary_section(notes: list[Note], corpus: Corpus, page_url: str, repo_url: str = "") -> str:
    """The 'Commentary' section of an article page: notes grouped by kind, each kind its own style."""
    if not notes:
        return ""
    out = [
        heading(2, "Commentary") + "\n",
        '<p class="tt-commentary-disclaimer">The notes below are commentary written by the contributors to this site. '
        "They are not part of the treaty and have no legal force; the official text is above.</p>\n",
    ]
    for kind in Kind:
        group = [n for n in notes if n.meta.kind == kind]
        if not group:
            continue
        label, _ = KIND_LABELS[kind]
        out.append(f'<h3 class="tt-kind-heading">{label}{"s" if len(group) > 1 else ""}</h3>\n')
        out.extend(render_note(n, corpus, page_url, repo_url=repo_url) + "\n" for n in group)
    return "\n".join(out)


def inert_attr(text: str) -> str:
    """An attribute value that stays inert even inside Markdown-processed HTML: quotes and tags
    escaped, and every character Markdown could act on written as a character reference."""
    return "".join(f"&#{ord(ch)};" if ch in "[]()*_`\\!{}#+-.|~^=:" else ch for ch in html.escape(text, quote=True))


def flag_html(note: Note) -> str:
    """The small marker put next to a paragraph that a note is about."""
    return f' <a class="tt-flag" href="#{note.anchor}" title="Commentary: {inert_attr(note.meta.title)}">note</a>'

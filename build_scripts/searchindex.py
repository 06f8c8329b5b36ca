"""Split a page's HTML into the sections the site search indexes, fast.

Material's search plugin splits every page into sections (one per heading with an id) with an
``html.parser.HTMLParser`` subclass written in pure Python; over the 360 article, preamble and
full-text pages that was about a second of every build. This module applies the same rules to a
regular-expression tokenisation of the page, and the tests check that it gives exactly what the
theme's parser gives on every generated page. The sections are then turned into index entries by
the theme's own code (``create_entry_for_section``), so locations, titles, tags and boosts are the
theme's.

The rules (Material 9.x, ``material/plugins/search/plugin.py``):

- a heading (h1-h6) with an id opens a section; the first one's id is dropped (it is the page),
  and text before a first heading other than h1 goes to a section of its own;
- a heading nested in an element ends its section when that element closes;
- inside ``<script>``, ``<style>``, ``<object>`` or an element with ``data-search-exclude`` nothing counts;
- the tags p, code, pre, li, ol, ul, sub and sup are kept, bare, around their text; an element
  that would be left empty is dropped;
- white space collapses outside ``<pre>``; text is HTML-escaped; permalinks in headings are left out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
SKIP = frozenset({"object", "script", "style"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--.*?-->|<![^>]*>|([^<]+)|<", re.DOTALL)
_RAW_TEXT = {"script": re.compile(r"</script\s*>", re.IGNORECASE), "style": re.compile(r"</style\s*>", re.IGNORECASE)}
_ATTR = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


@dataclass
class SearchSection:
    """What the theme's indexer reads from a section: its id, and title and text as pieces."""

    id: str | None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    tag: str = "hx"
    depth: float = 0
    excluded: bool = False


def _attrs(raw: str | None) -> dict[str, str | None]:
    if not raw:
        return {}
    found: dict[str, str | None] = {}
    for m in _ATTR.finditer(raw):
        value = next((v for v in m.group(2, 3, 4) if v is not None), None)
        found.setdefault(m.group(1).lower(), html.unescape(value) if value is not None else None)
    return found


def sections(content: str) -> list[SearchSection]:
    """The sections of a page's HTML content, as the theme's search parser would make them
    (sections whose heading carries ``data-search-exclude`` included, marked ``excluded``)."""
    data: list[SearchSection] = []
    section: SearchSection | None = None
    context: list[str] = []  # open tags
    skipped: list[bool] = []  # whether each open element is skipped
    headerlink: list[bool] = []  # whether each open element is a heading permalink
    skipping = 0

    def target() -> list[str]:
        return section.title if section.tag in context else section.text

    def start(tag: str, attrs: dict[str, str | None]) -> None:
        nonlocal section, skipping
        if tag in VOID:
            return
        excluded = tag in SKIP or "data-search-exclude" in attrs or attrs.get("class") == "linenodiv"
        context.append(tag)
        skipped.append(excluded)
        headerlink.append(tag == "a" and attrs.get("class") == "headerlink")
        if excluded:
            skipping += 1
        if tag in HEADINGS and "id" in attrs:
            depth = len(context)
            if tag != "h1" and not data:
                section = SearchSection(None, depth=depth)
                data.append(section)
            section = SearchSection(
                attrs["id"] if data else None, tag=tag, depth=depth, excluded="data-search-exclude" in attrs
            )
            data.append(section)
        if section is None:
            section = SearchSection(None)
            data.append(section)
        if not excluded and not skipping and tag in KEEP:
            target().append(f"<{tag}>")

    def end(tag: str) -> None:
        nonlocal section, skipping
        if not context or context[-1] != tag:
            return
        if section.depth > len(context):
            for earlier in reversed(data):
                if earlier.depth <= len(context):
                    section.depth = float("inf")
                    section = earlier
                    break
        context.pop()
        headerlink.pop()
        if skipped.pop():
            skipping -= 1
            return
        if not skipping and tag in KEEP:
            pieces = target()
            index = pieces.index(f"<{tag}>")
            if all(p.isspace() for p in pieces[index + 1 :]):
                del pieces[index:]
            else:
                pieces.append(f"</{tag}>")

    def text(chunk: str) -> None:
        nonlocal section
        if skipping:
            return
        if "pre" not in context:
            chunk = " " if chunk.isspace() else chunk.replace("\n", " ")
        if section is None:
            section = SearchSection(None)
            data.append(section)
        if section.tag in context:
            if not any(headerlink):
                section.title.append(html.escape(chunk, quote=False))
        elif chunk.isspace():
            if not section.text or not section.text[-1].isspace() or "pre" in context:
                section.text.append(chunk)
        else:
            section.text.append(html.escape(chunk, quote=False))

    pos = 0
    while pos < len(content):
        m = _TOKEN.match(content, pos)
        pos = m.end()
        closing, tag, raw, chunk = m.groups()
        if chunk is not None:
            text(html.unescape(chunk))
        elif tag is not None:
            tag = tag.lower()
            if closing:
                end(tag)
            elif raw.rstrip().endswith("/"):
                start(tag, _attrs(raw.rstrip()[:-1]))
                end(tag)
            else:
                # only a few attributes matter: read them only where they can be
                wanted = tag in HEADINGS or "data-search-exclude" in raw or "linenodiv" in raw
                start(tag, _attrs(raw) if wanted or (tag == "a" and "headerlink" in raw) else {})
                if tag in _RAW_TEXT:  # script and style hold raw text up to their end tag
                    close = _RAW_TEXT[tag].search(content, pos)
                    pos = close.start() if close else len(content)
        elif m.group(0) == "<":
            text("<")
    return data


def index_page(search_index: Any, page: Any) -> None:
    """Add a page's sections to the theme's search index, as the theme's plugin would."""
    if (page.meta.get("search") or {}).get("exclude"):
        return
    for section in sections(page.content):
        if not section.excluded:
            search_index.create_entry_for_section(section, page.toc, page.url, page)

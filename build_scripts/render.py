"""Render the model as pages: one per article, a preamble, a full text and an overview per instrument.

Every function here is pure: it takes model objects and returns a string. The pages of each
instrument (overview, preamble, articles, full text: 371 of them) are written straight as HTML,
because running Python-Markdown over each of them was the largest single cost of a build; MkDocs
only wraps them in the theme (see :mod:`build_scripts.mkdocs_hooks`). Their links are relative
URLs computed here from the permanent URL scheme, and every one is checked on the built site by
the link checker in the tests. The comparison and concordance pages and the hand-written pages
stay Markdown, linking to ``.md`` files that MkDocs checks in strict mode. Official text is
escaped so that no character of a treaty is ever read as markup, and it sits in a block of its
own (``.tt-official``) that the stylesheet sets apart from our commentary.

Page paths (the URL scheme, permanent): ``<key>/index.md`` → ``/<key>/``,
``<key>/preamble.md`` → ``/<key>/preamble/``, ``<key>/article-<n>.md`` → ``/<key>/article-<n>/``,
``<key>/full-text.md`` → ``/<key>/full-text/``.
Paragraph anchors are defined in :func:`build_scripts.corpus.provision_anchor`.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from markdown.extensions.toc import nest_toc_tokens, slugify, unique

from .corpus import Article, Corpus, Instrument, Provision, Text

# ---------------------------------------------------------------------------------------------
# Paths and links
# ---------------------------------------------------------------------------------------------


def overview_path(key: str) -> str:
    return f"{key}/index.md"


def preamble_path(key: str) -> str:
    return f"{key}/preamble.md"


def article_path(key: str, number: int) -> str:
    return f"{key}/article-{number}.md"


def provision_path(instrument: Instrument, eid: str) -> str:
    """The page and anchor of an addressable eId: 'tip-protocol/article-6.md#3-b',
    'crc/preamble.md#recital-2', 'untoc/article-2.md'."""
    if eid == "preamble" or eid.startswith("preamble__"):
        recital = (
            next((r.anchor for r in instrument.preamble.recitals if r.eid == eid), None)
            if instrument.preamble
            else None
        )
        return preamble_path(instrument.key) + (f"#{recital}" if recital else "")
    article, provision = instrument.find(eid)
    return article_path(instrument.key, article.number) + (f"#{provision.anchor}" if provision else "")


def link_to(page: str, instrument: Instrument, eid: str) -> str:
    """The relative URL from one HTML page to an addressable provision: '../article-3/#3-b'."""
    return href(page, provision_path(instrument, eid))


def relative(from_page: str, to_page: str) -> str:
    """Link from one Markdown page to another, as MkDocs expects: relative, to the .md file."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def url_of(path: str) -> str:
    """The directory URL MkDocs gives a page file: 'tip-protocol/article-3.md' → 'tip-protocol/article-3/'."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def url_from(page_url: str, target: str) -> str:
    """Relative URL from one page (directory URL like 'tip-protocol/article-6/') to another."""
    path, _, frag = target.partition("#")
    here = [p for p in page_url.split("/") if p]
    there = [p for p in path.split("/") if p]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    rel = "../" * (len(here) - common) + "/".join(there[common:])
    if there[common:] and path.endswith("/"):
        rel += "/"
    return (rel or "./") + (f"#{frag}" if frag else "")


def href(from_page: str, to: str) -> str:
    """Relative URL from one page file to another, with its anchor: both given as .md paths.

    A link within the same page is just its anchor.
    """
    path, _, anchor = to.partition("#")
    if path == from_page and anchor:
        return f"#{anchor}"
    return url_from(url_of(from_page), url_of(path) + (f"#{anchor}" if anchor else ""))


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A stretch of official text that becomes a link: a cross-reference or a defined term."""

    start: int
    end: int
    href: str
    title: str = ""
    css: str = "tt-ref"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#+!~^=|])")


def escape(text: str) -> str:
    """Make any text literal in Markdown and HTML (for the pages that stay Markdown)."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _text(text: str) -> str:
    return html.escape(text, quote=False)


def render_text(text: Text, spans: Sequence[Span] = ()) -> str:
    """Official text as HTML, with italics where the official print has them, and links."""
    plain = text.plain
    marks: list[tuple[int, int, str, str]] = []  # (start, end, open, close)
    taken: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if any(span.start < b and a < span.end for a, b in taken):
            continue  # overlapping references: the first and longest wins
        taken.append((span.start, span.end))
        title = f' title="{_attr(span.title)}"' if span.title else ""
        marks.append((span.start, span.end, f'<a class="{span.css}" href="{_attr(span.href)}"{title}>', "</a>"))
    for a, b in text.emphasis:
        if not any(a < y and x < b for x, y in taken):
            marks.append((a, b, "<em>", "</em>"))
    out, pos = [], 0
    for start, end, opening, closing in sorted(marks):
        out.append(_text(plain[pos:start]))
        out.append(opening + _text(plain[start:end]) + closing)
        pos = end
    out.append(_text(plain[pos:]))
    result = "".join(out)
    if text.footnotes:
        notes = " ".join(_text(n) for n in text.footnotes)
        result += f' <span class="tt-footnote">[Footnote in the official text: {notes}]</span>'
    return result.replace("\n", "<br>\n")


SpanIndex = dict[tuple[str, str], Sequence[Span]]
"""Links to add to official text, keyed by (eId, part) where part is "text" or "wrap_up"."""


def _block(prov: Provision, depth: int, spans: SpanIndex, flags: dict[str, str], prefix: str = "") -> list[str]:
    """HTML for one provision and its children."""
    cls = "tt-para" if prov.kind == "paragraph" else "tt-point"
    deleted = " tt-deleted" if prov.deleted_by else ""
    anchor = prefix + prov.anchor
    lines = [f'<div class="{cls}{deleted}" id="{anchor}" data-eid="{prov.eid}">']
    flag = flags.get(prov.eid, "")
    if prov.text is not None:
        num = ""
        if prov.num:
            num = (
                f'<a class="tt-num" href="#{anchor}" title="Permalink to {_attr(prov.pinpoint)}">{_text(prov.num)}</a> '
            )
        lines.append(f"<p>{num}{render_text(prov.text, spans.get((prov.eid, 'text'), ()))}{flag}</p>")
    elif prov.num:
        lines.append(
            f'<p><a class="tt-num" href="#{anchor}" title="Permalink to {_attr(prov.pinpoint)}">{_text(prov.num)}</a></p>'
        )
    for child in prov.children:
        lines.extend(_block(child, depth + 1, spans, flags, prefix))
    if prov.wrap_up is not None:
        lines.append(f'<p class="tt-wrapup">{render_text(prov.wrap_up, spans.get((prov.eid, "wrap_up"), ()))}</p>')
    lines.append("</div>")
    return lines


def render_official_text(
    article: Article, spans: SpanIndex | None = None, flags: dict[str, str] | None = None, prefix: str = ""
) -> str:
    """The article's official text as a block of its own, a permalink on every number.

    ``prefix`` goes before every anchor, for pages that hold several articles (the full text).
    """
    spans = spans or {}
    flags = flags or {}
    lines = ['<div class="tt-official">']
    if article.intro is not None:
        lines.append(f"<p>{render_text(article.intro, spans.get((article.eid, 'intro'), ()))}</p>")
    for para in article.paragraphs:
        lines.extend(_block(para, 0, spans, flags, prefix))
    lines.append("</div>")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# HTML building blocks, in the markup the theme's Markdown extensions would produce
# ---------------------------------------------------------------------------------------------


def heading(level: int, text: str, anchor: str | None = None, inner_html: str | None = None) -> str:
    """A heading with an id and a permalink, as the toc extension writes them (``permalink: true``).

    The id is the toc extension's slug of the text unless given, so that links written by hand
    (``#how-to-cite``) keep working.
    """
    anchor = anchor or slugify(text, "-")
    return (
        f'<h{level} id="{anchor}">{inner_html or _text(text)}'
        f'<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a></h{level}>'
    )


class _Ids:
    """The ids used on one page so far: a heading whose id is taken gets ``_1``, ``_2``, as the
    toc extension numbers repeated headings on Markdown pages."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken = set(taken)

    def heading(self, level: int, text: str, anchor: str | None = None, inner_html: str | None = None) -> str:
        if anchor is None:
            anchor = unique(slugify(text, "-"), self.taken)
        else:
            self.taken.add(anchor)
        return heading(level, text, anchor, inner_html)


_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)<a class="headerlink"', re.DOTALL)
_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")


def toc_tokens(body: str) -> list[dict]:
    """The table of contents of an HTML page written by :func:`heading`, nested as the toc
    extension nests it (MkDocs builds the page's table of contents from this)."""
    flat = [
        {"level": int(level), "id": anchor, "name": _TAG.sub("", inner).strip(), "children": []}
        for level, anchor, inner in _HEADING.findall(body)
    ]
    return nest_toc_tokens(flat)


def anchor_ids(body: str) -> set[str]:
    """Every id on an HTML page: the anchors other pages may link to."""
    return set(_ID.findall(body))


def admonition(kind: str, title: str, body_html: str) -> str:
    return (
        f'<div class="admonition {kind}">\n<p class="admonition-title">{_text(title)}</p>\n<p>{body_html}</p>\n</div>'
    )


def code_block(text: str) -> str:
    """A plain-text code block (the theme adds its copy button to it)."""
    return f'<div class="highlight"><pre><span></span><code>{_text(text)}\n</code></pre></div>'


def a(url: str, text: str, title: str = "") -> str:
    """A link with plain text."""
    tip = f' title="{_attr(title)}"' if title else ""
    return f'<a href="{_attr(url)}"{tip}>{_text(text)}</a>'


def bullet_list(items: Iterable[str]) -> str:
    """An unordered list of HTML items."""
    return "<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>"


# ---------------------------------------------------------------------------------------------
# Citations
# ---------------------------------------------------------------------------------------------


def long_date(d: date) -> str:
    return f"{d.day} {d:%B} {d.year}"


def citation(instrument: Instrument, pin: str | None = None) -> str:
    """A full citation in the usual form for treaties, with an optional pinpoint ("art 3(a)")."""
    when = []
    if instrument.adopted:
        when.append(f"adopted {long_date(instrument.adopted)}")
    elif instrument.opened_for_signature:
        when.append(f"opened for signature {long_date(instrument.opened_for_signature)}")
    if instrument.entry_into_force:
        when.append(f"entered into force {long_date(instrument.entry_into_force)}")
    text = instrument.long_title
    if when:
        text += f" ({', '.join(when)})"
    if instrument.citation:
        text += f" {instrument.citation}"
    if pin:
        text += f", {pin}"
    return text


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------


def _front_matter(title: str, description: str, boost: float | None = None, keywords: Sequence[str] = ()) -> str:
    """Page metadata. The theme prints title and description into <title> and <meta> without
    escaping them, so they are HTML-escaped here, then quoted for YAML."""

    def q(s: str) -> str:
        s = html.escape(s, quote=True)
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    search = f"search:\n  boost: {boost}\n" if boost else ""
    tags = "tags:\n" + "".join(f"  - {q(k)}\n" for k in keywords) if keywords else ""
    return f"---\ntitle: {q(title)}\ndescription: {q(description)}\n{search}{tags}---\n"


@dataclass(frozen=True)
class ArticleExtras:
    """What other stages add to an article page: links in the text, notes, related provisions."""

    spans: SpanIndex | None = None
    flags: dict[str, str] | None = None
    sections: tuple[str, ...] = ()
    search_boost: float | None = None
    keywords: tuple[str, ...] = ()


def _article_a(instrument: Instrument, article: Article, from_page: str) -> str:
    """An HTML link to an article."""
    return a(href(from_page, article_path(instrument.key, article.number)), article.title)


def render_article(instrument: Instrument, article: Article, extras: ArticleExtras | None = None) -> str:
    """The page of one article: where it sits, its official text, commentary, citation, neighbours."""
    extras = extras or ArticleExtras()
    page = article_path(instrument.key, article.number)
    division = instrument.division_of(article)
    where = [a(href(page, overview_path(instrument.key)), instrument.short_title)]
    if division:
        where.append(_text(division.title))
    heading_note = ""
    if article.editorial_title:
        heading_note = (
            '<p class="tt-editorial-note">The title “'
            + _text(article.editorial_title)
            + "” is ours: this instrument has no official article headings.</p>"
        )
    deleted = ""
    if article.incomplete:
        deleted = admonition(
            "warning",
            "Text not yet available on this site",
            "The official English text of this article has not yet been transcribed from a source we could verify "
            "word for word, so it is not shown rather than guessed. Consult the authentic text published by the depositary.",
        )
    elif article.deleted_by:
        deleted = _deleted_notice(article.deleted_by, page)
    parts = [
        _front_matter(
            f"{article.title} · {instrument.short_title}",
            f"Official text of {article.num}{' (' + article.label + ')' if article.label else ''} of the {instrument.long_title}.",
            extras.search_boost,
            extras.keywords,
        ),
        heading(1, article.title),
        f'<p class="tt-where">{" › ".join(where)}</p>',
        heading_note,
        deleted,
        '<p class="tt-label">Official text</p>',
        render_official_text(article, extras.spans, extras.flags),
    ]
    deleted_parts = [p for p in article.provisions() if p.deleted_by]
    if deleted_parts and not article.deleted_by:
        parts.append(_deleted_notice(deleted_parts[0].deleted_by, page, [p.pinpoint for p in deleted_parts]))
    parts.extend(extras.sections)
    parts.append(render_citation_box(instrument, article))
    parts.append(render_neighbours(instrument, article, page))
    return "\n".join(p for p in parts if p) + "\n"


def _deleted_notice(deletion, page: str, which: Iterable[str] | None = None) -> str:
    target = href(page, article_path(deletion.instrument, int(deletion.eid.split("_")[1])))
    scope = f"{', '.join(which)} of this article were" if which else "This article was"
    return admonition(
        "warning",
        "Deleted provision",
        f"{_text(scope)} deleted by {a(target, deletion.show_as)} for the States bound by it. "
        "The text below is the text as adopted, kept because it remains part of the treaty for the States that are not.",
    )


def render_citation_box(instrument: Instrument, article: Article) -> str:
    cite = citation(instrument, f"art {article.number}")
    return (
        heading(2, "How to cite")
        + f'\n<div class="tt-cite">\n{code_block(cite)}\n</div>\n'
        + "<p>For a paragraph or subparagraph, add it to the pinpoint, e.g. "
        + f"“{_text(_example_pin(article))}”; each number in the text above is a permanent link to its provision.</p>"
    )


def _example_pin(article: Article) -> str:
    provs = [p for p in article.provisions() if p.label]
    return provs[-1].pinpoint if provs else f"art {article.number}"


def render_neighbours(instrument: Instrument, article: Article, page: str) -> str:
    links = []
    prev = instrument.article(article.number - 1)
    nxt = instrument.article(article.number + 1)
    if prev:
        links.append(f'<span class="tt-prev">← {_article_a(instrument, prev, page)}</span>')
    elif instrument.preamble:
        links.append(f'<span class="tt-prev">← {a(href(page, preamble_path(instrument.key)), "Preamble")}</span>')
    if nxt:
        links.append(f'<span class="tt-next">{_article_a(instrument, nxt, page)} →</span>')
    return f'<nav class="tt-neighbours" aria-label="Previous and next article">{" ".join(links)}</nav>'


def render_preamble(instrument: Instrument, spans: SpanIndex | None = None) -> str:
    """The preamble page: long title, every recital with its permalink, the enacting formula."""
    spans = spans or {}
    page = preamble_path(instrument.key)
    pre = instrument.preamble
    lines = [
        _front_matter(
            f"Preamble · {instrument.short_title}", f"Official text of the preamble of the {instrument.long_title}."
        ),
        heading(1, "Preamble"),
        f'<p class="tt-where">{a(href(page, overview_path(instrument.key)), instrument.short_title)}</p>',
        '<p class="tt-label">Official text</p>',
        '<div class="tt-official tt-preamble">',
        f'<p class="tt-longtitle">{_text(instrument.long_title)}</p>',
    ]
    if pre and pre.intro:
        lines.append(f"<p>{render_text(pre.intro)}</p>")
    for recital in pre.recitals if pre else ():
        lines.append(
            f'<div class="tt-recital" id="{recital.anchor}">\n'
            f'<p><a class="tt-num" href="#{recital.anchor}" title="Permalink to preambular paragraph">¶</a> {render_text(recital.text, spans.get((recital.eid, "text"), ()))}</p>\n</div>'
        )
    if pre and pre.formula:
        lines.append(f"<p>{render_text(pre.formula)}</p>")
    lines.append("</div>")
    first = instrument.article(1)
    if first:
        lines.append(
            f'<nav class="tt-neighbours" aria-label="Next article"><span class="tt-next">{_article_a(instrument, first, page)} →</span></nav>'
        )
    return "\n".join(lines) + "\n"


def render_overview(instrument: Instrument, about: str = "", terms: Sequence = ()) -> str:
    """The instrument's front page, as HTML: metadata, provenance, downloads and the table of contents."""
    page = overview_path(instrument.key)
    ids = _Ids()
    rows = []
    if instrument.adopted:
        by = f", {_text(instrument.adopted_by)}" if instrument.adopted_by else ""
        rows.append(("Adopted", f"{long_date(instrument.adopted)}{by}"))
    elif instrument.adopted_by:
        rows.append(("Adopted", _text(instrument.adopted_by)))
    if instrument.opened_for_signature:
        rows.append(("Opened for signature", long_date(instrument.opened_for_signature)))
    if instrument.entry_into_force:
        rows.append(("Entry into force", long_date(instrument.entry_into_force)))
    if instrument.citation:
        rows.append(("Citation", _text(instrument.citation)))
    rows.append(("Depositary", _text(instrument.depositary)))
    rows.append(("Source of the text", _text(instrument.text_source)))
    downloads = (a(f"{instrument.key}.xml", "Akoma Ntoso XML"), a(f"../api/{instrument.key}.json", "JSON"))
    rows.append(("Download", " · ".join(downloads)))
    table = (
        "<table>\n<thead>\n<tr>\n<th>Fact</th>\n<th>Detail</th>\n</tr>\n</thead>\n<tbody>\n"
        + "".join(f"<tr>\n<td>{k}</td>\n<td>{v}</td>\n</tr>\n" for k, v in rows)
        + "</tbody>\n</table>"
    )
    contents = [
        a(href(page, full_text_path(instrument.key)), "The full text on one page")
        + " (for reading, searching and printing)"
    ]
    if instrument.preamble:
        contents.append(a(href(page, preamble_path(instrument.key)), "Preamble"))
    parts = [
        _front_matter(
            instrument.short_title,
            f"Official text of the {instrument.long_title}, article by article, with commentary.",
        ),
        ids.heading(1, instrument.short_title),
        f'<p class="tt-longtitle">{_text(instrument.long_title)}</p>',
        about,
        table,
        ids.heading(2, "Contents"),
    ]
    items = contents  # the current list: a division's title starts a new one
    division = None
    for article in instrument.articles:
        div = instrument.division_of(article)
        if div is not None and div != division:
            parts.append(bullet_list(items) if items else "")
            parts.append(ids.heading(3, div.title))
            items = []
        division = div
        deleted = " <em>(deleted by the 2014 Protocol for the States bound by it)</em>" if article.deleted_by else ""
        items.append(_article_a(instrument, article, page) + deleted)
    parts.append(bullet_list(items))
    if not instrument.has_official_headings:
        parts.append(
            "<p><em>This instrument has no official article headings; the short titles shown are ours.</em></p>"
        )
    if terms:
        parts.append(ids.heading(2, "Defined terms"))
        items = []
        for term in sorted(terms, key=lambda t: t.term.lower()):
            art, prov = instrument.find(term.eid)
            where = prov.pinpoint if prov else f"art {art.number}"
            items.append(f"{a(link_to(page, instrument, term.eid), term.term)} ({_text(where)})")
        parts.append(bullet_list(items))
    parts.append(ids.heading(2, "How to cite"))
    parts.append(code_block(citation(instrument)))
    return "\n".join(p for p in parts if p) + "\n"


def render_nav(instrument: Instrument) -> str:
    """The instrument's part of the site navigation (a literate-nav SUMMARY.md)."""
    lines = ["* [Overview](index.md)"]
    if instrument.preamble:
        lines.append("* [Preamble](preamble.md)")
    lines.append("* [Full text](full-text.md)")
    for article in instrument.articles:
        lines.append(f"* [{escape(article.title)}](article-{article.number}.md)")
    return "\n".join(lines) + "\n"


def render_instrument_list(corpus: Corpus, from_page: str) -> str:
    """A list of every instrument with its full title, for the home page."""
    return "\n".join(
        f"- [{escape(i.short_title)}]({relative(from_page, overview_path(i.key))}): {escape(i.long_title)}"
        for i in corpus
    )


def insert_instruments(page: str, listing: str) -> str:
    """Put a generated listing where a hand-written page has its ``<!-- instruments ... -->`` line."""
    lines = page.splitlines()
    out = []
    for line in lines:
        out.append(listing if line.strip().startswith("<!-- instruments") else line)
    return "\n".join(out) + "\n"


def full_text_path(key: str) -> str:
    return f"{key}/full-text.md"


def render_full_text(
    instrument: Instrument, spans: SpanIndex | None = None, preamble_spans: SpanIndex | None = None
) -> str:
    """The whole instrument on one page, for reading, searching with Ctrl-F and printing.

    Each article is headed "Article N" with the anchor ``#article-N``; its paragraphs carry the
    anchors of the article page, prefixed: Article 6(3)(b) is ``#article-6-3-b``.
    """
    page = full_text_path(instrument.key)
    ids = _Ids(["preamble", *(f"article-{article.number}" for article in instrument.articles)])
    lines = [
        _front_matter(
            f"Full text · {instrument.short_title}",
            f"The complete official text of the {instrument.long_title} on one page, for reading and printing.",
        ),
        ids.heading(1, f"{instrument.short_title}: full text"),
        f'<p class="tt-where">{a(href(page, overview_path(instrument.key)), instrument.short_title)} › Full text</p>',
        '<p class="tt-label">Official text</p>',
        f'<p class="tt-longtitle">{_text(instrument.long_title)}</p>',
    ]
    pre = instrument.preamble
    if pre:
        lines.append('<div class="tt-official tt-preamble" id="preamble">')
        if pre.intro:
            lines.append(f"<p>{render_text(pre.intro)}</p>")
        for recital in pre.recitals:
            lines.append(f"<p>{render_text(recital.text, (preamble_spans or {}).get((recital.eid, 'text'), ()))}</p>")
        if pre.formula:
            lines.append(f"<p>{render_text(pre.formula)}</p>")
        lines.append("</div>")
    current = None
    for article in instrument.articles:
        division = instrument.division_of(article)
        if division is not None and division is not current:
            lines.append(ids.heading(2, division.title))
            current = division
        link = a(href(page, article_path(instrument.key, article.number)), article.title)
        lines.append(heading(3, article.title, f"article-{article.number}", link))
        if article.incomplete:
            lines.append(
                '<p class="tt-editorial-note">The official English text of this article is not yet available on this site.</p>'
            )
            continue
        lines.append(render_official_text(article, spans, prefix=f"article-{article.number}-"))
    for text in instrument.conclusions:
        lines.append(f'<p class="tt-conclusions">{_text(text.plain)}</p>')
    return "\n".join(lines) + "\n"

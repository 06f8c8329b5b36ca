"""Assemble every generated file of the site from the loaded data: pure functions, no disk.

``site_pages`` returns, for each page path, its content and the source file a reader should edit
to change it; ``site_files`` adds the downloads (Akoma Ntoso, JSON) and the hand-written pages
that carry generated listings. The MkDocs hook (:mod:`build_scripts.mkdocs_hooks`) only writes
what these return and hands the files to MkDocs.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from . import commentary, comparison, crossrefs, export, relations, render
from .corpus import Article, Instrument, Provision
from .site import Site


@dataclass(frozen=True)
class Page:
    """A generated file: where it goes, what it holds, which source to edit to change it."""

    path: str
    content: str | bytes
    edit: str | None = None
    html: bool = False
    """True when the body under the front matter is finished HTML: MkDocs skips Markdown for it."""


def article_url(instrument: Instrument, article: Article) -> str:
    return render.url_of(render.article_path(instrument.key, article.number))


def reference_spans(site: Site, page: str, refs: list[crossrefs.Reference]) -> render.SpanIndex:
    """Links for the references found in the text of one page, keyed by (eId, part)."""
    spans: dict[tuple[str, str], list[render.Span]] = defaultdict(list)
    for ref in refs:
        target = site.corpus.get(ref.target_instrument)
        href = render.link_to(page, target, ref.target_eid)
        title = f"{target.short_title}, {commentary.describe_target(site.corpus, target.key, ref.target_eid)}"
        part = "text" if ref.source.part == "recital" else ref.source.part
        spans[(ref.source.eid, part)].append(render.Span(ref.start, ref.end, href, title))
    return dict(spans)


def term_spans(site: Site, page: str, key: str, article: int | None) -> dict[tuple[str, str], list[render.Span]]:
    """Links from uses of defined terms to their definitions, with the definition as tooltip."""
    spans: dict[tuple[str, str], list[render.Span]] = defaultdict(list)
    instrument = site.corpus.get(key)
    for occ in site.occurrences:
        if occ.instrument != key:
            continue
        art, prov = instrument.find(occ.eid)
        if (art.number if art else None) != article:
            continue
        href = render.link_to(page, instrument, occ.term.eid)
        tip = (
            occ.term.definition
            if len(occ.term.definition) <= 320
            else occ.term.definition[:317].rsplit(" ", 1)[0] + " …"
        )
        spans[(occ.eid, occ.part)].append(render.Span(occ.start, occ.end, href, f"Defined term: {tip}", "tt-term"))
    return spans


def merge_spans(first: render.SpanIndex, second: dict[tuple[str, str], list[render.Span]]) -> render.SpanIndex:
    """Cross-references take precedence; a defined term is linked only where no reference is."""
    merged = {k: list(v) for k, v in first.items()}
    for key, spans in second.items():
        have = merged.setdefault(key, [])
        for span in spans:
            if not any(span.start < s.end and s.start < span.end for s in have):
                have.append(span)
    return merged


def render_referenced_by(site: Site, instrument: Instrument, incoming: list[crossrefs.Reference], page: str) -> str:
    """The 'Referenced by' section: provisions in any instrument whose text refers to this article."""
    seen: dict[tuple[str, str], str] = {}
    for ref in incoming:
        source = site.corpus.get(ref.source.instrument)
        if ref.source.article is None:
            link, label = render.link_to(page, source, "preamble"), "Preamble"
        else:
            link = render.link_to(page, source, ref.source.eid)
            label = commentary.describe_target(site.corpus, source.key, ref.source.eid)
        prefix = "" if source.key == instrument.key else f"{source.short_title}, "
        seen.setdefault((source.key, label), render.a(link, prefix + label))
    return render.heading(2, "Referenced by") + "\n" + render.bullet_list(seen.values()) if seen else ""


def render_related(site: Site, instrument: Instrument, article: Article, page: str) -> str:
    """'Related provisions': curated relations with either end in this article."""
    found = relations.relations_of(list(site.relations), instrument.key, article.eid)
    if not found:
        return ""
    items = []
    for rel, outgoing in found:
        here, there = (rel.source, rel.target) if outgoing else (rel.target, rel.source)
        other = site.corpus.get(there[0])
        verb = relations.TYPES[rel.type][0 if outgoing else 1]
        href = render.link_to(page, other, there[1])
        label = commentary.describe_target(site.corpus, other.key, there[1])
        mine = commentary.describe_target(site.corpus, instrument.key, here[1])
        items.append(
            f"{html.escape(f'{mine} {verb} ')}{render.a(href, f'{other.short_title}, {label}')}: {html.escape(rel.note)}"
        )
    return render.heading(2, "Related provisions") + "\n" + render.bullet_list(items)


def suggest_link(repo_url: str, key: str, folder: str, target: str) -> str:
    """A GitHub 'new file' address with a valid note skeleton for the target, ready to fill in."""
    from urllib.parse import quote

    skeleton = (
        f"---\ntargets: [{key}/{target}]\nkind: key-component\ntitle: Say in a few words what this note explains\n"
        f'themes: []\nsources:\n  - cite: "The provision itself, and every source you rely on"\nreviewed: YYYY-MM-DD\n---\n'
        "Write the note here, in your own words. See CONTRIBUTING.md.\n"
    )
    return (
        f"{repo_url.rstrip('/')}/new/main/sources/commentary/{key}/{folder}?filename=my-note.md&value={quote(skeleton)}"
    )


def deletion_index(site: Site) -> dict[tuple[str, str], list[tuple[Instrument, Article | Provision]]]:
    """For each deleting article (instrument key, article eId), the units it deletes, in order.

    Taken from the deletion marks in the sources: a whole article, or the provisions of one."""
    index: dict[tuple[str, str], list[tuple[Instrument, Article | Provision]]] = defaultdict(list)
    for other in site.corpus:
        for art in other.articles:
            units = [art] if art.deleted_by else [p for p in art.provisions() if p.deleted_by]
            for unit in units:
                index[(unit.deleted_by.instrument, unit.deleted_by.eid)].append((other, unit))
    return dict(index)


def render_deletes(deleted: list[tuple[Instrument, Article | Provision]], page: str) -> str:
    """On a deleting article, every provision it deletes (see :func:`deletion_index`)."""
    found, titles = [], set()
    for other, unit in deleted:
        pin = f"art {unit.number}" if isinstance(unit, Article) else unit.pinpoint
        label = "Article " + pin.removeprefix("art ")
        found.append(render.a(render.link_to(page, other, unit.eid), label))
        titles.add(other.short_title)
    if not found:
        return ""
    return (
        render.heading(2, "Provisions deleted by this article")
        + f"\n<p>In the {html.escape(', '.join(sorted(titles)))}: {', '.join(found)}.</p>"
    )


def article_extras(
    site: Site,
    instrument: Instrument,
    article: Article,
    repo_url: str = "",
    incoming: list[crossrefs.Reference] = (),
    deleted: list[tuple[Instrument, Article | Provision]] = (),
    notes: list[commentary.Note] = (),
    own_refs: list[crossrefs.Reference] = (),
) -> render.ArticleExtras:
    """What the other stages add to an article page: links, commentary, flags, referenced by.

    ``incoming``, ``deleted``, ``notes`` and ``own_refs`` (the article's outgoing references) come
    from indexes built once per site."""
    page = render.article_path(instrument.key, article.number)
    flags: dict[str, str] = {}
    for note in notes:
        for key, eid in note.targets:
            if key == instrument.key and eid != article.eid:
                flags[eid] = flags.get(eid, "") + commentary.flag_html(note)
    section = commentary.render_commentary_section(notes, site.corpus, article_url(instrument, article), repo_url)
    compare = ""
    if site.comparison and any(
        k == instrument.key and (e == article.eid or e.startswith(article.eid + "__"))
        for k, e in site.comparison.provisions()
    ):
        compare = render.admonition(
            "tip",
            "Compare",
            "This article holds a definition compared element by element with the others in "
            + render.a(render.href(page, "definitions.md"), "Definitions compared")
            + ".",
        )
    contribute = ""
    if repo_url:
        contribute = (
            '<p class="tt-contribute">'
            f'<a href="{html.escape(suggest_link(repo_url, instrument.key, article.eid, article.eid))}">Suggest a note on this article</a> · '
            f'<a href="{html.escape(repo_url.rstrip("/"))}/issues/new?template=treaty-text-error.yml&amp;title={html.escape(instrument.key)}%20{html.escape(article.eid)}">Report an error in the text</a></p>\n'
        )
    sections = tuple(
        s
        for s in (
            compare,
            section,
            render_deletes(list(deleted), page),
            render_related(site, instrument, article, page),
            render_referenced_by(site, instrument, list(incoming), page),
            contribute,
        )
        if s
    )
    spans = merge_spans(reference_spans(site, page, own_refs), term_spans(site, page, instrument.key, article.number))
    return render.ArticleExtras(
        spans=spans,
        flags=flags,
        sections=sections,
        search_boost=search_boost(site, instrument, article),
        keywords=keywords(site, instrument, article),
    )


def keywords(site: Site, instrument: Instrument, article: Article) -> tuple[str, ...]:
    """Search keywords of an article page: the terms it defines and the curated search phrases."""

    def inside(eid: str) -> bool:
        return eid == article.eid or eid.startswith(article.eid + "__")

    found = [t.term for t in site.terms if t.instrument == instrument.key and inside(t.eid)]
    found += [t.phrase for t in site.search_terms if t.instrument == instrument.key and inside(t.eid)]
    return tuple(dict.fromkeys(found))


def search_boost(site: Site, instrument: Instrument, article: Article) -> float | None:
    """Rank the pages readers look for first: articles that define terms, and the Protocol itself.

    A search for a defined phrase ("organized criminal group") should land on the article that
    defines it rather than on one of the many that use it; the Protocol is the site's centre.
    """
    defines = any(
        t.instrument == instrument.key and (t.eid == article.eid or t.eid.startswith(article.eid + "__"))
        for t in site.terms
    )
    boost = (3.0 if defines else 1.0) * (1.5 if instrument.key == "tip-protocol" else 1.0)
    return boost if boost != 1.0 else None


def site_pages(site: Site, repo_url: str = "") -> list[Page]:
    """Every generated page: overview, preamble and articles of each instrument, navigation."""
    pages: list[Page] = []
    incoming = crossrefs.referenced_by(list(site.references))
    deletes = deletion_index(site)
    notes_on = commentary.notes_by_article(list(site.notes))
    outgoing = crossrefs.references_from(list(site.references))
    for instrument in site.corpus:
        key = instrument.key
        terms = [t for t in site.terms if t.instrument == key]
        about = (site.about or {}).get(key, "")
        about_md = (
            f'<p class="tt-about"><strong>Why it matters.</strong> {html.escape(about)} <em>(Editors\' summary.)</em></p>'
            if about
            else ""
        )
        pages.append(
            Page(
                render.overview_path(key),
                render.render_overview(instrument, about=about_md, terms=terms),
                instrument.path,
                html=True,
            )
        )
        if instrument.preamble:
            section = commentary.render_commentary_section(
                notes_on.get((key, "preamble"), []), site.corpus, f"{key}/preamble/", repo_url
            )
            spans = reference_spans(site, render.preamble_path(key), outgoing.get((key, None), []))
            pages.append(
                Page(
                    render.preamble_path(key),
                    render.render_preamble(instrument, spans) + ("\n" + section if section else ""),
                    instrument.path,
                    html=True,
                )
            )
        for article in instrument.articles:
            extras = article_extras(
                site,
                instrument,
                article,
                repo_url,
                incoming.get((key, article.number), []),
                deletes.get((key, article.eid), []),
                notes_on.get((key, article.eid), []),
                outgoing.get((key, article.number), []),
            )
            content = render.render_article(instrument, article, extras)
            pages.append(Page(render.article_path(key, article.number), content, instrument.path, html=True))
        all_refs = [r for r in site.references if r.source.instrument == key]
        page = render.full_text_path(key)
        pages.append(
            Page(
                page,
                render.render_full_text(
                    instrument,
                    reference_spans(site, page, [r for r in all_refs if r.source.article]),
                    reference_spans(site, page, [r for r in all_refs if r.source.article is None]),
                ),
                instrument.path,
                html=True,
            )
        )
        pages.append(Page(f"{key}/SUMMARY.md", render.render_nav(instrument)))
    if site.comparison:
        pages.append(
            Page(
                "definitions.md",
                comparison.render_comparison(site.comparison, site.corpus),
                "sources/definitions-compared.yaml",
            )
        )
    if site.relations and site.corpus.get("tip-protocol"):
        pages.append(
            Page(
                "concordance.md",
                relations.render_concordance(list(site.relations), site.corpus),
                "sources/relations.yaml",
            )
        )
    return pages


def theme_listing(site: Site, theme: str) -> str:
    """The automatic part of a theme page: every note tagged with the theme, with its article."""
    notes = [n for n in site.notes if theme in n.meta.themes]
    if not notes:
        return ""
    lines = ["## Notes on this theme\n"]
    for note in notes:
        key, eid = note.targets[0]
        instrument = site.corpus.get(key)
        target = render.provision_path(instrument, eid).partition("#")[0]
        where = f"{instrument.short_title}, {commentary.describe_target(site.corpus, key, eid)}"
        label, _ = commentary.KIND_LABELS[note.meta.kind]
        lines.append(
            f"- [{render.escape(note.meta.title)}](../{target}#{note.anchor}) — {render.escape(where)} · {label}"
        )
    return "\n".join(lines) + "\n"


def site_files(site: Site, repo_url: str, site_url: str, read: Callable[[str], bytes | None]) -> list[Page]:
    """Every file the build adds to ``docs/`` or changes in it, with its path in the site.

    ``read`` gives the bytes of a file of the repository by its path ('docs/index.md',
    'sources/instruments/crc.xml'), or None when there is none: the only way in from the disk.
    """
    files = list(prepare_pages(site, repo_url))
    for instrument in site.corpus:
        files.append(Page(f"{instrument.key}/{instrument.key}.xml", read(instrument.path) or b""))
        files.append(
            Page(f"api/{instrument.key}.json", export.dumps(export.instrument_json(site, instrument, site_url)))
        )
    files.append(Page("api/index.json", export.dumps(export.index_json(site, site_url))))
    files.append(Page("api/instrument.schema.json", export.schema_text()))

    def hand_written(path: str) -> str | None:
        data = read(f"docs/{path}")
        return data.decode("utf-8") if data is not None else None

    summary = hand_written("SUMMARY.md")
    if summary is not None:
        listing = "\n".join(f"    * [{render.escape(i.short_title)}]({i.key}/)" for i in site.corpus)
        files.append(Page("SUMMARY.md", render.insert_instruments(summary, listing)))
    home = hand_written("index.md")
    if home is not None:
        files.append(
            Page("index.md", render.insert_instruments(home, render.render_instrument_list(site.corpus, "index.md")))
        )
    for theme in commentary.THEMES:
        text = hand_written(f"themes/{theme}.md")
        if text is not None:
            files.append(Page(f"themes/{theme}.md", text + "\n\n" + theme_listing(site, theme)))
    return files


_prepared: dict[int, list[Page]] = {}


def prepare_pages(site: Site, repo_url: str = "") -> list[Page]:
    """site_pages, computed once per loaded site: the MkDocs hook renders every page before the
    output folder is cleaned (so that even a bug leaves the previous site intact), and the page
    generator then writes what was prepared."""
    key = id(site)
    if key not in _prepared:
        _prepared.clear()
        _prepared[key] = site_pages(site, repo_url)
    return _prepared[key]

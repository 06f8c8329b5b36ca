"""Article pages: official text escaped and set apart, a permalink on every number, citation, neighbours."""

from __future__ import annotations

import re

from build_scripts.corpus import Text
from build_scripts.render import (
    Span,
    anchor_ids,
    citation,
    escape,
    href,
    relative,
    render_article,
    render_nav,
    render_overview,
    render_preamble,
    render_text,
    toc_tokens,
)


def test_article_page_title_is_number_and_heading(tip):
    page = render_article(tip, tip.article(3))
    assert '<h1 id="article-3-use-of-terms">Article 3 · Use of terms<a class="headerlink"' in page
    assert 'title: "Article 3 · Use of terms · Trafficking in Persons Protocol"' in page


def test_every_paragraph_and_point_has_an_anchor_and_a_visible_permalink(tip):
    page = render_article(tip, tip.article(6))
    for anchor, num, pin in [
        ("1", "1.", "art 6(1)"),
        ("3", "3.", "art 6(3)"),
        ("3-b", "(b)", "art 6(3)(b)"),
        ("6", "6.", "art 6(6)"),
    ]:
        assert f'id="{anchor}"' in page
        assert f'<a class="tt-num" href="#{anchor}" title="Permalink to {pin}">{num}</a>' in page


def test_article_page_says_where_it_sits(tip):
    page = render_article(tip, tip.article(6))
    assert (
        '<a href="../">Trafficking in Persons Protocol</a> › II. Protection of victims of trafficking in persons'
        in page
    )


def test_citation_box_gives_the_full_pinpoint_citation(tip):
    assert citation(tip, "art 3(a)") == (
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, "
        "supplementing the United Nations Convention against Transnational Organized Crime "
        "(adopted 15 November 2000, entered into force 25 December 2003) 2237 UNTS 319, art 3(a)"
    )
    page = render_article(tip, tip.article(3))
    assert '<h2 id="how-to-cite">How to cite' in page
    assert "<code>" + citation(tip, "art 3") + "\n</code>" in page


def test_previous_and_next_articles_are_linked(tip):
    page = render_article(tip, tip.article(3))
    assert '<a href="../article-2/">Article 2 · Statement of purpose</a>' in page
    assert '<a href="../article-4/">Article 4 · Scope of application</a>' in page
    first = render_article(tip, tip.article(1))
    assert '<a href="../preamble/">Preamble</a>' in first
    last = render_article(tip, tip.article(20))
    assert "article-21" not in last


def test_treaty_characters_are_never_read_as_markup():
    assert escape("*a* _b_ [c](d) <script>") == r"\*a\* \_b\_ \[c\](d) &lt;script&gt;"
    assert render_text(Text("Article 5 * 2 # 3 <b> & [c](d)")) == "Article 5 * 2 # 3 &lt;b&gt; &amp; [c](d)"


def test_links_and_italics_are_applied_to_the_right_words():
    text = Text("Declaring that article 3 of this Protocol applies", emphasis=((0, 9),))
    out = render_text(text, [Span(15, 41, "../article-3/", "Article 3")])
    assert (
        out
        == '<em>Declaring</em> that <a class="tt-ref" href="../article-3/" title="Article 3">article 3 of this Protocol</a> applies'
    )


def test_preamble_page_has_every_recital_with_a_permalink(tip):
    page = render_preamble(tip)
    for i in range(1, 6):
        assert f'id="recital-{i}"' in page
    assert "<em>Declaring</em> that effective action" in page
    assert "<em>Have agreed</em> as follows:" in page


def test_overview_lists_metadata_and_every_article_under_its_chapter(tip):
    page = render_overview(tip)
    assert "<tr>\n<td>Entry into force</td>\n<td>25 December 2003</td>\n</tr>" in page
    assert "<td>Citation</td>\n<td>2237 UNTS 319</td>" in page
    chapter = page.index('<h3 id="ii-protection-of-victims-of-trafficking-in-persons">II. Protection of victims')
    assert page.index('<a href="article-5/">') < chapter < page.index('<a href="article-6/">Article 6 · Assistance')
    for a in tip.articles:
        assert f'<a href="article-{a.number}/">' in page
    assert '<a href="tip-protocol.xml">Akoma Ntoso XML</a> · <a href="../api/tip-protocol.json">JSON</a>' in page


def test_overview_of_an_instrument_without_chapters_is_one_list_after_full_text_and_preamble(corpus):
    page = render_overview(corpus.get("ilo-c105"))
    listing = page[page.index('<h2 id="contents">') : page.index('<h2 id="how-to-cite">')]
    assert listing.count("<ul>") == 1
    assert listing.index('href="full-text/"') < listing.index('href="preamble/"') < listing.index('href="article-1/"')


def test_nav_lists_overview_preamble_and_articles_in_order(tip):
    nav = render_nav(tip).splitlines()
    assert nav[:4] == [
        "* [Overview](index.md)",
        "* [Preamble](preamble.md)",
        "* [Full text](full-text.md)",
        "* [Article 1 · Relation with the United Nations Convention against Transnational Organized Crime](article-1.md)",
    ]
    assert len(nav) == 23


def test_relative_links_between_generated_pages():
    assert relative("tip-protocol/article-5.md", "tip-protocol/article-3.md") == "article-3.md"
    assert relative("tip-protocol/article-1.md", "untoc/article-27.md") == "../untoc/article-27.md"


def test_html_pages_link_by_the_urls_mkdocs_gives_the_pages():
    assert href("tip-protocol/article-5.md", "tip-protocol/article-3.md#3-b") == "../article-3/#3-b"
    assert href("tip-protocol/article-1.md", "untoc/article-27.md") == "../../untoc/article-27/"
    assert href("tip-protocol/article-6.md", "tip-protocol/index.md") == "../"
    assert href("tip-protocol/article-6.md", "definitions.md") == "../../definitions/"
    assert href("tip-protocol/article-6.md", "tip-protocol/article-6.md#3-b") == "#3-b"


def test_table_of_contents_and_anchors_are_read_from_the_html(tip):
    page = render_article(tip, tip.article(3))
    toc = toc_tokens(page)
    assert [t["id"] for t in toc] == ["article-3-use-of-terms"]
    assert [c["id"] for c in toc[0]["children"]] == ["how-to-cite"]
    assert {"article-3-use-of-terms", "how-to-cite", "a", "b", "para-1"} <= anchor_ids(page)


def test_full_text_holds_every_article_with_prefixed_anchors(tip):
    from build_scripts.render import render_full_text

    page = render_full_text(tip)
    for n in range(1, 21):
        assert f'<h3 id="article-{n}"><a href="../article-{n}/">' in page
    assert 'id="article-6-3-b"' in page and 'href="#article-6-3-b"' in page
    assert "IN WITNESS WHEREOF" in page


def test_repeated_headings_get_numbered_ids_as_markdown_pages_do(tip):
    import dataclasses

    from build_scripts.render import render_full_text

    first, second, *rest = tip.divisions
    same = [dataclasses.replace(d, num="Contents", heading=None) for d in (first, second)]
    twice = dataclasses.replace(tip, divisions=(*same, *rest))
    overview = re.findall(r'<h\d id="([^"]+)"', render_overview(twice))
    assert overview[1:4] == ["contents", "contents_1", "contents_2"]
    full = re.findall(r'<h2 id="([^"]+)"', render_full_text(twice))
    assert full[:2] == ["contents", "contents_1"]

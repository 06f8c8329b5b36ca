"""Search sections are exactly those the theme's own parser makes, only faster."""

from __future__ import annotations

import pytest
from material.plugins.search.plugin import Parser

from build_scripts.pages import site_pages
from build_scripts.searchindex import sections
from build_scripts.site import ROOT, load_site


def theirs(content: str) -> list[tuple]:
    parser = Parser()
    parser.feed(content)
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text), s.is_excluded()) for s in parser.data]


def ours(content: str) -> list[tuple]:
    return [(s.id, "".join(s.title), "".join(s.text), s.excluded) for s in sections(content)]


def test_every_generated_page_gives_the_themes_sections():
    pages = [p for p in site_pages(load_site(ROOT), "https://github.com/example/repo") if p.html]
    assert len(pages) > 350
    for page in pages:
        body = page.content.split("---\n", 2)[2]
        assert ours(body) == theirs(body), page.path


SHAPES = [
    # text before any heading, then a heading that is not h1
    '<p>Intro &amp; more</p>\n<h2 id="a">A<a class="headerlink" href="#a">&para;</a></h2><p>x</p>',
    # excluded blocks, scripts, styles, a heading excluded from search
    '<h1 id="t">T</h1><div data-search-exclude><p>hidden</p></div><script>var a = "<p>";</script>'
    '<style>p{}</style><h2 id="x" data-search-exclude>X</h2><p>after</p>',
    # preformatted text keeps its white space; empty kept elements are dropped
    '<h1 id="t">T</h1><pre><code>a\n\n  b</code></pre>\n\n<p> </p><ul>\n<li>one</li>\n<li><code>two</code></li></ul>',
    # a heading nested in an element ends its section when the element closes
    '<h1 id="t">T</h1><div><h2 id="n">Nested</h2><p>in</p></div><p>back in T</p>',
    # void and self-closed tags, entities, a stray angle bracket
    '<h1 id="t">T <code>x</code></h1><p>a<br>b<br/>c &lt;d&gt; &#8220;e&#8221; 1 < 2</p><hr><p>f</p>',
]


@pytest.mark.parametrize("content", SHAPES)
def test_hand_written_shapes_give_the_themes_sections(content):
    assert ours(content) == theirs(content)

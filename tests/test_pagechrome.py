"""The header, tables of contents and configuration rendered once are the theme's, on every page."""

from __future__ import annotations

import re
import shutil

import pytest

from build_scripts import pagechrome

from .minisite import PAGES, ROOT, build

CONFIG_BLOCK = re.compile(r"\{% block config %\}.*?\{% endblock %\}\n")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("chrome")
    theme_only = tmp / "theme-overrides"
    shutil.copytree(ROOT / "overrides", theme_only)
    (theme_only / "partials" / "header.html").unlink()
    (theme_only / "partials" / "toc.html").unlink()
    main = theme_only / "main.html"
    text, found = CONFIG_BLOCK.subn("", main.read_text(encoding="utf-8"))
    assert found == 1, "main.html no longer overrides the config block as this test expects"
    main.write_text(text, encoding="utf-8")
    return build(tmp / "ours", ROOT / "overrides"), build(tmp / "theirs", theme_only)


def test_every_page_is_byte_for_byte_what_the_theme_alone_renders(sites):
    ours, theirs = sites
    pages = sorted(p.relative_to(ours) for p in ours.rglob("*.html"))
    assert len(pages) == len(PAGES) + 1  # and the theme's 404 page
    for rel in pages:
        assert (ours / rel).read_text(encoding="utf-8") == (theirs / rel).read_text(encoding="utf-8"), rel


def test_each_page_shows_its_own_title_in_the_shared_header(sites):
    ours, _ = sites

    def topic(rel: str) -> str:
        text = (ours / rel / "index.html").read_text(encoding="utf-8")
        after = text.split('data-md-component="header-topic">', 1)[1]
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", after.split("</div>", 1)[0])).strip()

    assert topic("tip/article-3") == "Article 3 · Use of terms"
    assert topic("tip/article-5") == "Article 5 · Criminalization"
    assert topic("deep/er/titled") == "A title from the front matter"
    assert pagechrome.TITLE not in "".join(p.read_text(encoding="utf-8") for p in ours.rglob("*.html"))


def test_each_page_has_its_own_table_of_contents_twice(sites):
    ours, _ = sites
    art3 = (ours / "tip" / "article-3" / "index.html").read_text(encoding="utf-8")
    art2 = (ours / "untoc" / "article-2" / "index.html").read_text(encoding="utf-8")
    link = 'href="#{}" class="md-nav__link"'
    assert art3.count(link.format("commentary")) == 2 and art3.count(link.format("a-note")) == 2
    assert link.format("commentary") not in art2 and art2.count(link.format("how-to-cite")) == 2


class _Page:
    def __init__(self, title, meta):
        self.title, self.meta = title, meta


@pytest.mark.parametrize(
    ("title", "meta", "printed"),
    [
        ("Article 3", {}, "Article 3"),
        ("Heading", {"title": "From front matter"}, "From front matter"),
        (None, None, "None"),
    ],
)
def test_the_header_title_is_chosen_as_the_theme_chooses_it(title, meta, printed):
    assert pagechrome.header_title(_Page(title, meta)) == printed

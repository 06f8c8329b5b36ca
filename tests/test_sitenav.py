"""The navigation written in Python is the theme's navigation, item for item."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .minisite import PAGES, ROOT, build


def _nav(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    start = text.index('<nav class="md-nav md-nav--primary"')
    end = text.index('<div class="md-sidebar md-sidebar--secondary"')
    return re.sub(r"\s+<", "<", re.sub(r">\s+", ">", re.sub(r"\s+", " ", text[start:end])))


def test_python_navigation_matches_the_themes_own_on_every_page(tmp_path):
    theme_only = tmp_path / "theme-overrides"
    shutil.copytree(ROOT / "overrides", theme_only)
    (theme_only / "partials" / "nav.html").unlink()
    ours = build(tmp_path / "ours", ROOT / "overrides")
    theirs = build(tmp_path / "theirs", theme_only)
    pages = sorted(p.relative_to(ours) for p in ours.rglob("index.html"))
    assert len(pages) == len(PAGES)
    for rel in pages:
        assert _nav(ours / rel) == _nav(theirs / rel), rel
    # the comparison is not vacuous: the current page is active, its section open, others pruned
    art3 = _nav(ours / "tip" / "article-3" / "index.html")
    assert 'class="md-nav__link md-nav__link--active"' in art3 and 'href="#commentary"' in art3
    assert "md-nav__item--pruned" in art3 and 'id="__nav_2_1" checked' in art3


def test_relative_urls_are_mkdocs_own_for_every_kind_of_page_and_target():
    from mkdocs.utils import normalize_url

    from build_scripts.sitenav import relative_urls

    class Page:
        def __init__(self, url):
            self.url = url

    pages = ["", "tip-protocol/", "tip-protocol/article-3/", "developers/api/", "404.html", "a/b/c/"]
    targets = ["", ".", "index.html", "tip-protocol/", "tip-protocol/article-3/", "tip-protocol/article-13/"]
    targets += [
        "citing/",
        "a/b/",
        "a/b/c/",
        "404.html",
        "https://example.org/x",
        "/abs/",
        "../up/",
        "x/#frag",
        "x/?q=1",
    ]
    for url in pages:
        relative = relative_urls(Page(url))
        for target in targets:
            assert relative(target) == normalize_url(target, page=Page(url)), (url, target)

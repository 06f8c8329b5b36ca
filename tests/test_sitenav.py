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

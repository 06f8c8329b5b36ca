"""The navigation written in Python is the theme's navigation, item for item."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MKDOCS_YML = """
site_name: Nav check
site_url: https://example.org/
repo_url: https://github.com/example/example
theme:
  name: material
  custom_dir: {overrides}
  features: [navigation.prune, navigation.instant, navigation.footer]
plugins: [search]
hooks: [hook.py]
markdown_extensions:
  - toc:
      permalink: true
nav:
  - Home: index.md
  - Instruments:
      - Protocol:
          - Overview: tip/index.md
          - "Article 3 · Use of terms": tip/article-3.md
          - "Article 5 · Criminalization": tip/article-5.md
      - Convention:
          - Overview: untoc/index.md
          - "Article 2 · Use of terms": untoc/article-2.md
  - Citing: citing.md
"""

PAGES = {
    "index.md": "# Home\n\nText.\n",
    "tip/index.md": "# Protocol\n\nText.\n",
    "tip/article-3.md": "# Article 3\n\nText.\n\n## Commentary\n\nNote.\n\n### A note\n\nMore.\n\n## How to cite\n\nCite.\n",
    "tip/article-5.md": "# Article 5\n\nText without headings.\n",
    "untoc/index.md": "# Convention\n\nText.\n",
    "untoc/article-2.md": "# Article 2\n\n## How to cite\n\nCite.\n",
    "citing.md": "Citing without a first heading.\n\n## Pinpoints\n\nText.\n",
}


def _build(tmp: Path, overrides: Path) -> Path:
    (tmp / "mkdocs.yml").write_text(MKDOCS_YML.format(overrides=overrides), encoding="utf-8")
    (tmp / "hook.py").write_text(
        "from build_scripts import sitenav\n\ndef on_env(env, config, files):\n    sitenav.register(env)\n    return env\n",
        encoding="utf-8",
    )
    for rel, text in PAGES.items():
        (tmp / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / "docs" / rel).write_text(text, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), DISABLE_MKDOCS_2_WARNING="true", NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tmp, env=env, check=True)
    return tmp / "site"


def _nav(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    start = text.index('<nav class="md-nav md-nav--primary"')
    end = text.index('<div class="md-sidebar md-sidebar--secondary"')
    return re.sub(r"\s+<", "<", re.sub(r">\s+", ">", re.sub(r"\s+", " ", text[start:end])))


def test_python_navigation_matches_the_themes_own_on_every_page(tmp_path):
    theme_only = tmp_path / "theme-overrides"
    shutil.copytree(ROOT / "overrides", theme_only)
    (theme_only / "partials" / "nav.html").unlink()
    (tmp_path / "ours").mkdir()
    (tmp_path / "theirs").mkdir()
    ours = _build(tmp_path / "ours", ROOT / "overrides")
    theirs = _build(tmp_path / "theirs", theme_only)
    pages = sorted(p.relative_to(ours) for p in ours.rglob("index.html"))
    assert len(pages) == len(PAGES)
    for rel in pages:
        assert _nav(ours / rel) == _nav(theirs / rel), rel
    # the comparison is not vacuous: the current page is active, its section open, others pruned
    art3 = _nav(ours / "tip" / "article-3" / "index.html")
    assert 'class="md-nav__link md-nav__link--active"' in art3 and 'href="#commentary"' in art3
    assert "md-nav__item--pruned" in art3 and 'id="__nav_2_1" checked' in art3

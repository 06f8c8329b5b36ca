"""A small Material site built with this repository's overrides, to compare our templates' output
with the theme's own: a home page, two instruments' pages in nested sections, a page whose front
matter sets its title, pages with and without headings."""

from __future__ import annotations

import os
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
  logo: assets/logo.png
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
  - "Citing & linking": citing.md
  - Front matter: deep/er/titled.md
  - Beside the logo: assets/guide.md
"""

PAGES = {
    "index.md": "# Home\n\nText.\n",
    "tip/index.md": "# Protocol\n\nText.\n",
    "tip/article-3.md": "# Article 3\n\nText.\n\n## Commentary\n\nNote.\n\n### A note\n\nMore.\n\n## How to cite\n\nCite.\n",
    "tip/article-5.md": "# Article 5\n\nText without headings.\n",
    "untoc/index.md": "# Convention\n\nText.\n",
    "untoc/article-2.md": "# Article 2\n\n## How to cite\n\nCite.\n",
    "citing.md": "Citing without a first heading.\n\n## Pinpoints\n\nText.\n",
    "deep/er/titled.md": "---\ntitle: A title from the front matter\n---\n\n# Heading\n\n## Part\n\nText.\n",
    "assets/guide.md": "# A page in the folder of the logo and the theme's files\n\nText.\n",
}

HOOK = """
from build_scripts import pagechrome, sitenav

def on_env(env, config, files):
    sitenav.register(env)
    pagechrome.register(env, config.theme)
    return env
"""


def build(folder: Path, overrides: Path) -> Path:
    """Build the mini site in ``folder`` with the templates in ``overrides``; returns the site folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(MKDOCS_YML.format(overrides=overrides), encoding="utf-8")
    (folder / "hook.py").write_text(HOOK, encoding="utf-8")
    for rel, text in PAGES.items():
        (folder / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / "docs" / rel).write_text(text, encoding="utf-8")
    (folder / "docs" / "assets" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), DISABLE_MKDOCS_2_WARNING="true", NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, env=env, check=True)
    return folder / "site"

"""Generate one page per article, a preamble page and an overview per instrument (mkdocs-gen-files).

Runs inside ``mkdocs build``; the pages exist only in the build, never in ``docs/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import mkdocs_gen_files

from build_scripts import render
from build_scripts.site import load_site

root = Path(os.environ.get("TREATIES_ROOT") or Path.cwd())
site = load_site(root)

for instrument in site.corpus:
    key = instrument.key
    with mkdocs_gen_files.open(render.overview_path(key), "w") as f:
        f.write(render.render_overview(instrument))
    mkdocs_gen_files.set_edit_path(render.overview_path(key), f"../{instrument.path}")
    if instrument.preamble:
        with mkdocs_gen_files.open(render.preamble_path(key), "w") as f:
            f.write(render.render_preamble(instrument))
        mkdocs_gen_files.set_edit_path(render.preamble_path(key), f"../{instrument.path}")
    for article in instrument.articles:
        path = render.article_path(key, article.number)
        with mkdocs_gen_files.open(path, "w") as f:
            f.write(render.render_article(instrument, article))
        mkdocs_gen_files.set_edit_path(path, f"../{instrument.path}")
    with mkdocs_gen_files.open(f"{key}/SUMMARY.md", "w") as f:
        f.write(render.render_nav(instrument))
    with mkdocs_gen_files.open(f"{key}/{key}.xml", "wb") as f:
        f.write((root / instrument.path).read_bytes())

# The site navigation: the hand-written docs/SUMMARY.md with one entry per instrument inserted.
with mkdocs_gen_files.open("SUMMARY.md", "r") as f:
    summary = f.read()
entries = "\n".join(f"    * [{i.short_title}]({i.key}/)" for i in site.corpus)
with mkdocs_gen_files.open("SUMMARY.md", "w") as f:
    f.write(render.insert_instruments(summary, entries))

# The home page lists every instrument.
with mkdocs_gen_files.open("index.md", "r") as f:
    home = f.read()
with mkdocs_gen_files.open("index.md", "w") as f:
    f.write(render.insert_instruments(home, render.render_instrument_list(site.corpus, "index.md")))

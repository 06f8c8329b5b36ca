"""Write the generated pages into the MkDocs build (mkdocs-gen-files); nothing lands in ``docs/``.

Loads the site (already checked by the hook), writes each page that :mod:`build_scripts.pages`
assembles, sets each page's edit link to its source file, and inserts the generated listings
into the hand-written home page, navigation and theme pages.
"""

from __future__ import annotations

import os
from pathlib import Path

import mkdocs_gen_files

from build_scripts import export, render
from build_scripts.commentary import THEMES
from build_scripts.pages import prepare_pages, theme_listing
from build_scripts.site import load_site

root = Path(os.environ.get("TREATIES_ROOT") or Path.cwd())
site = load_site(root)

repo_url = mkdocs_gen_files.config.repo_url or ""
for page in prepare_pages(site, repo_url):
    with mkdocs_gen_files.open(page.path, "wb" if isinstance(page.content, bytes) else "w") as f:
        f.write(page.content)
    if page.edit:
        mkdocs_gen_files.set_edit_path(page.path, f"../{page.edit}")

site_url = mkdocs_gen_files.config.site_url or "/"
for instrument in site.corpus:
    with mkdocs_gen_files.open(f"{instrument.key}/{instrument.key}.xml", "wb") as f:
        f.write((root / instrument.path).read_bytes())
    with mkdocs_gen_files.open(f"api/{instrument.key}.json", "w") as f:
        f.write(export.dumps(export.instrument_json(site, instrument, site_url)))
with mkdocs_gen_files.open("api/index.json", "w") as f:
    f.write(export.dumps(export.index_json(site, site_url)))
with mkdocs_gen_files.open("api/instrument.schema.json", "w") as f:
    f.write(export.schema_text())


def insert(path: str, listing: str) -> None:
    with mkdocs_gen_files.open(path, "r") as f:
        text = f.read()
    with mkdocs_gen_files.open(path, "w") as f:
        f.write(render.insert_instruments(text, listing))


insert("SUMMARY.md", "\n".join(f"    * [{render.escape(i.short_title)}]({i.key}/)" for i in site.corpus))
insert("index.md", render.render_instrument_list(site.corpus, "index.md"))

for theme in THEMES:
    if (root / "docs" / "themes" / f"{theme}.md").exists():
        with mkdocs_gen_files.open(f"themes/{theme}.md", "a") as f:
            f.write("\n\n" + theme_listing(site, theme))

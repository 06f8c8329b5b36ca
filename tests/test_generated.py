"""Generated files are written only when they change, so a preview re-renders only what an edit touched."""

from __future__ import annotations

import os

from build_scripts.mkdocs_hooks import write_changed
from build_scripts.pages import Page, site_files
from build_scripts.site import ROOT, load_site


def test_unchanged_files_keep_their_time_changed_ones_are_rewritten_stale_ones_go(tmp_path):
    write_changed(tmp_path, [Page("a/article-1.md", "one"), Page("a/article-2.md", "two"), Page("x.json", b"{}")])
    old = tmp_path / "a" / "article-1.md"
    os.utime(old, (1_000_000, 1_000_000))
    (tmp_path / "a" / "article-2.md").touch()
    write_changed(tmp_path, [Page("a/article-1.md", "one"), Page("a/article-3.md", "three"), Page("x.json", b"{}")])
    assert old.stat().st_mtime == 1_000_000
    assert (tmp_path / "a" / "article-3.md").read_text() == "three"
    assert not (tmp_path / "a" / "article-2.md").exists()
    write_changed(tmp_path, [Page("a/article-1.md", "one, edited")])
    assert old.read_text() == "one, edited" and old.stat().st_mtime > 1_000_000
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["article-1.md"]


def test_site_files_add_downloads_and_fill_the_hand_written_listings():
    def read(path: str) -> bytes | None:
        target = ROOT / path
        return target.read_bytes() if target.is_file() else None

    files = {f.path: f for f in site_files(load_site(ROOT), "https://github.com/o/r", "https://example.org/", read)}
    assert (
        files["tip-protocol/tip-protocol.xml"].content == (ROOT / "sources/instruments/tip-protocol.xml").read_bytes()
    )
    assert '"key": "tip-protocol"' in files["api/tip-protocol.json"].content
    assert "[Trafficking in Persons Protocol](tip-protocol/index.md)" in files["index.md"].content
    assert "<!-- instruments" not in files["SUMMARY.md"].content
    assert "## Notes on this theme" in files["themes/victim-support.md"].content
    assert files["tip-protocol/article-3.md"].edit == "sources/instruments/tip-protocol.xml"

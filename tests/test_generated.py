"""Generated files are written only when they change, so a preview re-renders only what an edit touched."""

from __future__ import annotations

import json
import os
import subprocess
from importlib.metadata import version

import pytest

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
    assert json.loads(files["api/tip-protocol.json"].content)["key"] == "tip-protocol"
    assert "[Trafficking in Persons Protocol](tip-protocol/index.md)" in files["index.md"].content
    assert "<!-- instruments" not in files["SUMMARY.md"].content
    assert "## Notes on this theme" in files["themes/victim-support.md"].content
    assert files["tip-protocol/article-3.md"].edit == "sources/instruments/tip-protocol.xml"


def test_compiled_templates_are_kept_in_the_cache_and_an_edited_template_is_compiled_again(tmp_path):
    import jinja2

    from build_scripts.mkdocs_hooks import template_cache

    templates = tmp_path / "overrides"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ text }}</p>", encoding="utf-8")
    compiled = []

    class Environment(jinja2.Environment):  # each build makes a new one, as MkDocs does
        def compile(self, source, *args, **kwargs):
            compiled.append(source)
            return super().compile(source, *args, **kwargs)

    def render() -> str:
        env = Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=template_cache(tmp_path))
        return env.get_template("page.html").render(text="Article 3")

    assert render() == "<p>Article 3</p>" and len(compiled) == 1
    assert render() == "<p>Article 3</p>" and len(compiled) == 1  # loaded from .cache/jinja
    assert list((tmp_path / ".cache" / "jinja").rglob("*.cache"))
    (templates / "page.html").write_text("<div>{{ text }}</div>", encoding="utf-8")
    assert render() == "<div>Article 3</div>" and len(compiled) == 2


def test_compiled_templates_are_kept_apart_for_each_version_of_jinja_and_the_theme(tmp_path):
    from build_scripts.mkdocs_hooks import template_cache

    folder = template_cache(tmp_path).directory
    for package in ("jinja2", "mkdocs-material", "mkdocstrings-python"):
        assert f"{package}-{version(package)}" in folder


def test_nothing_under_dot_cache_is_committed():
    """What builds keep (compiled templates, schema marks) is trusted by the next build; a copy
    committed in a pull request could skip a check or run code, so none may be in the repository."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "ls-files", ".cache"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert listed.stdout == ""

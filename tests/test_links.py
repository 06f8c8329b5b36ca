"""Every internal link and anchor of the built site resolves: zero broken."""

from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def check_links(site: Path) -> tuple[int, list[str]]:
    """(links checked, broken links as 'page -> href')."""
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}
    parsed: dict[str, _Page] = {}

    def get(rel: str) -> _Page:
        if rel not in parsed:
            parsed[rel] = _parse(pages[rel])
        return parsed[rel]

    checked, broken = 0, []
    for rel in sorted(pages):
        for href in get(rel).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue  # external: not ours to check here
            checked += 1
            base = "" if parts.path.startswith("/") else posixpath.dirname(rel)
            target = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/"))) if parts.path else rel
            if target == ".":
                target = "index.html"
            if parts.path.endswith("/") or parts.path == "" and not target.endswith(".html"):
                target = target.rstrip("/") + "/index.html" if parts.path else rel
            candidates = [target, target + "/index.html"] if not target.endswith(".html") else [target]
            found = next((c for c in candidates if c in pages or (site / c).is_file()), None)
            if found is None:
                broken.append(f"{rel} -> {href}")
                continue
            if parts.fragment and found.endswith(".html"):
                frag = unquote(parts.fragment)
                if frag not in get(found).ids and frag not in ("", "__search"):
                    broken.append(f"{rel} -> {href} (no anchor #{frag})")
    return checked, broken


def test_every_internal_link_and_anchor_resolves(built):
    checked, broken = check_links(built)
    print(f"internal links checked: {checked}")
    assert checked > 5000
    assert broken == []


def test_the_checker_notices_a_broken_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p id="x"></p><a href="../b/#nope">b</a><a href="#x">x</a>', encoding="utf-8"
    )
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<p id="here"></p><a href="../c/">c</a>', encoding="utf-8")
    checked, broken = check_links(tmp_path)
    assert checked == 3
    assert broken == ["a/index.html -> ../b/#nope (no anchor #nope)", "b/index.html -> ../c/"]

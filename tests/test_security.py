"""Hostile contributions and hostile files: nothing a contributor writes can run in a reader's browser,
and nothing outside the repository is ever read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts.commentary import parse_note, render_note
from build_scripts.corpus import Corpus, parse_instrument
from build_scripts.errors import SourceErrors

from .conftest import TIP

NOTE = """---
targets: [tip-protocol/art_6__para_3]
kind: challenge
title: {title}
themes: [victim-support]
sources:
  - cite: {cite}
    url: {url}
reviewed: 2026-11-28
---
Recovery measures under article 6(3) are to be considered.

{body}
"""
SAFE = {
    "title": "A safe title",
    "cite": '"Trafficking in Persons Protocol, art 6(3)"',
    "url": "https://www.unodc.org/",
    "body": "Plain text.",
}

# (where the payload goes, the payload)
PAYLOADS = [
    ("body", "<script>alert(1)</script>"),
    ("body", "<img src=x onerror=alert(1)>"),
    ("body", "<svg onload=alert(1)></svg>"),
    ("body", '<iframe src="javascript:alert(1)"></iframe>'),
    ("body", '<a href="javascript:alert(1)">click</a>'),
    ("body", '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>'),
    ("body", '<form action="https://evil.example/"><input name=x></form>'),
    ("body", "<details open ontoggle=alert(1)>x</details>"),
    ("body", "<style>body{background:url(javascript:alert(1))}</style>"),
    ("body", "<!-- <script>alert(1)</script> -->"),
    ("body", "< script>alert(1)</script>"),
    ("body", "[click](javascript:alert(1))"),
    ("body", "[click](JaVaScRiPt:alert(1))"),
    ("body", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    ("body", "![image](javascript:alert(1))"),
    ("body", "[click](vbscript:msgbox(1))"),
    ("body", "[click][evil]\n\n[evil]: javascript:alert(1)"),
    ("body", "[click](&#106;avascript:alert(1))"),
    ("body", '[click](https://example.org/ "a" onmouseover="alert(1)")'),
    ("body", "`<script>alert(1)</script>`"),
    ("title", '"<script>alert(1)</script>"'),
    ("title", "'\" onmouseover=\"alert(1)'"),
    ("cite", '"<img src=x onerror=alert(1)>"'),
    ("cite", '"\\"><script>alert(1)</script>"'),
    ("url", "javascript:alert(1)"),
    ("url", '"data:text/html,<script>alert(1)</script>"'),
    ("url", "'https://example.org/\" onmouseover=\"alert(1)'"),
]


def dangers(fragment: str) -> list[str]:
    """What in an HTML fragment could run or load something: tags, event handlers, script URLs."""
    import html.parser

    found: list[str] = []

    class Scan(html.parser.HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in (
                "script",
                "iframe",
                "object",
                "embed",
                "form",
                "svg",
                "style",
                "math",
                "img",
                "input",
                "base",
                "meta",
                "link",
            ):
                found.append(f"<{tag}>")
            for name, value in attrs:
                if name.lower().startswith("on"):
                    found.append(f"{tag} {name}=")
                if name.lower() in ("href", "src", "action", "formaction", "xlink:href") and re.match(
                    r"\s*(javascript|vbscript|data):", value or "", re.IGNORECASE
                ):
                    found.append(f"{tag} {name}={value}")

        def handle_comment(self, data):
            found.append("<!-- comment -->")

    Scan(convert_charrefs=True).feed(fragment)
    return found


def note_with(where: str, payload: str) -> str:
    fields = dict(SAFE)
    fields[where] = payload
    return NOTE.format(**fields)


@pytest.fixture(scope="module")
def tip_corpus():
    return Corpus((parse_instrument(TIP, TIP.parent.parent.parent),))


@pytest.mark.parametrize(("where", "payload"), PAYLOADS, ids=[f"{w}:{p[:30]}" for w, p in PAYLOADS])
def test_no_payload_survives_validation_and_rendering(tmp_path, tip_corpus, where, payload):
    path = tmp_path / "sources" / "commentary" / "tip-protocol" / "art_6" / "hostile.md"
    path.parent.mkdir(parents=True)
    path.write_text(note_with(where, payload), encoding="utf-8")
    note, errors = parse_note(path, tip_corpus, tmp_path)
    if note is None:
        # refused: the message names the file and a line, and says what to do
        assert errors and all(
            re.match(r"sources/commentary/tip-protocol/art_6/hostile\.md:\d+: ", str(e)) for e in errors
        )
        return
    html = render_note(note, tip_corpus, "tip-protocol/article-6/")
    assert dangers(html) == [], html


def test_raw_html_in_a_note_is_refused_with_its_line(tmp_path, tip_corpus):
    path = tmp_path / "sources" / "commentary" / "tip-protocol" / "art_6" / "hostile.md"
    path.parent.mkdir(parents=True)
    path.write_text(note_with("body", "<script>alert(1)</script>"), encoding="utf-8")
    _, errors = parse_note(path, tip_corpus, tmp_path)
    assert [str(e) for e in errors] == [
        "sources/commentary/tip-protocol/art_6/hostile.md:13: raw HTML in the note; write Markdown only: HTML tags are not allowed in commentary"
    ]


def test_at_least_twenty_payloads_are_tried():
    assert len(PAYLOADS) >= 20


# --- hostile files ------------------------------------------------------------------------------


def _refused(path: Path) -> list[str]:
    with pytest.raises(SourceErrors) as caught:
        parse_instrument(path, path.parent)
    return [str(e) for e in caught.value.errors]


def test_billion_laughs_is_refused_before_any_expansion(tmp_path):
    bomb = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>\n'
    path = tmp_path / "bomb.xml"
    path.write_text(bomb, encoding="utf-8")
    assert _refused(path) == [
        "bomb.xml:2: contains a DOCTYPE declaration; remove it: sources may not declare a DTD or entities"
    ]


def test_external_entity_never_reads_outside_the_repository(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    text = TIP.read_text(encoding="utf-8").replace(
        "<akomaNtoso ", f'<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file://{secret}">]>\n<akomaNtoso ', 1
    )
    path = tmp_path / "tip-protocol.xml"
    path.write_text(text.replace("Use of terms", "&x;"), encoding="utf-8")
    messages = _refused(path)
    assert "DOCTYPE" in messages[0] and "TOP SECRET" not in " ".join(messages)


def test_over_deep_tree_is_refused(tmp_path):
    deep = (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        + "<p>" * 60
        + "x"
        + "</p>" * 60
        + "</akomaNtoso>"
    )
    path = tmp_path / "deep.xml"
    path.write_text(deep, encoding="utf-8")
    (msg,) = _refused(path)
    assert "nests elements" in msg and "deep" in msg


def test_oversized_source_is_refused(tmp_path, monkeypatch):
    import build_scripts.corpus as corpus

    monkeypatch.setattr(corpus, "MAX_SOURCE_BYTES", 1000)
    path = tmp_path / "tip-protocol.xml"
    path.write_text(TIP.read_text(encoding="utf-8"), encoding="utf-8")
    (msg,) = _refused(path)
    assert "over the limit" in msg


def test_source_that_is_a_symlink_is_refused(tmp_path):
    link = tmp_path / "tip-protocol.xml"
    link.symlink_to(TIP)
    (msg,) = _refused(link)
    assert "symbolic link" in msg


def test_note_target_cannot_escape_with_dots(tmp_path, tip_corpus):
    path = tmp_path / "sources" / "commentary" / "tip-protocol" / "art_6" / "dots.md"
    path.parent.mkdir(parents=True)
    path.write_text(
        note_with("body", "x").replace("tip-protocol/art_6__para_3]", "../../etc/passwd]"), encoding="utf-8"
    )
    note, errors = parse_note(path, tip_corpus, tmp_path)
    assert note is None and "targets.0" in str(errors[0])


def test_the_danger_scan_sees_an_event_handler_and_a_script_url():
    assert dangers('<a href="javascript:x()">a</a><p onclick="x()">b</p><script></script>') == [
        "a href=javascript:x()",
        "p onclick=",
        "<script>",
    ]
    assert dangers("<p>&quot; onmouseover=&quot;alert(1)</p>") == []


MARKDOWN_TITLES = [
    "[x](onmouseover=alert(document.domain)//)",
    "![x](javascript:alert(1))",
    "*a* _b_ `c` [d][e]",
    'x\\" onmouseover=\\"alert(1)',
]


@pytest.mark.parametrize("title", MARKDOWN_TITLES)
def test_a_note_title_stays_inert_in_the_flag_on_the_final_page(tmp_path, tip_corpus, title):
    """The flag next to a paragraph sits in the article page's HTML, which reaches the reader as
    written (no Markdown pass): scan the whole page body."""
    from build_scripts.commentary import flag_html
    from build_scripts.render import ArticleExtras, render_article

    path = tmp_path / "sources" / "commentary" / "tip-protocol" / "art_6" / "evil.md"
    path.parent.mkdir(parents=True)
    path.write_text(note_with("title", '"' + title.replace('"', '\\"') + '"'), encoding="utf-8")
    note, errors = parse_note(path, tip_corpus, tmp_path)
    if note is None:
        return
    article = tip_corpus.get("tip-protocol").article(6)
    page = render_article(
        tip_corpus.get("tip-protocol"), article, ArticleExtras(flags={"art_6__para_3": flag_html(note)})
    )
    out = page.split("---\n", 2)[2]
    assert dangers(out) == [], out[out.find("tt-flag") - 200 : out.find("tt-flag") + 300]
    assert out.count('class="tt-flag"') == 1


def test_page_titles_and_descriptions_are_escaped_for_the_theme(tip):
    from dataclasses import replace

    from build_scripts.render import render_article

    article = replace(tip.article(3), heading="Use</title><script>alert(1)</script>")
    page = render_article(tip, article)
    front = page.split("---\n")[1]
    assert "<script>" not in front and "&lt;/title&gt;&lt;script&gt;" in front


def test_editorial_titles_must_be_plain_text(tmp_path):
    from build_scripts.corpus import load_editorial_titles

    path = tmp_path / "crc.yaml"
    path.write_text(
        "instrument: crc\ntitles:\n  art_2: 'Non-discrimination</title><script>alert(1)</script>'\n", encoding="utf-8"
    )
    titles, errors = load_editorial_titles(path, "crc", tmp_path)
    assert titles == {} and "must be short plain text" in str(errors[0])


def test_a_utf16_source_is_refused_so_no_doctype_can_hide_in_it(tmp_path):
    text = TIP.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    text = text.replace("<akomaNtoso ", '<!DOCTYPE akomaNtoso [<!ENTITY lol "lol">]>\n<akomaNtoso ', 1)
    path = tmp_path / "tip-protocol.xml"
    path.write_bytes(text.encode("utf-16"))
    (msg,) = _refused(path)
    assert "is not UTF-8" in msg or "declares the encoding" in msg

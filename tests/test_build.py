"""The whole site builds strictly, a reader finds what they came for, and bad input stops the build."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .conftest import copy_repo, mkdocs_build


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def text(site: Path, page: str) -> str:
    """What a reader sees: the page without tags."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html(site, page)))


def test_article_3_page_shows_the_official_text_with_a_permalink_on_each_subparagraph(built):
    page = html(built, "tip-protocol/article-3")
    assert "<title>Article 3 · Use of terms · Trafficking in Persons Protocol" in page
    for letter in "abcd":
        assert f'id="{letter}"' in page
        assert f'href="#{letter}"' in page
    assert "The consent of a victim of trafficking in persons to the intended exploitation" in text(
        built, "tip-protocol/article-3"
    )


def test_pinpoint_anchor_for_article_6_3_b_exists(built):
    page = html(built, "tip-protocol/article-6")
    assert re.search(r'id="3-b"[^>]*>\s*<p><a class="tt-num" href="#3-b"', page)


def test_every_tip_protocol_page_is_built(built):
    for page in ["tip-protocol", "tip-protocol/preamble"] + [f"tip-protocol/article-{n}" for n in range(1, 21)]:
        assert (built / page / "index.html").is_file(), page
    assert (built / "tip-protocol" / "tip-protocol.xml").is_file()


def test_search_index_holds_article_text_so_consent_of_a_victim_finds_article_3(built):
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [d["location"] for d in index["docs"] if "consent of a victim" in d["text"]]
    assert any(loc.startswith("tip-protocol/article-3/") for loc in hits), hits
    titles = {d["location"]: d["title"] for d in index["docs"]}
    assert titles.get("tip-protocol/article-3/") == "Article 3 · Use of terms"


def test_no_page_loads_anything_from_outside_the_site(built):
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page


def test_article_pages_stay_within_their_size_budget(built):
    plain = (built / "ilo-c029" / "article-10" / "index.html").stat().st_size
    annotated = (built / "tip-protocol" / "article-3" / "index.html").stat().st_size
    print(f"article page without commentary: {plain} bytes; Protocol article 3 with its notes: {annotated} bytes")
    assert plain < 40_000
    assert annotated < 90_000


def test_broken_source_stops_the_build_and_keeps_the_previous_site(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    source = repo / "sources" / "instruments" / "tip-protocol.xml"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("<heading>Use of terms</heading>", "<heading>Use of terms</headin>"), encoding="utf-8"
    )
    line = next(i for i, s in enumerate(source.read_text(encoding="utf-8").splitlines(), 1) if "</headin>" in s)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    result = mkdocs_build(repo, site)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"sources/instruments/tip-protocol.xml:{line}: is not well-formed XML" in output
    assert "Traceback" not in output
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]


def test_article_5_links_article_3_and_article_3_lists_article_5_as_referencing_it(built):
    art5 = html(built, "tip-protocol/article-5")
    assert re.search(r'<a class="tt-ref" href="\.\./article-3/"[^>]*>article 3 of this Protocol</a>', art5)
    art3 = html(built, "tip-protocol/article-3")
    section = art3[art3.index('id="referenced-by"') :]
    assert 'href="../article-5/' in section


def test_exploitation_in_article_3_shows_its_definition_on_hover(built):
    art3 = html(built, "tip-protocol/article-3")
    assert re.search(
        r'<a class="tt-term" href="#a" title="Defined term: Exploitation shall include, at a minimum,[^"]*">exploitation</a>',
        art3,
    )


def test_deleted_provisions_of_convention_29_say_so_and_link_the_protocol(built):
    art5 = html(built, "ilo-c029/article-5")
    assert "Deleted provision" in art5
    assert 'href="../../ilo-p029/article-7/"' in art5
    art2 = html(built, "ilo-c029/article-2")
    assert "Deleted provision" not in art2


def test_edit_links_open_the_source_file_that_holds_what_the_reader_sees(built):
    root = Path(__file__).resolve().parent.parent
    for page in ("tip-protocol/article-6", "crc/article-35", "tip-protocol"):
        edit = re.search(
            r'href="https://github\.com/[^"]+/edit/main/(?:docs/\.\./)?([^"]+)"[^>]*title="Edit this page"',
            html(built, page),
        )
        assert edit, page
        assert (root / edit.group(1)).is_file(), edit.group(1)
    notes = re.findall(
        r'href="https://github\.com/[^"]+/edit/main/(sources/commentary/[^"]+)">Edit this note',
        html(built, "tip-protocol/article-6"),
    )
    assert notes and all((root / n).is_file() for n in notes)
    assert "Suggest a note on this article" in html(built, "tip-protocol/article-6")


def test_an_article_page_with_its_css_and_js_is_under_80_kb_compressed(built):
    import gzip

    page = built / "ilo-c029" / "article-10" / "index.html"
    text = page.read_text(encoding="utf-8")
    assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', text)
    files = [page] + [(page.parent / a).resolve() for a in assets if "search" not in a]
    total = sum(len(gzip.compress(f.read_bytes())) for f in files)
    print(f"article page with its CSS and JS, gzip: {total} bytes")
    assert total < 80_000


def test_collapsing_white_space_leaves_preformatted_text_alone():
    from build_scripts.mkdocs_hooks import on_post_page

    html = "<div>\n    <p>a</p>\n\n    <pre><code>x\n\n    y</code></pre>\n  </div>"
    assert on_post_page(html, None, None) == "<div> <p>a</p> <pre><code>x\n\n    y</code></pre> </div>"
    scripts = "<head>\n  <script>a  =  1</script>\n\n  <textarea> t\n</textarea>  \n<SCRIPT>b</SCRIPT>\n  </head>  "
    assert on_post_page(scripts, None, None) == (
        "<head> <script>a  =  1</script> <textarea> t\n</textarea> <SCRIPT>b</SCRIPT> </head>  "
    )


def test_the_2014_protocol_article_7_page_links_each_provision_it_deletes(built):
    page = html(built, "ilo-p029/article-7")
    section = page[page.index('id="provisions-deleted-by-this-article"') :]
    links = set(re.findall(r'href="\.\./\.\./ilo-c029/article-(\d+)/(#[^"]*)?"', section))
    assert ("1", "#2") in links and ("1", "#3") in links
    assert {n for n, frag in links if not frag} == {str(n) for n in range(3, 25)}
    assert "Text not yet available on this site" in page


def test_no_page_shows_list_items_run_into_a_paragraph(built):
    """A list written without a blank line before it (or nested by 2 spaces) is read by
    Python-Markdown as text of the paragraph above: its dashes and numbers show as text. This
    caught it in four notes, the contributing guide and two docstrings."""
    run_on = re.compile(r"\n\s*(?:[-*+]|\d+\.) \S")
    found = []
    for page in built.rglob("*.html"):
        text = re.sub(r"<(pre|script|code)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
        for m in re.finditer(r"<(p|li|td)>((?:(?!</\1>).)*)</\1>", text, re.DOTALL):
            if run_on.search(m.group(2)):
                found.append(f"{page.relative_to(built)}: {m.group(2)[:80]!r}")
    assert found == []

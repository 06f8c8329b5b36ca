"""Commentary notes: the validator names file and line, notes render safely under the right kind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts.commentary import (
    Kind,
    list_pitfalls,
    load_notes,
    parse_note,
    render_body,
    render_commentary_section,
    render_note,
)
from build_scripts.corpus import Corpus
from build_scripts.errors import SourceErrors

GOOD = """---
targets: [tip-protocol/art_6__para_3]
kind: key-component
title: Recovery measures are to be considered, not guaranteed
themes: [victim-support]
sources:
  - cite: "Trafficking in Persons Protocol, art 6(3)"
reviewed: 2026-11-28
---
Under [article 6(3)](akn:tip-protocol/art_6__para_3) each State Party "shall consider implementing"
measures for recovery. Compare [article 5](akn:tip-protocol/art_5), which is mandatory.
"""


@pytest.fixture
def tip_corpus(tip):
    return Corpus((tip,))


def write(root: Path, text: str, rel: str = "tip-protocol/art_6/recovery.md") -> Path:
    path = root / "sources" / "commentary" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems(root: Path, corpus: Corpus, text: str, rel: str = "tip-protocol/art_6/recovery.md") -> list[str]:
    path = write(root, text, rel)
    note, errors = parse_note(path, corpus, root)
    assert note is None, "the note should have been refused"
    return [str(e) for e in errors]


def test_a_good_note_is_accepted(tmp_path, tip_corpus):
    note, errors = parse_note(write(tmp_path, GOOD), tip_corpus, tmp_path)
    assert errors == []
    assert note.meta.kind is Kind.key_component and note.slug == "recovery"
    assert note.targets == [("tip-protocol", "art_6__para_3")]


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (
            ("kind: key-component", "kind: keycomponent"),
            3,
            "unknown kind 'keycomponent'; use one of key-component, challenge",
        ),
        (
            ("targets: [tip-protocol/art_6__para_3]", "targets: [tip-protocol/art_6__para_9]"),
            2,
            "target 'tip-protocol/art_6__para_9' is not a provision of the corpus",
        ),
        (("themes: [victim-support]", "themes: [victims]"), 5, "unknown theme 'victims'"),
        (
            ('sources:\n  - cite: "Trafficking in Persons Protocol, art 6(3)"\n', "sources: []\n"),
            6,
            "sources: List should have at least 1 item",
        ),
        (
            ("reviewed: 2026-11-28", "reviewed: 28/11/2026"),
            8,
            "reviewed date '28/11/2026' is not a date; write it as YYYY-MM-DD",
        ),
        (("title: Recovery", "title: Recovery: a"), 4, "front matter is not valid YAML"),
        (("measures for recovery.", "measures for <script>alert(1)</script> recovery."), 11, "raw HTML in the note"),
        (
            ("(akn:tip-protocol/art_5)", "(akn:tip-protocol/art_55)"),
            11,
            "link to akn:tip-protocol/art_55, which is not a provision",
        ),
        (("themes: [victim-support]\n", "themes: [victim-support]\nsummary: x\n"), 6, "unknown field 'summary'"),
        (
            ("which is mandatory.", 'which is mandatory.\n\n- Article 6(3):\n  - (a) "appropriate housing";'),
            14,
            "a nested list item indented by fewer than 4 spaces shows as an item of the outer list",
        ),
        (
            ("which is mandatory.", "which is mandatory. The measures are:\n- appropriate housing;"),
            12,
            "this list is read as text of the paragraph above it; leave a blank line before the list",
        ),
        (
            (
                "which is mandatory.",
                "which is mandatory.\n\n- (a) housing:\n\n    only if requested.\n- (b) counselling.",
            ),
            16,
            "this list item is read as text of the paragraph above it; leave a blank line before it",
        ),
    ],
)
def test_each_bad_note_is_refused_with_file_line_and_fix(tmp_path, tip_corpus, change, line, message):
    old, new = change
    assert old in GOOD
    msgs = problems(tmp_path, tip_corpus, GOOD.replace(old, new))
    assert any(
        m.startswith(f"sources/commentary/tip-protocol/art_6/recovery.md:{line}: ") and message in m for m in msgs
    ), msgs


def test_a_list_nested_by_4_spaces_is_accepted_and_renders_nested(tmp_path, tip_corpus):
    text = GOOD.replace(
        "which is mandatory.", 'which is mandatory.\n\n- Article 6(3):\n    - (a) "appropriate housing";'
    )
    note, errors = parse_note(write(tmp_path, text), tip_corpus, tmp_path)
    assert errors == []
    assert "<li>Article 6(3):<ul>" in render_body(note, tip_corpus, "tip-protocol/article-6/").replace("\n", "")


def test_lists_after_a_blank_line_a_heading_or_a_wrapped_item_are_accepted(tmp_path, tip_corpus):
    body = "which is mandatory.\n\n### The measures\n- (a) housing,\n  wrapped;\n- (b) counselling.\n\nAfter the list."
    note, errors = parse_note(write(tmp_path, GOOD.replace("which is mandatory.", body)), tip_corpus, tmp_path)
    assert errors == []
    html = render_body(note, tip_corpus, "tip-protocol/article-6/").replace("\n", "")
    assert "<h3>The measures</h3><ul><li>(a) housing,  wrapped;</li><li>(b) counselling.</li></ul>" in html


@pytest.mark.parametrize(
    "text",
    [
        "- (a) housing that\n    wraps;\n- (b) counselling.",  # a hanging indent, then the next item
        "- (a) housing:\n    - that\n      wraps;\n- (b) counselling.",  # a nested item wrapping under its text
        "The Protocol was adopted in\n2000. It entered into force in 2003.",  # prose wrapping onto a year
        "States must act, and\n- as the Committee noted - do so promptly.",  # prose wrapping onto a dash
        "Element by element\n------------------\n- (a) housing;\n- (b) counselling.",  # a setext heading
        "### The measures\n- (a) housing;\n- (b) counselling.",
        " - (a) housing;\n - (b) counselling.",  # a list indented by one space throughout
        "Paragraph.\n\n- (a) housing;\n\n    More on housing.\n\n- (b) counselling.",
    ],
)
def test_valid_lists_and_prose_that_looks_like_one_are_not_refused(text):
    assert list_pitfalls(text.splitlines()) == []


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("- (a) housing;\n  - only if requested;\n- (b) counselling.", 1),
        ("- (a) housing,\n  wrapped;\n  - only if requested.", 2),  # nested by 2 under a wrapped item
        ("The measures are:\n- (a) housing.", 1),
        ("The measures\n- (a) housing;\n- (b) counselling.", 1),
        ("- (a) housing;\n\n    More on housing.\n- (b) counselling.", 3),
    ],
)
def test_lists_that_would_render_broken_are_named_by_line(text, line):
    assert [offset for offset, _, _ in list_pitfalls(text.splitlines())] == [line]


def test_note_in_the_wrong_folder_is_told_where_to_go(tmp_path, tip_corpus):
    msgs = problems(tmp_path, tip_corpus, GOOD, "tip-protocol/art_5/recovery.md")
    assert any("move the note to sources/commentary/tip-protocol/art_6/" in m for m in msgs), msgs


def test_note_without_front_matter_is_refused(tmp_path, tip_corpus):
    msgs = problems(tmp_path, tip_corpus, "Just some text.\n")
    assert msgs == [
        "sources/commentary/tip-protocol/art_6/recovery.md:1: has no front matter; start the file with a line '---', the fields, and another '---'"
    ]


def test_note_that_escapes_through_a_symlink_is_refused(tmp_path, tip_corpus):
    outside = tmp_path / "outside.md"
    outside.write_text(GOOD, encoding="utf-8")
    link = tmp_path / "sources" / "commentary" / "tip-protocol" / "art_6" / "link.md"
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    note, errors = parse_note(link, tip_corpus, tmp_path)
    assert note is None and "outside sources/commentary" in str(errors[0])


def test_all_problems_of_all_notes_are_reported_together(tmp_path, tip_corpus):
    write(tmp_path, GOOD.replace("kind: key-component", "kind: nope"), "tip-protocol/art_6/a.md")
    write(tmp_path, GOOD.replace("reviewed: 2026-11-28", "reviewed: soon"), "tip-protocol/art_6/b.md")
    with pytest.raises(SourceErrors) as caught:
        load_notes(tmp_path, tip_corpus)
    assert len(caught.value.errors) == 2


def test_note_renders_under_its_kind_with_permalink_sources_and_date(tmp_path, tip_corpus):
    note, _ = parse_note(write(tmp_path, GOOD), tip_corpus, tmp_path)
    html = render_commentary_section([note], tip_corpus, "tip-protocol/article-6/")
    assert '<h3 class="tt-kind-heading">Key component</h3>' in html
    assert 'id="note-recovery"' in html and 'href="#note-recovery"' in html
    assert "<li>Trafficking in Persons Protocol, art 6(3)</li>" in html
    assert "Reviewed 2026-11-28" in html
    assert "not part of the treaty" in html
    assert (
        '<a href="./#3" rel="noopener noreferrer">article 6(3)</a>' in html or '<a href="./#3">article 6(3)</a>' in html
    )
    assert re.search(r'<a href="\.\./article-5/"[^>]*>article 5</a>', html)


def test_challenge_and_key_component_notes_look_different(tmp_path, tip_corpus):
    a, _ = parse_note(write(tmp_path, GOOD), tip_corpus, tmp_path)
    b, _ = parse_note(
        write(tmp_path, GOOD.replace("key-component", "challenge"), "tip-protocol/art_6/hard.md"), tip_corpus, tmp_path
    )
    assert 'class="note tt-note' in render_note(a, tip_corpus, "tip-protocol/article-6/")
    assert 'class="warning tt-note' in render_note(b, tip_corpus, "tip-protocol/article-6/")


# --- the real commentary --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def notes():
    from build_scripts.site import load_site

    from .conftest import ROOT

    return load_site(ROOT, fresh=True).notes


def kinds_on(notes, key: str, folder: str) -> set[str]:
    return {n.meta.kind.value for n in notes if n.instrument == key and n.folder == folder}


def test_the_preamble_and_every_protocol_article_have_a_note(notes):
    for folder in ["preamble"] + [f"art_{n}" for n in range(1, 21)]:
        assert kinds_on(notes, "tip-protocol", folder), folder


def test_protocol_articles_carry_the_kinds_of_note_the_brief_asks_for(notes):
    for n in range(2, 14):
        assert "key-component" in kinds_on(notes, "tip-protocol", f"art_{n}"), n
    for n in (3, 5, 6, 7, 8, 9, 10, 11, 14):
        assert {"challenge", "legal-implication"} <= kinds_on(notes, "tip-protocol", f"art_{n}"), n


@pytest.mark.parametrize(
    ("key", "articles"),
    [
        ("untoc", [2, 3, 5, 6, 10, 15, 16, 18, 24, 25, 34, 37]),
        ("smuggling-protocol", [3, 5, 6, 16, 19]),
        ("coe-convention", [4, 5, 10, 12, 13, 14, 15, 26, 36]),
        ("ilo-c029", [1, 2, 25]),
        ("ilo-p029", [1, 2, 3, 4, 7]),
        ("ilo-c105", [1]),
        ("crc", [1, 3, 19, 32, 34, 35, 36, 39]),
        ("crc-opsc", [1, 2, 3, 8, 9]),
        ("iccpr", [2, 8, 12]),
        ("icescr", [6, 7, 10]),
    ],
)
def test_key_provisions_of_every_instrument_have_a_note(notes, key, articles):
    missing = [n for n in articles if not kinds_on(notes, key, f"art_{n}")]
    assert missing == []


def test_every_note_is_listed_on_at_least_one_theme_page(notes):
    assert [n.path for n in notes if not n.meta.themes] == []


def test_every_theme_page_exists_and_lists_its_notes(notes):
    from build_scripts.commentary import THEMES
    from build_scripts.pages import theme_listing
    from build_scripts.site import load_site

    from .conftest import ROOT

    site = load_site(ROOT)
    for theme in THEMES:
        assert (ROOT / "docs" / "themes" / f"{theme}.md").is_file(), theme
        tagged = [n for n in notes if theme in n.meta.themes]
        listing = theme_listing(site, theme)
        assert tagged, f"no note is tagged {theme}"
        for note in tagged:
            assert f"#{note.anchor})" in listing


def test_a_note_on_a_chapter_or_metadata_element_is_refused(tmp_path, tip_corpus):
    msgs = problems(tmp_path, tip_corpus, GOOD.replace("tip-protocol/art_6__para_3]", "tip-protocol/chp_II]"))
    assert any("target 'tip-protocol/chp_II' is not a provision of the corpus" in m for m in msgs), msgs


def test_a_readme_in_the_commentary_folder_is_allowed(tmp_path, tip_corpus):
    write(tmp_path, GOOD)
    (tmp_path / "sources" / "commentary" / "README.md").write_text("How notes are organised.\n", encoding="utf-8")
    assert len(load_notes(tmp_path, tip_corpus)) == 1

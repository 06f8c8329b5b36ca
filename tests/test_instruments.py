"""Each instrument of the corpus has the structure of its official text: article counts,
divisions, official headings where it has them, editorial titles kept apart where it has none."""

from __future__ import annotations

import pytest
import yaml

from .conftest import SOURCES

# key: (articles, [(division num, heading or None, first article, last article)])
STRUCTURE = {
    "tip-protocol": (
        20,
        [
            ("I.", "General provisions", 1, 5),
            ("II.", "Protection of victims of trafficking in persons", 6, 8),
            ("III.", "Prevention, cooperation and other measures", 9, 13),
            ("IV.", "Final provisions", 14, 20),
        ],
    ),
    "untoc": (41, []),
    "smuggling-protocol": (
        25,
        [
            ("I.", "General provisions", 1, 6),
            ("II.", "Smuggling of migrants by sea", 7, 9),
            ("III.", "Prevention, cooperation and other measures", 10, 18),
            ("IV.", "Final provisions", 19, 25),
        ],
    ),
    "coe-convention": (
        47,
        [
            ("Chapter I", "Purposes, scope, non-discrimination principle and definitions", 1, 4),
            ("Chapter II", "Prevention, co-operation and other measures", 5, 9),
            (
                "Chapter III",
                "Measures to protect and promote the rights of victims, guaranteeing gender equality",
                10,
                17,
            ),
            ("Chapter IV", "Substantive criminal law", 18, 26),
            ("Chapter V", "Investigation, prosecution and procedural law", 27, 31),
            ("Chapter VI", "International co-operation and co-operation with civil society", 32, 35),
            ("Chapter VII", "Monitoring mechanism", 36, 38),
            ("Chapter VIII", "Relationship with other international instruments", 39, 40),
            ("Chapter IX", "Amendments to the Convention", 41, 41),
            ("Chapter X", "Final clauses", 42, 47),
        ],
    ),
    "ilo-c029": (33, []),
    "ilo-p029": (12, []),
    "ilo-c105": (10, []),
    "crc": (54, [("Part I", None, 1, 41), ("Part II", None, 42, 45), ("Part III", None, 46, 54)]),
    "crc-opsc": (17, []),
    "iccpr": (
        53,
        [
            ("Part I", None, 1, 1),
            ("Part II", None, 2, 5),
            ("Part III", None, 6, 27),
            ("Part IV", None, 28, 45),
            ("Part V", None, 46, 47),
            ("Part VI", None, 48, 53),
        ],
    ),
    "icescr": (
        31,
        [
            ("Part I", None, 1, 1),
            ("Part II", None, 2, 5),
            ("Part III", None, 6, 15),
            ("Part IV", None, 16, 25),
            ("Part V", None, 26, 31),
        ],
    ),
}


@pytest.mark.parametrize("key", sorted(STRUCTURE))
def test_article_count_and_divisions(corpus, key):
    count, divisions = STRUCTURE[key]
    instrument = corpus.get(key)
    assert [a.number for a in instrument.articles] == list(range(1, count + 1))
    assert [(d.num, d.heading, d.articles[0], d.articles[-1]) for d in instrument.divisions] == divisions


@pytest.mark.parametrize(
    ("key", "number", "heading"),
    [
        ("untoc", 2, "Use of terms"),
        ("untoc", 18, "Mutual legal assistance"),
        ("untoc", 34, "Implementation of the Convention"),
        ("smuggling-protocol", 3, "Use of terms"),
        ("smuggling-protocol", 5, "Criminal liability of migrants"),
        ("coe-convention", 4, "Definitions"),
        ("coe-convention", 13, "Recovery and reflection period"),
        ("coe-convention", 26, "Non-punishment provision"),
    ],
)
def test_official_headings(corpus, key, number, heading):
    assert corpus.get(key).article(number).heading == heading


def test_convention_article_2_has_ten_definitions_a_to_j(corpus):
    (para,) = corpus.get("untoc").article(2).paragraphs
    assert [p.num for p in para.children] == [f"({x})" for x in "abcdefghij"]
    assert para.children[0].text.plain.startswith("“Organized criminal group” shall mean")


def test_convention_article_18_has_thirty_paragraphs(corpus):
    assert [p.num for p in corpus.get("untoc").article(18).paragraphs] == [f"{n}." for n in range(1, 31)]


def test_council_of_europe_keeps_its_own_lettering(corpus):
    art4 = corpus.get("coe-convention").article(4)
    assert [p.num for p in art4.paragraphs[0].children] == list("abcde")
    assert [p.num for p in corpus.get("coe-convention").article(13).paragraphs] == ["1", "2", "3"]


@pytest.mark.parametrize("key", ["ilo-c029", "ilo-p029", "ilo-c105", "crc", "crc-opsc", "iccpr", "icescr"])
def test_instruments_without_official_headings_carry_editorial_titles_apart_from_the_text(corpus, key):
    instrument = corpus.get(key)
    assert not instrument.has_official_headings
    assert all(a.heading is None and a.editorial_title for a in instrument.articles)
    titles = yaml.safe_load((SOURCES / "editorial" / f"{key}.yaml").read_text(encoding="utf-8"))["titles"]
    assert {a.eid: a.editorial_title for a in instrument.articles} == titles
    assert "<heading>" not in (SOURCES / "instruments" / f"{key}.xml").read_text(encoding="utf-8")


def test_crc_article_35_editorial_title_is_marked_as_ours(tip, corpus):
    from build_scripts.render import render_article

    crc = corpus.get("crc")
    page = render_article(crc, crc.article(35))
    assert '>Article 35 · Sale, trafficking and abduction<a class="headerlink"' in page
    assert "is ours: this instrument has no official article headings" in page


def test_deleted_provisions_of_convention_29_are_marked_in_the_source(corpus):
    c029 = corpus.get("ilo-c029")
    deleted = [a.number for a in c029.articles if a.deleted_by]
    assert deleted == list(range(3, 25))
    art1 = c029.article(1)
    assert [p.num for p in art1.paragraphs if p.deleted_by] == ["2.", "3."]
    assert all(
        a.deleted_by.instrument == "ilo-p029" and a.deleted_by.eid == "art_7" for a in c029.articles if a.deleted_by
    )
    assert not c029.article(2).deleted_by and not c029.article(25).deleted_by


def test_iccpr_article_4_links_the_articles_that_admit_no_derogation(corpus):
    from build_scripts.crossrefs import find_references

    refs, _ = find_references(corpus)
    targets = {r.target_eid for r in refs if r.source.instrument == "iccpr" and r.source.eid == "art_4__para_2"}
    assert {"art_6", "art_7", "art_8", "art_11", "art_15", "art_16", "art_18"} <= targets

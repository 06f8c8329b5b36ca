"""Cross-references in the official texts: each real phrase resolves to the provision it names."""

from __future__ import annotations

import pytest

from build_scripts.corpus import Article, Corpus, Instrument, Provision, Text
from build_scripts.crossrefs import (
    Location,
    _Context,
    _resolve_in_text,
    find_references,
    load_exceptions,
    referenced_by,
)

from .conftest import ROOT


@pytest.fixture(scope="module")
def resolved(corpus):
    refs, unresolved = find_references(corpus, load_exceptions(ROOT / "sources" / "crossrefs.yaml"))
    return refs, unresolved


# (instrument, eId of the text the phrase is in, the phrase, a provision it must link to)
PHRASES = [
    ("tip-protocol", "art_1__para_3", "article 5 of this Protocol", "tip-protocol/art_5"),
    (
        "tip-protocol",
        "art_3__para_1__point_b",
        "subparagraph (a) of this article",
        "tip-protocol/art_3__para_1__point_a",
    ),
    ("tip-protocol", "art_3__para_1__point_b", "subparagraph (a)", "tip-protocol/art_3__para_1__point_a"),
    (
        "tip-protocol",
        "art_3__para_1__point_c",
        "subparagraph (a) of this article",
        "tip-protocol/art_3__para_1__point_a",
    ),
    ("tip-protocol", "art_4__para_1", "article 5 of this Protocol", "tip-protocol/art_5"),
    ("tip-protocol", "art_5__para_1", "article 3 of this Protocol", "tip-protocol/art_3"),
    ("tip-protocol", "art_5__para_2__point_a", "paragraph 1 of this article", "tip-protocol/art_5__para_1"),
    ("tip-protocol", "art_5__para_2__point_b", "paragraph 1 of this article", "tip-protocol/art_5__para_1"),
    ("tip-protocol", "art_5__para_2__point_c", "paragraph 1 of this article", "tip-protocol/art_5__para_1"),
    ("tip-protocol", "art_7__para_1", "article 6 of this Protocol", "tip-protocol/art_6"),
    ("tip-protocol", "art_7__para_2", "paragraph 1 of this article", "tip-protocol/art_7__para_1"),
    ("tip-protocol", "art_11__para_2", "article 5 of this Protocol", "tip-protocol/art_5"),
    ("tip-protocol", "art_11__para_4", "paragraph 3 of this article", "tip-protocol/art_11__para_3"),
    ("tip-protocol", "art_11__para_6", "article 27 of the Convention", "untoc/art_27"),
    ("tip-protocol", "art_15__para_3", "paragraph 2 of this article", "tip-protocol/art_15__para_2"),
    ("tip-protocol", "art_15__para_4", "paragraph 3 of this article", "tip-protocol/art_15__para_3"),
    ("tip-protocol", "art_16__para_2", "paragraph 1 of this article", "tip-protocol/art_16__para_1"),
    ("tip-protocol", "art_17__para_2", "paragraph 1 of this article", "tip-protocol/art_17__para_1"),
    ("tip-protocol", "art_18__para_3", "paragraph 1 of this article", "tip-protocol/art_18__para_1"),
    ("tip-protocol", "art_18__para_4", "paragraph 1 of this article", "tip-protocol/art_18__para_1"),
    ("smuggling-protocol", "art_1__para_3", "article 6 of this Protocol", "smuggling-protocol/art_6"),
    ("smuggling-protocol", "art_5__para_1", "article 6 of this Protocol", "smuggling-protocol/art_6"),
    (
        "smuggling-protocol",
        "art_6__para_1__point_c",
        "subparagraph (b) of this paragraph",
        "smuggling-protocol/art_6__para_1__point_b",
    ),
    ("smuggling-protocol", "art_6__para_2__point_a", "paragraph 1 of this article", "smuggling-protocol/art_6__para_1"),
    (
        "smuggling-protocol",
        "art_6__para_2__point_b",
        "paragraph 1 (a), (b) (i) or (c) of this article",
        "smuggling-protocol/art_6__para_1__point_a",
    ),
    (
        "smuggling-protocol",
        "art_6__para_2__point_b",
        "paragraph 1 (a), (b) (i) or (c) of this article",
        "smuggling-protocol/art_6__para_1__point_b__point_i",
    ),
    (
        "smuggling-protocol",
        "art_6__para_2__point_b",
        "paragraph 1 (a), (b) (i) or (c) of this article",
        "smuggling-protocol/art_6__para_1__point_c",
    ),
    (
        "smuggling-protocol",
        "art_6__para_2__point_b",
        "paragraph 1 (b) (ii) of this article",
        "smuggling-protocol/art_6__para_1__point_b__point_ii",
    ),
    (
        "smuggling-protocol",
        "art_6__para_3",
        "paragraph 2 (b) and (c) of this article",
        "smuggling-protocol/art_6__para_2__point_b",
    ),
    (
        "smuggling-protocol",
        "art_6__para_3",
        "paragraph 2 (b) and (c) of this article",
        "smuggling-protocol/art_6__para_2__point_c",
    ),
    ("smuggling-protocol", "art_8__para_3", "paragraph 2 of this article", "smuggling-protocol/art_8__para_2"),
    ("smuggling-protocol", "art_10__para_1", "articles 27 and 28 of the Convention", "untoc/art_27"),
    ("smuggling-protocol", "art_10__para_1", "articles 27 and 28 of the Convention", "untoc/art_28"),
    ("smuggling-protocol", "art_11__para_2", "article 6, paragraph 1 (a)", "smuggling-protocol/art_6__para_1__point_a"),
    ("smuggling-protocol", "art_15__para_2", "article 31 of the Convention", "untoc/art_31"),
    ("smuggling-protocol", "art_16__para_1", "article 6 of this Protocol", "smuggling-protocol/art_6"),
    ("smuggling-protocol", "art_20__para_3", "paragraph 2 of this article", "smuggling-protocol/art_20__para_2"),
    ("smuggling-protocol", "art_21__para_2", "paragraph 1 of this article", "smuggling-protocol/art_21__para_1"),
    ("crc-opsc", "preamble__recital_1", "articles 1, 11, 21, 32, 33, 34, 35 and 36", "crc/art_35"),
    ("crc-opsc", "preamble__recital_1", "articles 1, 11, 21, 32, 33, 34, 35 and 36", "crc/art_1"),
    ("crc-opsc", "art_12__para_2", "article 44 of the Convention", "crc/art_44"),
    ("ilo-c029", "art_11__para_2", "sub-paragraph (c) of the preceding paragraph", "ilo-c029/art_11__para_1__point_c"),
    ("ilo-c029", "art_5__para_2", "Article 1 of this Convention", "ilo-c029/art_1"),
    ("ilo-p029", "preamble__recital_4", "Article 2 of the Convention", "ilo-c029/art_2"),
    ("ilo-p029", "preamble__recital_7", "Article 1, paragraphs 2 and 3", "ilo-c029/art_1__para_3"),
    ("ilo-p029", "preamble__recital_7", "Articles 3 to 24", "ilo-c029/art_24"),
    ("ilo-p029", "art_9__para_2", "Articles 30 or 32", "ilo-c029/art_32"),
    ("ilo-p029", "art_9__para_3", "paragraphs 1 or 2", "ilo-p029/art_9__para_2"),
    ("ilo-c105", "art_9__para_1__point_a", "Article 5", "ilo-c105/art_5"),
    ("untoc", "art_14__para_1", "articles 12 or 13, paragraph 1", "untoc/art_13__para_1"),
    ("untoc", "art_5__para_3", "paragraph 1 (a) (i) of this article", "untoc/art_5__para_1__point_a__point_i"),
    ("untoc", "art_11__para_3", "articles 5, 6, 8 and 23 of this Convention", "untoc/art_23"),
    ("untoc", "art_13__para_3__point_a", "paragraph 1 (a) of this article", "untoc/art_13__para_1__point_a"),
    ("untoc", "art_18__para_12", "paragraphs 10 and 11 of this article", "untoc/art_18__para_11"),
    ("untoc", "art_32__para_4", "paragraphs 3 (d) and (e) of this article", "untoc/art_32__para_3__point_e"),
    ("untoc", "art_34__para_2", "articles 5, 6, 8 and 23 of this Convention", "untoc/art_8"),
    ("iccpr", "art_4__para_2", "articles 6, 7, 8 (paragraphs 1 and 2), 11, 15, 16 and 18", "iccpr/art_8"),
    ("iccpr", "art_4__para_2", "articles 6, 7, 8 (paragraphs 1 and 2), 11, 15, 16 and 18", "iccpr/art_18"),
    ("iccpr", "art_41__para_1__point_e", "sub-paragraph (c)", "iccpr/art_41__para_1__point_c"),
    ("iccpr", "art_42__para_8", "article 41", "iccpr/art_41"),
    ("icescr", "art_19__para_1", "article 18", "icescr/art_18"),
    (
        "untoc",
        "art_15__para_2__point_c__point_ii",
        "article 6, paragraph 1 (a) (i) or (ii) or (b) (i)",
        "untoc/art_6__para_1__point_a__point_ii",
    ),
    (
        "untoc",
        "art_15__para_2__point_c__point_ii",
        "article 6, paragraph 1 (a) (i) or (ii) or (b) (i)",
        "untoc/art_6__para_1__point_b__point_i",
    ),
    (
        "untoc",
        "art_31__para_2__point_d__point_iv",
        "subparagraphs (d) (i) and (iii) of this paragraph",
        "untoc/art_31__para_2__point_d__point_iii",
    ),
    ("iccpr", "art_52__para_1", "paragraph 1 of the same article", "iccpr/art_48__para_1"),
]


@pytest.mark.parametrize(
    ("instrument", "eid", "phrase", "target"), PHRASES, ids=[f"{p[0]}:{p[1]}:{p[2]}->{p[3]}" for p in PHRASES]
)
def test_phrase_resolves_to_the_provision_it_names(resolved, instrument, eid, phrase, target):
    refs, _ = resolved
    found = {
        f"{r.target_instrument}/{r.target_eid}"
        for r in refs
        if r.source.instrument == instrument and r.source.eid == eid and r.phrase == phrase
    }
    assert target in found, found


def test_every_recognised_phrase_in_the_corpus_resolves_or_is_listed_with_a_reason(resolved):
    from build_scripts.crossrefs import check_unresolved

    _, unresolved = resolved
    exceptions = load_exceptions(ROOT / "sources" / "crossrefs.yaml")
    assert check_unresolved(unresolved, exceptions, "sources/crossrefs.yaml") == []


def test_article_5_of_the_protocol_is_referenced_by_articles_1_4_and_11(resolved):
    refs, _ = resolved
    incoming = referenced_by(refs)[("tip-protocol", 5)]
    assert {r.source.article for r in incoming if r.source.instrument == "tip-protocol"} >= {1, 4, 11}


# --- phrases that must not become links ---------------------------------------------------------


def _resolve_words(words: str) -> list:
    para = Provision("art_2__para_1", "paragraph", "1.", "1", "1", "art 2(1)", Text(words), (), None, None, 1)
    other = Provision("art_1__para_1", "paragraph", None, None, "para-1", "art 1", Text("x"), (), None, None, 1)
    arts = (
        Article("art_1", 1, "Article 1", "One", None, None, (other,), None, None, 1),
        Article("art_2", 2, "Article 2", "Two", None, None, (para,), None, None, 1),
    )
    inst = Instrument(
        "demo",
        "demo.xml",
        "Demo",
        "Demo",
        "",
        None,
        None,
        None,
        "",
        None,
        "",
        "",
        None,
        None,
        (),
        arts,
        (),
        True,
        frozenset({"art_1", "art_2", "art_1__para_1", "art_2__para_1"}),
    )
    corpus = Corpus((inst,))
    ctx = _Context(corpus, inst, arts[1], para, Location("demo", "art_2__para_1", "text", 2), {})
    return list(_resolve_in_text(ctx, para.text))


@pytest.mark.parametrize(
    "words",
    [
        "the supply of articles of clothing and food",
        "adopted on 20 November 1989 and opened on 26 January 1990",
        "the paragraphs that follow",
        "in accordance with Article 102 of the Charter of the United Nations",
        "article 1A(2) of the 1951 Convention relating to the Status of Refugees",
        "the articles of association of the company",
    ],
)
def test_words_that_are_not_references_stay_plain(words):
    assert _resolve_words(words) == []


def test_a_reference_to_an_article_that_does_not_exist_is_reported():
    (found,) = _resolve_words("in accordance with article 9 of this Protocol")
    assert found.phrase == "article 9 of this Protocol" and "no article 9" in found.reason

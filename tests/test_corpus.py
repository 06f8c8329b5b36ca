"""The Trafficking in Persons Protocol source parses into the model, and bad sources are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.corpus import num_label, parse_instrument
from build_scripts.errors import SourceErrors

from .conftest import TIP


def test_tip_protocol_has_twenty_articles_in_four_chapters(tip):
    assert [a.number for a in tip.articles] == list(range(1, 21))
    assert [d.title for d in tip.divisions] == [
        "I. General provisions",
        "II. Protection of victims of trafficking in persons",
        "III. Prevention, cooperation and other measures",
        "IV. Final provisions",
    ]
    assert [len(d.articles) for d in tip.divisions] == [5, 3, 5, 7]


@pytest.mark.parametrize(
    ("number", "heading"),
    [
        (1, "Relation with the United Nations Convention against Transnational Organized Crime"),
        (3, "Use of terms"),
        (5, "Criminalization"),
        (6, "Assistance to and protection of victims of trafficking in persons"),
        (14, "Saving clause"),
        (20, "Depositary and languages"),
    ],
)
def test_tip_protocol_articles_carry_their_official_headings(tip, number, heading):
    assert tip.article(number).heading == heading


def test_article_3_has_subparagraphs_a_to_d(tip):
    art3 = tip.article(3)
    (para,) = art3.paragraphs
    assert para.num is None and para.text.plain == "For the purposes of this Protocol:"
    assert [p.num for p in para.children] == ["(a)", "(b)", "(c)", "(d)"]
    assert [p.eid for p in para.children] == [f"art_3__para_1__point_{x}" for x in "abcd"]
    assert para.children[1].text.plain.startswith("The consent of a victim of trafficking in persons")
    assert para.children[3].text.plain == "“Child” shall mean any person under eighteen years of age."


def test_article_6_3_b_has_anchor_3_b_and_pinpoint(tip):
    prov = next(p for p in tip.article(6).provisions() if p.eid == "art_6__para_3__point_b")
    assert prov.anchor == "3-b"
    assert prov.pinpoint == "art 6(3)(b)"
    assert tip.find("art_6__para_3__point_b") == (tip.article(6), prov)


def test_subparagraphs_of_an_undivided_article_are_anchored_by_letter(tip):
    assert [p.anchor for p in tip.article(3).paragraphs[0].children] == ["a", "b", "c", "d"]


def test_metadata_states_dates_citation_depositary_and_source(tip):
    assert str(tip.adopted) == "2000-11-15"
    assert str(tip.entry_into_force) == "2003-12-25"
    assert tip.citation == "2237 UNTS 319"
    assert tip.depositary == "Secretary-General of the United Nations"
    assert "General Assembly resolution 55/25" in tip.adopted_by
    assert "Tractatenblad" in tip.text_source
    assert tip.parent == "untoc"
    assert tip.long_title.startswith(
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women"
    )


def test_preamble_keeps_the_italics_of_the_official_print(tip):
    first = tip.preamble.recitals[0].text
    assert first.plain[slice(*first.emphasis[0])] == "Declaring"
    assert len(tip.preamble.recitals) == 5
    assert tip.preamble.formula.plain == "Have agreed as follows:"


@pytest.mark.parametrize(
    ("num", "label"), [("1.", "1"), ("(b)", "b"), ("(iv)", "iv"), ("Article 12", "12"), ("a", "a"), ("Chapter I", "i")]
)
def test_num_label_strips_official_punctuation(num, label):
    assert num_label(num) == label


# --- bad input: each is refused with the file, the line and what to do ---------------------------


def broken(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = TIP.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path = tmp_path / "tip-protocol.xml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(SourceErrors) as caught:
        parse_instrument(path, path.parent)
    return [str(e) for e in caught.value.errors]


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_malformed_xml_is_refused_with_its_line(tmp_path):
    path = broken(tmp_path, "<heading>Use of terms</heading>", "<heading>Use of terms</headin>")
    (msg,) = problems(path)
    assert msg.startswith(f"tip-protocol.xml:{line_of(path, 'Use of terms</headin>')}: is not well-formed XML")
    assert "fix the markup" in msg


def test_doctype_with_external_entity_is_refused_before_parsing(tmp_path):
    path = broken(
        tmp_path,
        "<akomaNtoso xmlns=",
        '<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<akomaNtoso xmlns=',
    )
    (msg,) = problems(path)
    assert msg.startswith("tip-protocol.xml:2: contains a DOCTYPE declaration")
    assert "may not declare a DTD" in msg


def test_duplicate_eid_is_refused(tmp_path):
    path = broken(tmp_path, 'eId="art_6__para_2__point_b"', 'eId="art_6__para_2__point_a"')
    msgs = problems(path)
    line = line_of(path, 'eId="art_6__para_2__point_a"') + 0
    # The Akoma Ntoso schema itself declares eIds unique; its message names the file and line.
    assert any(
        m.startswith("tip-protocol.xml:") and "Duplicate key-sequence ['art_6__para_2__point_a']" in m for m in msgs
    ), msgs
    assert line


def test_gap_in_article_numbers_is_refused(tmp_path):
    text = TIP.read_text(encoding="utf-8")
    start = text.index('<article eId="art_4">')
    end = text.index("</article>", start) + len("</article>")
    path = tmp_path / "tip-protocol.xml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    msgs = problems(path)
    assert any("expected article 4, found 5" in m for m in msgs), msgs
    art5 = line_of(path, '<article eId="art_5">')
    assert any(m.startswith(f"tip-protocol.xml:{art5}:") for m in msgs)


def test_article_without_text_is_refused(tmp_path):
    text = TIP.read_text(encoding="utf-8")
    start = text.index('<article eId="art_13">')
    end = text.index("</article>", start)
    empty = '<article eId="art_13">\n<num>Article 13</num>\n<heading>Legitimacy and validity of documents</heading>\n<paragraph eId="art_13__para_1"><content><p> </p></content></paragraph>\n'
    path = tmp_path / "tip-protocol.xml"
    path.write_text(text[:start] + empty + text[end:], encoding="utf-8")
    msgs = problems(path)
    assert any("art_13" in m and "no text" in m for m in msgs), msgs


def test_eid_that_does_not_follow_the_numbering_is_refused(tmp_path):
    path = broken(tmp_path, 'eId="art_6__para_3__point_b"', 'eId="art_6__para_3__point_x"')
    msgs = problems(path)
    assert any("expected 'art_6__para_3__point_b'" in m for m in msgs), msgs


def test_an_unchanged_instrument_is_not_parsed_again_a_changed_one_is(tmp_path):
    import shutil

    from build_scripts.corpus import load_corpus

    instruments = tmp_path / "sources" / "instruments"
    instruments.mkdir(parents=True)
    shutil.copy2(TIP, instruments / "tip-protocol.xml")
    first = load_corpus(tmp_path / "sources", tmp_path).get("tip-protocol")
    assert load_corpus(tmp_path / "sources", tmp_path).get("tip-protocol") is first
    path = instruments / "tip-protocol.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("harbouring", "harbouring ", 1), encoding="utf-8")
    again = load_corpus(tmp_path / "sources", tmp_path).get("tip-protocol")
    assert again is not first and again.article(3) == first.article(3)
    path.write_text(path.read_text(encoding="utf-8").replace("<p>", "<p", 1), encoding="utf-8")
    with pytest.raises(SourceErrors):
        load_corpus(tmp_path / "sources", tmp_path)


def test_a_source_that_passed_the_schema_is_not_checked_again_until_its_bytes_change(tmp_path, monkeypatch):
    from build_scripts import corpus

    path = broken(tmp_path, "<heading>Use of terms</heading>", "<heading>Use of terms</heading>")
    parse_instrument(path, tmp_path)  # passes, and is remembered
    assert list((tmp_path / ".cache" / "akn-valid").rglob("*"))
    loaded = []
    real = corpus._akn_schema
    monkeypatch.setattr(corpus, "_akn_schema", lambda: loaded.append(1) or real())
    parse_instrument(path, tmp_path)
    assert loaded == []  # same bytes: the schema is not even loaded
    path = broken(tmp_path, "<heading>Use of terms</heading>", "<heading>Use of terms</heading><unknown/>")
    with pytest.raises(SourceErrors) as caught:
        parse_instrument(path, tmp_path)
    assert loaded == [1] and "does not match the Akoma Ntoso 3.0 schema" in str(caught.value.errors[0])
    with pytest.raises(SourceErrors):  # a failure is never remembered
        parse_instrument(path, tmp_path)
    assert loaded == [1, 1]

"""Curated relations: validated on load with file and line, shown on both ends."""

from __future__ import annotations

import pytest

from build_scripts.errors import SourceErrors
from build_scripts.relations import load_relations

GOOD = """relations:
  - from: coe-convention/art_4__para_1__point_a
    to: tip-protocol/art_3__para_1__point_a
    type: mirrors
    note: The two definitions share act, means and purpose.
"""


def refused(tmp_path, corpus, text: str) -> list[str]:
    path = tmp_path / "relations.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceErrors) as caught:
        load_relations(path, corpus, tmp_path)
    return [str(e) for e in caught.value.errors]


def test_a_good_relation_loads(tmp_path, corpus):
    path = tmp_path / "relations.yaml"
    path.write_text(GOOD, encoding="utf-8")
    (rel,) = load_relations(path, corpus, tmp_path)
    assert rel.source == ("coe-convention", "art_4__para_1__point_a") and rel.line == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("type: mirrors", "type: mirror"), "relations.yaml:2: unknown type 'mirror'; use one of"),
        (
            ("to: tip-protocol/art_3__para_1__point_a", "to: tip-protocol/art_33"),
            "relations.yaml:2: 'to' names tip-protocol/art_33, which is not a provision",
        ),
        (
            ("to: tip-protocol/art_3__para_1__point_a", "to: coe-convention/chp_II"),
            "'to' names coe-convention/chp_II, which is not a provision",
        ),
        (
            ("to: tip-protocol/art_3__para_1__point_a", "to: untoc/evt_adoption"),
            "'to' names untoc/evt_adoption, which is not a provision",
        ),
    ],
)
def test_bad_relations_are_refused_with_their_line(tmp_path, corpus, change, message):
    msgs = refused(tmp_path, corpus, GOOD.replace(*change))
    assert any(message in m for m in msgs), msgs


def test_a_duplicate_relation_is_refused(tmp_path, corpus):
    msgs = refused(tmp_path, corpus, GOOD + GOOD.split("\n", 1)[1])
    assert any("relations.yaml:6: duplicate of the relation on line 2" in m for m in msgs), msgs


def test_a_relation_may_point_at_a_preamble_and_renders_on_both_ends(tmp_path, corpus):
    from build_scripts.relations import render_concordance

    path = tmp_path / "relations.yaml"
    path.write_text(GOOD.replace("coe-convention/art_4__para_1__point_a", "coe-convention/preamble"), encoding="utf-8")
    rels = load_relations(path, corpus, tmp_path)
    assert "coe-convention/preamble.md" in render_concordance(rels, corpus)


def test_a_file_that_is_a_list_is_refused_without_a_traceback(tmp_path, corpus):
    msgs = refused(tmp_path, corpus, "- just a list\n")
    assert msgs == [
        "relations.yaml:1: must be a mapping of fields at the top level, not a list; see the comment at the top of the file for its shape"
    ]

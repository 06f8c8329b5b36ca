"""Open data: every instrument exports as JSON that validates against the published schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from build_scripts.export import index_json, instrument_json, schema_text


@pytest.fixture(scope="module")
def site():
    from build_scripts.site import load_site

    from .conftest import ROOT

    return load_site(ROOT, fresh=True)


def test_every_instrument_validates_against_the_published_schema(site):
    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for instrument in site.corpus:
        jsonschema.validate(instrument_json(site, instrument, "https://example.org/"), schema)


def test_tip_protocol_json_has_article_3_with_its_subparagraphs_and_urls(site):
    data = instrument_json(site, site.corpus.get("tip-protocol"), "https://example.org/")
    art3 = data["articles"][2]
    assert art3["eid"] == "art_3" and art3["heading"] == "Use of terms"
    (para,) = art3["provisions"]
    assert [c["url"] for c in para["children"]] == [f"https://example.org/tip-protocol/article-3/#{x}" for x in "abcd"]
    assert para["children"][3]["text"] == "“Child” shall mean any person under eighteen years of age."
    art5 = data["articles"][4]
    assert {
        "from": "art_5__para_1",
        "phrase": "article 3 of this Protocol",
        "to_instrument": "tip-protocol",
        "to": "art_3",
    } in art5["references"]
    assert data["citation"] == "2237 UNTS 319" and data["entry_into_force"] == "2003-12-25"


def test_index_lists_every_instrument_with_its_json_and_xml(site):
    data = index_json(site, "https://example.org/")
    keys = [i["key"] for i in data["instruments"]]
    assert keys[0] == "tip-protocol" and len(keys) == len(site.corpus.instruments)
    assert data["instruments"][0]["json"] == "https://example.org/api/tip-protocol.json"

"""Open data: each instrument as JSON (``/api/<key>.json``) and an index (``/api/index.json``).

The JSON follows the schema published beside it (``/api/instrument.schema.json``, kept in
``build_scripts/schemas/``). Every article carries its eId, number, heading, plain text, its
provisions with their anchors and URLs, and its outgoing references, so that researchers and tool
builders can use the texts without scraping the pages.
"""

from __future__ import annotations

import json
from importlib import resources

from .corpus import Instrument, Provision
from .site import Site

SCHEMA_VERSION = "1.0"


def _url(path: str, site_url: str) -> str:
    return site_url.rstrip("/") + "/" + path


def _provision(prov: Provision, base: str) -> dict:
    return {
        "eid": prov.eid,
        "num": prov.num,
        "pinpoint": prov.pinpoint,
        "url": f"{base}#{prov.anchor}",
        "text": prov.text.plain if prov.text else None,
        "wrap_up": prov.wrap_up.plain if prov.wrap_up else None,
        "deleted": prov.deleted_by is not None,
        "children": [_provision(c, base) for c in prov.children],
    }


def _date(value) -> str | None:
    return value.isoformat() if value else None


def instrument_json(site: Site, instrument: Instrument, site_url: str) -> dict:
    """One instrument as plain data, following instrument.schema.json."""
    key = instrument.key
    refs = [r for r in site.references if r.source.instrument == key]
    articles = []
    for article in instrument.articles:
        base = _url(f"{key}/article-{article.number}/", site_url)
        mine = [r for r in refs if r.source.article == article.number]
        articles.append(
            {
                "eid": article.eid,
                "number": article.number,
                "num": article.num,
                "heading": article.heading,
                "editorial_title": article.editorial_title,
                "division": article.division,
                "url": base,
                "deleted": article.deleted_by is not None,
                "text_available": not article.incomplete,
                "text": article.plain_text(),
                "provisions": [_provision(p, base) for p in article.paragraphs],
                "references": [
                    {"from": r.source.eid, "phrase": r.phrase, "to_instrument": r.target_instrument, "to": r.target_eid}
                    for r in mine
                ],
            }
        )
    pre = instrument.preamble
    return {
        "schema_version": SCHEMA_VERSION,
        "key": key,
        "title": instrument.long_title,
        "short_title": instrument.short_title,
        "frbr_work": instrument.frbr_work,
        "adopted": _date(instrument.adopted),
        "opened_for_signature": _date(instrument.opened_for_signature),
        "entry_into_force": _date(instrument.entry_into_force),
        "citation": instrument.citation or None,
        "adopted_by": instrument.adopted_by,
        "depositary": instrument.depositary,
        "text_source": instrument.text_source,
        "parent": instrument.parent,
        "url": _url(f"{key}/", site_url),
        "akoma_ntoso": _url(f"{key}/{key}.xml", site_url),
        "preamble": [r.text.plain for r in pre.recitals] if pre else [],
        "divisions": [
            {"eid": d.eid, "kind": d.kind, "num": d.num, "heading": d.heading, "articles": list(d.articles)}
            for d in instrument.divisions
        ],
        "defined_terms": [
            {"term": t.term, "eid": t.eid, "definition": t.definition} for t in site.terms if t.instrument == key
        ],
        "articles": articles,
    }


def index_json(site: Site, site_url: str) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "instruments": [
            {
                "key": i.key,
                "title": i.long_title,
                "short_title": i.short_title,
                "articles": len(i.articles),
                "url": _url(f"{i.key}/", site_url),
                "json": _url(f"api/{i.key}.json", site_url),
                "akoma_ntoso": _url(f"{i.key}/{i.key}.xml", site_url),
            }
            for i in site.corpus
        ],
    }


def schema_text() -> str:
    return resources.files("build_scripts").joinpath("schemas/instrument.schema.json").read_text(encoding="utf-8")


def dumps(data: dict) -> str:
    """Compact JSON (Python's C encoder; indenting would take the slow pure-Python one)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"

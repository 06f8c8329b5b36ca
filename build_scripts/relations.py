"""Curated relations between provisions of different instruments (``sources/relations.yaml``).

Each relation links two provisions with a type (this definition mirrors that one, this article
implements that obligation ...) and a one-line note in our words. Relations are validated on load:
an unknown provision, an unknown type or a duplicate is reported with its file and line. Both ends
show the relation under "Related provisions".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .corpus import Corpus
from .errors import SourceError, SourceErrors, display_path
from .yamlfiles import LOADER, read_mapping

TYPES = {
    "mirrors": ("mirrors", "is mirrored by"),
    "implements": ("implements", "is implemented by"),
    "supplements": ("supplements", "is supplemented by"),
    "defines": ("defines a term used in", "uses a term defined in"),
    "derogates-from": ("derogates from", "is derogated from by"),
    "deletes": ("deletes", "is deleted by"),
    "complements": ("complements", "is complemented by"),
    "contrasts": ("contrasts with", "contrasts with"),
}
"""Each type with the wording for its two ends: (from the source, from the target)."""


@dataclass(frozen=True)
class Relation:
    """A typed link from one provision to another, with our one-line note."""

    source: tuple[str, str]
    target: tuple[str, str]
    type: str
    note: str
    line: int


def _split(ref: object) -> tuple[str, str] | None:
    if not isinstance(ref, str) or ref.count("/") != 1:
        return None
    key, eid = ref.split("/")
    return key, eid


def _exists(corpus: Corpus, ref: tuple[str, str]) -> bool:
    instrument = corpus.get(ref[0])
    return instrument is not None and instrument.addressable(ref[1])


def load_relations(path: Path, corpus: Corpus, root: Path | None = None) -> list[Relation]:
    """Read and check every relation; raise SourceErrors listing every problem with its line."""
    if not path.exists():
        return []
    shown = display_path(path, root)
    text = path.read_text(encoding="utf-8")
    data = read_mapping(path, shown)
    node = yaml.compose(text, Loader=LOADER)
    items = data.get("relations") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise SourceErrors(
            [
                SourceError(
                    shown,
                    1,
                    "has no 'relations:' list",
                    "start the file with 'relations:' and one '- from: ...' entry per relation",
                )
            ]
        )
    lines: list[int] = []
    for key, value in node.value:
        if key.value == "relations":
            lines = [item.start_mark.line + 1 for item in value.value]
    errors: list[SourceError] = []
    relations: list[Relation] = []
    seen: dict[tuple, int] = {}
    for item, line in zip(items, lines, strict=True):
        if not isinstance(item, dict) or set(item) - {"from", "to", "type", "note"}:
            errors.append(
                SourceError(
                    shown, line, "a relation takes exactly the fields from, to, type and note", "remove any other field"
                )
            )
            continue
        source, target = _split(item.get("from")), _split(item.get("to"))
        problems = []
        for name, ref in (("from", source), ("to", target)):
            if ref is None:
                problems.append((f"'{name}' must be <instrument>/<eId>", "e.g. tip-protocol/art_3__para_1__point_a"))
            elif not _exists(corpus, ref):
                problems.append(
                    (
                        f"'{name}' names {ref[0]}/{ref[1]}, which is not a provision of the corpus",
                        "use an eId from sources/instruments/<instrument>.xml",
                    )
                )
        kind = item.get("type")
        if kind not in TYPES:
            problems.append((f"unknown type {kind!r}", f"use one of {', '.join(TYPES)}"))
        note = item.get("note")
        if not isinstance(note, str) or not note.strip() or "<" in note:
            problems.append(
                (
                    "'note' must be one line of plain text in our words",
                    "say in a sentence how the two provisions relate",
                )
            )
        if source and target and source == target:
            problems.append(("a provision cannot relate to itself", "check 'from' and 'to'"))
        identity = (source, target, kind)
        if identity in seen:
            problems.append((f"duplicate of the relation on line {seen[identity]}", "remove one of them"))
        if problems:
            errors.extend(SourceError(shown, line, m, h) for m, h in problems)
            continue
        seen[identity] = line
        relations.append(Relation(source, target, kind, note.strip(), line))
    if errors:
        raise SourceErrors(errors)
    return relations


def relations_of(relations: list[Relation], key: str, article_eid: str) -> list[tuple[Relation, bool]]:
    """Relations with an end inside the article; the bool says whether the article is the source."""

    def inside(ref: tuple[str, str]) -> bool:
        return ref[0] == key and (ref[1] == article_eid or ref[1].startswith(article_eid + "__"))

    out = []
    for rel in relations:
        if inside(rel.source):
            out.append((rel, True))
        elif inside(rel.target):
            out.append((rel, False))
    return out


def render_concordance(
    relations: list[Relation],
    corpus,
    key: str = "tip-protocol",
    against: tuple[str, ...] = ("coe-convention", "untoc", "ilo-c029", "ilo-p029"),
) -> str:
    """A concordance page: each article of the Protocol against related provisions elsewhere."""
    from .commentary import describe_target
    from .render import article_path, escape, provision_path

    base = corpus.get(key)
    names = {k: corpus.get(k).short_title for k in against if corpus.get(k)}
    rows = []
    for article in base.articles:
        found = relations_of(relations, key, article.eid)
        cells = []
        for other in names:
            links = []
            for rel, outgoing in found:
                there = rel.target if outgoing else rel.source
                if there[0] != other:
                    continue
                href = provision_path(corpus.get(other), there[1])
                label = describe_target(corpus, other, there[1])
                here = describe_target(corpus, key, (rel.source if outgoing else rel.target)[1])
                title = f"{here} {TYPES[rel.type][0 if outgoing else 1]} {label}"
                links.append(f'[{escape(label)}]({href} "{escape(title)}")')
            cells.append(", ".join(dict.fromkeys(links)) or "—")
        if any(c != "—" for c in cells):
            rows.append(
                f"| [{escape(article.title)}]({article_path(key, article.number)}) | " + " | ".join(cells) + " |"
            )
    head = "| " + escape(base.short_title) + " | " + " | ".join(escape(n) for n in names.values()) + " |"
    return "\n".join(
        [
            "---",
            "title: Concordance",
            f"description: The articles of the {base.short_title} against the related provisions of {', '.join(names.values())}.",
            "---",
            "",
            "# Concordance",
            "",
            f"Each article of the [{escape(base.short_title)}]({key}/index.md) against the provisions of other instruments that "
            "the curated relations of this site connect with it (`sources/relations.yaml`). Hover a link to see how the two relate; "
            'each article page lists the same relations with a note in our words under "Related provisions".',
            "",
            head,
            "|" + "---|" * (len(names) + 1),
            *rows,
            "",
        ]
    )

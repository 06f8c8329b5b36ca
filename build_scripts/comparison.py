"""'Definitions compared': the definitions of trafficking, smuggling, forced labour and sale of
children side by side, element by element, built from ``sources/definitions-compared.yaml``.

Every quote in that file is checked against the official text of the provision it names, so the
page can only show words that are in the treaties; our own explanations are marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .corpus import Corpus
from .errors import SourceError, SourceErrors, display_path
from .yamlfiles import entries, read_mapping


@dataclass(frozen=True)
class Cell:
    """One instrument's words for one element: quotes from provisions, or a note of ours."""

    quotes: tuple[tuple[str, str], ...]  # (eId, exact official words)
    notes: tuple[tuple[str, str | None], ...]  # (our sentence, optional provision it points to)


@dataclass(frozen=True)
class Element:
    name: str
    explanation: str
    cells: dict[str, Cell]


@dataclass(frozen=True)
class Comparison:
    instruments: tuple[str, ...]
    elements: tuple[Element, ...]

    def provisions(self) -> set[tuple[str, str]]:
        """Every (instrument, eId) quoted: their pages link to the comparison."""
        return {(key, eid) for el in self.elements for key, cell in el.cells.items() for eid, _ in cell.quotes}


def _text_of(corpus: Corpus, key: str, eid: str) -> str | None:
    instrument = corpus.get(key)
    if instrument is None:
        return None
    article, provision = instrument.find(eid)
    if provision is not None:
        return " ".join(t.plain for t in (provision.text, provision.wrap_up) if t)
    return article.plain_text() if article else None


def load_comparison(path: Path, corpus: Corpus, root: Path | None = None) -> Comparison | None:
    """Read and check the comparison; every quote must occur in its provision's official text."""
    if not path.exists():
        return None
    shown = display_path(path, root)
    text = path.read_text(encoding="utf-8")
    data = read_mapping(path, shown)
    lines = text.splitlines()

    def line_of(needle: str) -> int | None:
        return next((i for i, line in enumerate(lines, 1) if needle in line), None)

    errors: list[SourceError] = []
    keys = tuple(data.get("instruments") or ())
    for key in keys:
        if corpus.get(key) is None:
            errors.append(
                SourceError(
                    shown, line_of(f"- {key}"), f"unknown instrument {key!r}", "use a key from sources/instruments"
                )
            )
    elements = []
    for item in entries(data, "elements", shown):
        if not item.get("element") or not isinstance(item.get("cells"), dict):
            errors.append(
                SourceError(
                    shown,
                    None,
                    f"an element needs a name and 'cells' ({item.get('element')!r})",
                    "give 'element:', 'explanation:' and 'cells:' as in the other entries",
                )
            )
            continue
        cells = {}
        for key, raw in (item.get("cells") or {}).items():
            if key not in keys:
                errors.append(
                    SourceError(
                        shown,
                        line_of(item.get("element", "")),
                        f"element {item.get('element')!r} has a cell for {key!r}, which is not listed under instruments",
                        "add it to 'instruments' or remove the cell",
                    )
                )
                continue
            if isinstance(raw, dict) and "none" in raw:
                cells[key] = Cell((), ((str(raw["none"]), None),))
                continue
            quotes, notes = [], []
            if not isinstance(raw, list) or not all(isinstance(e, dict) for e in raw):
                errors.append(
                    SourceError(
                        shown,
                        line_of(item["element"]),
                        f"the cell for {key} in {item['element']!r} must be a list of quotes or 'none:'",
                        "see the other cells for the shape",
                    )
                )
                continue
            for entry in raw:
                eid = entry.get("eid", "")
                if "note" in entry:
                    target = entry.get("link")
                    if target is not None:
                        tkey, _, teid = str(target).partition("/")
                        if corpus.get(tkey) is None or not corpus.get(tkey).addressable(teid):
                            errors.append(
                                SourceError(
                                    shown,
                                    line_of(str(target)),
                                    f"link {target!r} is not a provision of the corpus",
                                    "write it as <instrument>/<eId>, e.g. untoc/art_34__para_2",
                                )
                            )
                            continue
                    notes.append((str(entry["note"]), target))
                    continue
                quote = entry.get("quote", "")
                official = _text_of(corpus, key, eid)
                if official is None:
                    errors.append(
                        SourceError(
                            shown,
                            line_of(quote[:40]) if quote else None,
                            f"{key}/{eid} is not a provision of the corpus",
                            "use an eId from the instrument's XML",
                        )
                    )
                elif not quote or quote not in official:
                    errors.append(
                        SourceError(
                            shown,
                            line_of(quote[:40]),
                            f"the quote for {key}/{eid} is not the official wording of that provision",
                            "copy the words exactly from the provision (quotes, punctuation and all)",
                        )
                    )
                else:
                    quotes.append((eid, quote))
            cells[key] = Cell(tuple(quotes), tuple(notes))
        missing = [k for k in keys if k not in cells]
        if missing:
            errors.append(
                SourceError(
                    shown,
                    line_of(item.get("element", "")),
                    f"element {item.get('element')!r} says nothing for {', '.join(missing)}",
                    "add a quote, or 'none:' with a sentence saying the element is absent",
                )
            )
        elements.append(Element(str(item.get("element")), str(item.get("explanation", "")), cells))
    if errors:
        raise SourceErrors(errors)
    return Comparison(keys, tuple(elements))


def render_comparison(comparison: Comparison, corpus: Corpus) -> str:
    """The page: one table per element, a row per instrument, official words linked to their source."""
    from .commentary import describe_target
    from .render import escape, provision_path

    def link(key: str, eid: str) -> str:
        return provision_path(corpus.get(key), eid)

    names = {k: corpus.get(k).short_title for k in comparison.instruments}
    out = [
        "---",
        "title: Definitions compared",
        "description: The definitions of trafficking, smuggling of migrants, forced labour and sale of children side by side, element by element, in the official words.",
        "---",
        "",
        "# Definitions compared",
        "",
        "The definition of trafficking in persons in the "
        + " and in the ".join(f"[{escape(names[k])}]({k}/index.md)" for k in comparison.instruments[:2])
        + ", and the related definitions of smuggling of migrants, forced or compulsory labour and sale of children, "
        "element by element. Every quotation is the official wording, checked against the treaty text at each build, "
        "and links to the provision it comes from. Sentences marked *Editors' note* are ours. "
        "For the difference between trafficking and smuggling, see [Trafficking or smuggling?](trafficking-or-smuggling.md).",
        "",
    ]
    for element in comparison.elements:
        out += [f"## {escape(element.name)}", ""]
        if element.explanation:
            out += [f"*Editors' note: {escape(element.explanation)}*", ""]
        out += ["| Instrument | Official wording |", "|---|---|"]
        for key in comparison.instruments:
            cell = element.cells[key]
            parts = []
            for eid, quote in cell.quotes:
                where = describe_target(corpus, key, eid)
                parts.append(f"“{escape(quote)}” ([{escape(where)}]({link(key, eid)}))")
            for note, target in cell.notes:
                extra = ""
                if target:
                    tkey, teid = target.split("/", 1)
                    extra = f" ([{escape(corpus.get(tkey).short_title)}, {escape(describe_target(corpus, tkey, teid))}]({link(tkey, teid)}))"
                parts.append(f"*Editors' note: {escape(note)}*{extra}")
            out.append(f"| {escape(names[key])} | {' <br> '.join(parts)} |")
        out.append("")
    return "\n".join(out) + "\n"

"""The text lock: a hash of the official text of every article, so no change to a treaty slips by.

``sources/text.lock`` records, for every article and preamble, a SHA-256 of its official text
(numbers, heading and words). ``treaties check`` compares the sources with it and names every
article whose text changed without the lock being updated in the same change. ``treaties lock
--reason "..."`` records the new hashes and appends the reason to the lock's history, so that a
correction of a treaty text is always a deliberate, explained act, and a commentary pull request
can never change treaty text by accident.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

from .corpus import Corpus, Instrument
from .errors import SourceError


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def instrument_texts(instrument: Instrument) -> dict[str, tuple[str, int | None]]:
    """Each lockable unit of an instrument ('tip-protocol/art_3', ...) with its text and line."""
    out: dict[str, tuple[str, int | None]] = {}
    if instrument.preamble:
        pre = instrument.preamble
        parts = [instrument.long_title] + [
            t.plain for t in (pre.intro, *[r.text for r in pre.recitals], pre.formula) if t
        ]
        out[f"{instrument.key}/preamble"] = ("\n".join(parts), None)
    for article in instrument.articles:
        lines = [article.num, article.heading or ""]
        for prov in article.provisions():
            lines.append(
                " ".join(
                    x
                    for x in (
                        prov.num or "",
                        prov.text.plain if prov.text else "",
                        prov.wrap_up.plain if prov.wrap_up else "",
                    )
                    if x
                )
            )
        if article.intro:
            lines.insert(2, article.intro.plain)
        out[f"{instrument.key}/{article.eid}"] = ("\n".join(lines), article.line)
    if instrument.conclusions:
        out[f"{instrument.key}/conclusions"] = ("\n".join(t.plain for t in instrument.conclusions), None)
    return out


def current_hashes(corpus: Corpus) -> dict[str, str]:
    return {unit: _digest(text) for inst in corpus for unit, (text, _) in instrument_texts(inst).items()}


def read_lock(path: Path) -> dict:
    if not path.exists():
        return {"hashes": {}, "history": []}
    return json.loads(path.read_text(encoding="utf-8"))


def check_lock(corpus: Corpus, path: Path, shown: str) -> list[SourceError]:
    """Every article whose official text differs from the lock, named with its file and line."""
    lock = read_lock(path).get("hashes", {})
    errors: list[SourceError] = []
    for inst in corpus:
        for unit, (text, line) in instrument_texts(inst).items():
            recorded = lock.get(unit)
            label = unit.split("/", 1)[1].replace("art_", "Article ")
            if recorded is None:
                errors.append(
                    SourceError(
                        inst.path,
                        line,
                        f"the official text of {inst.short_title}, {label} is not in {shown}",
                        'record it with: treaties lock --reason "added <instrument>"',
                    )
                )
            elif recorded != _digest(text):
                errors.append(
                    SourceError(
                        inst.path,
                        line,
                        f"the official text of {inst.short_title}, {label} has changed, but {shown} was not updated",
                        'if this corrects the text against the official source, run: treaties lock --reason "what was corrected and the source"; otherwise undo the change',
                    )
                )
    known = {u for inst in corpus for u in instrument_texts(inst)}
    for unit in sorted(set(lock) - known):
        errors.append(
            SourceError(
                shown,
                None,
                f"{unit} is locked but no longer in the sources",
                'if it was removed on purpose, run: treaties lock --reason "..."',
            )
        )
    return errors


def write_lock(corpus: Corpus, path: Path, reason: str) -> list[str]:
    """Record the current hashes with a reason; return the units whose text changed."""
    lock = read_lock(path)
    old = lock.get("hashes", {})
    new = current_hashes(corpus)
    changed = sorted(u for u in set(old) | set(new) if old.get(u) != new.get(u))
    history = lock.get("history", [])
    if changed:
        history.append({"date": date.today().isoformat(), "reason": reason, "units": changed})
    path.write_text(
        json.dumps({"hashes": dict(sorted(new.items())), "history": history}, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    return changed

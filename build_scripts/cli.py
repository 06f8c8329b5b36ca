"""The ``treaties`` command for contributors: check the sources without building the site."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from .commentary import Kind, describe_target
from .errors import SourceErrors
from .site import load_site


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every instrument (and, as they are added, notes and relations); print every problem."""
    start = time.perf_counter()
    root = Path(args.root).resolve()
    try:
        site = load_site(root, fresh=True)
    except SourceErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{len(exc.errors)} problem(s) found.", file=sys.stderr)
        return 1
    articles = sum(len(i.articles) for i in site.corpus)
    print(f"OK: {len(site.corpus.instruments)} instruments, {articles} articles ({time.perf_counter() - start:.2f} s).")
    return 0


def cmd_new_commentary(args: argparse.Namespace) -> int:
    """Write a valid skeleton note for a provision in the right folder and print its path."""
    root = Path(args.root).resolve()
    try:
        site = load_site(root, fresh=True)
    except SourceErrors as exc:
        print(exc, file=sys.stderr)
        print("Fix these problems first (treaties check).", file=sys.stderr)
        return 1
    if args.target.count("/") != 1:
        print(f"target {args.target!r} must be <instrument>/<eId>, e.g. tip-protocol/art_6__para_3", file=sys.stderr)
        return 2
    key, eid = args.target.split("/")
    instrument = site.corpus.get(key)
    article, _ = instrument.find(eid) if instrument else (None, None)
    if instrument is None or (article is None and not (eid == "preamble" and instrument.preamble)):
        print(
            f"{args.target}: no such provision; use an eId from sources/instruments/{key}.xml, e.g. tip-protocol/art_6__para_3",
            file=sys.stderr,
        )
        return 1
    folder = "preamble" if eid == "preamble" else article.eid
    base = root / "sources" / "commentary" / key / folder
    slug = args.slug or args.kind
    path = base / f"{slug}.md"
    n = 2
    while path.exists() and not args.slug:
        path = base / f"{slug}-{n}.md"
        n += 1
    if path.exists():
        print(f"{path.relative_to(root)} already exists; choose another --slug", file=sys.stderr)
        return 1
    cite = f"{instrument.long_title}, " + (
        "preamble" if eid == "preamble" else describe_target(site.corpus, key, eid).replace("Article ", "art ")
    )
    base.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "---\n"
        f"targets: [{key}/{eid}]\n"
        f"kind: {args.kind}\n"
        "title: Say in a few words what this note explains\n"
        "themes: []\n"
        "sources:\n"
        f'  - cite: "{cite}"\n'
        f"reviewed: {date.today().isoformat()}\n"
        "---\n"
        "Write the note here, in your own words and in Markdown (no HTML). Be precise about how strong the\n"
        "obligation is, and give a real, checkable source under `sources` for every legal claim.\n",
        encoding="utf-8",
    )
    print(path.relative_to(root))
    return 0


def cmd_lock(args: argparse.Namespace) -> int:
    """Record the current official texts in sources/text.lock, with the reason for the change."""
    from .corpus import load_corpus
    from .textlock import write_lock

    root = Path(args.root).resolve()
    if len(args.reason.strip()) < 10:
        print("give a real reason (what was corrected, against which official source)", file=sys.stderr)
        return 2
    try:
        corpus = load_corpus(root / "sources", root)
    except SourceErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    changed = write_lock(corpus, root / "sources" / "text.lock", args.reason.strip())
    shown = ", ".join(changed) if len(changed) <= 12 else ", ".join(changed[:12]) + f" and {len(changed) - 12} more"
    print(f"sources/text.lock: {len(changed)} text(s) recorded" + (f": {shown}" if changed else ""))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="treaties", description="Check and extend the sources of the treaty reference site."
    )
    parser.add_argument("--root", default=".", help="the repository folder (default: the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser(
        "check", help="validate every source file and report every problem as file:line: what; how to fix"
    )
    check.set_defaults(func=cmd_check)
    new = sub.add_parser(
        "new-commentary",
        help="write a skeleton note for a provision in the right folder and print its path",
        description="Write a valid skeleton commentary note for TARGET (e.g. tip-protocol/art_6__para_3) and print its path.",
    )
    new.add_argument("target", help="<instrument>/<eId> of the provision, e.g. tip-protocol/art_6__para_3__point_b")
    new.add_argument("--kind", required=True, choices=[k.value for k in Kind], help="what the note does")
    new.add_argument("--slug", help="file name without .md (lower-case words joined by hyphens); default: the kind")
    new.set_defaults(func=cmd_new_commentary)
    lock = sub.add_parser(
        "lock",
        help="record the official texts in sources/text.lock after a deliberate correction",
        description="Record the hash of every article's official text in sources/text.lock. Needed only when a treaty text is corrected; the reason is kept in the lock's history.",
    )
    lock.add_argument("--reason", required=True, help="what was corrected and against which official source")
    lock.set_defaults(func=cmd_lock)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

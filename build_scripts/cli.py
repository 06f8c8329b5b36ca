"""The ``treaties`` command for contributors: check the sources without building the site."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="treaties", description="Check and extend the sources of the treaty reference site.")
    parser.add_argument("--root", default=".", help="the repository folder (default: the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every source file and report every problem as file:line: what; how to fix")
    check.set_defaults(func=cmd_check)
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

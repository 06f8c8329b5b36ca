"""Benchmark (``make bench``): the pipeline alone, the full clean build, and a stock baseline.

The baseline is stock Material for MkDocs with its default navigation, building the same number of
pages holding the same text as plain Markdown, so the ratio says what our pipeline and page
design cost over the simplest possible site. Prints medians of several runs; it is not a test and
asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .site import ROOT, forget, load_site


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def time_pipeline(root: Path, runs: int) -> list[float]:
    """Parse, validate, resolve and render the whole corpus, in memory."""
    from .export import instrument_json
    from .pages import site_pages

    samples = []
    for _ in range(runs):
        forget(parsed=True)
        start = time.perf_counter()
        site = load_site(root, fresh=True)
        site_pages(site, "https://example.org/repo")
        for instrument in site.corpus:
            instrument_json(site, instrument, "/")
        samples.append(time.perf_counter() - start)
    return samples


def _build(cwd: Path, site_dir: Path) -> float:
    env = dict(os.environ, DISABLE_MKDOCS_2_WARNING="true", NO_MKDOCS_2_WARNING="1", TREATIES_ROOT=str(cwd))
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "--site-dir", str(site_dir)],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def make_baseline(root: Path, folder: Path) -> int:
    """Stock Material, default navigation, one plain Markdown page per page of ours, same text.

    Every page of our site has a counterpart holding the same words as plain Markdown: each
    overview (titles), preamble, article (its official text and the commentary notes on it), full
    text, the comparison and concordance pages, and every hand-written page.
    """
    from .commentary import notes_by_article
    from .pages import site_pages

    def plain(markdown: str) -> str:
        return markdown.replace("](", "] (")  # links as text: the baseline has no link targets

    site = load_site(root, fresh=True)
    docs = folder / "docs"
    docs.mkdir(parents=True)
    count = 0

    def write(rel: str, text: str) -> None:
        nonlocal count
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")
        count += 1

    notes_on = notes_by_article(list(site.notes))
    for instrument in site.corpus:
        key = instrument.key
        titles = "\n\n".join(a.title for a in instrument.articles)
        write(f"{key}/index.md", f"# {instrument.short_title}\n\n{instrument.long_title}\n\n{titles}\n")
        pre = instrument.preamble
        if pre:
            texts = [t.plain for t in (pre.intro, *(r.text for r in pre.recitals), pre.formula) if t]
            write(f"{key}/preamble.md", "# Preamble\n\n" + "\n\n".join(texts) + "\n")
        for article in instrument.articles:
            bodies = [f"## {n.meta.title}\n\n{plain(n.body)}" for n in notes_on.get((key, article.eid), [])]
            write(
                f"{key}/article-{article.number}.md",
                f"# {article.title}\n\n" + article.plain_text().replace("\n", "\n\n") + "\n\n" + "\n\n".join(bodies),
            )
        full = "\n\n".join(f"## {a.title}\n\n" + a.plain_text().replace("\n", "\n\n") for a in instrument.articles)
        write(f"{key}/full-text.md", f"# {instrument.short_title}: full text\n\n{full}\n")
    for page in site_pages(site):
        if page.path in ("definitions.md", "concordance.md"):
            write(page.path, plain(str(page.content)))
    for src in (root / "docs").rglob("*.md"):
        if src.name != "SUMMARY.md":
            write(str(Path("extra") / src.relative_to(root / "docs")), plain(src.read_text(encoding="utf-8")))
    (folder / "mkdocs.yml").write_text(
        "site_name: Baseline\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n", encoding="utf-8"
    )
    return count


def copy_repo(root: Path, dest: Path) -> Path:
    """A copy of what the build reads (config, docs, sources, code), to change without touching ``root``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "sources", "build_scripts", "overrides", "CONTRIBUTING.md"):
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def time_preview(root: Path, edits: int, build_type: str = "--dirty") -> list[float]:
    """Seconds from saving an edited note to the served page showing it, under ``mkdocs serve``.

    Runs ``mkdocs serve`` (as ``make serve`` does) on a copy of the repository, waits for the
    first build, then appends a new sentence to a note on Protocol article 6 and polls the page
    every 50 ms until the sentence is there.
    """
    samples = []
    with tempfile.TemporaryDirectory() as tmp:
        repo = copy_repo(root, Path(tmp) / "repo")
        port = _free_port()
        env = dict(os.environ, DISABLE_MKDOCS_2_WARNING="true", NO_MKDOCS_2_WARNING="1", TREATIES_ROOT=str(repo))
        args = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
        server = subprocess.Popen(
            args + ([build_type] if build_type else []),
            cwd=repo,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/tip-protocol/article-6/"
        note = repo / "sources" / "commentary" / "tip-protocol" / "art_6" / "victim-recovery-measures.md"
        try:
            deadline = time.monotonic() + 120
            while "Article 6" not in _fetch(url):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("mkdocs serve did not start")
                time.sleep(0.2)
            time.sleep(1.0)  # let the watcher settle after the first build
            for i in range(edits):
                word = f"Previewcheck{i}x{os.getpid()}"
                start = time.perf_counter()
                with note.open("a", encoding="utf-8") as f:
                    f.write(f"\n{word} is a sentence added to time the preview.\n")
                while word not in _fetch(url):
                    if time.perf_counter() - start > 60:
                        raise RuntimeError("the edit did not show within 60 s")
                    time.sleep(0.05)
                samples.append(time.perf_counter() - start)
                time.sleep(1.0)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per measurement (default 3)")
    args = parser.parse_args(argv)
    root = ROOT
    pipeline = time_pipeline(root, max(5, args.runs))
    print(
        f"pipeline alone (parse, validate, resolve, render, export; {len(pipeline)} runs): median {_median(pipeline):.2f} s"
    )
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pages = make_baseline(root, tmp / "baseline")
        ours, base, cold = [], [], []
        for i in range(args.runs):  # alternate, so that a slower spell of the machine hits both
            ours.append(_build(root, tmp / f"site-{i}"))
            base.append(_build(tmp / "baseline", tmp / f"base-{i}"))
            if i < 2:  # a fresh clone: no compiled templates, no schema passes remembered (.cache)
                fresh = copy_repo(root, tmp / f"fresh-{i}")
                cold.append(_build(fresh, tmp / f"cold-{i}"))
                shutil.rmtree(fresh)
        pairs = [o / b for o, b in zip(ours, base, strict=True)]
        print(f"full clean mkdocs build ({args.runs} runs): median {_median(ours):.2f} s")
        print(
            f"baseline: stock Material, default navigation, {pages} plain pages ({args.runs} runs): median {_median(base):.2f} s"
        )
        print(f"ratio full build / baseline: {_median(ours) / _median(base):.2f} (ratio of the medians)")
        print(
            f"ratio of each build to the baseline built just after it: median {_median(pairs):.2f}, "
            f"range {min(pairs):.2f}-{max(pairs):.2f}"
        )
        print(
            f"first build of a fresh clone (templates compiled, every source checked against the schema; "
            f"{len(cold)} runs): median {_median(cold):.2f} s, ratio {_median(cold) / _median(base):.2f}"
        )
        article = tmp / "site-0" / "tip-protocol" / "article-3" / "index.html"
        plain = tmp / "site-0" / "ilo-c029" / "article-10" / "index.html"
        stock = tmp / "base-0" / "ilo-c029" / "article-10" / "index.html"
        print(
            f"page sizes: our article page without notes {plain.stat().st_size:,} B; Protocol article 3 with notes {article.stat().st_size:,} B; stock page {stock.stat().st_size:,} B"
        )
        shutil.rmtree(tmp / "baseline")
    preview = time_preview(root, args.runs)
    print(
        f"an edited note shows under `make serve` (mkdocs serve --dirty; {args.runs} edits): median {_median(preview):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make serve` (mkdocs serve --dirty): an edited note shows, and search keeps one entry per section."""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import time

from build_scripts.bench import _fetch, _free_port

from .conftest import copy_repo


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_an_edited_note_on_two_articles_shows_on_both_and_search_has_no_duplicates(tmp_path):
    repo = copy_repo(tmp_path / "repo")
    port = _free_port()
    env = dict(os.environ, TREATIES_ROOT=str(repo), DISABLE_MKDOCS_2_WARNING="true", NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=repo,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert _wait_for(lambda: "Article 12" in _fetch(f"{base}/tip-protocol/article-12/"), 120), "serve did not start"
        time.sleep(1.0)
        note = repo / "sources" / "commentary" / "tip-protocol" / "art_12" / "false-documents-and-victims.md"
        assert "tip-protocol/art_13" in note.read_text(encoding="utf-8")  # a note on articles 12 and 13
        for word in ("Firstpreviewword", "Secondpreviewword"):
            with note.open("a", encoding="utf-8") as f:
                f.write(f"\n{word} added while serving.\n")
            for article in (12, 13):
                url = f"{base}/tip-protocol/article-{article}/"
                assert _wait_for(lambda url=url, word=word: word in _fetch(url), 30), (article, word)
        docs = json.loads(_fetch(f"{base}/search/search_index.json"))["docs"]
        counts = collections.Counter(d["location"] for d in docs)
        assert [loc for loc, n in counts.items() if n > 1] == []
        assert sum("Secondpreviewword" in d["text"] for d in docs) == 2
        assert not any("Firstpreviewword" in d["text"] and "Secondpreviewword" not in d["text"] for d in docs)
        untouched = _fetch(f"{base}/tip-protocol/article-5/")
        assert "Article 5" in untouched and "previewword" not in untouched
    finally:
        server.terminate()
        server.wait(timeout=10)

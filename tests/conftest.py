"""Shared fixtures: the real sources, and throwaway copies of the repository to break on purpose."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts import bench

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
TIP = SOURCES / "instruments" / "tip-protocol.xml"


@pytest.fixture(scope="session")
def tip():
    from build_scripts.corpus import parse_instrument

    return parse_instrument(TIP, ROOT)


@pytest.fixture(scope="session")
def corpus():
    from build_scripts.corpus import load_corpus

    return load_corpus(SOURCES, ROOT)


def copy_repo(dest: Path) -> Path:
    """A copy of what the build reads (config, docs, sources), to change without touching the repo."""
    return bench.copy_repo(ROOT, dest)


def mkdocs_build(repo: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of ``repo`` into ``site_dir``, as the README's commands do."""
    env = dict(os.environ, TREATIES_ROOT=str(repo), DISABLE_MKDOCS_2_WARNING="true", NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The real site, built strictly once for the whole test session."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def serve():
    """Serve a built site folder on 127.0.0.1 (a fresh port each time); returns its base URL."""
    import functools
    import http.server
    import threading

    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
        handler.log_message = lambda *a, **k: None
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()

"""Serve a built site on 127.0.0.1 with gzip, as a real static host would (for Lighthouse).

``python -m build_scripts.gzipserve site 8765`` serves ``site/``; text files are sent gzipped when
the browser accepts it, everything else as is.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler that gzips text files for clients that accept it."""

    def send_head(self):  # noqa: D401 - standard library hook
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            path.suffix not in COMPRESSIBLE
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not path.is_file()
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        # The body depends on Accept-Encoding: a cache must not hand it to a client without gzip.
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        import io

        return io.BytesIO(body)

    def log_message(self, *args) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    folder, port = Path(args[0] if args else "site"), int(args[1] if len(args) > 1 else 8765)
    handler = functools.partial(GzipHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"serving {folder} with gzip at http://127.0.0.1:{port}/")
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())

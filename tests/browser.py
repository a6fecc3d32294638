"""Headless Chromium (Debian's package) driven by Playwright, and a local server for the site.

Playwright cannot download its own browser here, so it drives /usr/bin/chromium. Without
Chromium the browser tests skip on a laptop, but fail under CI=true.
"""

from __future__ import annotations

import functools
import gzip
import io
import http.server
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    # No background calls home: the machine (and a reader's privacy) allow none.
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    path = chromium_path()
    if path:
        return path
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is missing in CI: `make test` should have installed Debian's chromium")
    pytest.skip("Chromium is not installed (run `make browser` as root to install it)")


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files like a production host: extra headers, and gzip for text files
    when the browser asks for it (so transfer sizes are the ones readers pay)."""

    extra_headers: dict = {}

    def log_message(self, *args):
        pass

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.endswith(COMPRESSIBLE) and os.path.isfile(path) and not self.path.endswith("/..")):
            return super().send_head()
        if os.path.isdir(self.translate_path(self.path)) and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # let the parent redirect to the trailing slash
        with open(path, "rb") as source:
            body = gzip.compress(source.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(root: Path, headers: dict | None = None):
    """Serves `root` on 127.0.0.1 at a free port; yields the base URL."""
    handler = type("Handler", (_QuietHandler,), {"extra_headers": headers or {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()

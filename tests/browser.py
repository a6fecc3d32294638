"""Headless Chromium (Debian's package) driven by Playwright, and a local server for the site.

Playwright cannot download its own browser here, so it drives /usr/bin/chromium. Without
Chromium the browser tests skip on a laptop, but fail under CI=true.
"""

from __future__ import annotations

import functools
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict = {}

    def log_message(self, *args):
        pass

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()


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

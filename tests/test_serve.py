"""`make serve` with broken data: the last good site is still served (no request hangs),
the whole message is printed after every save, and a fix is picked up."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.conftest import MKDOCS, copy_project

MESSAGE = "a tab starts this line"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(log: Path, text: str, count: int, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        output = log.read_text(encoding="utf-8", errors="replace")
        if output.count(text) >= count:
            return output
        time.sleep(0.2)
    raise AssertionError(f"no {count}× «{text}» after {seconds} s:\n{log.read_text(encoding='utf-8')[-3000:]}")


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # a hanging request fails here
        return response.status, response.read().decode("utf-8")


def test_serve_keeps_the_last_good_site_and_reports_every_save(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copy(Path(__file__).parent / "fixtures" / "country-ar.yml", project / "data/countries/ar.yml")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([str(MKDOCS), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    page = f"http://127.0.0.1:{port}/paises/ar/"
    ar = project / "data/countries/ar.yml"
    good = ar.read_text(encoding="utf-8")
    broken = good.replace("\nphase: 1", "\n\tphase: 1", 1)
    try:
        _wait_for(log, "Serving on", 1, 180)
        status, before = _get(page)
        assert status == 200 and "AMMAR" in before

        ar.write_text(broken, encoding="utf-8")
        _wait_for(log, MESSAGE, 1, 60)
        output = _wait_for(log, "Reloading browsers", 1, 30)
        assert "data/countries/ar.yml:7:1:" in output and "Traceback" not in output
        status, during = _get(page)
        assert status == 200 and "AMMAR" in during  # the last good page, at once

        time.sleep(1.1)  # a later modification time
        ar.write_text(broken, encoding="utf-8")  # the same mistake, saved again
        output = _wait_for(log, MESSAGE, 2, 60)
        assert output.count("data/countries/ar.yml:7:1:") == 2
        assert _get(page)[0] == 200

        fixed = good.replace('\n  es: "En el país,', '\n  es: "AMMAR: Encuentro corregido. En el país,', 1)
        assert fixed != good
        ar.write_text(fixed, encoding="utf-8")
        _wait_for(log, "Documentation built", 2, 120)
        _wait_for(log, "Reloading browsers", 3, 30)
        assert "AMMAR: Encuentro corregido" in _get(page)[1]
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary site
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)

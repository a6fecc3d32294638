"""`make compare-engines` and `make build ENGINE=...`, without building the site.

The real comparison (two full builds) runs in CI's `engines` job; here, on tiny folders,
only that a difference is found and reported, and that the Makefile hands the engine on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import importlib.util
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("compare_engines", ROOT / "scripts/compare_engines.py")
compare_engines = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare_engines)


def tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return root


SITE = {"index.html": b"<p>hola</p>", "en/index.html": b"<p>hello</p>", "sitemap.xml.gz": b"\x1f\x8b\x00"}


def test_identical_folders_are_reported_identical(tmp_path, capsys):
    a, b = tree(tmp_path / "mkdocs", SITE), tree(tmp_path / "properdocs", SITE)
    assert compare_engines.tree_differences(a, b) == []
    assert compare_engines.main(["--compare", str(a), str(b)]) == 0
    assert "identical: 3 files" in capsys.readouterr().out


def test_every_difference_is_listed_and_fails(tmp_path, capsys):
    a = tree(tmp_path / "mkdocs", SITE | {"404.html": b"x"})
    # one byte changed, one file missing on each side
    b = tree(tmp_path / "properdocs", {**SITE, "en/index.html": b"<p>hellO</p>", "extra.js": b""})
    expected = ["only in mkdocs: 404.html", "only in properdocs: extra.js", "differs: en/index.html"]
    assert compare_engines.tree_differences(a, b) == expected
    assert compare_engines.main(["--compare", str(a), str(b)]) == 1
    out = capsys.readouterr().out
    assert "3 difference(s)" in out and all(line in out for line in expected)


def test_both_builds_get_the_same_day_and_build_date():
    env = compare_engines.fixed_env(dt.date(2026, 12, 1))
    assert env["SITE_TODAY"] == "2026-12-01"
    assert int(env["SOURCE_DATE_EPOCH"]) == calendar.timegm((2026, 12, 1, 0, 0, 0))


def dry_run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("engine", compare_engines.ENGINES)
def test_make_build_builds_the_site_and_its_bundle_with_the_engine(engine):
    result = dry_run("build", f"ENGINE={engine}")
    assert result.returncode == 0, result.stderr
    assert f"scripts/make_offline.py --engine {engine}" in result.stdout
    assert f".venv/bin/{engine} build --strict" in result.stdout


def test_make_refuses_an_unknown_engine():
    result = dry_run("build", "ENGINE=zensical")
    assert result.returncode != 0
    assert "ENGINE must be one of: mkdocs properdocs" in result.stderr


"""Shared fixtures: the site is built once per test session, into a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hooks.sitegen.load import load_site  # noqa: E402
from tests.hostile import add_hostile_data  # noqa: E402
from tests.htmlpages import BuiltSite  # noqa: E402

MKDOCS = Path(sys.executable).with_name("mkdocs")


def build(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Runs the same strict build as `make build`, in a subprocess like a reader's build."""
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


def copy_project(target: Path) -> Path:
    ignore = shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", ".pytest_cache", "node_modules")
    shutil.copytree(ROOT, target, ignore=ignore)
    if (ROOT / "node_modules").is_dir():  # the npm packages the build copies (Decap CMS, for /admin/)
        (target / "node_modules").symlink_to((ROOT / "node_modules").resolve(), target_is_directory=True)
    return target


@pytest.fixture(scope="session")
def site_data():
    return load_site(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The real site, built from this repository exactly as `make build` does."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return BuiltSite(out)


# Edge cases the real content does not have (and must not have): a page not yet
# translated, hostile strings in YAML (tests/hostile.py), an old review date, an
# editor's commentary.
HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


def make_edge_project(target: Path) -> Path:
    project = copy_project(target)
    (project / "docs/es/solo-en-espanol.md").write_text(
        "# Página de prueba\n\nTexto que todavía no se tradujo.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - contacto.md\n", "  - contacto.md\n  - solo-en-espanol.md\n", 1), encoding="utf-8")
    ar = project / "data/countries/ar.yml"
    # A frozen copy of Argentina's file, so that these edits do not depend on today's profile.
    text = (ROOT / "tests/fixtures/country-ar.yml").read_text(encoding="utf-8")
    text = text.replace('es: "En el país,', f'es: "{HOSTILE.replace(chr(34), chr(92) + chr(34))} En el país,', 1)
    text = text.replace("last_reviewed: 2026-12-01", "last_reviewed: 2024-01-15", 1)
    ar.write_text(text, encoding="utf-8")
    (project / "docs/es/paises").mkdir(parents=True, exist_ok=True)
    (project / "docs/es/paises/bo.md").write_text(
        "# Bolivia\n\nComentario de la editora, *solo en español*.\n", encoding="utf-8")
    (project / "docs/en/paises").mkdir(parents=True, exist_ok=True)
    (project / "docs/en/paises/ar.md").write_text(
        "# Argentina\n\nAn editor's commentary on AMMAR's work.\n", encoding="utf-8")
    add_hostile_data(project)
    return project


@pytest.fixture(scope="session")
def edge_project(tmp_path_factory) -> Path:
    return make_edge_project(tmp_path_factory.mktemp("edge") / "project")


@pytest.fixture(scope="session")
def edge_site(edge_project, tmp_path_factory) -> BuiltSite:
    out = tmp_path_factory.mktemp("edge-site")
    result = build(edge_project, out)
    assert result.returncode == 0, result.stderr
    return BuiltSite(out)


# One headless Chromium and one local server for the whole session (tests/browser.py).
@pytest.fixture(scope="session")
def browser():
    from tests.browser import CHROMIUM_ARGS, require_chromium
    executable = require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def base_url(built_site):
    """The built site served on 127.0.0.1, compressed like a production host."""
    from tests.browser import serve
    with serve(built_site.root) as url:
        yield url

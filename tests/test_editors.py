"""The editors' workflow end to end: a broken file stops the build cleanly, new countries
need no code, the status report finds what is untranslated, and the site works under a
sub-path."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hooks.sitegen import status as status_module
from hooks.sitegen.load import load_site
from hooks.sitegen.model import LANGUAGES
from tests.conftest import build, copy_project
from tests.htmlpages import BuiltSite

VENV = Path(sys.executable).parent.parent


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_broken_data_stops_the_build_with_file_and_line_and_keeps_the_old_site(project, tmp_path):
    ar = project / "data/countries/ar.yml"
    text = ar.read_text(encoding="utf-8")
    line = text[: text.index("value: partially_criminalised")].count("\n") + 1
    ar.write_text(text.replace("value: partially_criminalised", "value: partialy_criminalised", 1), encoding="utf-8")
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("the site as it was", encoding="utf-8")
    result = build(project, site_dir)
    assert result.returncode != 0
    assert f"data/countries/ar.yml:{line}:" in result.stderr
    assert 'Did you mean partially_criminalised?' in result.stderr
    assert "Traceback" not in result.stderr
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "the site as it was"
    assert sorted(p.name for p in site_dir.iterdir()) == ["index.html"]


def test_check_prints_github_annotations_under_actions(project):
    ar = project / "data/countries/ar.yml"
    ar.write_text(ar.read_text(encoding="utf-8").replace("phase: 1", "phase: 9", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "hooks.sitegen.check"], cwd=project, capture_output=True,
                            text=True, env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert re.search(r"^::error file=data/countries/ar\.yml,line=\d+,col=\d+::phase: ", result.stdout, re.M)
    assert "data/countries/ar.yml:" in result.stderr and "Traceback" not in result.stderr


def test_new_country_needs_no_code_change(project, tmp_path):
    result = subprocess.run(["make", "-s", "new-country", "ISO=br", f"VENV={VENV}"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (project / "data/countries/br.yml").exists()
    again = subprocess.run(["make", "-s", "new-country", "ISO=br", f"VENV={VENV}"], cwd=project,
                           capture_output=True, text=True)
    assert again.returncode != 0 and "ya existe" in again.stderr
    site_dir = tmp_path / "site"
    built = build(project, site_dir)
    assert built.returncode == 0, built.stderr
    site = BuiltSite(site_dir)
    for lang, name in (("es", "Brasil"), ("en", "Brazil"), ("pt", "Brasil")):
        prefix = "" if lang == "es" else f"{lang}/"
        page = site.page(f"{prefix}paises/br/")
        assert page.lang == lang and f">{name}</h1>" in page.article
        assert 'href="br/"' in site.page(f"{prefix}paises/").article


def test_status_lists_what_is_not_translated(edge_project, edge_site, site_data, tmp_path):
    import shutil
    edge_project = Path(shutil.copytree(edge_project, tmp_path / "edge"))  # the shared fixture stays as it is
    bo = edge_project / "data/countries/bo.yml"
    text = bo.read_text(encoding="utf-8")
    summary_en = re.search(r'\n  en: "[^"]*"\n', text[text.index("summary:"):]).group(0)
    bo.write_text(text.replace(summary_en, "\n", 1), encoding="utf-8")
    leaflet = edge_project / "data/materials/folleto-violencia.yml"
    leaflet.write_text(leaflet.read_text(encoding="utf-8").replace('  pt: "Se você sofreu violência"\n', "", 1),
                       encoding="utf-8")
    site = load_site(edge_project)
    report = status_module.collect(site, edge_project / "docs", dt.date(2026, 11, 29))
    assert "solo-en-espanol.md" in report.missing_pages["en"] and "solo-en-espanol.md" in report.missing_pages["pt"]
    assert ("data/countries/bo.yml", "summary") in report.missing_texts["en"]
    assert ("data/countries/bo.yml", "summary") not in report.missing_texts["pt"]
    assert ("data/materials/folleto-violencia.yml", "title") in report.missing_texts["pt"]
    assert ("data/materials/folleto-violencia.yml", "title") not in report.missing_texts["en"]
    assert "AR" in [iso for iso, _ in report.old_reviews]
    printed = subprocess.run([sys.executable, "-m", "hooks.sitegen.status"], cwd=edge_project, capture_output=True, text=True)
    assert "docs/en/solo-en-espanol.md" in printed.stdout and "data/countries/bo.yml: summary" in printed.stdout
    # and the editors' page of the built site shows the untranslated page, in each language
    for lang in ("en", "pt"):
        page = edge_site.page(f"{lang}/estado/")
        assert "docs/" + lang + "/solo-en-espanol.md" in page.text
        assert site_data.ui["status_title"].get(lang)[0] in page.text


def test_status_page_is_linked_from_the_methodology_page_not_the_footer(built_site):
    for lang in LANGUAGES:
        prefix = "" if lang == "es" else f"{lang}/"
        for url in (prefix, f"{prefix}paises/ar/"):
            page = built_site.page(url)
            assert not [href for tag, href, _ in page.links if tag == "a" and href.rstrip("/").endswith("estado")]
        url = f"{prefix}metodologia/"
        links = [href for tag, href, _ in built_site.page(url).links if tag == "a" and href.rstrip("/").endswith("estado")]
        assert links and built_site.resolve(url, links[0]) == f"{prefix}estado/"


def test_site_works_under_a_sub_path(tmp_path):
    site_dir = tmp_path / "site"
    result = build(Path(__file__).resolve().parents[1], site_dir, {"SITE_URL": "https://org.github.io/repo/"})
    assert result.returncode == 0, result.stderr
    site = BuiltSite(site_dir)
    outside = []
    for url in site.html_urls():
        page = site.page(url)
        for tag, href, _ in page.links:
            if href.startswith(("http://", "https://", "mailto:", "data:", "#")):
                assert not href.startswith("https://org.github.io/") or href.startswith("https://org.github.io/repo/")
                continue
            # as served from https://org.github.io/repo/<url>
            from urllib.parse import urljoin
            absolute = urljoin(f"https://org.github.io/repo/{url}", href)
            if not absolute.startswith("https://org.github.io/repo/"):
                outside.append((url, href))
    assert not outside, outside[:10]
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://org.github.io/repo/en/paises/ar/</loc>" in sitemap


def test_new_material_is_a_draft_the_site_builds_without(project, tmp_path):
    result = subprocess.run(["make", "-s", "new-material", "ID=folleto-nuevo", f"VENV={VENV}"], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    built = build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    site = BuiltSite(tmp_path / "site")
    assert "material-folleto-nuevo" not in site.page("materiales/").article  # a draft is not published
    draft = project / "data/materials/folleto-nuevo.yml"
    draft.write_text(draft.read_text(encoding="utf-8").replace("draft: true\n", "", 1), encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "hooks.sitegen.check"], cwd=project, capture_output=True, text=True)
    assert checked.returncode == 1
    assert re.search(r"data/materials/folleto-nuevo\.yml:\d+:\d+: title\.es: ", checked.stderr)

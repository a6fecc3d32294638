"""The country briefs of the built site: one PDF per country and language, linked from each
profile with its size, naming its country and every key answer in its language; the same
bytes when built again (offline bundle included), and made again only when its data change."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pypdf
import pytest

from hooks.sitegen.briefs import brief_path
from hooks.sitegen.localize import country_name
from hooks.sitegen.model import LANGUAGES
from hooks.sitegen.paths import language_prefix
from tests.conftest import build, copy_project
from tests.htmlpages import BuiltSite, assert_size_shown

LIMIT = 150_000
_LINK = re.compile(r'<p class="rt-brief"[^>]*><a href="([^"]+)"[^>]*>([^<]+)</a></p>')


def _words(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _all_briefs(site_data):
    return [(c, lang) for c in site_data.countries for lang in LANGUAGES]


def test_every_country_has_a_brief_in_each_language_naming_it_and_its_key_answers(built_site, site_data):
    found = sorted(p.name for p in (built_site.root / "fichas").glob("*.pdf"))
    assert found == sorted(brief_path(c.iso2, lang).split("/")[1] for c, lang in _all_briefs(site_data))
    assert len(found) == len(site_data.countries) * 3 == 51
    for country, lang in _all_briefs(site_data):
        path = built_site.root / brief_path(country.iso2, lang)
        assert path.stat().st_size < LIMIT, path.name
        reader = pypdf.PdfReader(path)
        assert reader.metadata.title.startswith(country_name(country.iso2, lang))
        text = _words(path)
        assert country_name(country.iso2, lang) in text, path.name
        for indicator in site_data.catalogue.key_indicators:
            answer = country.answers[indicator.id]
            label = (indicator.scale_value(answer.value).label.get(lang)[0] if answer.known
                     else site_data.ui_text("no_verified_information", lang))
            assert " ".join(indicator.question.get(lang)[0].split()) in text, (path.name, indicator.id)
            assert f"{site_data.ui_text('brief_answer', lang)}: {label}" in text, (path.name, indicator.id)


def test_each_profile_links_its_brief_near_the_top_with_its_size(built_site, site_data):
    for country, lang in _all_briefs(site_data):
        url = f"{language_prefix(lang)}paises/{country.iso2.lower()}/"
        article = built_site.page(url).article
        match = _LINK.search(article)
        assert match, url
        assert article.index("rt-brief") < article.index('class="rt-facts"')  # before the first answer
        target = built_site.resolve(url, unescape(match.group(1)))
        assert target == brief_path(country.iso2, lang)
        label = unescape(match.group(2))
        assert label.startswith(site_data.ui_text("brief_download", lang).split("{")[0])
        assert_size_shown(label.split(", ")[-1].rstrip(")"), (built_site.root / target).stat().st_size)


@pytest.fixture(scope="module")
def cold_offline_build(tmp_path_factory):
    """A copy of the project with no brief kept on disk, built as the offline bundle is."""
    project = copy_project(tmp_path_factory.mktemp("briefs-project") / "project")
    shutil.rmtree(project / ".cache", ignore_errors=True)
    site = tmp_path_factory.mktemp("briefs-offline")
    timings = site.parent / "briefs-offline-timings.json"
    result = build(project, site, {"OFFLINE": "true", "SITEGEN_TIMINGS": str(timings)})
    assert result.returncode == 0, result.stderr
    return project, BuiltSite(site), json.loads(timings.read_text().splitlines()[-1])


def test_a_cold_rebuild_gives_the_same_bytes_and_the_offline_bundle_has_them(built_site, cold_offline_build, site_data):
    _, offline, figures = cold_offline_build
    assert figures["briefs_made"] == 51 and figures["briefs_from_disk"] == 0
    for country, lang in _all_briefs(site_data):
        path = brief_path(country.iso2, lang)
        assert (offline.root / path).read_bytes() == (built_site.root / path).read_bytes(), path
    # The offline bundle zips this folder as it is (scripts/make_offline.py): its profiles
    # (paises/ar.html) link the same files.
    page = f"{language_prefix('pt')}paises/ar.html"
    href = unescape(_LINK.search(offline.page(page).article).group(1))
    assert offline.resolve(page, href) == brief_path("AR", "pt")


def test_a_warm_rebuild_makes_only_the_briefs_whose_data_changed(cold_offline_build, tmp_path):
    project, offline, _ = cold_offline_build
    country = project / "data/countries/ar.yml"
    text = country.read_text(encoding="utf-8")
    edited = text.replace('  es: "En el país,', '  es: "(Texto de prueba.) En el país,', 1)
    assert edited != text
    country.write_text(edited, encoding="utf-8")  # Spanish summary only: one brief shows it
    timings = tmp_path / "timings.json"
    result = build(project, tmp_path / "site", {"OFFLINE": "true", "SITEGEN_TIMINGS": str(timings)})
    assert result.returncode == 0, result.stderr
    figures = json.loads(timings.read_text().splitlines()[-1])
    assert (figures["briefs_made"], figures["briefs_from_disk"]) == (1, 50)
    changed = {p.name for p in (tmp_path / "site/fichas").glob("*.pdf")
               if p.read_bytes() != (offline.root / "fichas" / p.name).read_bytes()}
    assert changed == {"ficha-ar-es.pdf"}
    assert "(Texto de prueba.)" in _words(tmp_path / "site/fichas/ficha-ar-es.pdf")

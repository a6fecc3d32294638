"""The materials library as built: catalogue, downloads, checksums, filters in Chromium."""

from __future__ import annotations

import hashlib
import html
import re

import yaml

from hooks.sitegen.model import DEFAULT_LANGUAGE, LANGUAGES
from tests.conftest import ROOT
from tests.htmlpages import assert_size_shown

PREFIX = {lang: ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") for lang in LANGUAGES}


def raw_materials() -> dict:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data/materials").glob("*.yml"))}


def test_every_material_is_in_every_catalogue(built_site):
    materials = raw_materials()
    assert len(materials) >= 6
    for lang in LANGUAGES:
        page = built_site.page(f"{PREFIX[lang]}materiales/")
        cards = re.findall(r'<article class="rt-material" id="material-([a-z0-9-]+)"', page.article)
        assert sorted(cards) == sorted(materials)
        for material_id, data in materials.items():
            title = data["title"].get(lang) or data["title"]["es"]
            assert title in html.unescape(page.article), (lang, material_id)


def test_each_download_is_the_file_the_page_describes(built_site):
    for lang in LANGUAGES:
        for material_id in raw_materials():
            url = f"{PREFIX[lang]}materiales/{material_id}/"
            page = built_site.page(url)
            # The checksum folds away behind "verify the file" (a 64-letter column fills a phone).
            rows = re.findall(r"<tr><td>[^<]*</td>\s*<td>[^<]*</td>\s*<td>([^<]*)</td>\s*<td><details class=\"rt-sha256-fold\">"
                              r"<summary>[^<]+</summary><code class=\"rt-sha256\">([0-9a-f]{64})</code></details></td>"
                              r"\s*<td><a class=\"rt-download\" href=\"([^\"]+)\" download", page.article)
            assert rows, url
            for size, checksum, href in rows:
                target = built_site.resolve(url, href)
                assert target.startswith("materiales/files/")  # one copy for every language
                data = built_site.file_for(target).read_bytes()
                assert hashlib.sha256(data).hexdigest() == checksum
                assert_size_shown(size, len(data))


STORY_LABEL = {"es": "para historias, 1080 × 1920", "en": "for stories, 1080 × 1920",
               "pt": "para stories, 1080 × 1920"}
VERIFY = {"es": "Verificar el archivo", "en": "Verify the file", "pt": "Verificar o arquivo"}


def test_every_checksum_is_folded_behind_verify_the_file(built_site):
    for lang in LANGUAGES:
        for material_id, data in raw_materials().items():
            page = built_site.page(f"{PREFIX[lang]}materiales/{material_id}/")
            local = [f for f in data["files"] if f.get("path")]
            folds = re.findall(r"<details class=\"rt-sha256-fold\"><summary>([^<]+)</summary>"
                               r"<code class=\"rt-sha256\">[0-9a-f]{64}</code></details>", page.article)
            assert folds == [VERIFY[lang]] * len(local), (lang, material_id)
            # No checksum left outside its fold.
            assert len(re.findall(r"\b[0-9a-f]{64}\b", page.article)) == len(local)


def test_cards_offer_a_png_for_social_media_first(built_site):
    cards = {k: v for k, v in raw_materials().items() if v["type"] == "social_card"}
    assert cards
    for lang in LANGUAGES:
        campaign = built_site.page(f"{PREFIX[lang]}campana/")
        for material_id, data in cards.items():
            page = built_site.page(f"{PREFIX[lang]}materiales/{material_id}/")
            hrefs = re.findall(r'<a class="rt-download" href="([^"]+)" download', page.article)
            names = [h.rsplit("/", 1)[-1] for h in hrefs]
            assert names[0] == f"{material_id}-{lang}.png", (lang, names)  # the reader's language, PNG first
            assert 'type="image/png"' in page.article
            story = f"{material_id}-{lang}-historia.png"
            assert story in names and STORY_LABEL[lang] in page.article, (lang, material_id)
            assert f"{material_id}-{lang}.png" in campaign.article  # the campaign page links the PNG
        assert "convert" not in campaign.text.lower() and "convierte" not in campaign.text.lower()


def test_profiles_list_the_materials_meant_for_them(built_site):
    materials = raw_materials()
    for lang in LANGUAGES:
        page = built_site.page(f"{PREFIX[lang]}paises/ar/")
        linked = set(re.findall(r'href="[^"]*materiales/([a-z0-9-]+)/"', page.article))
        meant = {mid for mid, d in materials.items() if d["countries"] == "all" or "ar" in d["countries"]}
        assert linked == meant


def test_filters_narrow_the_list_and_clearing_restores_it(browser, base_url):
    materials = raw_materials()
    topic = "violence"
    expected = {mid for mid, d in materials.items() if topic in d["topics"]}
    assert 0 < len(expected) < len(materials)
    page = browser.new_page()
    page.goto(base_url + "en/materiales/")
    cards = page.locator("article.rt-material")
    assert page.locator("form.rt-filters").is_visible()
    page.select_option("#rt-filter-topic", topic)
    visible = {c.get_attribute("id")[len("material-"):] for c in cards.all() if c.is_visible()}
    assert visible == expected
    page.click("[data-rt-filter-clear]")
    assert all(c.is_visible() for c in cards.all()) and cards.count() == len(materials)
    page.close()


def test_without_javascript_every_material_is_listed_by_type(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "pt/materiales/")
    assert not page.locator("form.rt-filters").is_visible()
    visible = [c for c in page.locator("article.rt-material").all() if c.is_visible()]
    assert len(visible) == len(raw_materials())
    assert page.locator("h2").count() >= 2  # grouped by type
    context.close()

"""WCAG 2.1 AA: axe-core (bundled in axe-playwright-python) in headless Chromium on every
kind of page in every language; keyboard reaches the switcher, tables and map countries."""

from __future__ import annotations

import pytest

from hooks.sitegen.model import DEFAULT_LANGUAGE, LANGUAGES

PREFIX = {lang: ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") for lang in LANGUAGES}
PAGE_KINDS = {
    "home": "", "about": "acerca/", "contact": "contacto/", "browsing safely": "navegacion-segura/",
    "profile": "paises/bo/", "countries index": "paises/", "comparison": "comparacion/",
    "maps": "mapas/", "map": "mapas/legal_model/", "methodology": "metodologia/", "404": "404.html",
    "materials catalogue": "materiales/", "material": "materiales/derechos-prueba-vih/", "campaign": "campana/",
    "editors' status": "estado/",
}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def page(browser, base_url):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.base = base_url
    yield page
    page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_wcag_aa_violation(page, kind, lang):
    from axe_playwright_python.sync_playwright import Axe
    page.goto(page.base + PREFIX[lang] + PAGE_KINDS[kind])
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_snapshot() + "\n" + str(
        [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]])


def test_keyboard_reaches_switcher_tables_and_map_countries(page):
    def tab_until(predicate, limit=400):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(predicate):
                return True
        return False

    page.goto(page.base + "en/comparacion/")
    assert tab_until("document.activeElement.closest('.md-select') !== null")  # language switcher
    assert tab_until("document.activeElement.closest('table.rt-compare') !== null")
    page.goto(page.base + "en/mapas/legal_model/")
    assert tab_until("document.activeElement.matches('svg a, svg .rt-map-link')")

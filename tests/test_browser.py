"""The site in a real headless Chromium, as a reader uses it."""

from __future__ import annotations

import pytest

from hooks.sitegen.model import DEFAULT_LANGUAGE, LANGUAGES

PREFIX = {lang: ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") for lang in LANGUAGES}
NAMES = {"es": "Español", "en": "English", "pt": "Português"}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    yield page
    context.close()


def switch_language(page, name: str):
    # Material's language menu opens on hover or focus; a reader on a phone taps it.
    page.locator(".md-header__option .md-select").first.hover()
    page.get_by_role("link", name=name, exact=True).first.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("start", LANGUAGES)
def test_home_loads_and_language_switches_by_clicking(page, base_url, site_data, start):
    page.goto(base_url + PREFIX[start])
    assert page.locator("html").get_attribute("lang") == start
    assert site_data.settings.network_name.get(start)[0] in page.title()
    for target in LANGUAGES:
        if target == start:
            continue
        page.goto(base_url + PREFIX[start])
        switch_language(page, NAMES[target])
        assert page.url == base_url + PREFIX[target]
        assert page.locator("html").get_attribute("lang") == target


def test_switching_language_on_a_profile_keeps_the_country(page, base_url):
    page.goto(base_url + "paises/ni/")
    switch_language(page, "Português")
    assert page.url == base_url + "pt/paises/ni/"
    assert page.locator("h1").first.inner_text() == "Nicarágua"


def test_comparison_columns_sort_by_click(page, base_url, site_data):
    page.goto(base_url + "en/comparacion/")
    table = page.locator("table.rt-compare").first
    header = table.locator("thead th").nth(1)
    def column():
        return [c.get_attribute("data-sort") for c in table.locator("tbody tr td:nth-of-type(1)").all()]
    def countries():
        return [c.inner_text() for c in table.locator("tbody tr th").all()]
    before = countries()
    assert before == sorted(before, key=str.casefold)  # without a click: by country name
    header.locator("button").click()
    ascending = column()
    assert ascending == sorted(ascending) and header.get_attribute("aria-sort") == "ascending"
    header.locator("button").click()
    assert column() == sorted(ascending, reverse=True) and header.get_attribute("aria-sort") == "descending"
    assert sorted(countries()) == sorted(before)  # every country still there

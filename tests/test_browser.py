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

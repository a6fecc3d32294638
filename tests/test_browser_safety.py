"""Reader safety in headless Chromium: quick exit, no other host, no traces, CSP."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest

from hooks.sitegen.headers import parse_headers_file
from hooks.sitegen.model import DEFAULT_LANGUAGE, LANGUAGES
from tests.browser import serve

PREFIX = {lang: ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") for lang in LANGUAGES}
PAGE_KINDS = ["", "acerca/", "contacto/", "navegacion-segura/", "paises/", "paises/bo/", "404.html", "comparacion/",
              "mapas/", "mapas/test_free/", "metodologia/", "materiales/", "materiales/derechos-prueba-vih/",
              "campana/", "estado/"]


@pytest.fixture(scope="module")
def secured_url(built_site):
    """The site served with the headers of its own `_headers` file, as Netlify would."""
    headers = parse_headers_file((built_site.root / "_headers").read_text(encoding="utf-8"))
    assert "Content-Security-Policy" in headers
    with serve(built_site.root, headers) as url:
        yield url


@pytest.fixture
def context(browser, site_data):
    """A phone-sized browser; any request that leaves 127.0.0.1 is recorded, and the
    neutral quick-exit site is answered locally (there is no internet here)."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.foreign_requests = []
    neutral = urlsplit(site_data.settings.quick_exit_url).netloc

    def route(route):
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            return route.continue_()
        context.foreign_requests.append(route.request.url)
        if urlsplit(route.request.url).netloc == neutral:
            return route.fulfill(status=200, content_type="text/html", body="<title>neutral</title><p>neutral</p>")
        return route.abort()

    context.route("**/*", route)
    yield context
    context.close()


def test_quick_exit_by_click_replaces_the_page(context, secured_url, site_data):
    page = context.new_page()
    page.goto(secured_url + "en/paises/bo/")
    button = page.get_by_role("link", name=site_data.ui["quick_exit"].en)
    assert button.is_visible()
    assert button.bounding_box()["y"] + button.bounding_box()["height"] <= 740  # visible without scrolling
    button.click()
    page.wait_for_url(site_data.settings.quick_exit_url)
    page.go_back()
    assert "paises/bo" not in page.url  # Back does not return to the page that was left


def test_quick_exit_by_pressing_escape_twice(context, secured_url, site_data):
    page = context.new_page()
    page.goto(secured_url + "pt/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(site_data.settings.quick_exit_url)
    page.go_back()
    assert not page.url.startswith(secured_url)


def test_quick_exit_is_first_in_keyboard_order_in_each_language(context, secured_url, site_data):
    page = context.new_page()
    for lang in LANGUAGES:
        page.goto(secured_url + PREFIX[lang] + "paises/")
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert focused == site_data.ui["quick_exit"].get(lang)[0]


def test_quick_exit_works_without_javascript(browser, secured_url, site_data):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(secured_url + "paises/ar/")
    link = page.get_by_role("link", name=site_data.ui["quick_exit"].es)
    assert link.get_attribute("href") == site_data.settings.quick_exit_url
    context.close()


def test_no_other_host_no_cookie_no_trace_and_no_csp_violation(context, secured_url, site_data):
    page = context.new_page()
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.on("pageerror", lambda err: violations.append(str(err)))
    visited = []
    for lang in LANGUAGES:
        for kind in PAGE_KINDS:
            response = page.goto(secured_url + PREFIX[lang] + kind)
            assert response.status == 200, kind
            assert response.headers.get("referrer-policy") == "no-referrer"
            visited.append(PREFIX[lang] + kind)
    # search works under the policy (its worker and index come from the site itself)
    page.goto(secured_url + "en/")
    page.locator("label.md-search__icon, .md-header__button[for=__search]").first.click()
    page.locator("input.md-search__input").fill("Bolivia")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert not violations, violations
    assert context.foreign_requests == []
    assert context.cookies() == []
    storage = page.evaluate("""() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])""")
    for url in visited:
        name = url.rstrip("/").split("/")[-1]
        if len(name) > 2:  # "bo", "pt" would match anything
            assert name not in storage, (name, storage)
    assert "paises" not in storage, storage


def test_every_kind_of_page_reads_fully_with_javascript_off(browser, built_site):
    with serve(built_site.root) as url:
        context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
        page = context.new_page()
        for lang in LANGUAGES:
            for kind in PAGE_KINDS:
                page.goto(url + PREFIX[lang] + kind)
                article = page.locator("article.md-content__inner").first
                assert article.is_visible() and page.locator("h1").first.is_visible(), (lang, kind)
                # every section of the page as built is there for the reader, none hidden
                shown = " ".join(article.inner_text().split())
                built = built_site.page(PREFIX[lang] + kind).article
                for heading in re.findall(r"<h2[^>]*>(.*?)</h2>", built, re.S):
                    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", heading)).split())
                    assert text in shown, (lang, kind, text)
                hidden = page.evaluate("""() => [...document.querySelectorAll('article .rt-fact, article table, article .rt-material')]
                                            .filter(e => e.offsetParent === null).length""")
                assert hidden == 0, (lang, kind, hidden)
        context.close()

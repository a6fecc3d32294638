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


@pytest.fixture(scope="module")
def other_site(tmp_path_factory, secured_url):
    """Another site on 127.0.0.1 (another port, so another origin) with a link to this one:
    where a reader was before the visit."""
    root = tmp_path_factory.mktemp("other-site")
    (root / "index.html").write_text(
        f'<!doctype html><title>other</title><a id="to-site" href="{secured_url}">site</a>', encoding="utf-8")
    with serve(root) as url:
        yield url


def _exit_button(page, site_data, lang="es"):
    return page.get_by_role("link", name=site_data.ui["quick_exit"].get(lang)[0], exact=True)


def _click_and_wait(page, locator, url_part):
    locator.click()
    page.wait_for_url(lambda url: url_part in url)


def test_after_the_exit_neither_back_nor_forward_reaches_the_site(context, other_site, secured_url, site_data):
    """The whole visit holds one history entry (links inside the site replace it, Material's
    search results and language switcher included), and the exit replaces that one."""
    page = context.new_page()
    page.goto(other_site)
    _click_and_wait(page, page.locator("#to-site"), secured_url)
    entries = page.evaluate("history.length")
    _click_and_wait(page, page.locator("a.rt-map-link[href^='paises/hn/']"), "/paises/hn/")  # a link in an SVG map
    _click_and_wait(page, page.locator("article a[href^='#src-']").first, "#src-")  # an in-page link
    target_top = page.evaluate("document.querySelector(':target').getBoundingClientRect().top")
    assert target_top >= page.locator(".md-header").bounding_box()["y"] + page.locator(".md-header").bounding_box()["height"]
    _click_and_wait(page, page.locator(".md-path a").last, "/paises/")  # breadcrumb up a level
    page.locator(".md-header label[for=__search]").first.click()
    page.locator("input.md-search__input").fill("Bolivia")
    _click_and_wait(page, page.locator(".md-search-result__item a[href*='paises/bo/']").first, "/paises/bo/")
    page.locator(".md-header .md-select").first.hover()
    _click_and_wait(page, page.locator(".md-select__link[hreflang=en]").first, "/en/paises/bo/")
    assert page.evaluate("history.length") == entries  # the visit still holds a single entry
    _exit_button(page, site_data, "en").click()
    page.wait_for_url(site_data.settings.quick_exit_url)
    seen = []
    for step in [page.go_back] * 5 + [page.go_forward] * 5:
        step()
        page.wait_for_load_state()
        seen.append(page.url)
    assert not [url for url in seen if url.startswith(secured_url)], seen
    assert other_site in seen and site_data.settings.quick_exit_url in seen, seen


def _longest_profile(page, secured_url, site_data):
    heights = {}
    for country in site_data.countries:
        assert page.goto(secured_url + f"paises/{country.slug}/").status == 200
        heights[country.slug] = page.evaluate("document.documentElement.scrollHeight")
    return max(heights, key=heights.get)


def _assert_exit_in_view(page, site_data, width, height, lang="es"):
    button = _exit_button(page, site_data, lang)
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height, box
    # nothing covers it: the element at its centre is the button itself
    on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('[data-rt-quick-exit-link]') !== null",
                           [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top, box
    safety = page.locator(".rt-quick-exit__safety")
    assert safety.is_visible() and safety.bounding_box()["y"] + safety.bounding_box()["height"] <= height


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)])
def test_quick_exit_stays_in_view_at_every_scroll_position(browser, secured_url, site_data, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    longest = _longest_profile(page, secured_url, site_data)
    page.goto(secured_url + f"paises/{longest}/")
    total = page.evaluate("document.documentElement.scrollHeight")
    assert total > 4 * height  # a long page, or the test proves nothing
    for y in (0, total // 3, 2 * total // 3, total):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(50)
        _assert_exit_in_view(page, site_data, width, height)
    assert page.evaluate("window.scrollY + window.innerHeight") >= total - 1  # really at the bottom
    if width < 600:  # the menu drawer and the search box, open on a phone, leave it in view
        page.locator(".md-header label[for=__drawer]").first.click()
        page.wait_for_timeout(400)
        _assert_exit_in_view(page, site_data, width, height)
        page.keyboard.press("Escape")
        page.evaluate("document.getElementById('__drawer').checked = false")
        page.locator(".md-header label[for=__search]").first.click()
        page.wait_for_timeout(400)
        _assert_exit_in_view(page, site_data, width, height)
        assert page.locator("input.md-search__input").is_visible()
    context.close()


def test_shift_three_times_exits_and_shifted_letters_do_not(context, secured_url, site_data):
    page = context.new_page()
    page.goto(secured_url + "pt/paises/")
    for _ in range(3):
        page.keyboard.press("Shift+B")  # typing capitals is not a signal to leave
    page.wait_for_timeout(300)
    assert page.url.startswith(secured_url)
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(site_data.settings.quick_exit_url)
    page.go_back()
    assert not page.url.startswith(secured_url)


def test_escape_that_closes_search_leaves_the_reader_on_the_site(context, secured_url):
    page = context.new_page()
    page.goto(secured_url + "paises/")
    page.locator(".md-header label[for=__search]").first.click()
    page.locator("input.md-search__input").fill("Bolivia")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1000)
    assert page.url == secured_url + "paises/"
    assert page.evaluate("document.getElementById('__search').checked") is False  # search closed


def test_exit_blanks_the_page_at_once_and_again_from_the_back_forward_cache(context, secured_url, site_data):
    page = context.new_page()
    neutral = site_data.settings.quick_exit_url
    asked = []

    def no_content(route):  # the neutral site answers "204 No Content": the page is not left
        asked.append(route.request.url)
        route.fulfill(status=204)

    page.route(lambda url: url == neutral, no_content)
    page.goto(secured_url + "paises/ar/")
    _exit_button(page, site_data).click()
    page.wait_for_timeout(300)
    assert asked == [neutral]
    assert page.url == secured_url + "paises/ar/"
    assert page.evaluate("[getComputedStyle(document.body).display, document.title]") == ["none", ""]
    # Shown again from the back-forward cache after the exit: blank again, and leave again.
    page.evaluate("""() => { document.body.style.display = ''; document.title = 'shown again';
        window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true})); }""")
    assert page.evaluate("[getComputedStyle(document.body).display, document.title]") == ["none", ""]
    page.wait_for_timeout(300)
    assert asked == [neutral, neutral]
    page.close()


def test_quick_exit_is_first_in_keyboard_order_in_each_language(context, secured_url, site_data):
    page = context.new_page()
    for lang in LANGUAGES:
        page.goto(secured_url + PREFIX[lang] + "paises/")
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert focused == site_data.ui["quick_exit"].get(lang)[0]


def test_quick_exit_works_without_javascript(browser, secured_url, site_data):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    for lang in LANGUAGES:
        page.goto(secured_url + PREFIX[lang] + "paises/ar/")
        link = _exit_button(page, site_data, lang)
        assert link.get_attribute("href") == site_data.settings.quick_exit_url
        assert "noreferrer" in link.get_attribute("rel").split()
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        _assert_exit_in_view(page, site_data, 390, 844, lang)  # the bar is sticky by CSS alone
    context.close()


def test_no_other_host_no_cookie_no_trace_and_no_csp_violation(context, secured_url, site_data):
    page = context.new_page()
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.on("pageerror", lambda err: violations.append(str(err)))
    for lang in LANGUAGES:
        for kind in PAGE_KINDS:
            response = page.goto(secured_url + PREFIX[lang] + kind)
            assert response.status == 200, kind
            assert response.headers.get("referrer-policy") == "no-referrer"
    # search works under the policy (its worker and index come from the site itself)
    page.goto(secured_url + "en/")
    page.locator("label.md-search__icon, .md-header__button[for=__search]").first.click()
    page.locator("input.md-search__input").fill("Bolivia")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert not violations, violations
    assert context.foreign_requests == []
    assert context.cookies() == []
    # Nothing written to any storage the page could reach (the safety page says so).
    storage = page.evaluate("""async () => ({
        local: Object.entries(localStorage), session: Object.entries(sessionStorage),
        indexedDB: (await indexedDB.databases()).map(d => d.name), caches: await caches.keys()})""")
    assert storage == {"local": [], "session": [], "indexedDB": [], "caches": []}, storage


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

"""Readable on a cheap phone and on a desktop (issue 14): type sizes, target sizes, the
comparison tables, the maps' tap route and legend, search results, the Lighthouse budget.

Measured in headless Chromium (tests/browser.py) at 390 px and 1280 px wide.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from hooks.sitegen.model import DEFAULT_LANGUAGE, LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
PREFIX = {lang: ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") for lang in LANGUAGES}
WIDTHS = (390, 1280)
PAGES = {"profile": "paises/hn/", "comparison": "comparacion/", "map": "mapas/test_compulsory/", "home": ""}
MIN_TEXT, MIN_BODY, MIN_TARGET = 14, 16, 24

# Every visible text node of the content (not inside an SVG: map symbols are drawings, named
# by their links) with its computed font size; "body" when it sits in a paragraph or list
# item of the page's own flow (not a table, notice, legend, caption or superscript).
# Then every visible link and control of the content with its box (page coordinates).
_MEASURE = """() => {
  const root = document.querySelector('.md-content');
  const hidden = (el) => {
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return true;
      if (s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)') return true;
    }
    return false;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
    ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const texts = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.data.trim() || !el || el.closest('svg') || hidden(el)) continue;
    const range = document.createRange(); range.selectNodeContents(n);
    const box = range.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    const body = !!el.closest('.md-content__inner > p, .md-content__inner > ul > li, .md-content__inner > ol > li')
      && !el.closest('table, .admonition, details, figcaption, sup, sub, small, .rt-legend');
    texts.push({size: parseFloat(getComputedStyle(el).fontSize), body, where: name(el), text: n.data.trim().slice(0, 40)});
  }
  const targets = [];
  const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]';
  for (const el of root.querySelectorAll(controls)) {
    if (el.closest('svg') || hidden(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    targets.push({x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height, where: name(el),
                  text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 30)});
  }
  return {texts, targets};
}"""


def undersized(targets: list[dict]) -> list[dict]:
    """Targets under 24×24 px that WCAG 2.2's spacing exception (2.5.8) does not save: a
    24 px circle centred on the target's box meets another target, or the circle of
    another undersized target."""
    def small(t):
        return t["w"] < MIN_TARGET or t["h"] < MIN_TARGET

    def centre(t):
        return t["x"] + t["w"] / 2, t["y"] + t["h"] / 2

    offenders = []
    for t in targets:
        if not small(t):
            continue
        cx, cy = centre(t)
        for other in targets:
            if other is t:
                continue
            dx = max(other["x"] - cx, 0, cx - other["x"] - other["w"])
            dy = max(other["y"] - cy, 0, cy - other["y"] - other["h"])
            meets_target = math.hypot(dx, dy) < MIN_TARGET / 2
            ox, oy = centre(other)
            meets_circle = small(other) and math.hypot(ox - cx, oy - cy) < MIN_TARGET
            if meets_target or meets_circle:
                offenders.append(t)
                break
    return offenders


@pytest.fixture(scope="module", params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def sized_page(request, browser, base_url):
    context = browser.new_context(viewport={"width": request.param, "height": 844})
    page = context.new_page()
    page.base = base_url
    page.width = request.param
    yield page
    context.close()


def _distinct(items: list[dict], *keys) -> list[dict]:
    seen, out = set(), []
    for item in items:
        key = tuple(item[k] for k in keys)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGES)
def test_text_is_large_enough_and_every_target_is_24px(sized_page, kind, lang):
    sized_page.goto(sized_page.base + PREFIX[lang] + PAGES[kind])
    found = sized_page.evaluate(_MEASURE)
    assert found["texts"] and found["targets"]  # something was measured
    small = [t for t in found["texts"] if t["size"] < MIN_TEXT]
    assert not small, f"text under {MIN_TEXT} px: {_distinct(small, 'where', 'size')}"
    small_body = [t for t in found["texts"] if t["body"] and t["size"] < MIN_BODY]
    assert not small_body, f"body text under {MIN_BODY} px: {_distinct(small_body, 'where', 'size')}"
    offenders = undersized(found["targets"])
    assert not offenders, f"targets under 24×24 px without room around them: {_distinct(offenders, 'where')}"


def test_source_references_are_24px_targets(sized_page):
    sized_page.goto(sized_page.base + "paises/hn/")
    boxes = sized_page.eval_on_selector_all(".rt-cite a", "els => els.map(e => e.getBoundingClientRect())"
                                            ".map(r => [r.width, r.height])")
    assert boxes and all(w >= MIN_TARGET and h >= MIN_TARGET for w, h in boxes), boxes


# -- the comparison -----------------------------------------------------------------

_COLUMNS = """() => [...document.querySelectorAll('.rt-compare-wrap')].map(wrap => {
  const visible = wrap.getBoundingClientRect();
  const right = Math.min(visible.right, visible.left + wrap.clientWidth);
  return {right, heads: [...wrap.querySelectorAll('thead th')].map(th => ({
    text: th.innerText.trim(), right: th.getBoundingClientRect().right}))};
})"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_comparison_shows_every_column_at_1280px(browser, base_url, lang):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(base_url + PREFIX[lang] + "comparacion/")
        tables = page.evaluate(_COLUMNS)
        assert len(tables) == 2
        for table in tables:
            cut = [h["text"] for h in table["heads"] if h["right"] > table["right"] + 0.5]
            assert not cut, f"columns past the table's visible edge ({table['right']:.0f} px): {cut}"
        # the header row stays under the site's header while the page scrolls
        head = page.locator("table.rt-compare thead th").first
        page.locator("table.rt-compare tbody tr").nth(12).scroll_into_view_if_needed()
        header_bottom = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        top = head.evaluate("th => th.getBoundingClientRect().top")
        assert abs(top - header_bottom) <= 1, (top, header_bottom)
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_comparison_on_a_phone_scrolls_with_header_row_and_country_in_view(browser, base_url, lang):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(base_url + PREFIX[lang] + "comparacion/")
        wrap = page.locator(".rt-compare-wrap").first
        assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")  # wider than the phone: it scrolls
        hint = page.locator(".rt-scroll-hint").first
        assert hint.is_visible() and "→" in hint.inner_text()
        assert wrap.evaluate("w => getComputedStyle(w).backgroundImage").count("gradient") == 4  # edge shadows
        wrap.scroll_into_view_if_needed()
        wrap.evaluate("w => { w.scrollLeft = 250; w.scrollTop = 300; }")
        box = wrap.evaluate("w => w.getBoundingClientRect().toJSON()")
        head = page.locator("table.rt-compare thead th").nth(2).evaluate("e => e.getBoundingClientRect().toJSON()")
        country = page.locator("table.rt-compare tbody th").nth(6).evaluate("e => e.getBoundingClientRect().toJSON()")
        assert abs(head["top"] - box["top"]) <= 1, "the header row scrolled away"
        assert abs(country["left"] - box["left"]) <= 1, "the country column scrolled away"
    finally:
        page.close()


# Each word of each cell: the number of lines its letters sit on (a word broken inside, say
# "Parcialm|ente", sits on two). "HIV-specific" may wrap after its hyphen, like any text.
_SPLIT_WORDS = """() => {
  const split = [];
  for (const cell of document.querySelectorAll('.rt-compare th, .rt-compare td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const m of n.data.matchAll(/[^\\s\\-\u2010]+/g)) {  // a break after a hyphen is no break inside a word
        const range = document.createRange();
        range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) split.push(m[0]);
      }
    }
  }
  return split;
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_comparison_breaks_no_word(sized_page, lang):
    sized_page.goto(sized_page.base + PREFIX[lang] + "comparacion/")
    assert sized_page.locator(".rt-compare td").count() > 100
    split = sized_page.evaluate(_SPLIT_WORDS)
    assert not split, f"words broken across lines at {sized_page.width} px: {split}"


# -- the maps -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_country_is_reachable_by_a_24px_target_under_each_map(browser, base_url, site_data, lang):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    key = [i.id for i in site_data.catalogue.key_indicators]
    urls = {f"mapas/{i}/": i for i in key} | {"mapas/": "test_compulsory"}
    try:
        for url, indicator in urls.items():
            page.goto(base_url + PREFIX[lang] + url)
            links = page.eval_on_selector_all(".rt-map-text a", """els => els.map(a => ({
                href: a.href, w: a.getBoundingClientRect().width, h: a.getBoundingClientRect().height}))""")
            reached = {re.search(r"/paises/([a-z]{2})/#(\w+)$", l["href"]).groups() for l in links
                       if l["w"] >= MIN_TARGET and l["h"] >= MIN_TARGET}
            assert reached == {(c.slug, indicator) for c in site_data.countries}, (url, links)
        page.goto(base_url + PREFIX[lang])  # the home page's map leads to that list
        href = page.locator(".rt-home-map figcaption a").first.get_attribute("href")
        assert href.endswith("mapas/test_compulsory/#list")
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_legend_items_keep_their_swatch_and_read_as_one(browser, base_url, site_data, lang):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    one, other = (site_data.ui[k].get(lang)[0] for k in ("map_countries_one", "map_countries_other"))
    try:
        page.goto(base_url + PREFIX[lang] + "mapas/test_compulsory/")
        items = page.eval_on_selector_all(".rt-map-legend li", """els => els.map(li => {
            const key = li.querySelector('.rt-map-key').getBoundingClientRect();
            const words = li.querySelector('.rt-map-legend-text').getClientRects()[0];
            return {text: li.querySelector('.rt-map-legend-text').innerText.trim(), gap: words.left - key.right,
                    middle: Math.abs((key.top + key.bottom) / 2 - (words.top + words.bottom) / 2)};
        })""")
        assert len(items) == 4
        for item in items:
            n = int(re.search(r": (\d+) ", item["text"] + " ").group(1))
            noun = (one if n == 1 else other).format(n=n)
            assert re.fullmatch(rf".+: {re.escape(noun)}", item["text"]), item["text"]
            assert 0 <= item["gap"] <= 12 and item["middle"] <= 6, item  # the swatch sits by its words
    finally:
        page.close()


def test_map_symbols_and_shades_tell_every_value_apart(built_site, site_data):
    for indicator in site_data.catalogue.key_indicators:
        page = built_site.page(f"mapas/{indicator.id}/")
        legend = re.search(r'<ul class="rt-map-legend".*?</ul>', page.article, re.S).group(0)
        keys = re.findall(r'<rect class="rt-tone-(\w+) rt-shade-(\d)".*?>([^<]+)</text>', legend)
        assert len(keys) == len(indicator.values) + 1
        assert len({symbol for _, _, symbol in keys}) == len(keys), (indicator.id, keys)
        assert len({(tone, shade) for tone, shade, _ in keys}) == len(keys), (indicator.id, keys)
        # each country on the map wears its value's symbol and shade, as in the legend
        on_map = re.findall(r'class="rt-map-region rt-tone-(\w+) rt-shade-(\d)"', page.article)
        assert set(on_map) <= {(tone, shade) for tone, shade, _ in keys}


# -- search -------------------------------------------------------------------------

def _index(built_site, lang) -> list[dict]:
    return json.loads((built_site.root / PREFIX[lang] / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_results_keep_separate_elements_apart(built_site, site_data, lang):
    ui = {k: site_data.ui[k].get(lang)[0] for k in
          ("materials_file_language", "materials_format", "materials_size", "materials_meant_for",
           "materials_languages", "materials_licence")}
    text = "\n".join(d["text"] for d in _index(built_site, lang))
    glued = [ui["materials_file_language"] + ui["materials_format"], ui["materials_format"] + ui["materials_size"]]
    # "…y discriminaciónPensado para:", "…portuguésLicencia:": a label glued to the words before it
    for label in ("materials_meant_for", "materials_languages", "materials_licence"):
        glued += re.findall(r"\w{1,12}" + re.escape(ui[label]) + ":", text)
    assert ui["materials_format"] in text and ui["materials_meant_for"] in text  # these pages are indexed
    found = [g for g in glued if g in text]
    assert not found, f"words of adjacent elements run together in search results: {found}"
    # the newlines that search read between blocks are gone from the pages themselves
    for url in ("paises/hn/", "comparacion/", "materiales/", "mapas/legal_model/"):
        assert "rt-gap" not in built_site.file_for(PREFIX[lang] + url).read_text(encoding="utf-8"), url


def test_status_page_is_out_of_search_and_footers_and_linked_from_methodology(built_site):
    for lang in LANGUAGES:
        assert not [d["location"] for d in _index(built_site, lang) if d["location"].startswith("estado/")]
        for url in (PREFIX[lang], f"{PREFIX[lang]}paises/ar/", f"{PREFIX[lang]}metodologia/"):
            footer = built_site.page(url).text.split('class="md-footer')[-1]
            assert "estado/" not in footer, url
        method = built_site.page(f"{PREFIX[lang]}metodologia/")
        links = [href for tag, href, _ in method.links if tag == "a" and href.rstrip("/").endswith("estado")]
        assert links and built_site.resolve(f"{PREFIX[lang]}metodologia/", links[0]) == f"{PREFIX[lang]}estado/"
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert contributing.count("/estado/") >= 2  # in the Spanish and the English half


# -- Lighthouse: accessibility 100 on a profile, on a phone -------------------------------

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


def test_search_dialog_has_an_accessible_name(built_site):
    for lang in LANGUAGES:
        html = built_site.file_for(PREFIX[lang]).read_text(encoding="utf-8")
        dialog = re.search(r'<div class="md-search"[^>]*role="dialog"[^>]*>', html).group(0)
        assert re.search(r'aria-label="[^"]+"', dialog), dialog


def test_lighthouse_mobile_accessibility_is_100_on_a_profile(base_url, tmp_path):
    from tests.browser import CHROMIUM_ARGS, require_chromium
    chromium = require_chromium()
    if not (LIGHTHOUSE.exists() and shutil.which("node")):
        if os.environ.get("CI") == "true":
            pytest.fail("Lighthouse is missing in CI: `make test` runs `make node-tools` (npm ci)")
        pytest.skip("Lighthouse is not installed (make node-tools)")
    report = tmp_path / "lighthouse.json"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        [str(LIGHTHOUSE), base_url + "paises/hn/", f"--chrome-path={chromium}", "--only-categories=accessibility",
         "--form-factor=mobile", "--output=json", f"--output-path={report}", "--quiet", f"--chrome-flags={flags}"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and report.exists(), result.stderr[-2000:]
    data = json.loads(report.read_text(encoding="utf-8"))
    failing = [f"{key}: {audit['title']}" for key, audit in data["audits"].items()
               if audit.get("score") is not None and audit["score"] < 1
               and audit.get("scoreDisplayMode") in ("binary", "numeric")]
    assert data["categories"]["accessibility"]["score"] == 1.0, failing

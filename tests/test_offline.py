"""The offline bundle: a zip that opens from file:// with navigation, language switching
and search in every language, published by the site with its size."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from hooks.sitegen.csp import inline_scripts, script_hash
from tests.conftest import ROOT, build
from tests.htmlpages import BuiltSite, assert_size_shown

LANGS = {"es": ("", "Bolivia", "Português"), "en": ("en/", "Bolivia", "Español"), "pt": ("pt/", "Bolívia", "English")}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("offline") / "sitio.zip"
    result = subprocess.run([sys.executable, str(ROOT / "scripts/make_offline.py"), "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def unpacked(bundle, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        assert not any(n.endswith(".map") for n in names)
        archive.extractall(target)
    return target / "sitio-sin-conexion"


def test_bundle_has_every_language_with_plain_file_addresses(unpacked):
    for prefix in ("", "en/", "pt/"):
        assert (unpacked / prefix / "index.html").is_file()
        assert (unpacked / prefix / "paises/bo.html").is_file()
        assert (unpacked / prefix / "search/search_index.js").is_file()
    html = (unpacked / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "https://" not in html.split("<body")[0]


@pytest.mark.parametrize("lang", LANGS)
def test_bundle_works_from_file_urls(browser, unpacked, lang):
    prefix, bolivia, other_language = LANGS[lang]
    page = browser.new_page(viewport={"width": 360, "height": 740})
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto((unpacked / prefix / "paises/index.html").as_uri())
    page.get_by_role("link", name=bolivia, exact=True).first.click()
    assert page.url.endswith(f"{prefix}paises/bo.html")
    page.locator(".md-header__option .md-select").first.hover()
    page.get_by_role("link", name=other_language, exact=True).first.click()
    assert page.url.endswith("paises/bo.html") and page.url != (unpacked / prefix / "paises/bo.html").as_uri()
    page.goto((unpacked / prefix / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-header__button[for=__search]").first.click()
    page.locator("input.md-search__input").click()
    page.keyboard.type(bolivia, delay=30)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=15000)
    result.click()
    assert page.url.startswith((unpacked / prefix).as_uri()) and "paises/bo.html" in page.url
    # nothing asked of any other host (a local file aborted by a click is harmless)
    assert not [u for u in failed if not u.startswith("file:")], failed
    page.close()


def test_site_publishes_the_bundle_and_links_it_with_its_size(bundle, tmp_path, site_data):
    site_dir = tmp_path / "site"
    result = build(ROOT, site_dir, {"OFFLINE_BUNDLE": str(bundle)})
    assert result.returncode == 0, result.stderr
    site = BuiltSite(site_dir)
    published = site_dir / "descargas/sitio-sin-conexion.zip"
    assert published.read_bytes() == bundle.read_bytes()
    for prefix, lang in (("", "es"), ("en/", "en"), ("pt/", "pt")):
        page = site.page(prefix + "paises/ar/")
        label = site_data.ui["offline_download"].get(lang)[0]
        assert label in page.text
        link = next(href for tag, href, attrs in page.links if tag == "a" and "download" in attrs and href.endswith(".zip"))
        assert site.resolve(prefix + "paises/ar/", link) == "descargas/sitio-sin-conexion.zip"
        size = page.text.split(label)[1].split(")")[0]
        assert_size_shown(size, published.stat().st_size)


def test_every_page_of_the_bundle_carries_the_policy(unpacked):
    pages = sorted(unpacked.rglob("*.html"))
    assert len(pages) > 100 and unpacked / "en/404.html" in pages
    others = set()  # every directive but script-src: one policy for the whole bundle
    for path in pages:
        text = path.read_text(encoding="utf-8")
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text)
        assert len(found) == 1, path
        directives = html.unescape(found[0]).split("; ")
        scripts = [d for d in directives if d.startswith("script-src ")]
        # each page allows exactly the inline scripts it holds, by their hashes (csp.narrow_to_page)
        assert scripts == ["script-src " + " ".join(["'self'", *sorted({script_hash(s) for s in inline_scripts(text)})])], path
        assert "'sha256-" in scripts[0], path
        others.add(tuple(d for d in directives if not d.startswith("script-src ")))
    assert len(others) == 1
    assert not [d for d in others.pop() if d.startswith("frame-ancestors")]


@pytest.mark.parametrize("lang", LANGS)
def test_404_pages_work_from_file_urls(browser, unpacked, lang):
    prefix, _, other_language = LANGS[lang]
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    failed, refused = [], []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("console", lambda msg: refused.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto((unpacked / prefix / "404.html").as_uri())
    # the theme's stylesheet and scripts come from the bundle's own files, under its policy
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert page.evaluate("typeof document$") == "object"
    assert not failed and not refused, (failed, refused)
    # every address on the page leads to a file of the bundle
    addresses = page.evaluate("""() => [...document.querySelectorAll('a[href], link[href], script[src]')]
                                  .map(e => e.href || e.src).filter(u => u.startsWith('file:'))""")
    assert len(addresses) > 10
    for address in addresses:
        path = Path(unquote(urlsplit(address).path))
        assert path.is_file() and unpacked in path.parents, (lang, address)
    # home in its language, and the language switcher to the others' home pages
    switcher = page.evaluate("""() => [...document.querySelectorAll('a.md-select__link')].map(a => a.href)""")
    assert switcher == [(unpacked / p / "index.html").as_uri() for p, _, _ in LANGS.values()]
    page.locator(".md-content").get_by_role("link").first.click()
    assert page.url == (unpacked / prefix / "index.html").as_uri()
    page.close()

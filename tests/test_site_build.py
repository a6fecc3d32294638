"""The built site as a reader meets it: languages, switcher, fallback, links, sitemap, 404."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from hooks.sitegen.model import DEFAULT_LANGUAGE, LANGUAGES
from hooks.sitegen.pages import generated_paths
from hooks.sitegen.paths import page_url

PREFIX = {lang: ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") for lang in LANGUAGES}
HAND_WRITTEN = ["index.md", "acerca.md", "contacto.md", "navegacion-segura.md"]


def test_each_home_has_its_language_and_localized_title(built_site, site_data):
    for lang in LANGUAGES:
        home = built_site.page(PREFIX[lang])
        assert home.lang == lang
        network = site_data.settings.network_name.get(lang)[0]
        assert home.title.endswith(network), (lang, home.title)
        # the home's own heading is in the page's language, not the default one
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", home.article, re.S).group(1)
        if lang != DEFAULT_LANGUAGE:
            assert h1 != re.search(r"<h1[^>]*>(.*?)</h1>", built_site.page("").article, re.S).group(1)


@pytest.mark.parametrize("page", HAND_WRITTEN + ["paises/index.md", "paises/ar.md"])
def test_language_switcher_leads_to_the_same_page_in_each_language(built_site, page):
    for lang in LANGUAGES:
        url = PREFIX[lang] + page_url(page)
        links = {attrs["hreflang"]: href for tag, href, attrs in built_site.page(url).links
                 if tag == "a" and "md-select__link" in (attrs.get("class") or "")}
        assert set(links) == set(LANGUAGES), (url, links)
        for other, href in links.items():
            target = built_site.resolve(url, href)
            assert target == PREFIX[other] + page_url(page), (url, other, href)
            assert built_site.page(target).lang == other


def test_untranslated_page_is_served_in_spanish_with_a_notice(edge_site, site_data):
    spanish = edge_site.page("solo-en-espanol/")
    assert "rt-untranslated-notice" not in spanish.html
    for lang in ("en", "pt"):
        page = edge_site.page(f"{lang}/solo-en-espanol/")
        notice = site_data.ui["not_translated_notice"].get(lang)[0]
        assert page.lang == lang
        assert notice in page.text
        assert "Texto que todavía no se tradujo." in page.text
        # the Spanish text is marked as Spanish for screen readers and translators
        assert re.search(r'<div lang="es">.*Texto que todavía no se tradujo', page.html, re.S)


def test_no_broken_internal_link_in_any_language(built_site):
    broken = []
    for url in built_site.html_urls():
        page = built_site.page(url)
        for tag, href, _ in page.links:
            if not href or href.startswith("#") and href[1:] in page.ids or href == "#":
                continue
            target = built_site.resolve(url, href)
            if target is None:
                continue
            path, _, anchor = target.partition("#")
            if built_site.file_for(path) is None:
                broken.append((url, href))
            elif anchor and path.endswith(("/", ".html")) or (anchor and path == ""):
                if anchor not in built_site.page(path).ids:
                    broken.append((url, href, "missing anchor"))
    assert not broken, broken[:20]


def test_generated_pages_are_in_each_languages_sitemap_entries(built_site, site_data):
    tree = ET.parse(built_site.root / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = {loc.text.split("://")[-1].lstrip("/") for loc in tree.findall(".//s:loc", ns)}
    for path in generated_paths(site_data):
        for lang in LANGUAGES:
            assert PREFIX[lang] + page_url(path) in locs, (lang, path)
    # each generated entry names its alternates in every language (hreflang)
    for url in tree.findall("s:url", ns):
        if url.find("s:loc", ns).text.endswith("paises/ar/"):
            langs = {link.get("hreflang") for link in url.findall("x:link", ns)}
            assert langs == set(LANGUAGES)


def test_each_language_has_its_own_404(built_site, site_data):
    for lang in LANGUAGES:
        page = built_site.page(f"{PREFIX[lang]}404.html")
        assert page.lang == lang
        assert site_data.ui["not_found_title"].get(lang)[0] in page.text
        # a host serving /404.html for every address still speaks each reader's language
    root = built_site.page("404.html")
    for lang in LANGUAGES:
        assert site_data.ui["not_found_text"].get(lang)[0] in root.text


def test_each_language_has_its_own_search_index(built_site):
    import json
    for lang in LANGUAGES:
        index = json.loads((built_site.root / PREFIX[lang] / "search/search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        locations = [doc["location"] for doc in index["docs"]]
        # locations are relative to the language's root, where its pages point the search
        assert any(loc.startswith("paises/ar/") for loc in locations)
        assert not any(loc.startswith(tuple(f"{o}/" for o in LANGUAGES)) for loc in locations)
        titles = {doc["title"] for doc in index["docs"]}
        assert built_site.page(PREFIX[lang] + "paises/ar/").title.split(" - ")[0] in titles


def test_no_page_asks_another_host_for_anything(built_site):
    for url in built_site.html_urls():
        page = built_site.page(url)
        for tag, href, attrs in page.links:
            if tag in ("script", "img", "iframe", "source", "audio", "video") or (
                    tag == "link" and attrs.get("rel") in ("stylesheet", "preconnect", "preload", "icon")):
                assert href.startswith("data:") or built_site.resolve(url, href) is not None, (url, tag, href)
        assert "fonts.googleapis" not in page.html and "fonts.gstatic" not in page.html


def test_theme_config_points_at_files_that_exist(built_site):
    """overrides/main.html copies Material's config block (to give each language its own
    search base): after a Material upgrade, its worker's file name must still exist."""
    import json
    for url in ("", "en/paises/ar/", "pt/materiales/"):
        page = built_site.page(url)
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', page.html, re.S).group(1))
        worker = built_site.resolve(url, config["search"])
        assert built_site.file_for(worker) is not None, worker
        base = built_site.resolve(url, config["base"]) or ""
        lang = url.split("/")[0] if url.startswith(("en/", "pt/")) else ""
        assert base.rstrip("/") == lang  # each language searches its own index
        assert built_site.file_for(base + ("/" if base else "") + "search/search_index.json") is not None


def test_pages_below_the_top_level_lead_up_without_back(built_site, site_data):
    """Back leaves the site (links inside it replace the history entry), so every page below
    the top level has breadcrumbs to the home page and its index, and every profile also
    links to all the countries."""
    maps = [u for u in built_site.html_urls() if re.fullmatch(r"mapas/[^/]+/", u)]
    below = {"paises/": [f"paises/{c.slug}/" for c in site_data.countries], "mapas/": maps,
             "materiales/": [f"materiales/{m.id}/" for m in site_data.materials]}
    for lang in LANGUAGES:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        for index, children in below.items():
            assert children, index
            for child in children:
                url = prefix + child
                page = built_site.page(url)
                trail = re.search(r'<nav class="md-path"[^>]*>(.*?)</nav>', page.html, re.S)
                assert trail, url
                crumbs = [built_site.resolve(url, href) for href in re.findall(r'href="([^"]*)"', trail.group(1))]
                assert [c.rstrip("/") for c in crumbs] == [prefix.rstrip("/"), (prefix + index).rstrip("/")], (url, crumbs)
                if index == "paises/":
                    backs = re.findall(r'<p class="rt-back"[^>]*><a href="([^"]*)"', page.article)
                    assert prefix + index in [built_site.resolve(url, href) for href in backs], (url, backs)


def test_the_safety_page_is_linked_next_to_the_quick_exit_on_every_page(built_site, site_data):
    for url in built_site.html_urls():
        if url.startswith(("materiales/files/", "data/")):
            continue
        page = built_site.page(url)
        box = re.search(r'<div class="rt-quick-exit" data-rt-quick-exit>(.*?)</div>', page.html, re.S)
        assert box, url
        hrefs = re.findall(r'href="([^"]*)"', box.group(1))
        assert hrefs[0] == site_data.settings.quick_exit_url, url
        lang = page.lang if page.lang in LANGUAGES else DEFAULT_LANGUAGE
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        assert built_site.resolve(url, hrefs[1]) == prefix + "navegacion-segura/", url

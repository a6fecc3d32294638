"""The built site's Atom feeds (hooks/sitegen/feeds.py), read back with feedparser."""

from __future__ import annotations

import re

import feedparser
import pytest

from hooks.sitegen import model as m
from hooks.sitegen.localize import country_name

FEEDS = {"es": "feed.xml", "en": "en/feed.xml", "pt": "pt/feed.xml"}


def read(built_site, lang):
    address = "https://example.test/" + FEEDS[lang]
    data = (built_site.root / FEEDS[lang]).read_bytes()
    parsed = feedparser.parse(data, response_headers={"content-type": "application/atom+xml",
                                                      "content-location": address})
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("lang", m.LANGUAGES)
def test_feed_lists_the_latest_changes_first_in_its_language(built_site, site_data, lang):
    parsed = read(built_site, lang)
    assert parsed.feed.language == lang
    newest = max((c.date, country.iso2) for country in site_data.countries for c in country.changelog)
    first = parsed.entries[0]
    assert first.updated.startswith(newest[0].isoformat())
    assert parsed.feed.updated == first.updated  # not the build's time
    expected = sum(len(c.changelog) for c in site_data.countries) + (len(site_data.materials) if site_data.campaign else 0)
    assert len(parsed.entries) == expected
    for country in site_data.countries:
        for change in country.changelog:
            text, real = change.text.get(lang)
            matches = [e for e in parsed.entries if e.get("tags") and e.tags[0].term == country.iso2
                       and e.summary == text and e.updated.startswith(change.date.isoformat())]
            assert len(matches) == 1, (country.iso2, change.date)
            assert matches[0].summary_detail.language == real
            assert country_name(country.iso2, lang) in matches[0].title


@pytest.mark.parametrize("lang", m.LANGUAGES)
def test_every_link_leads_to_a_built_page_and_changes_to_its_change_log(built_site, lang):
    for entry in read(built_site, lang).entries:
        assert entry.link.startswith("https://example.test/")
        target = entry.link[len("https://example.test/"):]
        page = built_site.page(target.split("#")[0])
        assert page.lang == lang
        if entry.get("tags"):
            assert target.endswith("#changelog") and "changelog" in page.ids


@pytest.mark.parametrize("lang", m.LANGUAGES)
def test_every_page_head_and_every_profile_link_the_languages_feed(built_site, site_data, lang):
    head = re.compile(r'<link rel="alternate feed" type="application/atom\+xml" title="[^"]+" href="([^"]+)">')
    prefix = "" if lang == m.DEFAULT_LANGUAGE else f"{lang}/"
    for url in (prefix, f"{prefix}metodologia/", f"{prefix}paises/"):
        found = head.findall(built_site.page(url).html)
        assert len(found) == 1 and built_site.resolve(url, found[0]) == FEEDS[lang], url
    for country in site_data.countries:
        url = f"{prefix}paises/{country.slug}/"
        page = built_site.page(url)
        links = re.findall(r'<p class="rt-feed"[^>]*><a href="([^"]+)" type="application/atom\+xml">', page.html)
        assert [built_site.resolve(url, href) for href in links] == [FEEDS[lang]]
        # next to the change log: after its heading
        assert page.html.index('id="changelog"') < page.html.index('class="rt-feed"')


@pytest.mark.parametrize("lang", m.LANGUAGES)
def test_hostile_texts_stay_text_in_the_feeds(edge_site, lang):
    """tests/hostile.py puts markup in the Network's name and paragraphs in a change."""
    from tests.hostile import MARKUP
    parsed = read(edge_site, lang)
    assert MARKUP in parsed.feed.title and MARKUP.encode() not in (edge_site.root / FEEDS[lang]).read_bytes()
    assert len(parsed.entries) > 1


def test_the_head_link_costs_no_request_on_page_load(browser, base_url):
    """Material's script downloads a sitemap.xml beside every link[rel=alternate]: the
    feed's link must not make every page load fetch one (hence rel="alternate feed")."""
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + "en/paises/ar/", wait_until="networkidle")
    assert page.title().startswith("Argentina")
    context.close()
    assert requested and not [url for url in requested if "sitemap" in url or "feed.xml" in url]

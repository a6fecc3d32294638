"""hooks/sitegen/feeds.py on its own: ids, order, languages, links, bytes."""

from __future__ import annotations

import dataclasses
import datetime as dt

import feedparser
import pytest

from hooks.sitegen import feeds, model as m

ATOM = {"content-type": "application/atom+xml"}


def parse(data: bytes, address: str = "https://example.test/sub/feed.xml"):
    parsed = feedparser.parse(data, response_headers={**ATOM, "content-location": address})
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def with_changelog(site: m.SiteData, iso2: str, changes) -> m.SiteData:
    countries = tuple(dataclasses.replace(c, changelog=tuple(changes)) if c.iso2 == iso2 else c for c in site.countries)
    return dataclasses.replace(site, countries=countries)


def change(day: str, es: str, en: str | None = None) -> m.ChangeEntry:
    return m.ChangeEntry(dt.date.fromisoformat(day), m.Text(es=es, en=en))


@pytest.mark.parametrize("lang", m.LANGUAGES)
def test_feed_parses_newest_first_and_is_updated_at_its_newest_entry(site_data, lang):
    parsed = parse(feeds.atom_feed(site_data, lang))
    dates = [e.updated_parsed[:3] for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    assert parsed.feed.updated_parsed == parsed.entries[0].updated_parsed
    newest = max(c.date for country in site_data.countries for c in country.changelog)
    assert parsed.feed.updated.startswith(newest.isoformat())
    assert parsed.feed.language == lang


def test_ids_do_not_depend_on_the_host_the_text_or_the_build(site_data):
    relative = feeds.atom_feed(site_data, "en")
    absolute = feeds.atom_feed(site_data, "en", site_url="https://elsewhere.test/x/")
    ids = [e.id for e in parse(relative).entries]
    assert ids == [e.id for e in parse(absolute).entries]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == len(ids)
    assert relative == feeds.atom_feed(site_data, "en")  # same data, same bytes
    ar = next(c for c in site_data.countries if c.iso2 == "AR")
    retyped = with_changelog(site_data, "AR", [dataclasses.replace(c, text=m.Text(es=c.text.es + " (typo fixed)"))
                                               for c in ar.changelog])
    assert [e.id for e in parse(feeds.atom_feed(retyped, "en")).entries] == ids
    # and each language's feed has its own ids (the entries are translations, not the same text)
    assert not set(ids) & {e.id for e in parse(feeds.atom_feed(site_data, "es")).entries}


def test_two_changes_on_one_day_keep_distinct_ids(site_data):
    site = with_changelog(site_data, "AR", [change("2030-01-02", "Segundo del día"), change("2030-01-02", "Primero"),
                                            change("2020-05-01", "Primera versión")])
    entries = [e for e in feeds.entries(site, "es") if e.country == "AR"]
    assert [e.summary for e in entries] == ["Segundo del día", "Primero", "Primera versión"]  # the file's order
    assert len({e.id for e in entries}) == 3
    assert entries[-1].title.endswith("nuevo perfil") and "cambios" in entries[0].title


def test_untranslated_text_says_the_language_it_is_in(site_data):
    site = with_changelog(site_data, "BO", [change("2031-03-04", "Solo en español"), change("2020-01-01", "x", "y")])
    first = parse(feeds.atom_feed(site, "en")).entries[0]
    assert first.summary == "Solo en español"
    assert first.summary_detail.language == "es"
    assert first.title_detail.language == "en"
    assert first.tags[0].term == "BO"


def test_links_are_relative_to_the_feed_or_absolute_with_a_site_url(site_data):
    for lang, prefix in (("es", ""), ("pt", "pt/")):
        entry = parse(feeds.atom_feed(site_data, lang), f"https://example.test/sub/{prefix}feed.xml").entries[-1]
        first = next(e for e in parse(feeds.atom_feed(site_data, lang)).entries if e.get("tags"))
        assert first.link.endswith("/#changelog")
        absolute = parse(feeds.atom_feed(site_data, lang, site_url="https://site.test/base/")).entries[0].link
        assert absolute.startswith(f"https://site.test/base/{prefix}") and "//" not in absolute[8:]
        assert entry.link.startswith(f"https://example.test/sub/{prefix}")


def test_plain_file_addresses(site_data):
    link = next(e for e in feeds.entries(site_data, "en") if e.country)
    assert feeds.entry_link(link, "en", "", directory_urls=False).endswith(".html#changelog")


def test_text_from_data_stays_text(site_data):
    site = with_changelog(site_data, "AR", [change("2032-01-01", '<script>alert("x")</script> & ]]>')])
    data = feeds.atom_feed(site, "es")
    assert b"<script>" not in data
    assert parse(data).entries[0].summary == '<script>alert("x")</script> & ]]>'

"""The Atom feeds of legal change: one per language, `feed.xml` at the language's root
(`/feed.xml`, `/en/feed.xml`, `/pt/feed.xml`), written with feedgen.

An entry is a dated line of a country's change log (the oldest line is the country's new
profile), or a new campaign material. Nothing depends on the build's time or host, so the
same data give the same bytes:

- ids are `urn:uuid:`s made with uuid5 from a fixed namespace, the language, the country, the
  date and the line's place among that country's lines of the same date. Not from the
  text: fixing a typo in a line must not announce it again to every subscriber; not from
  the site's address, which is not decided yet.
- the feed's `updated` is its newest entry's date.
- links: absolute when `site_url` is set (SITE_URL), else relative to the feed's own
  address (RFC 4287 resolves them against the document's URI, as feedparser does); the
  feed sits at its language's root, so `paises/ar/#changelog` is the profile's change log.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from feedgen.ext.base import BaseEntryExtension
from feedgen.feed import FeedGenerator

from . import model as m
from .context import Ui
from .localize import country_name
from .paths import HOME, language_prefix, material_path, page_url, profile_path

FEED_FILE = "feed.xml"
# Fixed once: every id of every feed derives from it (never change it).
NAMESPACE = uuid.UUID("6f1d7a52-3c1e-5b8e-9a43-1f0c2d6e8b71")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed_path(lang: str) -> str:
    """The feed of `lang`, from the site's root: "feed.xml", "en/feed.xml"."""
    return language_prefix(lang) + FEED_FILE


def urn(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, '/'.join(parts))}"


@dataclass(frozen=True)
class Entry:
    id: str
    date: dt.date
    title: str
    title_lang: str
    summary: str
    summary_lang: str  # the language the text is really in (Spanish when not translated)
    page: str  # the page it links to (paises/ar.md), in the feed's language
    anchor: str
    country: str | None = None  # ISO code


def entries(site: m.SiteData, lang: str) -> list[Entry]:
    """Every entry of `lang`'s feed, newest first."""
    ui = Ui(site, lang)
    found = []
    for country in site.countries:
        name = country_name(country.iso2, lang)
        # The change log is newest first, and keeps the file's order within a date.
        same_day: dict[dt.date, int] = {}
        for change in country.changelog:
            position = same_day[change.date] = same_day.get(change.date, -1) + 1
            later = change is not country.changelog[-1]  # the oldest line is the new profile
            title = ui.feed_country_changed.format(country=name) if later else ui.feed_new_country.format(country=name)
            text, text_lang = change.text.get(lang)
            found.append(Entry(
                id=urn("change", lang, country.iso2, change.date.isoformat(), str(position)),
                date=change.date, title=title, title_lang=lang,
                summary=text, summary_lang=text_lang, page=profile_path(country.iso2), anchor="changelog",
                country=country.iso2))
    if site.campaign:  # the material pages exist only with a campaign
        for material in site.materials:
            description, description_lang = material.description.get(lang)
            found.append(Entry(  # the title's words are the feed's language, the material's name may not be
                id=urn("material", lang, material.id), date=material.published,
                title=ui.feed_new_material.format(title=material.title.get(lang)[0]), title_lang=lang,
                summary=description, summary_lang=description_lang, page=material_path(material.id), anchor=""))
    # Newest first; within a day, countries by code (each in its file's order), then materials.
    found.sort(key=lambda e: e.date, reverse=True)
    return found


def entry_link(entry: Entry, lang: str, site_url: str, directory_urls: bool) -> str:
    relative = page_url(entry.page, directory_urls) + (f"#{entry.anchor}" if entry.anchor else "")
    return absolute(lang, relative, site_url)


def absolute(lang: str, relative: str, site_url: str) -> str:
    """`relative` (from the language's root) as the feed writes it: from the feed itself
    without a site address, else the full address."""
    return site_url.rstrip("/") + "/" + language_prefix(lang) + relative if site_url else (relative or "./")


class _TextLanguage(BaseEntryExtension):
    """feedgen has no xml:lang for an entry's texts: this extension (feedgen's own way to
    add to an entry) marks the title and summary with the language they are really in."""

    def __init__(self):
        self.langs = {}

    def extend_atom(self, entry):
        for child in entry:
            name = child.tag.rsplit("}", 1)[-1]
            if name in self.langs:
                child.set(_XML_LANG, self.langs[name])
        return entry


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=dt.timezone.utc)


def atom_feed(site: m.SiteData, lang: str, *, site_url: str = "", directory_urls: bool = True) -> bytes:
    ui, found = Ui(site, lang), entries(site, lang)
    network = site.settings.network_name.get(lang)[0]
    feed = FeedGenerator()
    feed.id(urn("feed", lang))
    feed.title(ui.feed_title.format(network=network))
    feed.subtitle(ui.feed_subtitle)
    feed.author({"name": network})
    feed.language(lang)
    feed.link(href=absolute(lang, FEED_FILE, site_url), rel="self", type="application/atom+xml")
    feed.link(href=absolute(lang, page_url(HOME, directory_urls), site_url), rel="alternate", type="text/html")
    feed.rights(f"{site.settings.data_license[0]} {site.settings.data_license[1]}")
    feed.generator("python-feedgen")  # without feedgen's version and address: an upgrade alone changes no byte
    feed.updated(_moment(found[0].date) if found else _moment(dt.date(1970, 1, 1)))
    for item in found:
        entry = feed.add_entry(order="append")
        entry.register_extension("textlang", _TextLanguage, atom=True, rss=False)
        entry.textlang.langs = {"title": item.title_lang, "summary": item.summary_lang}
        entry.id(item.id)
        entry.title(item.title)
        entry.summary(item.summary, type="text")
        entry.link(href=entry_link(item, lang, site_url, directory_urls), rel="alternate", type="text/html")
        entry.published(_moment(item.date))
        entry.updated(_moment(item.date))
        if item.country:
            entry.category(term=item.country, label=country_name(item.country, lang))
    return feed.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def feed_files(site: m.SiteData, languages, *, site_url: str = "", directory_urls: bool = True) -> dict[str, bytes]:
    """Site-root path -> bytes, for every language built."""
    return {feed_path(lang): atom_feed(site, lang, site_url=site_url, directory_urls=directory_urls)
            for lang in languages}

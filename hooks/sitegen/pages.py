"""The pages made from data, in one language, as Markdown ready for MkDocs.

`generated_pages()` lists the pages; `fill_markers()` fills the markers that
hand-written pages may hold (`<!-- sitio:paises -->`, `contacto`, `cifras`, `indicadores`,
`recuento`, `tipos-de-fuente`, `descargas`). Every block of HTML they write is marked as such
(htmlblocks.py), so Markdown never reads it.
"""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup, escape

from . import materials as mat
from . import model as m
from . import regional
from .htmlblocks import html_block
from .model import GeneratedPage
from .localize import country_name, long_date
from .paths import COUNTRIES_INDEX, profile_path, relative_url
from .render import render
from .status import Status
from .views import Ui, contact_view, country_list_view, index_view, profile_view

# Where a hand-written addition to a generated page wants the generated part.
GENERATED_MARKER = "<!-- ficha -->"
_MARKER = re.compile(r"<!--\s*sitio:([a-z-]+)\s*-->")
_LEADING_TITLE = re.compile(r"\A\s*#\s[^\n]*\n")


def _with_commentary(render_page, commentary: str | None) -> str:
    """Places an editor's hand-written text in a generated page.

    With the marker, the generated part goes where the marker is; without it, the
    editor's text goes under the generated facts.
    """
    if commentary and GENERATED_MARKER in commentary:
        before, after = commentary.split(GENERATED_MARKER, 1)
        return f"{before}\n\n{render_page(None)}\n\n{after}"
    return render_page(Markup(commentary) if commentary else None)


def wrap_foreign(markdown: str, text_lang: str, page_lang: str, site: m.SiteData) -> str:
    """Hand-written text in another language, marked as such for readers and screen readers."""
    notice = html_block(Markup('<p class="rt-untranslated-notice">{}</p>').format(
        Ui(site, page_lang).text_not_translated_notice))
    return f'{notice}<div lang="{escape(text_lang)}" markdown="1">\n\n{markdown}\n\n</div>'


def profile_page(site: m.SiteData, country: m.Country, lang: str, today: dt.date,
                 commentary: str | None = None, directory_urls: bool = True) -> GeneratedPage:
    view = profile_view(site, country, lang, today, directory_urls)

    located = regional.locator(site, country, lang)
    country_materials = Markup(mat.materials_country_section(
        site, site.materials, country.iso2, lang, profile_path(country.iso2), directory_urls))

    def render_page(extra):
        return render("profile.md.j2", p=view, ui=Ui(site, lang), page_lang=lang, commentary=extra, locator=located,
                      materials=country_materials)

    return GeneratedPage(profile_path(country.iso2), _with_commentary(render_page, commentary))


def countries_index_page(site: m.SiteData, lang: str, commentary: str | None = None,
                         directory_urls: bool = True) -> GeneratedPage:
    view = index_view(site, lang, directory_urls)

    def render_page(extra):
        return render("countries-index.md.j2", v=view, ui=Ui(site, lang), page_lang=lang, commentary=extra)

    return GeneratedPage(COUNTRIES_INDEX, _with_commentary(render_page, commentary))


def comparison_page(site: m.SiteData, lang: str, directory_urls: bool = True) -> GeneratedPage:
    view = regional.comparison_view(site, lang, directory_urls)
    return GeneratedPage(regional.COMPARISON, render("comparison.md.j2", v=view, ui=Ui(site, lang), page_lang=lang))


def map_pages(site: m.SiteData, lang: str, directory_urls: bool = True) -> list[GeneratedPage]:
    ui = Ui(site, lang)
    pages = [GeneratedPage(regional.MAPS_INDEX, render(
        "maps-index.md.j2", v=regional.maps_index_view(site, lang, directory_urls), ui=ui, page_lang=lang))]
    for indicator in site.catalogue.key_indicators:
        path = regional.map_path(indicator.id)
        view = regional.map_view(site, indicator, lang, path, directory_urls)
        pages.append(GeneratedPage(path, render(
            "map.md.j2", v=view, ui=ui, page_lang=lang,
            maps_url=relative_url(path, regional.MAPS_INDEX, directory_urls))))
    return pages


STATUS = "estado.md"


def status_page(site: m.SiteData, lang: str, status, directory_urls: bool = True) -> GeneratedPage:
    """The editors' status page in `lang` (`status` from status.collect)."""
    view = {
        "missing_pages": status.missing_pages.get(lang, []),
        "missing_texts": status.missing_texts.get(lang, []),
        "old_reviews": [(iso, long_date(day, lang)) for iso, day in status.old_reviews],
        "pending": status.pending,
        "names": {c.iso2: country_name(c.iso2, lang) for c in site.countries},
        "urls": {c.iso2: relative_url(STATUS, profile_path(c.iso2), directory_urls) for c in site.countries},
    }
    return GeneratedPage(STATUS, render("status.md.j2", s=view, ui=Ui(site, lang), lang=lang))


def generated_paths(site: m.SiteData) -> list[str]:
    return [STATUS, COUNTRIES_INDEX, *(profile_path(c.iso2) for c in site.countries), regional.COMPARISON,
            regional.MAPS_INDEX, *(regional.map_path(i.id) for i in site.catalogue.key_indicators),
            *(mat.materials_paths(site.materials) if site.campaign else ())]


def generated_pages(site: m.SiteData, lang: str, today: dt.date, commentaries: dict | None = None,
                    directory_urls: bool = True, status=None) -> list[GeneratedPage]:
    """Every page made from data in `lang`; `commentaries` maps a page path to editors' text,
    `status` is the translation status for the editors' page (status.collect)."""
    commentaries = commentaries or {}
    pages = [status_page(site, lang, status or Status(), directory_urls),
             countries_index_page(site, lang, commentaries.get(COUNTRIES_INDEX), directory_urls)]
    pages += [profile_page(site, c, lang, today, commentaries.get(profile_path(c.iso2)), directory_urls)
              for c in site.countries]
    pages.append(comparison_page(site, lang, directory_urls))
    pages += map_pages(site, lang, directory_urls)
    if site.campaign:
        pages += mat.materials_pages(site, site.materials, site.topics, lang, directory_urls, campaign=site.campaign)
    return pages


def strip_title(markdown: str) -> str:
    """Editors' additions to a generated page must not repeat its title."""
    return _LEADING_TITLE.sub("", markdown, count=1)


def fill_markers(markdown: str, page: str, lang: str, site: m.SiteData, directory_urls: bool = True) -> str:
    """Replaces `<!-- sitio:... -->` markers in a hand-written page with generated parts."""
    def replace(match: re.Match) -> str:
        generated = part(match.group(1))
        return match.group(0) if generated is None else html_block(generated)

    def part(name: str) -> str | None:
        ui = Ui(site, lang)
        if name == "paises":
            return render("country-list.md.j2", countries=country_list_view(site, lang, page, directory_urls), ui=ui)
        if name == "contacto":
            return render("contact.md.j2", v=contact_view(site, lang), ui=ui)
        if name == "recuento":
            return render("counts.md.j2", v={"counts": regional.headline_counts(site, lang)})
        if name == "cifras":
            return render("home-figures.md.j2", v=regional.home_figures_view(site, lang, page, directory_urls),
                          ui=ui, page_lang=lang)
        if name in ("indicadores", "tipos-de-fuente", "descargas"):
            template = {"indicadores": "methodology-indicators.md.j2", "tipos-de-fuente": "methodology-sources.md.j2",
                        "descargas": "methodology-downloads.md.j2"}[name]
            return render(template, v=regional.methodology_view(site, lang, directory_urls), ui=ui)
        return None  # unknown markers stay as HTML comments (invisible)

    return _MARKER.sub(replace, markdown)

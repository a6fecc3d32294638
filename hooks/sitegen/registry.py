"""Every page made from data, declared once, and every generated part of a hand-written page.

A `PageSpec` says where a page lives (its source path inside each language folder), which
template lays it out, which view-model builder fills the template, whether it is in the
navigation, whether search lists it, and whether an editor may add hand-written text to it
(`docs/<lang>/<path>`). Everything else is derived from this list: the paths the adapter
generates and merges editors' text into, the pages static-i18n registers (and so the
sitemap and the language switcher), and the lists `tests/test_registry.py` compares with
`mkdocs.yml`'s `nav` and `not_in_nav`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Callable

from markupsafe import Markup

from . import model as m
from .citation import dataset_cite_view
from .briefs import brief_link
from .context import RenderContext
from .embedmaps import embed_view
from .localize import country_name, long_date
from .materialviews import campaign_view, catalogue_view, material_view, materials_country_section
from .paths import (CAMPAIGN, CATALOGUE, COMPARISON, COUNTRIES_INDEX, MAPS_INDEX, STATUS, map_path, material_path,
                    profile_path)
from .regional import (comparison_view, headline_counts, home_figures_view, locator, map_view, maps_index_view,
                       methodology_view)
from .status import collect
from .views import contact_view, country_list_view, index_view, profile_view

View = Callable[[RenderContext], dict]  # the template's variables, for one language


@dataclass(frozen=True)
class PageSpec:
    path: str  # e.g. "paises/ar.md", the same in every language
    template: str  # in hooks/templates/
    view: View = field(compare=False)
    in_nav: bool
    searchable: bool = True
    commentary: bool = False  # takes an editor's hand-written addition


# -- the view-models of each page -----------------------------------------------------

def _status(ctx: RenderContext) -> dict:
    """The editors' status page: what is still to translate or to review (status.py)."""
    site, lang, docs = ctx.site, ctx.lang, ctx.project.docs
    pages = tuple(sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")))
    status = ctx.cache.get("editors' status", (site.fingerprint or id(site), ctx.today, docs, pages),
                           lambda: collect(site, docs, ctx.today))
    return {"lang": lang, "s": {
        "missing_pages": status.missing_pages.get(lang, []),
        "missing_texts": status.missing_texts.get(lang, []),
        "old_reviews": [(iso, long_date(day, lang)) for iso, day in status.old_reviews],
        "pending": status.pending,
        "names": {c.iso2: country_name(c.iso2, lang) for c in site.countries},
        "urls": {c.iso2: ctx.url(STATUS, profile_path(c.iso2)) for c in site.countries},
    }}


def _profile(ctx: RenderContext, country: m.Country) -> dict:
    return {"p": profile_view(ctx, country), "locator": locator(ctx, country),
            "brief": brief_link(ctx, country, profile_path(country.iso2)),
            "materials": Markup(materials_country_section(ctx, country.iso2, profile_path(country.iso2)))}


def _map(ctx: RenderContext, indicator: m.Indicator) -> dict:
    path = map_path(indicator.id)
    view = map_view(ctx, indicator, path)
    return {"v": view, "embed": embed_view(ctx, indicator, view), "maps_url": ctx.url(path, MAPS_INDEX)}


def _campaign_title(ctx: RenderContext) -> dict:
    return {"campaign_title": ctx.text(ctx.site.campaign.title)}


def _material(ctx: RenderContext, material: m.Material) -> dict:
    return {"p": material_view(ctx, material), **_campaign_title(ctx)}


# -- the pages ----------------------------------------------------------------------

def site_pages(site: m.SiteData) -> list[PageSpec]:
    """Every page made from `site`, in the order they are generated (and listed in the sitemap)."""
    pages = [
        PageSpec(STATUS, "status.md.j2", _status, in_nav=False, searchable=False),
        PageSpec(COUNTRIES_INDEX, "countries-index.md.j2", lambda ctx: {"v": index_view(ctx)}, in_nav=True,
                 commentary=True),
        *(PageSpec(profile_path(c.iso2), "profile.md.j2", partial(_profile, country=c), in_nav=False, commentary=True)
          for c in site.countries),
        PageSpec(COMPARISON, "comparison.md.j2", lambda ctx: {"v": comparison_view(ctx)}, in_nav=True),
        PageSpec(MAPS_INDEX, "maps-index.md.j2", lambda ctx: {"v": maps_index_view(ctx)}, in_nav=True),
        *(PageSpec(map_path(i.id), "map.md.j2", partial(_map, indicator=i), in_nav=False)
          for i in site.catalogue.key_indicators),
    ]
    if site.campaign:
        pages += [
            PageSpec(CATALOGUE, "materials-index.md.j2",
                     lambda ctx: {"v": catalogue_view(ctx), **_campaign_title(ctx)}, in_nav=True),
            *(PageSpec(material_path(x.id), "materials-detail.md.j2", partial(_material, material=x), in_nav=False)
              for x in site.materials),
            PageSpec(CAMPAIGN, "materials-campaign.md.j2",
                     lambda ctx: {"v": campaign_view(ctx), **_campaign_title(ctx)}, in_nav=True),
        ]
    return pages


def generated_paths(site: m.SiteData) -> list[str]:
    return [page.path for page in site_pages(site)]


def nav_paths(site: m.SiteData) -> list[str]:
    """The generated pages that must be in mkdocs.yml's `nav`; every other one is `not_in_nav`."""
    return [page.path for page in site_pages(site) if page.in_nav]


# -- the generated parts of hand-written pages (`<!-- sitio:name -->`) ------------------

Part = Callable[[RenderContext, str], dict]  # (context, the page's path) -> the template's variables

PARTS: dict[str, tuple[str, Part]] = {
    "paises": ("country-list.md.j2", lambda ctx, page: {"countries": country_list_view(ctx, page)}),
    "contacto": ("contact.md.j2", lambda ctx, page: {"v": contact_view(ctx)}),
    "recuento": ("counts.md.j2", lambda ctx, page: {"v": {"counts": headline_counts(ctx)}}),
    "cifras": ("home-figures.md.j2", lambda ctx, page: {"v": home_figures_view(ctx, page)}),
    "indicadores": ("methodology-indicators.md.j2", lambda ctx, page: {"v": methodology_view(ctx)}),
    "tipos-de-fuente": ("methodology-sources.md.j2", lambda ctx, page: {"v": methodology_view(ctx)}),
    "descargas": ("methodology-downloads.md.j2", lambda ctx, page: {"v": methodology_view(ctx)}),
    "citar": ("methodology-cite.md.j2", lambda ctx, page: {"v": dataset_cite_view(ctx, page)}),
}

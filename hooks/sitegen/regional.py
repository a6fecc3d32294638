"""Views across countries: comparison tables, maps, methodology and home-page figures."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import model as m
from .context import RenderContext
from .localize import country_name, human_size
from .mapmarks import countries_text, map_mark
from .maps import Geometry, load_geometry, locator_shapes, render_locator, render_map
from .datapackage import PACKAGE_PATH
from .opendata import CHANGELOG_PATH, CSV_PATH, JSON_PATH, SCHEMA_PATH, country_path, published_files
from .paths import COMPARISON, COUNTRIES_INDEX, MAPS_INDEX, METHODOLOGY, map_path, profile_path
from .views import SYMBOLS, TONES, countries_in_order, indicator_columns, tone_legend, unknown_counts, value_view

HEADLINE_INDICATOR = "test_compulsory"


def _outlines(ctx: RenderContext, source) -> Geometry:
    """Outlines read once per version of their file, for every page and language. Both levels
    of detail are made offline (scripts/make_map_geometry.py): nothing is simplified here."""
    return ctx.cache.get(("outlines", source), ctx.cache.digest(source), lambda: load_geometry(source))


def regional_geometry(ctx: RenderContext) -> Geometry:
    """The coarser outlines, for maps of the whole region."""
    return _outlines(ctx, ctx.project.regional_geometry_file)


def comparison_view(ctx: RenderContext) -> dict:
    # sortable.js is loaded by this page only, not by every page of the site.
    site, lang, ui = ctx.site, ctx.lang, ctx.ui
    groups = {g.id: g for g in site.catalogue.groups}
    hiv = [i for i in site.catalogue.key_indicators if i.group_id in ("hiv-testing", "hiv-criminalisation")]
    tables = [
        {"id": "hiv", "caption": ui.comparison_hiv_caption, "indicators": hiv},
        {"id": "sex-work", "caption": ui.comparison_sex_work_caption, "indicators": list(groups["sex-work"].indicators)},
    ]
    rank = {tone: n for n, tone in enumerate(TONES)}
    for table in tables:
        table["columns"] = indicator_columns(table["indicators"], lang)
        table["unknown"] = unknown_counts(ctx, table["indicators"])
        table["rows"] = []
        for country, name in countries_in_order(site, lang):
            profile = profile_path(country.iso2)
            cells = []
            for indicator in table["indicators"]:
                value = value_view(indicator, country.answers[indicator.id], lang, ui)
                cells.append({"value": value, "title": indicator.short_title(lang),
                              "url": ctx.url(COMPARISON, profile, indicator.id),
                              "sort": f"{rank[value['tone']]}-{value['label']}"})
            table["rows"].append({"name": name, "url": ctx.url(COMPARISON, profile), "cells": cells})
        del table["indicators"]
    return {"tables": tables, "legend": tone_legend(ui), "unknown_label": ui.unknown_per_column,
            "script": ctx.file_url(COMPARISON, "assets/sortable.js")}


def _values_legend(ctx: RenderContext, indicator: m.Indicator) -> list[dict]:
    """Legend of a map: each value of the indicator with its own symbol and shade, and how many
    countries have it ("Sí, por ley: 1 país")."""
    site, lang, ui = ctx.site, ctx.lang, ctx.ui
    counts: dict = {}
    for country in site.countries:
        code = country.answers[indicator.id].value
        counts[code] = counts.get(code, 0) + 1
    entries = [(v.code, v.label.get(lang)[0]) for v in indicator.values] + [(m.UNKNOWN, ui.no_verified_information)]
    legend = []
    for code, label in entries:
        symbol, shade = map_mark(indicator, code)
        n = counts.get(code, 0)
        legend.append({"tone": indicator.tone(code), "symbol": symbol, "shade": shade, "label": label,
                       "count": n, "count_text": countries_text(ui, n)})
    return legend


def map_view(ctx: RenderContext, indicator: m.Indicator, page: str) -> dict:
    site, lang, ui = ctx.site, ctx.lang, ctx.ui
    regions = []
    for country, name in countries_in_order(site, lang):
        value = value_view(indicator, country.answers[indicator.id], lang, ui)
        symbol, shade = map_mark(indicator, value["code"])
        value = {**value, "symbol": symbol, "shade": shade}  # the map's own, in the list under it too
        regions.append({"iso2": country.iso2, "name": name, "value_label": value["label"], "tone": value["tone"],
                        "symbol": symbol, "shade": shade,
                        "href": ctx.url(page, profile_path(country.iso2), indicator.id),
                        "value": value})
    legend = _values_legend(ctx, indicator)
    question = indicator.question.get(lang)[0]
    # A member outside the map's area (or with no shape) is still in the list under the map.
    outlines = regional_geometry(ctx)
    shapes = outlines.shapes
    svg = render_map(outlines, [{k: r[k] for k in ("iso2", "name", "value_label", "tone", "symbol", "shade", "href")}
                                          for r in regions if r["iso2"] in shapes],
                     title=question, description=ui.map_description, legend=legend, lang=lang,
                     map_id=f"map-{indicator.id}", templates=ctx.templates)
    return {"id": indicator.id, "title": indicator.short_title(lang), "question": question,
            "explanation": indicator.explanation.get(lang)[0], "svg": Markup(svg), "regions": regions,
            "legend": legend}


def maps_index_view(ctx: RenderContext) -> dict:
    site, lang = ctx.site, ctx.lang
    headline = site.catalogue.indicator(HEADLINE_INDICATOR)
    return {"headline": map_view(ctx, headline, MAPS_INDEX),
            "maps": [{"title": i.short_title(lang), "question": i.question.get(lang)[0],
                      "url": ctx.url(MAPS_INDEX, map_path(i.id))} for i in site.catalogue.key_indicators]}


# A criminal law that punishes HIV counts only while it is in force.
_NOT_PUNISHING_STATUSES = {"repealed", "struck_down", "proposed", "not_applicable"}


@dataclass(frozen=True)
class Counts:
    """How many countries give an answer (`n`), out of those where it is `known`."""

    n: int
    known: int
    unknown: int
    total: int


def _counts(ctx: RenderContext, indicator_id: str, matches) -> Counts | str:
    """The counts for a figure, or a finished sentence when they would make none: no country
    knows the answer, or only one does ("in 1 of the 1 countries" is no sentence)."""
    site, lang, ui = ctx.site, ctx.lang, ctx.ui
    answers = [c.answers[indicator_id] for c in site.countries]
    known = [a for a in answers if a.known]
    indicator = site.catalogue.indicator(indicator_id)
    question = indicator.question.get(lang)[0]
    if not known:
        return ui.count_none_known.format(question=question)
    if len(known) == 1:
        country = next(c for c in site.countries if c.answers[indicator_id].known)
        answer = value_view(indicator, country.answers[indicator_id], lang, ui)["label"]
        return ui.count_one_known.format(question=question, country=country_name(country.iso2, lang), answer=answer)
    return Counts(n=sum(1 for c in site.countries if c.answers[indicator_id].known and matches(c)),
                  known=len(known), unknown=len(answers) - len(known), total=len(answers))


def _has(indicator_id: str, *codes: str):
    return lambda country: country.answers[indicator_id].value in codes


def _punishes_hiv(country: m.Country) -> bool:
    return (country.answers["criminalisation_law"].value in {"hiv_specific", "general"}
            and country.answers["criminalisation_status"].value not in _NOT_PUNISHING_STATUSES)


def share(ui, c: Counts) -> str:
    """"In 3 of the 12", or "In all 13" when every known answer counts ("13 of the 13" is no sentence)."""
    return ui.count_share_all.format(known=c.known) if c.n == c.known else ui.count_share.format(n=c.n, known=c.known)


def headline_counts(ctx: RenderContext) -> list[str]:
    """Sentences like "In 3 of the 12 countries where the answer is known ..." computed from the
    data, never typed: a count always says how many countries it is out of, and how many are unknown."""
    site, ui = ctx.site, ctx.ui
    sentences = []
    c = _counts(ctx, "test_compulsory", _has("test_compulsory", "in_law"))
    sentences.append(c if isinstance(c, str) else ui.count_compulsory_in_law.format(
        share=share(ui, c), unknown=c.unknown, total=c.total))
    c = _counts(ctx, "positive_result",
                _has("positive_result", "barred_from_work", "detention_or_prosecution"))
    sentences.append(c if isinstance(c, str) else ui.count_positive_result.format(
        share=share(ui, c), unknown=c.unknown, total=c.total))
    c = _counts(ctx, "test_confidential", _has("test_confidential", "yes"))
    sentences.append(c if isinstance(c, str) else ui.count_confidential.format(
        share=share(ui, c), unknown=c.unknown, total=c.total))
    c = _counts(ctx, "criminalisation_law", _punishes_hiv)
    sentences.append(c if isinstance(c, str) else ui.count_hiv_law.format(
        share=share(ui, c), unknown=c.unknown, total=c.total))
    sentences.append(ui.count_unknown.format(
        n=sum(1 for c in site.countries for a in c.answers.values() if not a.known),
        total=len(site.countries) * len(site.catalogue.indicators)))
    return sentences


def home_figures_view(ctx: RenderContext, page: str) -> dict:
    headline = ctx.site.catalogue.indicator(HEADLINE_INDICATOR)
    return {"map": map_view(ctx, headline, page), "counts": headline_counts(ctx),
            "list_url": ctx.url(page, map_path(headline.id), "list"),
            "maps_url": ctx.url(page, MAPS_INDEX), "comparison_url": ctx.url(page, COMPARISON)}


def locator(ctx: RenderContext, country: m.Country) -> Markup:
    lang = ctx.lang
    source, wide_source = ctx.project.geometry_file, ctx.project.wide_geometry_file
    outlines = _outlines(ctx, source)  # the finer outlines, for a locator's square
    if country.iso2 not in outlines.shapes:
        return Markup("")
    wide = _outlines(ctx, wide_source) if wide_source.is_file() else None  # for the big squares
    version = (ctx.cache.digest(source), wide and ctx.cache.digest(wide_source))
    shapes = ctx.cache.get(("locator", source, country.iso2), version,
                           lambda: locator_shapes(outlines, country.iso2, wide))  # cropped once for every language
    return Markup(render_locator(outlines, country.iso2, name=country_name(country.iso2, lang), lang=lang,
                                 locator_id=f"locator-{country.slug}", templates=ctx.templates, shapes=shapes))


def methodology_view(ctx: RenderContext) -> dict:
    """For the methodology page's three markers (indicators, kinds of source, downloads)."""
    return ctx.cache.get(("methodology", ctx.lang), (ctx.site.fingerprint, id(ctx.site), ctx.directory_urls),
                         lambda: _methodology_view(ctx))


def _methodology_view(ctx: RenderContext) -> dict:
    site, lang, ui = ctx.site, ctx.lang, ctx.ui
    sizes = {f.path: len(f.content) for f in published_files(site, ctx.cache)}
    downloads = [
        {"label": label, "url": ctx.file_url(METHODOLOGY, path),
         "size": human_size(sizes[path], lang), "path": path}
        for label, path in ((ui.download_json, JSON_PATH), (ui.download_csv, CSV_PATH),
                            (ui.download_schema, SCHEMA_PATH), (ui.download_changelog, CHANGELOG_PATH),
                            (ui.download_package, PACKAGE_PATH))
    ]
    per_country = {"label": ui.download_countries, "folder": country_path("xx").rsplit("/", 1)[0] + "/",
                   "files": [{"name": name, "url": ctx.file_url(METHODOLOGY, country_path(c.iso2)),
                              "size": human_size(sizes[country_path(c.iso2)], lang)}
                             for c, name in countries_in_order(site, lang)]}
    groups = [{"id": g.id, "title": g.title.get(lang)[0], "indicators": [{
        "id": i.id, "question": i.question.get(lang)[0], "explanation": i.explanation.get(lang)[0],
        "scale_values": [{"label": v.label.get(lang)[0], "symbol": SYMBOLS[i.tone(v.code)], "tone": i.tone(v.code),
                    "tone_label": ui["tone_" + i.tone(v.code)]} for v in i.values]
                  # "Sin información verificada" says its tone itself: no "(sin información verificada)" after it.
                  + [{"label": ui.no_verified_information, "symbol": SYMBOLS["unknown"], "tone": "unknown",
                      "tone_label": None}],
    } for i in g.indicators]} for g in site.catalogue.groups]
    kinds = [{"label": ui["source_type_" + t], "weight": ui["source_weight_" + t]} for t in site.source_types]
    return {"groups": groups, "source_types": kinds, "downloads": downloads, "per_country": per_country,
            "license": {"name": site.settings.data_license[0], "url": site.settings.data_license[1]},
            "countries_url": ctx.url(METHODOLOGY, COUNTRIES_INDEX)}

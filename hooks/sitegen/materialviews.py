"""View-models of the campaign materials: the catalogue, one page per material, the
campaign page, and the section of a country's profile that lists its materials.

Each builder takes the render context (`context.py`) and returns plain dicts for the
templates in hooks/templates/ (`materials-*.md.j2`); `registry.py` declares the pages.
"""

from __future__ import annotations

from . import model as m
from .context import RenderContext, Ui
from .localize import country_name, human_size, language_name, language_names, long_date, sort_key
from .model import ALL, FILE_LANGUAGES, MATERIAL_TYPES, MEDIA_TYPES, Material, MaterialFile
from .paths import CAMPAIGN, CATALOGUE, COUNTRIES_INDEX, material_file_url, material_path, profile_path

def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _type_label(ui: Ui, kind: str) -> str:
    return ui["material_type_" + kind]


def _topic_labels(ctx: RenderContext, material: Material) -> list[dict]:
    topics = ctx.site.topics
    return [{"id": t, "label": topics[t].label.get(ctx.lang)[0] if t in topics else t} for t in material.topics]


def _file_view(ctx: RenderContext, f: MaterialFile, page: str) -> dict:
    lang = ctx.lang
    language = language_name(f.language, lang) if f.language != ALL else None
    return {
        "language": f.language, "language_name": language,
        "format": f.format.upper(), "media_type": MEDIA_TYPES.get(f.format),
        "size": human_size(f.size_bytes, lang) if f.size_bytes is not None else None,
        "size_bytes": f.size_bytes, "sha256": f.sha256, "name": f.name, "external": f.external,
        "url": f.url if f.external else material_file_url(lang, page, f.path, ctx.directory_urls),
        "hreflang": f.language if f.language != ALL else None,
        "variant_label": ctx.ui.materials_variant_story if f.variant == "story" else None,
    }


def _ordered_files(material: Material, lang: str) -> list[MaterialFile]:
    """The reader's language first, then the others in the site's order."""
    order = [lang, *(x for x in FILE_LANGUAGES if x != lang)]
    return sorted(material.files, key=lambda f: order.index(f.language))


def _availability(ctx: RenderContext, material: Material) -> dict:
    lang, ui = ctx.lang, ctx.ui
    available = lang in material.languages
    return {
        "available": available,
        "only_in": None if available else ui.materials_only_in.format(languages=language_names(material.languages, lang)),
        "languages": [{"code": c, "name": language_name(c, lang)} for c in material.languages],
        "languages_text": language_names(material.languages, lang),
    }


def material_card(ctx: RenderContext, material: Material, from_page: str) -> dict:
    """What a material's card shows, on any page."""
    lang = ctx.lang
    return {
        "id": material.id, "anchor": f"material-{material.id}",
        "type": material.type, "type_label": _type_label(ctx.ui, material.type),
        "title": ctx.text(material.title), "description": ctx.text(material.description),
        "url": ctx.url(from_page, material_path(material.id)),
        "thumbnail": material_file_url(lang, from_page, material.thumbnail, ctx.directory_urls)
        if material.thumbnail else None,
        "topics": _topic_labels(ctx, material),
        "countries": list(material.countries),
        "files": [_file_view(ctx, f, from_page) for f in _ordered_files(material, lang)],
        "licence": {"name": material.licence.name, "url": material.licence.url},
        "published": long_date(material.published, lang), "published_iso": material.published.isoformat(),
        **_availability(ctx, material),
    }


def _in_order(materials, lang: str) -> list[Material]:
    """Newest first, then by title in the reader's language."""
    by_title = sorted(materials, key=lambda x: sort_key(x.title.get(lang)[0]))
    return sorted(by_title, key=lambda x: x.published, reverse=True)


def catalogue_view(ctx: RenderContext) -> dict:
    site, lang, ui = ctx.site, ctx.lang, ctx.ui
    materials = site.materials
    groups = []
    for kind in MATERIAL_TYPES:
        chosen = [x for x in materials if x.type == kind]
        if chosen:
            groups.append({"type": kind, "anchor": kind.replace("_", "-"), "heading": ui["material_group_" + kind],
                           "cards": [material_card(ctx, x, CATALOGUE) for x in _in_order(chosen, lang)]})
    used_topics = {t for x in materials for t in x.topics}
    named_countries = sorted(((c.iso2.lower(), country_name(c.iso2, lang)) for c in site.countries),
                             key=lambda pair: sort_key(pair[1]))
    filters = [
        {"name": "type", "label": ui.materials_filter_type,
         "options": [{"value": g["type"], "label": _type_label(ui, g["type"])} for g in groups]},
        {"name": "topic", "label": ui.materials_filter_topic,
         "options": sorted(({"value": t.id, "label": t.label.get(lang)[0]} for t in site.topics.values()
                            if t.id in used_topics), key=lambda o: sort_key(o["label"]))},
        {"name": "country", "label": ui.country,
         "options": [{"value": code, "label": name} for code, name in named_countries]},
        {"name": "language", "label": ui.materials_filter_language,
         "options": [{"value": c, "label": _capitalized(language_name(c, lang))} for c in m.LANGUAGES]},
    ]
    return {"groups": groups, "filters": filters, "total": len(materials),
            "campaign_url": ctx.url(CATALOGUE, CAMPAIGN),
            # The filter script is loaded by this page only.
            "script": ctx.file_url(CATALOGUE, "assets/materials.js")}


def material_view(ctx: RenderContext, material: Material) -> dict:
    lang = ctx.lang
    page = material_path(material.id)
    card = material_card(ctx, material, page)
    if material.for_all_countries:
        countries = []
    else:
        named = sorted(((code, country_name(code, lang)) for code in material.countries), key=lambda p: sort_key(p[1]))
        countries = [{"name": name, "url": ctx.url(page, profile_path(code))} for code, name in named]
    others = [c for c in material.languages if c != lang]
    return {
        **card,
        "countries_list": countries,
        "credits": ctx.text(material.credits),
        "attribution": ctx.text(material.licence.attribution),
        "also_in": language_names(others, lang) if others else None,
        "back_url": ctx.url(page, CATALOGUE),
        "campaign_url": ctx.url(page, CAMPAIGN),
        "type_url": ctx.url(page, CATALOGUE, material.type.replace("_", "-")),
        "sha256_help": ctx.ui.materials_sha256_help,
    }


def campaign_view(ctx: RenderContext) -> dict:
    site, lang, campaign = ctx.site, ctx.lang, ctx.site.campaign

    def text(value: m.Text) -> dict:
        view = ctx.text(value)
        view["text"] = view["text"].replace("{countries}", str(len(site.countries)))
        return view

    cards = []
    for material in sorted(_in_order(site.materials, lang), key=lambda x: MATERIAL_TYPES.index(x.type)):
        card = material_card(ctx, material, CAMPAIGN)
        card["main_file"] = next((f for f in card["files"] if f["language"] in (lang, ALL)), None)
        cards.append(card)
    return {
        "title": text(campaign.title), "slogan": ctx.text(site.settings.slogan), "lead": text(campaign.lead),
        "messages_title": text(campaign.messages_title),
        "messages": [{"id": x.id, "title": text(x.title), "text": text(x.text)} for x in campaign.messages],
        "countries_link": text(campaign.countries_link),
        "materials_title": text(campaign.materials_title), "materials_intro": text(campaign.materials_intro),
        "materials": cards,
        "use_title": text(campaign.use_title), "use": [text(x) for x in campaign.use],
        "catalogue_url": ctx.url(CAMPAIGN, CATALOGUE),
        "countries_url": ctx.url(CAMPAIGN, COUNTRIES_INDEX),
    }


def materials_for_country(ctx: RenderContext, iso2: str, from_page: str) -> list[dict]:
    """The materials meant for one country, for a section of its profile: those made for
    it first, then those for every member country."""
    chosen = [x for x in _in_order(ctx.site.materials, ctx.lang) if x.meant_for(iso2)]
    chosen.sort(key=lambda x: (x.for_all_countries, MATERIAL_TYPES.index(x.type)))
    return [{"id": x.id, "title": ctx.text(x.title), "type": x.type, "type_label": _type_label(ctx.ui, x.type),
             "url": ctx.url(from_page, material_path(x.id)),
             "specific": not x.for_all_countries, **_availability(ctx, x)}
            for x in chosen]


def materials_country_section(ctx: RenderContext, iso2: str, from_page: str) -> str:
    """Markdown for a profile: a heading and the list of the country's materials ("" if none)."""
    items = materials_for_country(ctx, iso2, from_page)
    if not items:
        return ""
    return ctx.render("materials-country.md.j2", items=items,
                      catalogue_url=ctx.url(from_page, CATALOGUE) + f"?country={iso2.lower()}")

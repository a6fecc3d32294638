"""View-models: what each generated page shows, in one language, as plain dicts.

Templates (hooks/templates/) only lay these out; every decision about what to show
is made here, where it can be unit-tested without MkDocs.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from . import model as m
from .citation import cite_view, profile_citation
from .context import RenderContext, Ui, localized
from .feeds import feed_path
from .localize import country_name, language_name, long_date, months_between, partial_date, sort_key
from .opendata import country_path
from .paths import COUNTRIES_INDEX, METHODOLOGY, profile_path

SYMBOLS = {"harmful": "✖", "mixed": "◐", "protective": "✔", "unknown": "?"}
TONES = ("protective", "mixed", "harmful", "unknown")  # the order of every legend
SECONDARY_SOURCE_TYPES = {"news", "encyclopedia"}


def value_view(indicator: m.Indicator, answer: m.Answer, lang: str, ui: Ui) -> dict:
    tone = indicator.tone(answer.value)
    if answer.known:
        label = indicator.scale_value(answer.value).label.get(lang)[0]
    else:
        label = ui.no_verified_information
    return {"code": answer.value, "label": label, "tone": tone, "symbol": SYMBOLS[tone],
            "tone_label": ui["tone_" + tone]}


def review_view(ctx: RenderContext, country: m.Country) -> dict:
    site, lang, ui = ctx.site, ctx.lang, ctx.ui
    review = country.review
    age = months_between(review.last_reviewed, ctx.today)
    if review.verified:
        status = ui.verified_by.format(org=review.verified_by, date=long_date(review.verified_on, lang))
    else:
        status = ui.pending_verification
    return {"last_reviewed": long_date(review.last_reviewed, lang),
            "last_reviewed_iso": review.last_reviewed.isoformat(),
            "verified": review.verified, "status": status,
            "outdated": age >= site.settings.review_max_age_months,
            "outdated_text": ui.review_outdated.format(months=site.settings.review_max_age_months)}


def law_status(law: m.Law, ui: Ui) -> str:
    """"Vigente", "Ya no está vigente: se derogó en 2023": what the reader must know first.

    Worded to agree with any law's name (a "código" or a "ley"): no gendered participle."""
    label = ui["law_status_" + law.status]
    if not law.in_force and law.repealed_year:
        return ui.law_ended_in.format(status=label, year=law.repealed_year)
    return label


def law_view(country: m.Country, law: m.Law, ui: Ui) -> dict:
    replaced_by = country.law(law.replaced_by).name if law.replaced_by else None
    return {"id": law.id, "name": law.name, "number": law.number, "year": law.year, "articles": law.articles,
            "url": law.url, "in_force": law.in_force, "status": law_status(law, ui),
            "replaced_by": ui.law_replaced_by.format(law=replaced_by) if replaced_by else None}


def quote_view(country: m.Country, answer: m.Answer, lang: str, ui: Ui) -> dict | None:
    """The words of the answer's main source, quoted in the document's own language."""
    if not answer.sources:
        return None
    source = country.source(answer.sources[0])
    if not source.quote:
        return None
    law = country.law(source.law) if source.law else None
    return {
        "text": source.quote, "lang": source.language, "cite": source.url,
        "article": source.article,
        "law": law and law_view(country, law, ui),
        "title": None if law else source.title,
        "language_note": None if source.language == lang else
        ui.quote_in_language.format(language=language_name(source.language, lang)),
    }


def verification_view(answer: m.Answer, lang: str, ui: Ui) -> str | None:
    """"Verificado por AMMAR el 10 de enero de 2027", when a member organization checked the answer."""
    v = answer.verified
    return ui.verified_by.format(org=v.by, date=long_date(v.on, lang)) if v else None


def correction_links(ctx: RenderContext, country: m.Country, name: str) -> dict:
    site, ui = ctx.site, ctx.ui
    title = f"{ui.correction_issue_title}: {name} ({country.iso2})"
    query = urlencode({"template": "correccion.yml", "labels": "correccion", "title": title}, quote_via=quote)
    links = {"issue": f"{site.settings.repository.rstrip('/')}/issues/new?{query}"}
    links["email"] = None  # an unconfirmed address could reach a stranger: offered only once confirmed
    if site.settings.contact_confirmed:
        email = site.settings.corrections_email or site.settings.email
        links["email"] = f"mailto:{email}?" + urlencode({"subject": title}, quote_via=quote)
    return links


def profile_view(ctx: RenderContext, country: m.Country) -> dict:
    site, lang, ui = ctx.site, ctx.lang, ctx.ui
    numbers = {s.id: n for n, s in enumerate(country.sources, start=1)}
    name = country_name(country.iso2, lang)

    def cites(ids):
        return [{"number": numbers[sid], "anchor": f"src-{numbers[sid]}"} for sid in ids]

    page = profile_path(country.iso2)
    facts = {}
    for indicator in site.catalogue.indicators:
        answer = country.answers[indicator.id]
        facts[indicator.id] = {
            "id": indicator.id,
            "question": indicator.question.get(lang)[0],
            "short": indicator.short_title(lang),
            "key": indicator.key,
            "known": answer.known,
            "method_url": ctx.url(page, METHODOLOGY, "method-" + indicator.id),  # the explanation, once
            "value": value_view(indicator, answer, lang, ui),
            "disputed": answer.disputed,
            "note": localized(answer.note, lang),
            "cites": cites(answer.sources),
            "quote": quote_view(country, answer, lang, ui),
            "verified": verification_view(answer, lang, ui),
        }
    # Within a group the known answers come first, so that unknowns do not bury them
    # (a stable sort: each part keeps the catalogue's order).
    groups = [{"id": g.id, "title": g.title.get(lang)[0],
               "facts": sorted((facts[i.id] for i in g.indicators), key=lambda f: not f["known"])}
              for g in site.catalogue.groups]

    org = country.organization
    sources = [{
        "number": numbers[s.id], "anchor": f"src-{numbers[s.id]}", "title": s.title, "publisher": s.publisher,
        "url": s.url, "type": ui["source_type_" + s.type], "secondary": s.type in SECONDARY_SOURCE_TYPES,
        "title_lang": s.language, "article": s.article,
        "date": partial_date(s.date, lang) if s.date else None, "accessed": long_date(s.accessed, lang),
    } for s in country.sources]
    return {
        "iso2": country.iso2, "name": name, "lang": lang,
        "summary": localized(country.summary, lang),
        "phase": ui["phase_" + str(country.phase)] if country.phase else "",
        "organization": {"name": org.name, "website": org.website, "contact": org.contact,
                         "cites": cites(org.sources)},
        "answers": answers_first(list(facts.values())),
        "groups": groups,
        "laws": [law_view(country, law, ui) for law in country.laws],
        "sources": sources,
        "has_secondary": any(s["secondary"] for s in sources),
        "review": review_view(ctx, country),
        "changelog": [{"date": long_date(c.date, lang), "iso": c.date.isoformat(), "text": localized(c.text, lang)}
                      for c in country.changelog],
        "feed_url": ctx.file_url(profile_path(country.iso2), feed_path(lang)),
        "cite": {**cite_view(ctx, profile_citation(ctx, country.iso2, profile_path(country.iso2))), "anchor": "cite",
                 "data_url": ctx.file_url(profile_path(country.iso2), country_path(country.iso2)),
                 "data_label": ui.cite_country_data},
        "correction": correction_links(ctx, country, name),
        "index_url": ctx.url(profile_path(country.iso2), COUNTRIES_INDEX),
        "legend": tone_legend(ui),
    }


def answers_first(facts: list[dict]) -> dict:
    """The block that opens a profile: a line for each known key answer (those marked
    `key: true` in data/indicators.yml, which include the questions a reader comes with:
    whether a test can be forced, what a positive result leads to), then one line naming
    every question without verified information, key questions first."""
    unknown = [{**f, "short_in_list": in_a_list(f["short"])} for f in facts if not f["known"]]
    return {"known": [f for f in facts if f["key"] and f["known"]],
            "unknown": sorted(unknown, key=lambda f: not f["key"])}


def in_a_list(title: str) -> str:
    """A short title inside a sentence ("Sin información verificada sobre: modelo legal, …"):
    its capital dropped, unless the word is an acronym ("HIV exposure", "VIH")."""
    return title[0].lower() + title[1:] if len(title) > 1 and title[1].islower() else title


def tone_legend(ui: Ui) -> list[dict]:
    """What each symbol (and colour) means, for a legend."""
    return [{"tone": t, "symbol": SYMBOLS[t], "label": ui["tone_" + t]} for t in TONES]


def indicator_columns(indicators, lang: str) -> list[dict]:
    """Table columns for indicators: the short title, and the full question as its tooltip."""
    return [{"id": i.id, "title": i.short_title(lang), "question": i.question.get(lang)[0]} for i in indicators]


def unknown_counts(ctx: RenderContext, indicators) -> list[str]:
    """For a table's footer: how many countries have no verified answer, per column ("5 de 17")."""
    site, ui = ctx.site, ctx.ui
    total = len(site.countries)
    return [ui.unknown_of_total.format(n=sum(1 for c in site.countries if not c.answers[i.id].known), total=total)
            for i in indicators]


def countries_in_order(site: m.SiteData, lang: str) -> list[tuple[m.Country, str]]:
    named = [(c, country_name(c.iso2, lang)) for c in site.countries]
    return sorted(named, key=lambda pair: sort_key(pair[1]))


def index_view(ctx: RenderContext) -> dict:
    site, lang, ui = ctx.site, ctx.lang, ctx.ui
    key_indicators = site.catalogue.key_indicators
    rows = []
    for country, name in countries_in_order(site, lang):
        url = ctx.url(COUNTRIES_INDEX, profile_path(country.iso2))
        rows.append({
            "iso2": country.iso2, "name": name, "url": url,
            "cells": [{"value": value_view(i, country.answers[i.id], lang, ui), "title": i.short_title(lang),
                       "url": ctx.url(COUNTRIES_INDEX, profile_path(country.iso2), i.id)}
                      for i in key_indicators],
        })
    return {
        "columns": indicator_columns(key_indicators, lang),
        "unknown": unknown_counts(ctx, key_indicators),
        "unknown_label": ui.unknown_per_column,
        "rows": rows,
        "legend": tone_legend(ui),
    }


def country_list_view(ctx: RenderContext, from_page: str) -> list[dict]:
    return [{"name": name, "iso2": c.iso2, "url": ctx.url(from_page, profile_path(c.iso2))}
            for c, name in countries_in_order(ctx.site, ctx.lang)]


def contact_view(ctx: RenderContext) -> dict:
    s, lang = ctx.site.settings, ctx.lang
    return {"confirmed": s.contact_confirmed, "email": s.email, "corrections_email": s.corrections_email,
            "city": localized(s.city, lang), "social": [{"name": n, "url": u} for n, u in s.social],
            "network": s.network_name.get(lang)[0]}

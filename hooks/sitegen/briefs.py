"""Country briefs: each profile as a one-file PDF (A4) to send or print, in each language.

Made from the same view-model as the profile page (`views.profile_view`), never from the
page's HTML: `brief_view()` keeps what a brief shows, and briefpdf.py lays it out with
ReportLab (imported only when a brief has to be made: a build that finds every brief
already made does not load it).

Same data, same bytes: ReportLab's invariant mode fixes dates and document ids, and the
date printed is the date of the data (the newest of the profile's last review and its
change log), not the day of the build. A brief is made again only when what it shows
changes: `brief()` keys it on the SHA-256 of its view-model and of this generator, kept in
memory for `mkdocs serve` and on disk (`.cache/briefs/`, briefstore.py) between commands.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from . import model as m
from .briefstore import store
from .context import RenderContext
from .localize import human_size, long_date
from .paths import language_prefix, page_url, profile_path
from .sitefiles import site_files
from .views import profile_view

GENERATOR_VERSION = "1"  # change it when the layout changes (the source's digest is in the key too)
FOLDER = "fichas"  # at the site's root, for every language


def brief_path(iso2: str, lang: str) -> str:
    """`fichas/ficha-ar-es.pdf`: from the site's root; the name says country and language."""
    return f"{FOLDER}/ficha-{iso2.lower()}-{lang}.pdf"


def live_address(site_url: str, lang: str, iso2: str) -> tuple[str, bool]:
    """The profile page's address, and whether it is complete: with SITE_URL unknown, its
    path from the site's root ("/en/paises/ar/"), which a brief says is only a path."""
    path = language_prefix(lang) + page_url(profile_path(iso2))
    if site_url:
        return site_url.rstrip("/") + "/" + path, True
    return "/" + path, False


def data_date(country: m.Country):
    """The date of a profile's data: its last review or its latest change, whichever is newer."""
    return max([country.review.last_reviewed, *(c.date for c in country.changelog)])


def brief_view(ctx: RenderContext, country: m.Country) -> dict:
    """What a brief shows, as plain data: the profile's view-model without what only a web
    page needs (links inside the site, explanations behind a click, the correction form)."""
    p = profile_view(ctx, country)
    groups = [{"title": g["title"], "facts": [{k: f[k] for k in ("question", "value", "disputed", "note", "cites",
                                                                  "quote", "verified")} for f in g["facts"]]}
              for g in p["groups"]]
    ui = ctx.ui
    address, complete = live_address(ctx.site_url, ctx.lang, country.iso2)
    return {
        **{k: p[k] for k in ("iso2", "name", "lang", "summary", "organization", "laws", "sources", "review",
                             "changelog")},
        "groups": groups,
        "network": ctx.site.settings.network_name.get(ctx.lang)[0],
        "license": ctx.site.settings.data_license[0],
        "address": address,
        "data_date": ui.brief_data_date.format(date=long_date(data_date(country), ctx.lang)),
        "site_path": None if complete else ui.brief_site_path.format(path=address),
        "texts": _texts(ctx.ui),
    }


def _texts(ui) -> dict:
    """The interface texts a brief prints (data/ui.yml), named one by one (tests/test_ui_texts.py)."""
    return {
        "brief_title": ui.brief_title,
        "brief_live_page": ui.brief_live_page,
        "brief_not_legal_advice": ui.brief_not_legal_advice,
        "brief_answer": ui.brief_answer,
        "brief_disputed": ui.brief_disputed,
        "brief_verification": ui.brief_verification,
        "not_legal_advice_title": ui.not_legal_advice_title,
        "get_help_from": ui.get_help_from,
        "get_help_network": ui.get_help_network,
        "last_reviewed": ui.last_reviewed,
        "laws": ui.laws,
        "law_number": ui.law_number,
        "sources": ui.sources,
        "accessed": ui.accessed,
        "changelog": ui.changelog,
        "not_translated_short": ui.not_translated_short,
        "secondary_source": ui.secondary_source,
        "review_outdated_title": ui.review_outdated_title,
        "license_label": ui.license_label,
        "no_verified_information": ui.no_verified_information,
    }


# An edited generator makes new briefs: its code is in the key (read, not imported).
_HERE = Path(__file__).resolve().parent
_SOURCE_DIGEST = hashlib.sha256(b"".join((_HERE / name).read_bytes() for name in ("briefs.py", "briefpdf.py"))
                                ).digest()


def render_pdf(view: dict) -> bytes:
    """The brief as PDF bytes (briefpdf.py, and ReportLab with it, loaded only now)."""
    from .briefpdf import render_pdf as render
    return render(view)


def view_key(view: dict) -> str:
    """SHA-256 of a view-model and of the generator (its version, this file, ReportLab's)."""
    digest = hashlib.sha256()
    digest.update(f"{GENERATOR_VERSION}\0{version('reportlab')}\0".encode())
    digest.update(_SOURCE_DIGEST)
    digest.update(json.dumps(view, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True)
class Brief:
    path: str  # from the site's root
    content: bytes


def brief(ctx: RenderContext, country: m.Country) -> Brief:
    """The country's brief in `ctx.lang`: from memory, from `.cache/briefs/`, or made now.
    Every brief asked for in a build is written with the site (sitefiles.py, extras.py)."""
    briefs = store(ctx.cache, ctx.project)
    start = time.perf_counter()
    view = brief_view(ctx, country)
    key = view_key(view)
    content = ctx.cache.get(("brief", country.iso2, ctx.lang), key,
                            lambda: briefs.get(key, lambda: render_pdf(view)))
    result = Brief(brief_path(country.iso2, ctx.lang), content)
    site_files(ctx.cache).add(result.path, content)
    briefs.spent(time.perf_counter() - start)
    return result


def brief_link(ctx: RenderContext, country: m.Country, from_page: str) -> dict:
    """For the profile: the brief's address from the page, and "Descargar la ficha (PDF, 12 kB)"."""
    made, ui = brief(ctx, country), ctx.ui
    return {"url": ctx.file_url(from_page, made.path), "file": made.path.rsplit("/", 1)[-1],
            "label": ui.brief_download.format(size=human_size(len(made.content), ctx.lang))}

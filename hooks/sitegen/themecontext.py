"""What the theme overrides (`overrides/*.html`) read besides MkDocs' own context: the
interface texts, the site's settings, the addresses of the pages the theme links to, the
offline bundle's size, the language's feed of legal change, and the page's
Content-Security-Policy."""

from __future__ import annotations

from pathlib import Path

from . import model as m
from .context import Ui
from .feeds import feed_path
from .localize import human_size
from .paths import HOME, METHODOLOGY, SAFETY, STATUS, language_prefix, page_url

OFFLINE_BUNDLE_URL = "descargas/sitio-sin-conexion.zip"  # where the site publishes it


def theme_context(site: m.SiteData, lang: str, directory_urls: bool, *, bundle: Path | None,
                  csp: str | None) -> dict:
    """`bundle`: the offline zip linked from every page (None in the bundle itself); `csp`:
    the policy for the page's <meta> (None under `mkdocs serve`, whose live-reload script
    no policy written in the page could allow)."""
    prefix, ui = language_prefix(lang), Ui(site, lang)
    return {
        "ui": ui,
        "ui_all": {other: Ui(site, other) for other in m.LANGUAGES},
        "site_settings": site.settings,
        "page_lang": lang,
        "default_lang": m.DEFAULT_LANGUAGE,
        # Site-root addresses of the pages the theme links to, in this language.
        "links": {name: prefix + page_url(page, directory_urls) for name, page in (
            ("home", HOME), ("safety", SAFETY), ("methodology", METHODOLOGY), ("status", STATUS))},
        "home_links": {other: language_prefix(other) + page_url(HOME, directory_urls) for other in m.LANGUAGES},
        "offline_bundle": bundle and {"url": OFFLINE_BUNDLE_URL, "size": human_size(bundle.stat().st_size, lang)},
        "feed": {"url": feed_path(lang), "title": ui.feed_title.format(network=site.settings.network_name.get(lang)[0])},
        "csp": csp,
    }

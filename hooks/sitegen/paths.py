"""Where each page lives, and relative links between pages.

Pages are named by their source path inside a language folder ("paises/ar.md").
Links are always relative, so the site works at a domain root, under a sub-path,
and (with `use_directory_urls: false`) opened from files on disk.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from .model import DEFAULT_LANGUAGE

# The generated pages' sources, inside each language folder (registry.py declares them).
STATUS = "estado.md"
COUNTRIES_INDEX = "paises/index.md"
COMPARISON = "comparacion.md"
MAPS_INDEX = "mapas/index.md"
CATALOGUE = "materiales/index.md"
CAMPAIGN = "campana.md"
# Hand-written pages the generated parts link to.
HOME = "index.md"
METHODOLOGY = "metodologia.md"
SAFETY = "navegacion-segura.md"

MATERIAL_FILES_URL = "materiales/files"  # on the site, from its root, for every language


def profile_path(iso2: str) -> str:
    return f"paises/{iso2.lower()}.md"


def map_path(indicator_id: str) -> str:
    return f"mapas/{indicator_id}.md"


def material_path(material_id: str) -> str:
    return f"materiales/{material_id}.md"


def page_url(page: str, directory_urls: bool = True) -> str:
    """The page's address relative to its language's root, e.g. "paises/ar/"."""
    stem = page[:-3] if page.endswith(".md") else page
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_page: str, to_page: str, directory_urls: bool = True, anchor: str = "") -> str:
    """Link from one page to another of the same language."""
    here = page_url(from_page, directory_urls)
    there = page_url(to_page, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    base_dir = base.rstrip("/") or "."
    if directory_urls:
        target = there.rstrip("/") or "."
        rel = posixpath.relpath(target, base_dir)
        rel = "./" if rel == "." else rel + "/"
    else:
        rel = posixpath.relpath(there, base_dir)
    return rel + (f"#{anchor}" if anchor else "")


def language_prefix(lang: str, default: str = DEFAULT_LANGUAGE) -> str:
    return "" if lang == default else f"{lang}/"


def site_file_url(lang: str, from_page: str, file_path: str, directory_urls: bool = True) -> str:
    """Link from a page in `lang` to a file kept once at the site root (open data, downloads)."""
    here = language_prefix(lang) + page_url(from_page, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    return posixpath.relpath(file_path, base.rstrip("/") or ".")


def material_file_url(lang: str, page: str, file_path: str, directory_urls: bool = True) -> str:
    """Relative link from `page` (in language `lang`) to a file in docs/materiales/files/.

    The files are served once, at `materiales/files/<path>` from the site's root; a page in
    English or Portuguese lives under `en/` or `pt/`.
    """
    return site_file_url(lang, page, f"{MATERIAL_FILES_URL}/{quote(file_path)}", directory_urls)

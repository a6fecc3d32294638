"""The second stylesheet, assets/site-pages.css, on the pages that need it and no other.

site.css holds what every page may show (profiles included); site-pages.css what only the
countries index, the comparison, the maps, the methodology and the materials pages show
(about 1.5 KB compressed that a profile would otherwise download for nothing: issue 14's
80 KB budget). Which pages need it is read from the page itself, so that no list of pages
is kept by hand: a page links it when one of its elements has a class that site-pages.css
styles and site.css does not. The link goes right after site.css's, so the cascade is the
one of a single file."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

SITE_CSS = "assets/site.css"
PAGES_CSS = "assets/site-pages.css"

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CLASS_IN_CSS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
_SITE_LINK = re.compile(r'<link rel="stylesheet" href="([^"]*)' + re.escape(SITE_CSS) + '">')


def _classes(css: str) -> set[str]:
    # Selectors only: class names, not numbers such as ".75rem" (which start with a digit).
    return set(_CLASS_IN_CSS.findall(_COMMENT.sub("", css)))


@cache
def _own_classes(theme_dir: str, stamps: tuple) -> frozenset[str]:
    folder = Path(theme_dir)
    shared = _classes((folder / SITE_CSS).read_text(encoding="utf-8"))
    return frozenset(_classes((folder / PAGES_CSS).read_text(encoding="utf-8")) - shared)


def own_classes(theme_dir: str | Path) -> frozenset[str]:
    """The classes that only site-pages.css styles (read again when either file changes)."""
    folder = Path(theme_dir)
    stamps = tuple((folder / name).stat().st_mtime_ns for name in (SITE_CSS, PAGES_CSS))
    return _own_classes(str(folder), stamps)


def needs_page_styles(html: str, classes: frozenset[str]) -> bool:
    return any(name in classes for value in _CLASS_ATTR.findall(html) for name in value.split())


def link_if_needed(html: str, theme_dir: str | Path) -> str:
    """A rendered page, with a link to site-pages.css after site.css's if it needs it."""
    match = _SITE_LINK.search(html)
    if match is None or not needs_page_styles(html, own_classes(theme_dir)):
        return html
    link = f'\n<link rel="stylesheet" href="{match.group(1)}{PAGES_CSS}">'
    return html[:match.end()] + link + html[match.end():]


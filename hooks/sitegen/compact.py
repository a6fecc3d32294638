"""Lighter files, the same page: no indentation in the HTML, a minified site.css.

Pages without their indentation: the whitespace at the start of lines that Material's
templates and ours leave, which the browser shows as one space anyway.

Every line break stays (so no two words or elements are glued together); only the spaces
and empty lines after it go. Whitespace that shows is left alone: inside <pre>,
<textarea>, <code> (a citation code is pre-wrap), <script> and <style> (whose bytes the
CSP hashes count) nothing changes. About 3 % of a profile, compressed.

The site's own stylesheet (overrides/assets/site.css, kept readable with its comments) is
minified in the built site by rcssmin (pinned, maintained), and so is site-pages.css
(pagestyles.py): a quarter less compressed.
"""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin

from .pagestyles import PAGES_CSS, SITE_CSS  # copied by MkDocs from overrides/

_KEPT = re.compile(r"(<(pre|textarea|code|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t\r\n]+")


def compact_html(html: str) -> str:
    parts = _KEPT.split(html)
    # split() gives: text, kept block, its tag name, text, kept block, tag name, ... text
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(_INDENT.sub("\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)


def compact_stylesheet(site_dir: Path) -> None:
    """Minifies the built copies of the site's stylesheets in place (never the sources)."""
    for name in (SITE_CSS, PAGES_CSS):
        target = Path(site_dir) / name
        if target.is_file():
            target.write_text(rcssmin.cssmin(target.read_text(encoding="utf-8")) + "\n", encoding="utf-8")

"""Renders view-models with the Jinja templates in hooks/templates/.

Autoescape is on for every template, so any text typed in YAML (even `<script>`)
reaches the reader as text. The filters below are the other contexts a value from data
can land in: a Markdown heading (`md`), an address in an attribute (`safe_url`), a text
of several paragraphs (`paragraphs`); `html_block` marks the HTML a template writes so
that Markdown leaves it alone (see htmlblocks.py).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .htmlblocks import html_block
from .pathdata import relative

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f]")  # \s: what str.isspace() calls a space
INERT_URL = "about:blank"  # where a link whose address is not a web address leads instead


def markdown_text(value) -> Markup:
    """Escapes a text for HTML and for Markdown, for use in a Markdown heading (one line).

    Quotes stay as they are (a heading's text is not an attribute): an entity such as
    `&#34;` would have its `#` escaped for Markdown and show as `&#34;`."""
    one_line = " ".join(str(value).split())
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(one_line, quote=False)))


def safe_url(value) -> str:
    """An address from data for an href or src: kept if it is an http(s) web address, else
    an inert one, so that `javascript:`, `data:` and the like never become a live link.
    (The schemas already refuse them; this holds even if a check is ever missed.)"""
    text = str(value).strip()
    parts = urlsplit(text)
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not _SPACE_OR_CONTROL.search(text):
        return text
    return INERT_URL


def paragraphs(value) -> list[str]:
    """A text from data as its paragraphs: a blank line is a paragraph break, nothing more.

    Split at every line break: a blank line written inside a quoted YAML text reaches us
    as one line break (YAML folds the others into spaces), and in a `|` block as two."""
    return [part for part in _LINE_BREAKS.split(str(value).strip()) if part]


def environment(folder: Path) -> Environment:
    """The templates of `folder` (a project's hooks/templates/), autoescaped."""
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(enabled_extensions=("j2", "html"), default=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["safe_url"] = safe_url
    env.filters["paragraphs"] = paragraphs
    env.filters["html_block"] = html_block
    env.filters["relative_path"] = relative  # SVG path data, the same points written shorter
    return env


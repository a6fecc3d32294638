"""Renders view-models with the Jinja templates in hooks/templates/.

Autoescape is on for every template, so any text typed in YAML (even `<script>`)
reaches the reader as text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "templates"
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def markdown_text(value) -> Markup:
    """Escapes a text for HTML and for Markdown, for use in a Markdown heading."""
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", str(escape(value))))


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(enabled_extensions=("j2", "html"), default=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)

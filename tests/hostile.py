"""Hostile strings put into the edge project's data, as a pull request could: markup that
would run or become elements if printed raw, Markdown that would become live links if
it reached Markdown, and quotes that would break out of an attribute.

Each string carries a mark (`rt-evil`, `alert(`) that must never become an element, an
attribute, a script or a link in the built site (`tests/test_output_encoding.py`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

# Markup: an element and an attribute of our own invention, a script, an event handler,
# and a `</title>` to leave the document title.
MARKUP = '"\'><rt-evil data-evil="1">x</rt-evil><script>alert(1)</script><img src=x onerror=alert(2)></title>'
# Markdown and HTML written in a text: must stay text, each blank line a paragraph break.
MARKDOWN_LINK = "[x](javascript:alert(3))"
AUTOLINK = "<https://example.org>"
PARAGRAPHS = f"Primer párrafo *sin énfasis*.\n\nSegundo: {MARKDOWN_LINK} y {AUTOLINK} **sin negrita**."
# URLs that pass the schema (http(s), no spaces) but carry a quote.
QUICK_EXIT_URL = 'https://www.google.com/search?q=clima"onmouseover="alert(4)'
REPOSITORY_URL = 'https://github.com/redtrasex/sitio"onclick="alert(5)'
WEBSITE_URL = 'https://ammar.org.ar/"onclick="alert(6)'
QUESTION_ADDITION = "\n\nOtra línea [y](javascript:alert(7))"

# Interface texts printed by the theme overrides and by the hook templates.
UI_KEYS = ("quick_exit", "quick_exit_hint", "browsing_safely", "footer_links", "made_with", "go_home",
           "open_data", "offline_download", "not_found_text", "laws", "what_this_means", "comparison_intro",
           "text_not_translated_notice", "not_translated_notice")
MATERIAL = "guia-salud-integral"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name}: {old!r} not found (the hostile fixture needs updating)"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _append_to_texts(path: Path, key: str, addition: str, indent: str = "") -> None:
    """Appends `addition` to every language of the double-quoted text `key` in a data file."""
    text = path.read_text(encoding="utf-8")
    block = re.compile(rf"^{indent}{key}:\n((?:{indent}  (?:es|en|pt): \".*\"\n)+)", re.M)
    match = block.search(text)
    assert match, f"{path.name}: text {key!r} not found (the hostile fixture needs updating)"

    def append(line: re.Match) -> str:
        value = json.loads(line.group(2))
        return f"{line.group(1)}{_quoted(value + addition)}"

    lines = re.sub(r"^(\s*(?:es|en|pt): )(\".*\")$", append, match.group(1), flags=re.M)
    path.write_text(text[: match.start(1)] + lines + text[match.end(1):], encoding="utf-8")


def add_hostile_data(project: Path) -> None:
    data = project / "data"
    site = data / "site.yml"
    _append_to_texts(site, "network_name", " " + MARKUP)
    _replace(site, 'quick_exit_url: "https://www.google.com/search?q=clima"', f"quick_exit_url: {_quoted(QUICK_EXIT_URL)}")
    _replace(site, 'repository: "https://github.com/redtrasex/sitio"', f"repository: {_quoted(REPOSITORY_URL)}")
    for key in UI_KEYS:
        _append_to_texts(data / "ui.yml", key, " " + MARKUP)
    material = data / "materials" / f"{MATERIAL}.yml"
    _append_to_texts(material, "title", " " + MARKUP)
    _append_to_texts(material, "description", "\n\n" + PARAGRAPHS)
    ar = data / "countries" / "ar.yml"
    _replace(ar, 'website: "https://ammar.org.ar"', f"website: {_quoted(WEBSITE_URL)}")
    _replace(ar, 'name: "AMMAR, Asociación de Mujeres Meretrices de la Argentina"',
             f"name: {_quoted('AMMAR, Asociación de Mujeres Meretrices de la Argentina ' + MARKUP)}")
    _append_to_texts(ar, "note", "\n\n" + PARAGRAPHS, indent="    ")  # the first note: legal_model
    _append_to_texts(ar, "summary", "\n\n" + PARAGRAPHS)
    _append_to_texts(ar, "text", "\n\n" + PARAGRAPHS, indent="    ")  # the first change in the changelog
    _replace(ar, 'title: "Promoción y Facilitación de la Prostitución"',
             f"title: {_quoted('Promoción y Facilitación de la Prostitución ' + MARKUP)}")
    _append_to_texts(data / "indicators.yml", "question", QUESTION_ADDITION, indent="        ")  # legal_model

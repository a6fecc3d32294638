"""The pages made from data, in one language, as Markdown ready for MkDocs.

`generated_pages()` renders the pages `registry.py` declares, with the hand-written text an
editor added to one (`docs/<lang>/paises/ar.md`); `fill_markers()` fills the markers that
hand-written pages may hold (`<!-- sitio:paises -->`, see `registry.PARTS`). Every block of
HTML they write is marked as such (htmlblocks.py), so Markdown never reads it.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .context import RenderContext
from .htmlblocks import html_block
from .model import GeneratedPage
from .registry import PARTS, PageSpec, generated_paths, site_pages  # noqa: F401 (generated_paths for tools)

# Where a hand-written addition to a generated page wants the generated part.
GENERATED_MARKER = "<!-- ficha -->"
_MARKER = re.compile(r"<!--\s*sitio:([a-z-]+)\s*-->")
_LEADING_TITLE = re.compile(r"\A\s*#\s[^\n]*\n")
# Front matter that keeps a page out of the search index (Material's search plugin reads it).
NOT_SEARCHABLE = "---\nsearch:\n  exclude: true\n---\n\n"


def _with_commentary(render_page, commentary: str | None) -> str:
    """Places an editor's hand-written text in a generated page.

    With the marker, the generated part goes where the marker is; without it, the
    editor's text goes under the generated facts.
    """
    if commentary and GENERATED_MARKER in commentary:
        before, after = commentary.split(GENERATED_MARKER, 1)
        return f"{before}\n\n{render_page(None)}\n\n{after}"
    return render_page(Markup(commentary) if commentary else None)


def wrap_foreign(ctx: RenderContext, markdown: str, text_lang: str) -> str:
    """Hand-written text in another language, marked as such for readers and screen readers."""
    notice = html_block(Markup('<p class="rt-untranslated-notice">{}</p>').format(ctx.ui.text_not_translated_notice))
    return f'{notice}<div lang="{escape(text_lang)}" markdown="1">\n\n{markdown}\n\n</div>'


def render_page(ctx: RenderContext, spec: PageSpec, commentary: str | None = None) -> GeneratedPage:
    values = spec.view(ctx)

    def render(extra):
        return ctx.render(spec.template, commentary=extra, **values)

    markdown = _with_commentary(render, commentary) if spec.commentary else render(None)
    return GeneratedPage(spec.path, markdown if spec.searchable else NOT_SEARCHABLE + markdown)


def generated_pages(ctx: RenderContext, commentaries: dict | None = None) -> list[GeneratedPage]:
    """Every page made from data in `ctx.lang`; `commentaries` maps a page path to editors' text."""
    commentaries = commentaries or {}
    return [render_page(ctx, spec, commentaries.get(spec.path)) for spec in site_pages(ctx.site)]


def strip_title(markdown: str) -> str:
    """Editors' additions to a generated page must not repeat its title."""
    return _LEADING_TITLE.sub("", markdown, count=1)


def fill_markers(ctx: RenderContext, markdown: str, page: str) -> str:
    """Replaces `<!-- sitio:... -->` markers in a hand-written page with generated parts."""
    def replace(match: re.Match) -> str:
        part = PARTS.get(match.group(1))
        if part is None:
            return match.group(0)  # unknown markers stay as HTML comments (invisible)
        template, values = part
        return html_block(ctx.render(template, **values(ctx, page)))

    return _MARKER.sub(replace, markdown)

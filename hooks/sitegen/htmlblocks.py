"""Generated HTML kept out of Markdown's way, through Python-Markdown's own stash.

A generated page is Markdown (its headings, an editor's commentary) around blocks of
HTML that the templates wrote. Each such block is marked where it is made: templates
wrap it in `{% filter html_block %}`, Python code in `html_block()`. The mark is two HTML
comments that no text from data can write, because every value from data reaches the
page HTML-escaped (`<` becomes `&lt;`).

`GeneratedHtml`, a Python-Markdown extension, hands each marked block to `md.htmlStash`
before Markdown reads the page: Markdown sees one placeholder per block and writes the
block back, untouched, as the last step of its conversion. So a blank line inside a text
from data is a blank line inside an HTML element, never the end of the HTML and the start
of Markdown that could turn `[x](javascript:...)` into a link. Markdown also has nothing
to parse in the generated HTML (most of a generated page), which keeps the build fast.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

START, END = "<!--rt-html-->", "<!--/rt-html-->"
_BLOCK = re.compile(re.escape(START) + r"(.*?)" + re.escape(END), re.S)


def html_block(html: str) -> Markup:
    """Marks HTML that the code itself built as a block Markdown must leave alone.

    Only for HTML whose every value from data is already escaped (a rendered template, a
    `Markup` built with `Markup.format`), never for a text from data.
    """
    return Markup(f"\n\n{START}{html.strip()}{END}\n\n")


def unmarked(markdown: str) -> str:
    """The page as plain Markdown with its HTML in place (what a hand-written page would be)."""
    return markdown.replace(START, "").replace(END, "")


class _StashGeneratedHtml(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if START not in text:
            return lines
        stash = self.md.htmlStash
        # Alone in its paragraph, a placeholder is replaced by the block, without a <p> around it.
        return _BLOCK.sub(lambda match: f"\n\n{stash.store(match.group(1))}\n\n", text).split("\n")


class GeneratedHtml(Extension):
    """Stores the marked HTML blocks of a page in Markdown's stash (see the module's docstring)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After "normalize_whitespace" (30), which removes the stash's own placeholder
        # characters from the text (a text from data cannot forge a placeholder), and
        # before "html_block" (20), Markdown's own reading of raw HTML.
        md.preprocessors.register(_StashGeneratedHtml(md), "rt_generated_html", 25)

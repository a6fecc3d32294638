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

Inside those blocks, each element marked `data-search-exclude` (a map, a source list, a
table, a profile's opening summary) waits longer: Markdown writes a small placeholder in its place, and
`put_back_unsearched()` puts the element in once Material's search plugin has indexed the
page (the adapter's `on_post_page`). The search plugin parses every page's HTML only to
skip such an element; it need not read what it would skip (most of a generated page's
HTML, inline SVG above all), and the index comes out the same.
"""

from __future__ import annotations

import hashlib
import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

START, END = "<!--rt-html-->", "<!--/rt-html-->"
_BLOCK = re.compile(re.escape(START) + r"(.*?)" + re.escape(END), re.S)
# An element that search skips: a tag of the templates' (attributes double-quoted, as
# autoescape keeps them) with the attribute data-search-exclude.
_SKIP_MARK = "data-search-exclude"
_TAG = re.compile(r'<([a-z][a-z0-9]*)((?:\s+[^\s"\'=<>/]+(?:="[^"]*")?)*)\s*>')
_ATTRIBUTE_NAME = re.compile(r'\s+([^\s"\'=<>/]+)(?:="[^"]*")?')
# What search reads instead: an empty element that it skips the same way.
_UNSEARCHED = '<div data-search-exclude><!--rt-unsearched:{}--></div>'
# The end of a block (or table cell) right before the next tag, and a line break: search
# must see a space there. Material's search reads the page's text without its tags, so
# "<h3>Title</h3><p>Text" would become "TitleText" in a search result. A newline goes
# there while search reads the page, behind a comment that marks it: put in when
# Markdown stashes the block (so the page's Markdown holds the block as the template
# wrote it), taken out with the comment afterwards (`put_back_unsearched`), so the page
# itself stays as written too.
_BLOCK_END = re.compile(r"(</(?:p|li|dt|dd|th|td|tr|h[1-6]|div|figcaption|blockquote|ul|ol|dl|table|thead|tbody"
                        r"|tfoot|caption|section|figure|details|summary|nav|header|footer|article|aside)>(?=<)"
                        r"|<br>(?=\S))")
_SEARCH_GAP = "<!--rt-gap-->\n"
_UNSEARCHED_PLACEHOLDER = re.compile(re.escape(_UNSEARCHED).replace(r"\{\}", "([0-9a-f]{40})"))


def html_block(html: str) -> Markup:
    """Marks HTML that the code itself built as a block Markdown must leave alone.

    Only for HTML whose every value from data is already escaped (a rendered template, a
    `Markup` built with `Markup.format`), never for a text from data.
    """
    return Markup(f"\n\n{START}{str(html).strip()}{END}\n\n")  # str: Markup would escape


def unmarked(markdown: str) -> str:
    """The page as plain Markdown with its HTML in place (what a hand-written page would be)."""
    return markdown.replace(START, "").replace(END, "")


def unsearched_elements(html: str):
    """(start, end) of each outermost element of `html` that search skips: its opening tag
    has the attribute data-search-exclude (not a text that says so), and it is closed."""
    position = 0
    while (mark := html.find(_SKIP_MARK, position)) >= 0:
        position = mark + len(_SKIP_MARK)
        start = html.rfind("<", 0, mark)  # a text from data holds no "<": this is a tag's
        tag = _TAG.match(html, start)
        if not tag or tag.end() < mark or _SKIP_MARK not in _ATTRIBUTE_NAME.findall(tag.group(2)):
            continue
        depth = 0  # the element ends where its tag, counted in and out, closes
        for other in re.compile(rf"<(/?){tag.group(1)}[\s>]").finditer(html, start):
            depth += -1 if other.group(1) else 1
            if depth == 0:
                yield start, other.end()
                position = other.end()
                break


class _StashGeneratedHtml(Preprocessor):
    def __init__(self, md: Markdown, unsearched: dict[str, str]):
        super().__init__(md)
        self.unsearched = unsearched

    def _placeholder(self, element: str) -> str:
        key = hashlib.sha1(element.encode()).hexdigest()  # the same element on many pages is kept once
        self.unsearched[key] = element
        return _UNSEARCHED.format(key)

    def store(self, block: str) -> str:
        parts, done = [], 0
        for start, end in unsearched_elements(block):
            parts += [block[done:start], self._placeholder(block[start:end])]
            done = end
        searched = "".join(parts) + block[done:]  # what search reads of the block, spaced:
        return self.md.htmlStash.store(_BLOCK_END.sub(lambda end: end.group(1) + _SEARCH_GAP, searched))

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if START not in text:
            return lines
        # Alone in its paragraph, a placeholder is replaced by the block, without a <p> around it.
        return _BLOCK.sub(lambda match: f"\n\n{self.store(match.group(1))}\n\n", text).split("\n")


class GeneratedHtml(Extension):
    """Stores the marked HTML blocks of a page in Markdown's stash (see the module's docstring).

    One per build: it keeps the elements that search skips until `put_back_unsearched()`."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.unsearched: dict[str, str] = {}  # an element's SHA-1 -> the element

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After "normalize_whitespace" (30), which removes the stash's own placeholder
        # characters from the text (a text from data cannot forge a placeholder), and
        # before "html_block" (20), Markdown's own reading of raw HTML.
        md.preprocessors.register(_StashGeneratedHtml(md, self.unsearched), "rt_generated_html", 25)

    def with_unsearched(self, html: str) -> str:
        """The page as search read it, with the elements it skipped in place of their
        placeholders (a placeholder it does not know, say typed in a hand-written page,
        stays as it is)."""
        if "rt-unsearched:" not in html:
            return html
        return _UNSEARCHED_PLACEHOLDER.sub(lambda match: self.unsearched.get(match.group(1), match.group(0)), html)

    def put_back_unsearched(self, html: str) -> str:
        """The page as published: the elements that search skipped back in place, and
        without the newlines search read between blocks (`_SEARCH_GAP`)."""
        return self.with_unsearched(html).replace(_SEARCH_GAP, "")

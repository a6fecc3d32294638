"""Reading a "How to cite" block (citation.py) back from a built page or a rendered one."""

from __future__ import annotations

import html
import re

_BLOCK = re.compile(r'<details class="rt-citation"[^>]*>(.*?)</details>', re.S)
_CODE = re.compile(r'<pre class="rt-citation-code"[^>]*><code>(.*?)</code></pre>', re.S)
_TEXT = re.compile(r'<p class="rt-citation-text">(.*?)</p>', re.S)
_FIELD = re.compile(r"\s*([a-z]+) = \{")


def cite_block(page_html: str) -> dict:
    """The block's plain text, BibTeX and CSL-JSON, unescaped from HTML."""
    blocks = _BLOCK.findall(page_html)
    assert len(blocks) == 1, f"{len(blocks)} cite blocks"
    bibtex, csl = (html.unescape(code) for code in _CODE.findall(blocks[0]))
    return {"html": blocks[0], "plain": html.unescape(_TEXT.search(blocks[0]).group(1)), "bibtex": bibtex, "csl": csl}


def parse_bibtex(entry: str) -> tuple[str, str, dict]:
    """A strict reader of the one entry citation.py writes: `@type{key,` then `name = {value}`
    fields whose braces balance (an escaped brace, `\\{`, does not count)."""
    head = re.match(r"@([a-z]+)\{([A-Za-z0-9._:-]+),\n", entry)
    assert head, entry[:40]
    fields, rest = {}, entry[head.end():]
    while True:
        name = _FIELD.match(rest)
        if not name:
            break
        depth, i = 1, name.end()
        while depth:
            char = rest[i]
            if char == "\\":
                i += 2
                continue
            depth += {"{": 1, "}": -1}.get(char, 0)
            i += 1
        fields[name.group(1)] = rest[name.end():i - 1]
        rest = rest[i:]
        rest = rest[1:] if rest.startswith(",") else rest
    assert rest.strip() == "}", f"left over: {rest!r}"
    return head.group(1), head.group(2), fields


def unescape_bibtex(value: str) -> str:
    """Undoes citation.bibtex_text (for the tests' round trip)."""
    value = value.replace(r"\textbackslash{}", "\\").replace(r"\textasciicircum{}", "^")
    value = value.replace(r"\textasciitilde{}", "~")
    return re.sub(r"\\([{}$&%#_])", r"\1", value)

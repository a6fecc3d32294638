"""Text from the data, made safe to print in Markdown (a terminal, a GitHub job summary or
a pull-request comment): it reads as written and never becomes a link, an image, HTML or
a mention."""

from __future__ import annotations

import re

# The characters that make inline markup (GitHub's flavour included: tables, strike-through),
# HTML or entities. The text never starts a line here, so list and heading markers need no
# escape.
_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&])")
# GitHub finds mentions (@name) and issue links (#12) in the rendered text, where a
# backslash is gone: an invisible word joiner after the sign keeps them plain text.
_REFERENCE = re.compile(r"([@#])(?=\w)")
WORD_JOINER = "\u2060"


def escape(text) -> str:
    """`text` on one line, each Markdown character backslash-escaped."""
    text = _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return _REFERENCE.sub(lambda found: found.group(1) + WORD_JOINER, text)


def code(text) -> str:
    """`text` as inline code, with a fence longer than any run of backticks in it."""
    text = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"

"""An answer's value that is not a code of its indicator's scale: the possible answers
with their labels, and the code the editor most likely meant.

Editors read the labels on the site («Sí, por ley») and may type one instead of its code
(`in_law`), in any of the three languages, with or without accents: each code and each of
its labels is compared, accents and case ignored, so the suggestion names the code.
"""

from __future__ import annotations

import difflib
import unicodedata

from . import model as m
from .problems import Problem
from .yamlsource import YamlDocument


def _plain(text) -> str:
    """Lower case, without accents or extra spaces: «Sí, por ley» → "si, por ley"."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def closest_code(word, indicator: m.Indicator) -> str | None:
    """The code whose own name or label (es, en, pt) is nearest `word`, if one is near."""
    names: dict[str, str] = {}  # plain name -> code
    for value in indicator.values:
        names.setdefault(_plain(value.code), value.code)
        names.setdefault(_plain(value.code.replace("_", " ")), value.code)
        for lang in m.LANGUAGES:
            if value.label.has(lang):
                names.setdefault(_plain(getattr(value.label, lang)), value.code)
    names.setdefault(m.UNKNOWN, m.UNKNOWN)
    typed = _plain(word)
    close = difflib.get_close_matches(typed, list(names), n=1, cutoff=0.6)
    return names[close[0]] if close else None


def wrong_value(doc: YamlDocument, path: tuple, value, indicator: m.Indicator) -> Problem:
    def choices(lang: str, quote: str) -> str:
        return ", ".join([f"{v.code} ({quote.format(v.label.get(lang)[0])})" for v in indicator.values] + [m.UNKNOWN])

    guess = closest_code(value, indicator)
    es = f"«{value}» no es una respuesta posible; respuestas posibles: {choices('es', '«{}»')}"
    en = f'"{value}" is not a possible answer; possible answers: {choices("en", "“{}”")}'
    if guess:
        es, en = f"{es}. ¿Quisiste decir {guess}?", f"{en}. Did you mean {guess}?"
    return doc.problem(path, es, en)

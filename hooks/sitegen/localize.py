"""Country names, dates and sorting in the reader's language, from Babel (CLDR)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.units import format_unit

# Portuguese as written in Brazil; Spanish and English as CLDR's generic forms.
BABEL_LOCALES = {"es": "es_419", "en": "en", "pt": "pt_BR"}


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[lang])


def country_name(iso2: str, lang: str) -> str:
    # Only the benchmark's synthetic codes are unknown to CLDR (the data check refuses them).
    return _locale(lang).territories.get(iso2.upper(), iso2.upper())


def long_date(day: dt.date, lang: str) -> str:
    return format_date(day, format="long", locale=_locale(lang))


def partial_date(text: str, lang: str) -> str:
    """A publication date that may lack its day or month: "2023", "julio de 2022", "8 de agosto de 2007"."""
    parts = [int(x) for x in text.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_date(dt.date(parts[0], parts[1], 1), format="LLLL 'de' y" if lang in ("es", "pt") else "LLLL y",
                           locale=_locale(lang))
    return long_date(dt.date(*parts), lang)


def sort_key(text: str) -> str:
    """Alphabetical order that ignores accents (Perú between Paraguay and Uruguay)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def months_between(earlier: dt.date, later: dt.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def language_name(code: str, lang: str) -> str:
    """"español", "Spanish", "espanhol": the name of language `code` in language `lang`."""
    return _locale(lang).languages[code]


def language_names(codes, lang: str) -> str:
    """"español y portugués", "Spanish and Portuguese"."""
    return format_list([language_name(c, lang) for c in codes], locale=_locale(lang)) if codes else ""


def human_size(size_bytes: int, lang: str) -> str:
    """"4.2 kB", "4,2 kB", "1.5 MB" in the reader's language (decimal units, as CLDR names them)."""
    if size_bytes < 1000:
        return format_unit(size_bytes, "digital-byte", length="short", locale=_locale(lang))
    value, unit = (size_bytes / 1000, "digital-kilobyte") if size_bytes < 1_000_000 else \
        (size_bytes / 1_000_000, "digital-megabyte")
    return format_unit(value, unit, length="short", locale=_locale(lang), format="#,##0.#")

"""Country names, dates and sorting in the reader's language, from Babel (CLDR)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache

from babel import Locale
from babel.dates import format_date

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


def sort_key(text: str) -> str:
    """Alphabetical order that ignores accents (Perú between Paraguay and Uruguay)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def months_between(earlier: dt.date, later: dt.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)

"""A symbol and a colour shade for each value of an indicator, for its map.

Elsewhere (profiles, tables) a value is shown with its label, and its symbol tells only
its tone (views.SYMBOLS: ✖ harmful, ◐ mixed, ✔ protective). A map shows no labels: two
values of one tone ("Sí, por ley" and "En la práctica, no por ley" are both harmful)
would look the same. So on a map each value of a tone takes its own symbol and its own
shade of the tone's colour (site-pages.css: `rt-shade-<n>`), and its legend and the list under
it say which is which: the symbol alone tells the values apart, without colour.
"""

from __future__ import annotations

from . import model as m

# Per tone, the symbols of its first, second and third value (in the scale's order).
MAP_SYMBOLS = {
    "harmful": ("✖", "▲", "■"),
    "mixed": ("◐", "◆", "▼"),
    "protective": ("✔", "●", "★"),
    "unknown": ("?",),
}


def map_mark(indicator: m.Indicator, code: str) -> tuple[str, int]:
    """(symbol, shade) of a value on the indicator's map; shade 1 is the tone's own colour."""
    tone = indicator.tone(code)
    if tone == "unknown":
        return MAP_SYMBOLS["unknown"][0], 1
    same_tone = [v.code for v in indicator.values if indicator.tone(v.code) == tone]
    place = same_tone.index(code) % len(MAP_SYMBOLS[tone])  # the catalogue has at most 3 (tests)
    return MAP_SYMBOLS[tone][place], place + 1


def countries_text(ui, n: int) -> str:
    """ "1 país", "2 países": the count with its noun, singular only for one."""
    if n == 1:
        return ui.map_countries_one.format(n=n)
    return ui.map_countries_other.format(n=n)

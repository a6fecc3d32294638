"""Choropleth and locator maps as inline SVG, drawn at build time from stored outlines.

No JavaScript, no tiles, no map library: the country shapes are SVG path data already
projected into one viewBox and already simplified, offline, at two levels of detail
(data/geo/latin-america.json for the locators, data/geo/latin-america-regional.json for
the regional maps; written by scripts/make_map_geometry.py, see data/geo/README.md). This
module never simplifies: it checks what it is given, picks the shapes and hands them to
the autoescaped templates hooks/templates/map.svg.j2, map-legend.html.j2 and
locator.svg.j2, so a name typed in YAML reaches the reader as text. The one computation
left is cutting a locator's neighbours to its square (every point inside is kept).

Colours come from the site's CSS classes; the presentation attributes in the templates
(`fill="currentColor"` on tone classes that set `color`, grey for other countries,
white borders) are only fallbacks that any CSS rule overrides.

CSS classes used:

- `rt-map` (choropleth `<svg>`), `rt-map-others`, `rt-map-regions`, `rt-map-symbols`
  (its `<g>` groups), `rt-map-other` (a non-member shape), `rt-map-link` (a member's
  `<a>`), `rt-map-region` + `rt-tone-<tone>` + `rt-shade-<n>` (a member's `<path>`), `rt-map-symbol`
  (a symbol `<text>`, on the map and in the legend);
- `rt-map-legend` (`<ul>`), `rt-map-legend-item` (`<li>`), `rt-map-key` (the small
  `<svg>` swatch, whose `<rect>` has `rt-tone-<tone>` and `rt-shade-<n>`), `rt-map-legend-label`,
  `rt-map-legend-count`;
- `rt-locator` (locator `<svg>`), `rt-locator-focus` (the highlighted country),
  `rt-locator-ring` (a circle around a country too small to see), and `rt-map-other`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping
from urllib.parse import urlsplit

from jinja2 import Environment

from .render import environment

# The map templates ship with this code (hooks/templates/); a build passes its own
# project's templates, and this default serves tools and tests that draw a map alone.
_DEFAULT_TEMPLATES: list = []


def _templates(templates: Environment | None) -> Environment:
    if templates is not None:
        return templates
    if not _DEFAULT_TEMPLATES:
        _DEFAULT_TEMPLATES.append(environment(Path(__file__).resolve().parents[1] / "templates"))
    return _DEFAULT_TEMPLATES[0]

SVG_NS = "http://www.w3.org/2000/svg"
OTHER_FILL = "#d4d4d4"  # neutral grey, for countries that are not members
BORDER = "#ffffff"
SYMBOL_SIZE = 18  # user units, in a 1000-wide viewBox

_TOKEN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_SAFE_SCHEMES = {"", "http", "https", "mailto"}
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


@dataclass(frozen=True)
class Geometry:
    """Projected country shapes, keyed by ISO 3166-1 alpha-2 code (upper case).

    view_box: (min_x, min_y, width, height) of the SVG viewBox;
    shapes: code -> SVG path `d` (absolute coordinates in the viewBox);
    labels: code -> (x, y), a point inside the country's largest polygon;
    bboxes: code -> (x0, y0, x1, y1), the bounding box of the shape;
    locator_min_side: in outlines made for the wide locator squares only
    (latin-america-wide.json), the side from which a square is drawn from them.
    """

    view_box: tuple[float, float, float, float]
    shapes: Mapping[str, str]
    labels: Mapping[str, tuple[float, float]]
    bboxes: Mapping[str, tuple[float, float, float, float]]
    locator_min_side: float | None = None


def load_geometry(path: str | Path) -> Geometry:
    """Reads data/geo/latin-america.json (or a file of the same shape)."""
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    try:
        view_box = tuple(float(v) for v in data["view_box"])
        if len(view_box) != 4 or view_box[2] <= 0 or view_box[3] <= 0:
            raise ValueError(f"view_box {data['view_box']!r}")
        shapes, labels, bboxes = {}, {}, {}
        for code, country in sorted(data["countries"].items()):
            if not _ISO2.match(code):
                raise ValueError(f"country code {code!r}")
            if not isinstance(country["d"], str) or not country["d"].startswith("M"):
                raise ValueError(f"{code}: path d")
            shapes[code] = country["d"]
            x, y = country["label"]
            labels[code] = (float(x), float(y))
            x0, y0, x1, y1 = country["bbox"]
            bboxes[code] = (float(x0), float(y0), float(x1), float(y1))
        min_side = data.get("locator_min_side")
        min_side = None if min_side is None else float(min_side)
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"{path}: not a map geometry file: {error}") from None
    return Geometry(view_box, MappingProxyType(shapes), MappingProxyType(labels),
                    MappingProxyType(bboxes), min_side)


# --- helpers -----------------------------------------------------------------------

def _num(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing ".0"."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _box(box: Iterable[float]) -> str:
    return " ".join(_num(v) for v in box)


def _token(value: str, what: str) -> str:
    if not isinstance(value, str) or not _TOKEN.match(value):
        raise ValueError(f"{what} must be a lower-case word (a-z, 0-9, -, _): {value!r}")
    return value


def _shade(value) -> int:
    """A shade of a tone's colour (site-pages.css `rt-shade-<n>`): 1, 2 or 3."""
    if isinstance(value, bool) or value not in (1, 2, 3):
        raise ValueError(f"shade must be 1, 2 or 3: {value!r}")
    return value


def _lang(lang: str | None) -> str | None:
    if lang is not None and not _LANG.match(lang):
        raise ValueError(f"not a language tag: {lang!r}")
    return lang


def _href(href: str) -> str:
    """Relative addresses and http(s)/mailto only: never `javascript:` and the like."""
    scheme = urlsplit(_CONTROL.sub("", str(href))).scheme.lower()
    if scheme not in _SAFE_SCHEMES:
        raise ValueError(f"link scheme not allowed in a map: {href!r}")
    return str(href)


def _code(geometry: Geometry, iso2: str) -> str:
    code = str(iso2).upper()
    if code not in geometry.shapes:
        raise KeyError(f"no shape for country {iso2!r} in the map geometry")
    return code


def _make_id(prefix: str, *parts) -> str:
    digest = hashlib.sha1(json.dumps(parts, sort_keys=True, ensure_ascii=False,
                                     default=str).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:10]}"


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"not a usable id: {value!r}")
    return value


# --- choropleth --------------------------------------------------------------------

def render_map(geometry: Geometry, regions: list[dict], *, title: str, description: str,
               legend: list[dict], lang: str | None, map_id: str | None = None,
               templates: Environment | None = None) -> str:
    """A choropleth map of the member countries: an inline `<svg>`, then its legend.

    regions: one dict per member country, {"iso2", "name", "value_label", "tone",
    "symbol", "shade" (1-3, optional), "href"}; each becomes a link (in the order given, which is the keyboard
    order) around its shape, named "Name: value label", with its symbol drawn on top.
    Every other shape of the geometry is drawn grey and hidden from assistive
    technologies. legend: {"tone", "symbol", "shade", "label", "count", "count_text"} per value, rendered as
    `<ul class="rt-map-legend">` after the map.

    The `<svg>` has role="group" (it holds links, so it cannot be role="img"), and is
    named by its `<title>` and described by its `<desc>`. `map_id` (default: derived
    from the content, so builds are reproducible) prefixes the ids inside.

    Returns a plain str of HTML, already escaped: wrap it in markupsafe.Markup (or use
    `|safe`) to put it in an autoescaped Jinja template.
    """
    lang = _lang(lang)
    members: list[tuple[str, dict]] = []
    seen: set[str] = set()
    for region in regions:
        code = _code(geometry, region["iso2"])
        if code in seen:
            raise ValueError(f"country {code} appears twice in the map regions")
        seen.add(code)
        _token(region["tone"], "tone")
        members.append((code, region))
    map_id = _check_id(map_id) if map_id else _make_id(
        "rt-map", title, description, [(c, r) for c, r in members], legend, lang)
    svg = _templates(templates).get_template("map.svg.j2").render(
        svg_ns=SVG_NS, map_id=map_id, view_box=_box(geometry.view_box), lang=lang,
        title=title, description=description, other_fill=OTHER_FILL, border=BORDER,
        symbol_size=SYMBOL_SIZE,
        others=[d for code, d in geometry.shapes.items() if code not in seen],
        members=[{"name": region["name"], "value_label": region["value_label"],
                  "href": _href(region["href"]), "tone": region["tone"], "d": geometry.shapes[code],
                  "symbol": region.get("symbol") or "", "shade": _shade(region.get("shade", 1)),
                  "x": _num(geometry.labels[code][0]), "y": _num(geometry.labels[code][1])}
                 for code, region in members])
    return svg + "\n" + render_legend(legend, lang=lang, templates=templates)


def render_legend(legend: list[dict], *, lang: str | None = None, templates: Environment | None = None) -> str:
    """`<ul class="rt-map-legend">`: per value, one item: its swatch (symbol on the value's
    shade), its label, a colon and its count as text ("Sí, por ley: 1 país"; `count_text`,
    default the bare number)."""
    lang = _lang(lang)
    entries = []
    for entry in legend:
        count = entry["count"]
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"legend count must be a whole number: {count!r}")
        entries.append({"tone": _token(entry["tone"], "tone"), "symbol": entry.get("symbol") or "",
                        "shade": _shade(entry.get("shade", 1)), "label": entry["label"], "count": count,
                        "count_text": entry.get("count_text") or str(count)})
    return _templates(templates).get_template("map-legend.html.j2").render(svg_ns=SVG_NS, lang=lang,
                                                                          entries=entries)


# --- locator -----------------------------------------------------------------------

_RING = re.compile(r"M([^Z]*)Z")


def ring_contains(ring: list, x: float, y: float) -> bool:
    """Whether the point (x, y) is inside a closed ring (even-odd rule)."""
    inside = False
    for i, (x1, y1) in enumerate(ring):
        x0, y0 = ring[i - 1]
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _clip(points: list, box: tuple[float, float, float, float]) -> list:
    """Sutherland–Hodgman clipping of a ring (no repeated last point) to (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box

    def at_x(x):
        return lambda p, q: (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))

    def at_y(y):
        return lambda p, q: (p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y)

    for inside, cross in ((lambda p: p[0] >= x0, at_x(x0)), (lambda p: p[0] <= x1, at_x(x1)),
                          (lambda p: p[1] >= y0, at_y(y0)), (lambda p: p[1] <= y1, at_y(y1))):
        out = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cross(previous, current))
        points = out
        if not points:
            break
    return points


def crop(d: str, box: tuple[float, float, float, float]) -> str:
    """The part of a path inside `box` (x0, y0, x1, y1): rings outside it are left out,
    rings across its edge are cut at the edge, every point inside is kept as it is.
    Works on the path data of data/geo/ (absolute "Mx,yLx,y x,y…Z" rings)."""
    x0, y0, x1, y1 = box
    parts = []
    for body in _RING.findall(d):
        pairs = body.replace("L", " ").split()
        points = [tuple(float(v) for v in pair.split(",")) for pair in pairs]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if max(xs) < x0 or max(ys) < y0 or min(xs) > x1 or min(ys) > y1:
            continue
        if min(xs) >= x0 and min(ys) >= y0 and max(xs) <= x1 and max(ys) <= y1:
            parts.append(f"M{body}Z")  # wholly inside: the ring as stored
            continue
        points = _clip(points, box)
        if len(points) < 3:
            continue
        first, *rest = points
        parts.append(f"M{_num(first[0])},{_num(first[1])}L"
                     + " ".join(f"{_num(x)},{_num(y)}" for x, y in rest) + "Z")
    return "".join(parts)


def locator_box(geometry: Geometry, iso2: str) -> tuple[float, float, float, float]:
    """A square (min_x, min_y, width, height) around a country, inside the viewBox:
    about twice the country's size, at least 30 % of the viewBox's width."""
    code = _code(geometry, iso2)
    vx, vy, vw, vh = geometry.view_box
    x0, y0, x1, y1 = geometry.bboxes[code]
    side = min(max((x1 - x0) * 2.2, (y1 - y0) * 2.2, vw * 0.3), vw, vh)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = min(max(cx - side / 2, vx), vx + vw - side)
    top = min(max(cy - side / 2, vy), vy + vh - side)
    return (round(left, 1), round(top, 1), round(side, 1), round(side, 1))


@dataclass(frozen=True)
class LocatorShapes:
    """What a country's locator map draws, the same in every language (see render_locator)."""

    box: tuple[float, float, float, float]  # the square: min_x, min_y, side, side
    others: tuple[str, ...]  # path data of the neighbours, cut to the square
    focus: str  # the country's own path data, cut to the square
    ring: Mapping[str, str] | None  # a circle around a country too small to see


def locator_shapes(geometry: Geometry, iso2: str, wide: Geometry | None = None) -> LocatorShapes:
    """Cropped to a square around the country (see locator_box): only the shapes that reach
    into that square, cut to it (see crop). A country too small to see at that scale gets a
    ring around it. `wide`: outlines for the big squares (latin-america-wide.json, every
    shape at the detail such a square needs and no finer), drawn instead of `geometry`'s
    in a square of at least `wide.locator_min_side` units; the square itself is the same."""
    code = _code(geometry, iso2)
    box = locator_box(geometry, code)
    bx, by, side, _ = box
    if wide is not None and wide.locator_min_side and side >= wide.locator_min_side and code in wide.shapes:
        geometry = wide
    margin = 4 * side / 150  # a little beyond the square, so no edge shows at its border
    clip = (bx - margin, by - margin, bx + side + margin, by + side + margin)
    others = []
    for other, d in geometry.shapes.items():
        x0, y0, x1, y1 = geometry.bboxes[other]
        if other == code or x1 < bx or y1 < by or x0 > bx + side or y0 > by + side:
            continue
        cropped = crop(d, clip)
        if cropped:
            others.append(cropped)
    x0, y0, x1, y1 = geometry.bboxes[code]
    size = max(x1 - x0, y1 - y0)
    ring = None
    if size < side / 10:
        ring = {"cx": _num((x0 + x1) / 2), "cy": _num((y0 + y1) / 2),
                "r": _num(size / 2 + side / 40), "width": _num(side / 150)}
    return LocatorShapes(box, tuple(others), crop(geometry.shapes[code], clip), ring)


def render_locator(geometry: Geometry, iso2: str, *, name: str, lang: str | None,
                   locator_id: str | None = None, templates: Environment | None = None,
                   shapes: LocatorShapes | None = None) -> str:
    """A small map showing where one country is: an `<svg role="img">` named `name`.

    `shapes`, if given, is `locator_shapes(geometry, iso2)` already worked out (a build
    crops once for all its languages)."""
    lang = _lang(lang)
    code = _code(geometry, iso2)
    shapes = shapes or locator_shapes(geometry, code)
    side = shapes.box[2]
    locator_id = _check_id(locator_id) if locator_id else _make_id("rt-locator", code, name, lang)
    return _templates(templates).get_template("locator.svg.j2").render(
                  svg_ns=SVG_NS, locator_id=locator_id, view_box=_box(shapes.box),
                  lang=lang, name=name, border=BORDER, stroke_width=_num(side / 500),
                  other_fill=OTHER_FILL, others=shapes.others, focus=shapes.focus, ring=shapes.ring)


# --- standalone map (a file to embed elsewhere) ------------------------------------

# The tones' colours of assets/site.css, written into the file: a page that shows it as
# an <img> has none of the site's CSS (tests/test_embed_maps.py compares them).
TONE_FILLS = MappingProxyType({"harmful": "#b3261e", "mixed": "#8a5a00", "protective": "#1e6b32",
                               "unknown": "#5f6368"})
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
STANDALONE_WIDTH = 1000  # user units; the file says width and height in the same units
_MARGIN = 30


def xml_text(value) -> str:
    """A text with the characters XML 1.0 forbids removed (autoescape does the rest)."""
    return _XML_ILLEGAL.sub("", str(value))


def wrap_text(text: str, size: float, width: float = STANDALONE_WIDTH - 2 * _MARGIN) -> list[str]:
    """Lines of at most `width` user units, by an average letter width (0.55 em of a sans-serif)."""
    most = max(10, int(width / (size * 0.55)))
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and len(candidate) > most:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


def render_standalone_map(geometry: Geometry, regions: list[dict], *, title: str, description: str,
                          legend: list[dict], footer: list[str], metadata: str, lang: str | None,
                          templates: Environment | None = None) -> tuple[str, int]:
    """A choropleth map as a file of its own, to show with <img> on any site: the title
    above, the legend and the `footer` lines (source, licence) below, real colours instead
    of the site's CSS classes, no links and nothing that runs. regions: {"iso2", "name",
    "value_label", "tone", "symbol"}; legend as for render_map. Returns the SVG document
    and its height (its width is STANDALONE_WIDTH)."""
    lang = _lang(lang)
    title_lines = wrap_text(xml_text(title), 26)
    top = _MARGIN + 34 * len(title_lines)
    vx, vy, vw, vh = geometry.view_box
    scale = STANDALONE_WIDTH / vw
    members, seen = [], set()
    for region in regions:
        code = _code(geometry, region["iso2"])
        seen.add(code)
        tone = _token(region["tone"], "tone")
        members.append({"name": xml_text(region["name"]), "value_label": xml_text(region["value_label"]),
                        "fill": TONE_FILLS[tone], "d": geometry.shapes[code], "symbol": region.get("symbol") or "",
                        "x": _num(geometry.labels[code][0]), "y": _num(geometry.labels[code][1])})
    map_bottom = top + vh * scale
    entries, y = [], map_bottom + 20
    for entry in legend:
        tone = _token(entry["tone"], "tone")
        entries.append({"fill": TONE_FILLS[tone], "symbol": entry.get("symbol") or "",
                        "label": xml_text(f"{entry['label']}: {entry.get('count_text') or int(entry['count'])}"),
                        "y": _num(y)})
        y += 30
    footer_lines = []
    y += 14
    for text in footer:
        for line in wrap_text(xml_text(text), 15):
            footer_lines.append({"text": line, "y": _num(y)})
            y += 20
    height = int(y + _MARGIN)
    svg = _templates(templates).get_template("map-standalone.svg.j2").render(
        svg_ns=SVG_NS, width=STANDALONE_WIDTH, height=height, lang=lang, margin=_MARGIN,
        title=xml_text(title), title_lines=[{"text": t, "y": _num(_MARGIN + 26 + 34 * n)} for n, t in enumerate(title_lines)],
        description=xml_text(description), metadata=xml_text(metadata),
        transform=f"translate({_num(-vx * scale)} {_num(top - vy * scale)}) scale({scale:g})",
        other_fill=OTHER_FILL, border=BORDER, symbol_size=SYMBOL_SIZE,
        others=[d for code, d in geometry.shapes.items() if code not in seen], members=members,
        entries=entries, footer_lines=footer_lines)
    return svg, height

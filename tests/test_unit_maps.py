"""Maps as inline SVG: the committed geometry, the renderers, and the geometry script."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hooks.sitegen.pathdata import absolute, relative
from hooks.sitegen.maps import (
    ring_contains,
    OTHER_FILL, Geometry, crop, load_geometry, locator_box, locator_shapes, render_legend, render_locator,
    render_map,
)

ROOT = Path(__file__).resolve().parents[1]
GEOMETRY_FILE = ROOT / "data" / "geo" / "latin-america.json"  # the locators' outlines
REGIONAL_FILE = ROOT / "data" / "geo" / "latin-america-regional.json"  # the regional maps'
WIDE_FILE = ROOT / "data" / "geo" / "latin-america-wide.json"  # the big locator squares'
LEVELS = [GEOMETRY_FILE, REGIONAL_FILE]
FILES, FILE_IDS = [GEOMETRY_FILE, WIDE_FILE, REGIONAL_FILE], ["full", "wide", "regional"]
MAPSHAPER = ROOT / "node_modules" / ".bin" / "mapshaper"
# `make test` installs it (npm ci); only a bare `pytest` on a laptop without it skips, never CI.
needs_mapshaper = pytest.mark.skipif((not MAPSHAPER.exists() or not shutil.which("node")) and os.environ.get("CI") != "true",
                                     reason="mapshaper not installed (make node-tools)")
MEMBERS = "AR BZ BO CL CO CR DO EC SV GT HN MX NI PA PY PE UY".split()
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & <b>bold</b>'
TONES = ["harmful", "mixed", "protective", "unknown"]
SYMBOLS = {"harmful": "✖", "mixed": "◐", "protective": "✔", "unknown": "?"}


@pytest.fixture(scope="module")
def geometry() -> Geometry:
    return load_geometry(GEOMETRY_FILE)


@pytest.fixture(scope="module", params=LEVELS, ids=["full", "regional"])
def level(request) -> Geometry:
    return load_geometry(request.param)


def rings(d: str) -> list[list[tuple[float, float]]]:
    out = []
    for body in re.findall(r"M([^Z]*)Z", d):
        out.append([tuple(float(v) for v in pair.split(","))
                    for pair in body.replace("L", " ").split()])
    return out


def regions_for(codes, name=lambda code: f"Country {code}"):
    return [{"iso2": code, "name": name(code), "value_label": f"value {i}",
             "tone": TONES[i % 4], "symbol": SYMBOLS[TONES[i % 4]],
             "href": f"paises/{code.lower()}/"} for i, code in enumerate(codes)]


def legend_for(regions):
    return [{"tone": t, "symbol": SYMBOLS[t], "label": f"Tone {t}",
             "count": sum(r["tone"] == t for r in regions)} for t in TONES]


def split(html: str) -> tuple[ET.Element, ET.Element]:
    svg, legend = html.split("\n", 1)
    return ET.fromstring(svg), ET.fromstring(legend)


# --- the committed geometry --------------------------------------------------------

def test_geometry_has_every_member_inside_the_view_box(level):
    geometry = level
    x0, y0, width, height = geometry.view_box
    assert (x0, y0, width, height) == (0, 0, 1000, 1000)
    for code in MEMBERS:
        d = geometry.shapes[code]
        assert d.startswith("M") and d.endswith("Z"), code
        points = [p for ring in rings(d) for p in ring]
        assert len(points) >= 10, code
        assert all(x0 <= x <= x0 + width and y0 <= y <= y0 + height for x, y in points), code
        lx, ly = geometry.labels[code]
        assert any(ring_contains(ring, lx, ly) for ring in rings(d)), f"{code}: label outside"
        bx0, by0, bx1, by1 = geometry.bboxes[code]
        assert bx0 <= lx <= bx1 and by0 <= ly <= by1


def test_every_shape_is_inside_the_view_box(level):
    _, _, width, height = level.view_box
    for code, d in level.shapes.items():
        points = [p for ring in rings(d) for p in ring]
        assert points, code
        assert all(0 <= x <= width and 0 <= y <= height for x, y in points), code


def test_both_levels_have_the_same_countries_and_labels(geometry):
    regional = load_geometry(REGIONAL_FILE)
    assert set(regional.shapes) == set(geometry.shapes)
    assert dict(regional.labels) == dict(geometry.labels)  # a symbol sits at the same place
    # A locator outline is simplified for its own square (scripts/make_map_geometry.py,
    # LOCATOR_PX): a small member's 300-unit square is finer than the regional maps, a big
    # country's square, most of the box, coarser.
    def points(level, code):
        return sum(len(ring) for ring in rings(level.shapes[code]))
    for code in ("SV", "GT", "HN", "CR", "PA"):
        assert points(geometry, code) > points(regional, code), code
    for code in ("MX", "AR", "CL", "BR"):
        assert points(geometry, code) < 0.8 * points(regional, code), code


@pytest.mark.parametrize("code", ["SV", "BZ", "DO", "CR", "PA"])
def test_small_members_stay_visible(level, code):
    x0, y0, x1, y1 = level.bboxes[code]
    assert max(x1 - x0, y1 - y0) >= 15
    assert len(rings(level.shapes[code])[0]) >= 10  # a shape, not a blob (El Salvador: 13 points at the coarser level)


def points_of(d: str) -> set[tuple[float, float]]:
    return {p for ring in rings(d) for p in ring}


# The points on the Argentina–Chile and Honduras–El Salvador borders in Natural Earth's
# 1:50m shapes, projected and rounded like the stored outlines (scripts/make_map_geometry.py
# on world-atlas 2.0.2), and the least each level must keep of them.
SOURCE_BORDER_POINTS = {"AR-CL": 423, "HN-SV": 35}


# The least part of the source's border points a level keeps. The regional maps draw the
# border in 1000 units at 400 to 900 px; the locators that draw Argentina–Chile are 810 to
# 930 units wide in 140 px (about 6 units a pixel), simplified for that: one source point in
# 12 is still a point every two pixels along it.
LEAST_BORDER_PART = {GEOMETRY_FILE: 1 / 12, WIDE_FILE: 1 / 12, REGIONAL_FILE: 1 / 5}


@pytest.mark.parametrize("path", FILES, ids=FILE_IDS)
def test_neighbours_share_every_point_of_their_border(path):
    """The simplifier made each border one arc, simplified once for both neighbours: the two
    outlines have in common every point the simplified border has (recorded by the script
    from mapshaper's topology), and the border keeps a fair part of the source's points.
    (The build's own coarsening used to leave Argentina and Chile 75 points in common on
    the regional maps.)"""
    data = json.loads(path.read_text(encoding="utf-8"))
    geometry = load_geometry(path)
    for border, recorded in data["shared_border_points"].items():
        a, b = border.split("-")
        shared = len(points_of(geometry.shapes[a]) & points_of(geometry.shapes[b]))
        assert shared >= 0.98 * recorded and shared <= recorded, (border, shared, recorded)
        assert shared >= SOURCE_BORDER_POINTS[border] * LEAST_BORDER_PART[path], (border, shared)
    assert set(data["shared_border_points"]) == {"AR-CL", "HN-SV"}
    if path == REGIONAL_FILE:
        ar_cl = len(points_of(geometry.shapes["AR"]) & points_of(geometry.shapes["CL"]))
        assert ar_cl > 75


@pytest.mark.parametrize("path", FILES, ids=FILE_IDS)
def test_geometry_file_is_small_and_one_country_per_line(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 80_000
    data = json.loads(text)
    assert len(text.splitlines()) == len(data["countries"]) + len(data) + 3  # {, "countries":{, }, }
    assert list(data) == sorted(data)
    assert "mapshaper" in data["source"] and "Natural Earth" in data["source"]


def test_load_geometry_rejects_another_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"view_box": [0, 0, 10, 10]}', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        load_geometry(bad)


# --- the choropleth ----------------------------------------------------------------

def test_render_map_one_link_per_member(geometry):
    regions = regions_for(MEMBERS)
    svg, legend = split(render_map(geometry, regions, title="Sex work", description="A map",
                                   legend=legend_for(regions), lang="es"))
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "group" and svg.get("lang") == "es"
    title_id, desc_id = svg.get("aria-labelledby"), svg.get("aria-describedby")
    assert svg.find(f"{SVG}title").get("id") == title_id
    assert svg.find(f"{SVG}title").text == "Sex work"
    assert svg.find(f"{SVG}desc").get("id") == desc_id
    assert svg.find(f"{SVG}desc").text == "A map"

    links = svg.findall(f".//{SVG}a")
    assert len(links) == len(MEMBERS)
    by_href = {a.get("href"): a for a in links}
    for i, code in enumerate(MEMBERS):
        a = by_href[f"paises/{code.lower()}/"]
        label = f"Country {code}: value {i}"
        assert a.get("aria-label") == label
        assert a.find(f"{SVG}title").text == label
        (path,) = a.findall(f"{SVG}path")
        assert path.get("d") == geometry.shapes[code]
        assert f"rt-tone-{TONES[i % 4]}" in path.get("class").split()
        assert path.get("aria-hidden") is None
    symbols = svg.findall(f".//{SVG}text")
    assert sorted(t.text for t in symbols) == sorted(r["symbol"] for r in regions)
    assert svg.find(f".//{SVG}g[@class='rt-map-symbols']").get("aria-hidden") == "true"


def test_render_map_non_members_are_grey_and_hidden(geometry):
    regions = regions_for(MEMBERS)
    svg, _ = split(render_map(geometry, regions, title="t", description="d",
                              legend=legend_for(regions), lang="en"))
    others = [p for p in svg.iter(f"{SVG}path") if "rt-map-other" in p.get("class", "").split()]
    assert len(others) == len(geometry.shapes) - len(MEMBERS)
    for path in others:
        assert path.get("aria-hidden") == "true"
        assert path.get("fill") == OTHER_FILL
    drawn = {p.get("d") for p in svg.iter(f"{SVG}path")}
    assert drawn == set(geometry.shapes.values())


def test_render_map_legend_counts_equal_the_input(geometry):
    regions = regions_for(MEMBERS)
    legend = legend_for(regions)
    html = render_map(geometry, regions, title="t", description="d", legend=legend, lang="pt")
    _, ul = split(html)
    assert html.index("</svg>") < html.index('<ul class="rt-map-legend"')
    assert ul.get("class") == "rt-map-legend"
    items = ul.findall("li")
    assert len(items) == len(legend)
    for item, entry in zip(items, legend):
        assert item.find(".//span[@class='rt-map-legend-label']").text == entry["label"]
        assert int(item.find(".//span[@class='rt-map-legend-count']").text) == entry["count"]
        key = item.find(f"{SVG}svg")
        assert key.get("aria-hidden") == "true"
        assert key.find(f"{SVG}rect").get("class") == f"rt-tone-{entry['tone']} rt-shade-1"
    assert sum(int(i.find(".//span[@class='rt-map-legend-count']").text) for i in items) == 17


def test_render_map_escapes_every_text(geometry):
    regions = regions_for(["SV", "HN"], name=lambda code: HOSTILE)
    regions[0]["value_label"] = HOSTILE
    regions[0]["symbol"] = "<i>"
    regions[0]["href"] = 'paises/sv/?a=1&b="2"'
    legend = [{"tone": "harmful", "symbol": "<", "label": HOSTILE, "count": 2}]
    html = render_map(geometry, regions, title=HOSTILE, description=HOSTILE,
                      legend=legend, lang="es")
    assert "<script" not in html and "<b>" not in html and "<i>" not in html
    svg, ul = split(html)
    assert svg.find(f"{SVG}title").text == HOSTILE
    assert svg.find(f"{SVG}desc").text == HOSTILE
    first = svg.findall(f".//{SVG}a")[0]
    assert first.get("aria-label") == f"{HOSTILE}: {HOSTILE}"
    assert first.get("href") == 'paises/sv/?a=1&b="2"'
    assert ul.find("li//span[@class='rt-map-legend-label']").text == HOSTILE


@pytest.mark.parametrize("href", ["javascript:alert(1)", " JavaScript:alert(1)",
                                  "java\nscript:alert(1)", "data:text/html,x"])
def test_render_map_refuses_script_links(geometry, href):
    regions = regions_for(["SV"])
    regions[0]["href"] = href
    with pytest.raises(ValueError, match="scheme"):
        render_map(geometry, regions, title="t", description="d", legend=[], lang="es")


@pytest.mark.parametrize("change, error", [
    ({"iso2": "ZZ"}, KeyError), ({"tone": "red fill"}, ValueError),
    ({"tone": '"><script>'}, ValueError),
])
def test_render_map_refuses_bad_regions(geometry, change, error):
    regions = regions_for(["SV"])
    regions[0].update(change)
    with pytest.raises(error):
        render_map(geometry, regions, title="t", description="d", legend=[], lang="es")


def test_render_map_refuses_a_country_twice(geometry):
    with pytest.raises(ValueError, match="twice"):
        render_map(geometry, regions_for(["SV", "sv"]), title="t", description="d",
                   legend=[], lang="es")


def test_render_map_is_reproducible_and_ids_differ(geometry):
    regions = regions_for(MEMBERS)
    kwargs = dict(title="t", description="d", legend=legend_for(regions), lang="es")
    first = render_map(geometry, regions, **kwargs)
    assert render_map(geometry, regions, **kwargs) == first
    other = render_map(geometry, regions, **{**kwargs, "title": "t2"})
    assert split(first)[0].get("id") != split(other)[0].get("id")
    named = render_map(geometry, regions, **kwargs, map_id="map-hiv")
    assert split(named)[0].get("aria-labelledby") == "map-hiv-title"


def test_render_legend_refuses_a_bad_count():
    with pytest.raises(ValueError):
        render_legend([{"tone": "mixed", "symbol": "", "label": "x", "count": "3"}])


# --- the locator -------------------------------------------------------------------

@pytest.mark.parametrize("code", MEMBERS)
def test_render_locator(geometry, code):
    html = render_locator(geometry, code.lower(), name=f"Name {code}", lang="es")
    svg = ET.fromstring(html)
    assert svg.get("role") == "img"
    title = svg.find(f"{SVG}title")
    assert title.text == f"Name {code}" and svg.get("aria-labelledby") == title.get("id")
    focus = [p for p in svg.iter(f"{SVG}path") if p.get("class") == "rt-locator-focus"]
    assert len(focus) == 1 and focus[0].get("d")
    assert all(p.get("class") in ("rt-map-other", "rt-locator-focus")
               for p in svg.iter(f"{SVG}path"))
    x, y, w, h = (float(v) for v in svg.get("viewBox").split())
    assert w == h and 0 <= x and 0 <= y and x + w <= 1000.05 and y + h <= 1000.05
    x0, y0, x1, y1 = geometry.bboxes[code]
    assert x <= x0 and y <= y0 and x1 <= x + w and y1 <= y + h
    assert len(html) < 40_000  # light: a locator on every profile page


def test_render_locator_escapes_the_name(geometry):
    html = render_locator(geometry, "SV", name=HOSTILE, lang="es")
    assert "<script" not in html
    assert ET.fromstring(html).find(f"{SVG}title").text == HOSTILE


def test_a_wide_square_draws_the_outlines_made_for_it(geometry):
    """Mexico's, Argentina's and Chile's squares (latin-america-wide.json's
    locator_min_side or more) draw the coarser outlines of that file, in the same square;
    a small country's square keeps the finer ones (its own detail)."""
    wide = load_geometry(WIDE_FILE)
    assert wide.locator_min_side and geometry.locator_min_side is None
    assert set(wide.shapes) == set(geometry.shapes)
    for code in ("MX", "AR", "CL"):
        assert locator_box(geometry, code)[2] >= wide.locator_min_side, code
        fine, coarse = locator_shapes(geometry, code), locator_shapes(geometry, code, wide)
        # the same square and neighbours (an island at its edge may fall just outside)
        assert coarse.box == fine.box and len(fine.others) - 1 <= len(coarse.others) <= len(fine.others), code
        assert len("".join(coarse.others)) < 0.8 * len("".join(fine.others)), code
        assert coarse.focus != fine.focus and rings(coarse.focus), code
    for code in set(MEMBERS) - {"MX", "AR", "CL"}:
        assert locator_box(geometry, code)[2] < wide.locator_min_side, code
        assert locator_shapes(geometry, code, wide) == locator_shapes(geometry, code), code
    # No outline in the wide file is finer than the finest wide square needs.
    def points(level, code):
        return sum(len(ring) for ring in rings(level.shapes[code]))
    for code in ("GT", "BZ", "UY", "PY"):
        assert points(wide, code) < points(geometry, code), code


def test_small_country_gets_a_ring(geometry):
    svg = ET.fromstring(render_locator(geometry, "SV", name="El Salvador", lang="es"))
    assert svg.find(f"{SVG}circle[@class='rt-locator-ring']") is not None
    svg = ET.fromstring(render_locator(geometry, "BR", name="Brasil", lang="pt"))
    assert svg.find(f"{SVG}circle") is None


def test_locator_box_stays_in_view_box(geometry):
    for code in geometry.shapes:
        x, y, w, h = locator_box(geometry, code)
        assert x >= 0 and y >= 0 and x + w <= 1000.05 and y + h <= 1000.05


def test_relative_path_data_keeps_every_point(geometry):
    d = "M0,0L0.5,0 10,0 10,10 0,10ZM-8,50L50.2,49.3 50.2,50.2Z"
    assert relative(d) == "M0,0l0.5,0 9.5,0 0,10-10,0zM-8,50l58.2-0.7 0,0.9z"
    assert absolute(relative(d)) == d
    for code, stored in geometry.shapes.items():
        assert absolute(relative(stored)) == stored, code
        assert len(relative(stored)) < len(stored), code
    svg = ET.fromstring(render_locator(geometry, "SV", name="El Salvador", lang="es"))
    drawn = {absolute(p.get("d")) for p in svg.iter(f"{SVG}path")}
    assert geometry.shapes["SV"] in drawn  # wholly in its square: drawn as stored


def test_crop_keeps_every_point_inside_and_cuts_at_the_edge():
    d = "M0,0L0.5,0 10,0 10,10 0,10ZM50,50L50.2,50 50.2,50.2ZM1,1L2,1 2,2Z"
    assert crop(d, (0, 0, 20, 20)) == "M0,0L0.5,0 10,0 10,10 0,10ZM1,1L2,1 2,2Z"
    assert crop(d, (0, 0, 5, 5)) == "M0,5L0,0 0.5,0 5,0 5,5ZM1,1L2,1 2,2Z"
    assert crop(d, (40, 40, 60, 60)) == "M50,50L50.2,50 50.2,50.2Z"


# --- what the build draws: the stored outlines, never simplified again ----------------

def svg_paths(html: str, svg_class: str) -> dict[str, list[str]]:
    svg = re.search(rf'<svg[^>]*class="{svg_class}".*?</svg>', html, re.S).group(0)
    paths: dict[str, list[str]] = {}
    for cls, d in re.findall(r'<path class="([^"]*)"[^>]*? d="([^"]*)"', svg):
        paths.setdefault(cls, []).append(d)
    return paths


def test_built_regional_maps_draw_the_stored_outlines_as_they_are(built_site):
    regional = load_geometry(REGIONAL_FILE)
    stored = set(regional.shapes.values())
    for url in ("mapas/", "en/mapas/test_compulsory/", "pt/"):
        paths = svg_paths(built_site.page(url).article, "rt-map")
        drawn = [d for ds in paths.values() for d in ds]
        assert len(drawn) == len(stored) and set(drawn) == stored, url
    html = built_site.page("mapas/").article
    member = dict(re.findall(r'<a class="rt-map-link" href="[^"]*(?:/|%2F)(\w\w)/[^"]*".*?d="([^"]*)"', html))
    ar, cl = member.get("ar") or regional.shapes["AR"], member.get("cl") or regional.shapes["CL"]
    data = json.loads(REGIONAL_FILE.read_text(encoding="utf-8"))
    assert len(points_of(ar) & points_of(cl)) >= 0.98 * data["shared_border_points"]["AR-CL"]


@pytest.mark.parametrize("code", ["AR", "SV", "MX"])
def test_built_locators_keep_every_stored_point_in_their_square(built_site, geometry, code):
    """A locator is cut to its square, not simplified: every stored point inside the square
    is drawn, and every point drawn is a stored one or lies on the cut: from the wide
    squares' own file for Argentina and Mexico, from the finer one for El Salvador."""
    html = built_site.page(f"paises/{code.lower()}/").article
    svg = re.search(r'<svg[^>]*class="rt-locator".*?</svg>', html, re.S).group(0)
    x, y, side, _ = (float(v) for v in re.search(r'viewBox="([^"]*)"', svg).group(1).split())
    drawn = set()
    for d in re.findall(r' d="([^"]*)"', svg):
        drawn |= points_of(absolute(d))  # drawn with relative steps (pathdata.relative)
    wide = load_geometry(WIDE_FILE)
    assert (side >= wide.locator_min_side) == (code != "SV")
    geometry = wide if code != "SV" else geometry
    stored = set().union(*(points_of(d) for d in geometry.shapes.values()))
    inside = {p for p in stored if x <= p[0] <= x + side and y <= p[1] <= y + side}
    assert inside <= drawn
    margin = 4 * side / 150 + 0.1
    on_cut = {p for p in drawn - stored
              if min(abs(p[0] - (x - margin)), abs(p[0] - (x + side + margin)),
                     abs(p[1] - (y - margin)), abs(p[1] - (y + side + margin))) <= 0.2}
    assert drawn - stored == on_cut
    focus = absolute(svg_paths(html, "rt-locator")["rt-locator-focus"][0])
    if code == "AR":  # Chile is wholly in Argentina's square: their border is drawn whole
        data = json.loads(GEOMETRY_FILE.read_text(encoding="utf-8"))
        others = set().union(*(points_of(absolute(d)) for d in svg_paths(html, "rt-locator")["rt-map-other"]))
        border = points_of(focus) & others & points_of(geometry.shapes["CL"])
        assert len(border) >= 0.98 * data["shared_border_points"]["AR-CL"]


def test_the_build_has_no_simplifier(site_data):
    import hooks.sitegen.maps as maps
    import hooks.sitegen.regional as regional
    from hooks.sitegen.context import RenderContext
    assert not hasattr(maps, "coarsen") and not hasattr(regional, "MAP_SIMPLIFICATION")
    assert regional.regional_geometry(RenderContext(site_data, "es")).shapes == load_geometry(REGIONAL_FILE).shapes


# --- scripts/make_map_geometry.py --------------------------------------------------

def load_script():
    spec = importlib.util.spec_from_file_location(
        "make_map_geometry", ROOT / "scripts" / "make_map_geometry.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tiny_topology() -> dict:
    """Two squares sharing a border (El Salvador and Honduras, stand-ins), a shape
    across the box's edge (US), one far away with an unknown code, one without shape.
    Quantized: lon = q × 0.5 − 130, lat = q × 0.5 − 10; arcs delta-encoded."""
    return {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [-130, -10]},
        "arcs": [
            [[80, 20], [0, 20]],                                # 0: shared border
            [[80, 40], [-20, 0], [0, -20], [20, 0]],            # 1: rest of SV
            [[80, 20], [20, 0], [0, 20], [-20, 0]],             # 2: rest of HN
            [[10, 80], [30, 0], [0, 20], [-30, 0], [0, -20]],   # 3: across the corner
            [[460, 100], [20, 0], [0, 20], [-20, 0], [0, -20]],  # 4: far away
        ],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "id": "222", "properties": {"name": "SV"}},
            {"type": "MultiPolygon", "arcs": [[[2, -1]]], "id": "340",
             "properties": {"name": "HN"}},
            {"type": "Polygon", "arcs": [[3]], "id": "840", "properties": {"name": "US"}},
            {"type": "Polygon", "arcs": [[4]], "id": "999", "properties": {"name": "Far"}},
            {"type": None, "id": "010", "properties": {"name": "Nothing"}},
        ]}},
    }


def test_script_decodes_quantized_delta_arcs():
    script = load_script()
    features = script.decode(tiny_topology())
    assert [f["id"] for f in features] == ["222", "340", "840", "999", "010"]
    assert features[0]["polygons"] == [[[(-90, 0), (-90, 10), (-100, 10), (-100, 0), (-90, 0)]]]
    # The shared arc, reversed, closes Honduras.
    assert features[1]["polygons"] == [[[(-90, 0), (-80, 0), (-80, 10), (-90, 10), (-90, 0)]]]
    assert features[4]["polygons"] == []


def test_script_decodes_unquantized_arcs():
    script = load_script()
    topology = {"arcs": [[[-90.5, 1.25], [-80, 2]]]}
    assert script.decode_arcs(topology) == [[(-90.5, 1.25), (-80.0, 2.0)]]


def test_script_keeps_projected_shapes_in_the_box():
    script = load_script()
    shapes = {s["iso2"]: s for s in script.shapes_in_box(tiny_topology())}
    assert list(shapes) == ["HN", "SV", "US"]  # far and empty ones left out
    sv = shapes["SV"]
    assert sv["id"] == "222" and sv["name"] == "SV"
    assert [[(round(x, 1), round(y, 1)) for x, y in ring] for ring in sv["polygons"][0]] == [
        [(333.3, 366.7), (333.3, 255.6), (222.2, 255.6), (222.2, 366.7)]]
    # Clipped at the box's top-left corner (longitude -120°, latitude 33°).
    us = [p for ring in shapes["US"]["polygons"][0] for p in ring]
    assert script.bbox(us) == pytest.approx((0, 0, 111.1, 33.3), abs=0.06)


def test_script_stops_on_an_unknown_code_in_the_box():
    script = load_script()
    topology = tiny_topology()
    topology["objects"]["countries"]["geometries"][0]["id"] = "998"
    with pytest.raises(ValueError, match="998"):
        script.shapes_in_box(topology)


def projected_topology() -> dict:
    """What mapshaper writes: unquantized arcs in viewBox units, properties iso2/id/name."""
    return {"type": "Topology", "arcs": [
        [[333.33, 366.67], [333.33, 255.56]],
        [[333.33, 255.56], [222.22, 255.56], [222.22, 366.67], [333.33, 366.67]],
        [[333.33, 366.67], [444.44, 366.67], [444.44, 255.56], [333.33, 255.56]],
    ], "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"iso2": "SV", "id": "222", "name": "SV"}},
        {"type": "Polygon", "arcs": [[2, -1]], "properties": {"iso2": "HN", "id": "340", "name": "HN"}},
    ]}}}


def test_script_writes_outlines_and_counts_the_border():
    script = load_script()
    countries = script.outlines(projected_topology())
    assert list(countries) == ["HN", "SV"]
    sv = countries["SV"]
    assert sv["d"] == "M333.3,366.7L333.3,255.6 222.2,255.6 222.2,366.7Z"
    assert sv["bbox"] == [222.2, 255.6, 333.3, 366.7]
    assert sv["label"] == pytest.approx([277.75, 311.1], abs=0.06)
    assert script.shared_points(countries, "HN", "SV") == 2
    assert script.border_points(projected_topology(), "HN", "SV") == 2
    # Labels from another level are kept as given.
    assert script.outlines(projected_topology(), {"SV": [1.0, 2.0]})["SV"]["label"] == [1.0, 2.0]


@needs_mapshaper
def test_script_output_is_reproducible_and_keeps_borders_shared(tmp_path):
    script = load_script()
    source = tmp_path / "tiny.json"
    source.write_text(json.dumps(tiny_topology()), encoding="utf-8")
    first, second = tmp_path / "a", tmp_path / "b"
    assert script.main(["x", str(source), str(first)]) == 0
    assert script.main(["x", str(source), str(second)]) == 0
    for name in script.LEVELS:
        assert (first / name).read_bytes() == (second / name).read_bytes()
        text = (first / name).read_text(encoding="utf-8")
        assert json.loads(text)["countries"]["SV"]["name"] == "SV"
        assert [line[:5] for line in text.splitlines()[2:5]] == ['"HN":', '"SV":', '"US":']
        geometry = load_geometry(first / name)  # the renderer reads what the script writes
        assert set(geometry.shapes) == {"HN", "SV", "US"}
        assert len(points_of(geometry.shapes["SV"]) & points_of(geometry.shapes["HN"])) == 2
        assert json.loads(text)["shared_border_points"] == {"HN-SV": 2}


@needs_mapshaper
def test_script_simplifies_a_border_once_for_both_sides():
    """A wiggly border: simplified, it loses points, and both neighbours keep the same ones."""
    script = load_script()
    wiggle = [(300 + i * 2, 300 + (i % 2) * 0.3) for i in range(51)]  # 100 units, 0.3 deep
    north = {"iso2": "SV", "id": "222", "name": "SV", "polygons": [[wiggle + [(400, 200), (300, 200)]]]}
    south = {"iso2": "HN", "id": "340", "name": "HN",
             "polygons": [[wiggle[::-1] + [(300, 400), (400, 400)]]]}
    topology = script.simplify([north, south], 1.0)
    countries = script.outlines(topology)
    shared = script.shared_points(countries, "HN", "SV")
    assert 2 <= shared < 51
    assert shared == script.border_points(topology, "HN", "SV")


def test_ring_contains_tells_inside_from_outside():
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert ring_contains(square, 5, 5)
    assert not ring_contains(square, 15, 5) and not ring_contains(square, 5, -1)


def test_a_locator_is_cropped_once_for_every_language(monkeypatch, site_data):
    import datetime as dt
    from hooks.sitegen import regional
    from hooks.sitegen.context import RenderContext
    from hooks.sitegen.maps import locator_shapes
    crops = []
    monkeypatch.setattr(regional, "locator_shapes", lambda *args: crops.append(args) or locator_shapes(*args))
    ctx = RenderContext(site_data, "es", dt.date(2026, 12, 1))
    country = site_data.countries[0]
    for lang in ("es", "en", "pt"):
        assert regional.locator(ctx.other(lang), country).count("rt-locator-focus") == 1
    assert len(crops) == 1
    geometry = crops[0][0]
    alone = render_locator(geometry, country.iso2, name="x", lang="es", locator_id="l")
    assert render_locator(geometry, country.iso2, name="x", lang="es", locator_id="l",
                          shapes=locator_shapes(geometry, country.iso2)) == alone


# -- one symbol and shade per value; a legend that reads as one line per value -------------

def test_every_value_of_an_indicator_has_its_own_symbol_and_shade():
    from hooks.sitegen.load import load_site
    from hooks.sitegen.mapmarks import map_mark
    from hooks.sitegen.model import UNKNOWN
    for indicator in load_site(ROOT).catalogue.indicators:
        codes = [v.code for v in indicator.values] + [UNKNOWN]
        marks = [map_mark(indicator, code) for code in codes]
        symbols = [symbol for symbol, _ in marks]
        looks = [(indicator.tone(code), shade) for code, (_, shade) in zip(codes, marks)]
        assert len(set(symbols)) == len(codes), (indicator.id, dict(zip(codes, symbols)))
        assert len(set(looks)) == len(codes), (indicator.id, dict(zip(codes, looks)))


def test_legend_item_reads_label_colon_count_with_the_swatch_inside():
    legend = [{"tone": "harmful", "symbol": "▲", "shade": 2, "label": "Sí, por ley", "count": 1,
               "count_text": "1 país"}]
    ul = ET.fromstring(render_legend(legend, lang="es"))
    item = ul.find("li")
    assert "".join(item.itertext()).replace("▲", "", 1).strip() == "Sí, por ley: 1 país"
    assert item[0].tag == f"{SVG}svg"  # the swatch is the item's first child, inside it
    assert item[0].find(f"{SVG}rect").get("class") == "rt-tone-harmful rt-shade-2"
    assert item[0].find(f"{SVG}text").text == "▲"
    with pytest.raises(ValueError):
        render_legend([{**legend[0], "shade": 4}])


@pytest.mark.parametrize("lang, one, two, zero", [("es", "1 país", "2 países", "0 países"),
                                                  ("en", "1 country", "2 countries", "0 countries"),
                                                  ("pt", "1 país", "2 países", "0 países")])
def test_country_counts_take_the_right_plural(lang, one, two, zero):
    from hooks.sitegen.context import Ui
    from hooks.sitegen.load import load_site
    from hooks.sitegen.mapmarks import countries_text
    ui = Ui(load_site(ROOT), lang)
    assert [countries_text(ui, n) for n in (1, 2, 0)] == [one, two, zero]

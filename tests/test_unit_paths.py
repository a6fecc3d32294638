"""Relative links between pages, with and without directory URLs."""

import pytest

from hooks.sitegen.paths import page_url, relative_url


@pytest.mark.parametrize("page, directory, expected", [
    ("index.md", True, ""), ("paises/index.md", True, "paises/"), ("paises/ar.md", True, "paises/ar/"),
    ("index.md", False, "index.html"), ("paises/ar.md", False, "paises/ar.html"),
])
def test_page_url(page, directory, expected):
    assert page_url(page, directory) == expected


@pytest.mark.parametrize("source, target, directory, expected", [
    ("paises/index.md", "paises/ar.md", True, "ar/"),
    ("paises/ar.md", "paises/index.md", True, "../"),
    ("index.md", "paises/ar.md", True, "paises/ar/"),
    ("paises/ar.md", "acerca.md", True, "../../acerca/"),
    ("paises/ar.md", "paises/ar.md", True, "./"),
    ("paises/index.md", "paises/ar.md", False, "ar.html"),
    ("paises/ar.md", "index.md", False, "../index.html"),
])
def test_relative_url(source, target, directory, expected):
    assert relative_url(source, target, directory) == expected


def test_relative_url_with_anchor():
    assert relative_url("paises/index.md", "paises/bo.md", True, "test_free") == "bo/#test_free"

"""The page registry (hooks/sitegen/registry.py) is the one list of the generated pages:
mkdocs.yml's `nav` and `not_in_nav` must agree with it, and so must mkdocs.yml's languages
with the site's (model.LANGUAGES)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pathspec
import pytest
import yaml

from hooks.sitegen import model as m
from hooks.sitegen.context import RenderContext
from hooks.sitegen.pages import NOT_SEARCHABLE, render_page
from hooks.sitegen.paths import STATUS
from hooks.sitegen.registry import PARTS, generated_paths, nav_paths, site_pages

ROOT = Path(__file__).resolve().parents[1]


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain YAML (its `!ENV` values do not matter here)."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


@pytest.fixture(scope="module")
def config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def _not_in_nav(config) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(config["not_in_nav"].splitlines())


def test_each_generated_page_is_declared_once_with_a_template(site_data):
    paths = generated_paths(site_data)
    assert len(paths) == len(set(paths))
    for page in site_pages(site_data):
        assert (ROOT / "hooks/templates" / page.template).is_file(), page.template


def test_the_navigation_in_mkdocs_yml_agrees_with_the_registry(site_data, config):
    nav = [entry if isinstance(entry, str) else next(iter(entry.values())) for entry in config["nav"]]
    hidden = _not_in_nav(config)
    generated = set(generated_paths(site_data))
    assert [p for p in nav if p in generated] == nav_paths(site_data)  # in the registry's order, too
    for page in site_pages(site_data):
        in_docs = f"{m.DEFAULT_LANGUAGE}/{page.path}"  # as MkDocs sees it, inside docs/
        if not page.in_nav:  # (not_in_nav only keeps MkDocs from warning; nav entries stay)
            assert page.path not in nav and hidden.match_file(in_docs), page.path
    # Every hand-written page is in the navigation or says it is not (MkDocs would warn).
    for source in (ROOT / "docs" / m.DEFAULT_LANGUAGE).rglob("*.md"):
        rel = source.relative_to(ROOT / "docs" / m.DEFAULT_LANGUAGE).as_posix()
        assert rel in nav or hidden.match_file(f"{m.DEFAULT_LANGUAGE}/{rel}"), rel


def test_mkdocs_yml_has_the_sites_languages(config):
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert [lang["locale"] for lang in i18n["languages"]] == list(m.LANGUAGES)
    assert [lang["locale"] for lang in i18n["languages"] if lang.get("default")] == [m.DEFAULT_LANGUAGE]
    assert config["theme"]["language"] == m.DEFAULT_LANGUAGE


def test_a_page_declared_not_searchable_is_left_out_of_search(site_data):
    ctx = RenderContext(site_data, "en")
    specs = site_pages(site_data)
    searchable = next(spec for spec in specs if spec.searchable)
    assert not render_page(ctx, searchable).markdown.startswith(NOT_SEARCHABLE)
    assert render_page(ctx, dataclasses.replace(searchable, searchable=False)).markdown.startswith(NOT_SEARCHABLE)
    # Today every page is found by search but the editors' status page (tests/test_readable.py
    # checks that the built search index leaves it out).
    assert [spec.path for spec in specs if not spec.searchable] == [STATUS]
    assert render_page(ctx, next(spec for spec in specs if spec.path == STATUS)).markdown.startswith(NOT_SEARCHABLE)


def test_every_marker_has_a_template():
    for template, _ in PARTS.values():
        assert (ROOT / "hooks/templates" / template).is_file(), template

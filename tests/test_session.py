"""The build session's pieces without a build: the cache keyed on content, the settings
read once from the environment, and the bridge's version check of static-i18n."""

from __future__ import annotations

import datetime as dt

import pytest

from hooks.sitegen.cache import ContentCache
from hooks.sitegen.project import Project
from hooks.sitegen.session import Settings


def test_a_value_is_made_again_only_when_its_files_change(tmp_path):
    source = tmp_path / "a.yml"
    source.write_text("one", encoding="utf-8")
    cache, made = ContentCache(), []

    def value():
        return cache.get(("parsed", source), cache.digest(source), lambda: made.append(1) or source.read_text())

    assert value() == "one" and value() == "one" and len(made) == 1
    source.write_text("two", encoding="utf-8")
    assert value() == "one"  # digests are read once per build...
    cache.new_build()
    assert value() == "two" and len(made) == 2  # ...and again in the next one
    cache.new_build()
    assert value() == "two" and len(made) == 2  # the same bytes: nothing made again
    assert len(cache._values) == 1  # the old version was replaced, not kept beside


def test_settings_come_from_the_environment_once(tmp_path):
    project = Project(tmp_path)
    settings = Settings.from_environment(project, {"SITE_TODAY": "2026-12-01", "SITEGEN_BENCH_SYNTHETIC": "1",
                                                   "GITHUB_ACTIONS": "true"})
    assert settings.today == dt.date(2026, 12, 1) and settings.synthetic_codes and settings.annotate
    assert settings.offline_bundle == project.root / "offline" / "sitio-sin-conexion.zip"
    assert Settings.from_environment(project, {}).today == dt.date.today()


def test_the_bridge_stops_on_another_static_i18n(monkeypatch):
    from mkdocs.exceptions import PluginError
    from hooks import i18n_bridge

    i18n_bridge.check_version()  # the pinned one
    monkeypatch.setattr(i18n_bridge, "version", lambda name: "1.4.0")
    with pytest.raises(PluginError, match="1.3.1.*1.4.0"):
        i18n_bridge.check_version()

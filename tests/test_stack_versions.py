"""The pinned stack: installed as pinned, within each other's declared ranges but one, and
that one combination (static-i18n 1.3.1 with Material 9.8.2) proven by the built site.

README.md, "Maintenance", says why each package is pinned and names these tests.
"""

from __future__ import annotations

import json
import re
from importlib.metadata import distribution
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from hooks.sitegen.model import DEFAULT_LANGUAGE, LANGUAGES

ROOT = Path(__file__).resolve().parents[1]


def pins(path: Path) -> dict[str, str]:
    """Canonical package name -> pinned version, from a requirements file of `name==version`."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, pinned = line.partition("==")
            assert sep, f"{path.name}: not pinned with ==: {line!r}"
            found[canonicalize_name(name)] = pinned.strip()
    return found


PINNED = pins(ROOT / "requirements.txt")


def test_every_direct_dependency_is_pinned_alike_in_requirements_txt():
    direct = pins(ROOT / "requirements.in")
    assert {name: PINNED.get(name) for name in direct} == direct


@pytest.mark.parametrize("name", sorted(PINNED))
def test_installed_version_is_the_pinned_one(name):
    # What the tests below prove is about the pinned versions only if those are installed.
    assert distribution(name).version == PINNED[name], "run: pip install -r requirements.txt"


def _requires(name: str, extra: str = "") -> list[Requirement]:
    """What a package declares it needs on this platform: for a plain install (extra ""),
    or only what the given extra adds."""
    found = []
    for text in distribution(name).requires or []:
        req = Requirement(text)
        of_an_extra = req.marker is not None and "extra" in str(req.marker)
        if (of_an_extra or not extra) and (req.marker is None or req.marker.evaluate({"extra": extra})):
            found.append(req)
    return found


@pytest.mark.parametrize("name", sorted(PINNED))
def test_dependencies_are_pinned_and_within_their_declared_ranges(name):
    for req in _requires(name):
        dep = canonicalize_name(req.name)
        assert dep in PINNED, f"{name} needs {req}, which requirements.txt does not pin"
        assert req.specifier.contains(PINNED[dep], prereleases=True), (
            f"{name} declares {req}, but requirements.txt pins {req.name}=={PINNED[dep]}")


def test_static_i18n_declares_an_older_material_than_the_pinned_one():
    """README: static-i18n's `material` extra stops below the Material we pin.

    The plugin is installed without that extra, so pip sees no conflict; the combination is
    proven by the tests that README names instead. When this fails, a static-i18n release
    covers the pinned Material: drop the README line and this test."""
    declared = [r for r in _requires("mkdocs-static-i18n", "material") if r.name == "mkdocs-material"]
    assert [str(r.specifier) for r in declared] == ["<9.7.2"]
    assert not declared[0].specifier.contains(PINNED["mkdocs-material"])


# -- what static-i18n does to Material, seen in the built site -------------------------

# Each language's build gives Material its language (mkdocs.yml asks pt-BR for Portuguese).
THEME_LANGUAGE = {"es": "es", "en": "en", "pt": "pt-BR"}
MATERIAL_LANGUAGES = Path(distribution("mkdocs-material").locate_file("material/templates/partials/languages"))


def material_text(theme_language: str, key: str) -> str:
    source = (MATERIAL_LANGUAGES / f"{theme_language}.html").read_text(encoding="utf-8")
    return re.search(rf'"{re.escape(key)}":\s*"([^"]*)"', source).group(1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_material_speaks_each_languages_interface_texts(built_site, lang):
    """static-i18n sets Material's `theme.language` per build (reconfigure_material)."""
    page = built_site.page("" if lang == DEFAULT_LANGUAGE else f"{lang}/")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                  page.html, re.S).group(1))
    for key in ("search.result.none", "search.result.more.other"):
        assert config["translations"][key] == material_text(THEME_LANGUAGE[lang], key), (lang, key)
    # pt-BR, not Portugal's pt: the override in mkdocs.yml reaches Material
    assert material_text("pt-BR", "search.result.none") != material_text("pt", "search.result.none")

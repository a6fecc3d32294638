"""The list of interface texts (hooks/sitegen/uitexts.py) is the list the templates and
the code really use, and the {placeholders} it allows are the ones the code fills in."""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

import yaml

from hooks.sitegen.model import MATERIAL_TYPES as TYPES
from hooks.sitegen.uitexts import KEYS, PLACEHOLDERS
from hooks.sitegen.views import TONES

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*(ROOT / "hooks").rglob("*.py"), *(ROOT / "hooks/templates").glob("*.j2"),
           *(ROOT / "overrides").rglob("*.html")]

_DIRECT = re.compile(r"\b(?:ui|other_ui|Ui\([^()]*\))\.([a-z][a-z0-9_]*)\b(?!\.json)")  # not ui.schema.json
_INDEXED = re.compile(r"\bui\[\"([a-z0-9_]+)\"\]")
_PREFIXED = re.compile(r"\bui\[\"([a-z0-9_]+)\" \+")


def _enum_of(schema, prop: str, member) -> list:
    """The enum of the first property `prop` whose values include `member`, anywhere in a schema."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == prop and isinstance(value, dict) and member in value.get("enum", []):
                return value["enum"]
            found = _enum_of(value, prop, member)
            if found:
                return found
    if isinstance(schema, list):
        for value in schema:
            found = _enum_of(value, prop, member)
            if found:
                return found
    return []


def _dynamic_keys(prefix: str) -> set[str]:
    """Keys made from a prefix and a value of the domain: every value needs its text."""
    country = json.loads((ROOT / "schemas/country.schema.json").read_text(encoding="utf-8"))
    values = {
        "tone_": TONES,
        "source_type_": _enum_of(country, "type", "law"),
        "source_weight_": _enum_of(country, "type", "law"),
        "phase_": [p for p in _enum_of(country, "phase", 1) if p is not None],
        "material_type_": TYPES,
        "material_group_": TYPES,
        "law_status_": _enum_of(country, "status", "in_force"),
    }
    assert prefix in values, f"a new kind of key ui[\"{prefix}\" + ...]: say here which values it takes"
    assert values[prefix], prefix
    return {f"{prefix}{value}" for value in values[prefix]}


def used_keys() -> set[str]:
    used = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        used |= {key for key in _DIRECT.findall(text) if key != "yml"} | set(_INDEXED.findall(text))
        for prefix in _PREFIXED.findall(text):
            used |= _dynamic_keys(prefix)
    return used


def test_the_list_of_texts_is_what_the_templates_and_the_code_use():
    used = used_keys()
    assert not used - KEYS, f"used but not listed in uitexts.KEYS: {sorted(used - KEYS)}"
    assert not KEYS - used, f"listed in uitexts.KEYS but used nowhere: {sorted(KEYS - used)}"


def test_ui_yml_has_exactly_the_listed_texts():
    texts = yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))
    assert set(texts) == KEYS


def _format_calls() -> dict[str, set[str]]:
    """`ui.<key>.format(name=...)` in the Python code: key -> the names it fills in."""
    calls: dict[str, set[str]] = {}
    for path in (ROOT / "hooks").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
                    and isinstance(node.func.value, ast.Attribute) and isinstance(node.func.value.value, ast.Name)
                    and node.func.value.value.id == "ui"):
                calls.setdefault(node.func.value.attr, set()).update(k.arg for k in node.keywords)
    return calls


def test_every_text_the_code_formats_has_its_placeholders_listed():
    calls = _format_calls()
    assert calls, "no ui.<key>.format(...) found: has the code changed?"
    for key, names in calls.items():
        assert set(PLACEHOLDERS.get(key, ())) == names, key
    # The one filled in the browser, by materials.js.
    script = (ROOT / "overrides/assets/materials.js").read_text(encoding="utf-8")
    assert set(re.findall(r'\.replace\("\{([a-z]+)\}"', script)) == set(PLACEHOLDERS["materials_filter_status"])
    assert set(PLACEHOLDERS) == set(calls) | {"materials_filter_status"}


def test_the_real_texts_use_every_placeholder_they_are_given():
    texts = yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))
    for key, names in PLACEHOLDERS.items():
        for lang, text in texts[key].items():
            found = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
            assert found == set(names), (key, lang)

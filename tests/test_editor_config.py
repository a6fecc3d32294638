"""The form editor's configuration (hooks/sitegen/editorconfig.py) against the data model:
every field of every schema has a widget, answers are selects of the catalogue's labels,
and what the catalogue adds appears by itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from hooks.sitegen.editorconfig import REPOSITORY_PLACEHOLDER, editor_config, editor_config_yaml, repository_of
from hooks.sitegen.uitexts import KEYS
from tests.datafiles import ROOT, copy_data, edit

LANGUAGES = {"es": "Español", "en": "English", "pt": "Português"}


def _schemas() -> dict:
    return {json.loads(p.read_text(encoding="utf-8"))["$id"]: json.loads(p.read_text(encoding="utf-8"))
            for p in (ROOT / "schemas").glob("*.schema.json")}


SCHEMAS = _schemas()


def _deref(schema: dict) -> dict:
    """Follows `$ref`s (all of the form `file#/$defs/name` or `#/...` in these schemas) and
    the `oneOf: [X, null]` of optional values."""
    while "$ref" in schema:
        file, _, pointer = schema["$ref"].partition("#")
        target = SCHEMAS[file] if file else SCHEMAS[schema["_in"]]
        for part in pointer.strip("/").split("/"):
            target = target[part]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    options = [o for o in schema.get("oneOf", ()) if o.get("type") != "null"]
    return _deref(options[0]) if len(options) == 1 and len(schema["oneOf"]) == 2 else schema


def schema_paths(schema: dict, open_keys: dict, prefix: str = "") -> set[str]:
    """Every field a schema describes, as dotted paths (`laws[].year`); the keys of an open
    map (`indicators`) are those `open_keys` gives for its path."""
    schema = _deref(schema)
    paths = set()
    properties = dict(schema.get("properties", {}))
    for key in open_keys.get(prefix, ()):
        properties[key] = schema["additionalProperties"]
    for key, sub in properties.items():
        path = f"{prefix}.{key}" if prefix else key
        paths.add(path)
        sub = _deref(sub)
        if "array" in (sub.get("type") if isinstance(sub.get("type"), list) else [sub.get("type")]):
            paths |= schema_paths(sub.get("items", {}), open_keys, path + "[]")
        else:
            paths |= schema_paths(sub, open_keys, path)
    return paths


def config_paths(fields: list[dict], prefix: str = "") -> set[str]:
    paths = set()
    for f in fields:
        assert f.get("widget"), f  # every field has a widget
        path = f"{prefix}.{f['name']}" if prefix else f["name"]
        paths.add(path)
        if f["widget"] == "list":
            inner = f.get("fields") or (f["field"].get("fields") if "field" in f else None) or []
            paths |= config_paths(inner, path + "[]")
        else:
            paths |= config_paths(f.get("fields", []), path)
    return paths


@pytest.fixture(scope="module")
def config() -> dict:
    return editor_config(ROOT)


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def fields_of(config: dict, name: str) -> list[dict]:
    c = collection(config, name)
    return c["fields"] if "fields" in c else c["files"][0]["fields"]


def _catalogue() -> dict:
    return yaml.safe_load((ROOT / "data/indicators.yml").read_text(encoding="utf-8"))


def indicator_ids(catalogue: dict) -> list[str]:
    return [i["id"] for g in catalogue["groups"] for i in g["indicators"]]


@pytest.mark.parametrize("name, schema, folder", [
    ("paises", "country.schema.json", "data/countries"),
    ("materiales", "material.schema.json", "data/materials"),
    ("campana", "campaign.schema.json", "data/campaign.yml"),
    ("textos", "ui.schema.json", "data/ui.yml"),
    ("ajustes", "site.schema.json", "data/site.yml"),
])
def test_every_field_of_every_schema_has_a_widget(config, name, schema, folder):
    c = collection(config, name)
    assert c.get("folder", c.get("files", [{}])[0].get("file")) == folder
    open_keys = {"indicators": indicator_ids(_catalogue()), "": sorted(KEYS) if name == "textos" else ()}
    wanted = schema_paths(SCHEMAS[schema], open_keys)
    assert wanted, schema
    assert wanted <= config_paths(fields_of(config, name)), wanted - config_paths(fields_of(config, name))


def _walk(fields: list[dict]):
    for f in fields:
        yield f
        yield from _walk(f.get("fields", []))
        if "field" in f:
            yield from _walk([f["field"]])


def test_every_text_is_three_fields_in_the_three_languages(config):
    texts = [f for c in config["collections"] for f in _walk(c.get("fields") or c["files"][0]["fields"])
             if f["widget"] == "object" and {s["name"] for s in f["fields"]} == set(LANGUAGES)]
    assert len(texts) > len(KEYS)  # every interface text, every note, every title...
    for text in texts:
        assert [(s["name"], s["label"]) for s in text["fields"]] == list(LANGUAGES.items())
        assert not text["fields"][1]["required"] and not text["fields"][2]["required"]


def test_every_answer_is_a_select_of_the_catalogues_labels_and_unknown(config):
    catalogue = _catalogue()
    answers = {f["name"]: f for f in next(f for f in fields_of(config, "paises") if f["name"] == "indicators")["fields"]}
    assert list(answers) == indicator_ids(catalogue)
    ui = yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))
    for group in catalogue["groups"]:
        for indicator in group["indicators"]:
            answer = answers[indicator["id"]]
            assert indicator["question"]["es"] in answer["label"]
            value = next(f for f in answer["fields"] if f["name"] == "value")
            scale = catalogue["scales"][indicator["scale"]]
            assert value["widget"] == "select"
            assert value["options"] == [{"label": v["label"]["es"], "value": v["code"]} for v in scale] + [
                {"label": ui["no_verified_information"]["es"], "value": "unknown"}]
    compulsion = next(o for a in answers.values() for f in a["fields"] if f["name"] == "value"
                      for o in f["options"] if o["value"] == "in_law")
    assert compulsion["label"] == "Sí, por ley"


def test_sources_are_a_list_of_objects_and_hints_come_from_the_schemas_in_spanish(config):
    sources = next(f for f in fields_of(config, "paises") if f["name"] == "sources")
    assert sources["widget"] == "list" and {f["name"] for f in sources["fields"]} >= {"id", "title", "url", "quote"}
    quote_schema = SCHEMAS["country.schema.json"]["properties"]["sources"]["items"]["properties"]["quote"]
    quote = next(f for f in sources["fields"] if f["name"] == "quote")
    assert quote_schema["x-description-es"] in quote["hint"] and quote_schema["description"] in quote["hint"]
    assert quote["label"] == quote_schema["x-label-es"]
    accessed = next(f for f in sources["fields"] if f["name"] == "accessed")
    assert (accessed["widget"], accessed["format"], accessed["time_format"]) == ("datetime", "YYYY-MM-DD", False)


def test_a_new_indicator_in_the_catalogue_appears_in_the_editor(tmp_path):
    project = copy_data(tmp_path)
    edit(project, "data/indicators.yml", "scales:\n", """scales:
  trial_scale:
    - code: always
      label: {es: "Siempre de prueba", en: "Always on trial", pt: "Sempre em teste"}
""")
    catalogue = yaml.safe_load((project / "data/indicators.yml").read_text(encoding="utf-8"))
    first = catalogue["groups"][0]["indicators"][0]["id"]
    text = (project / "data/indicators.yml").read_text(encoding="utf-8")
    at = text.index(f"- id: {first}")
    indent = text[text.rindex("\n", 0, at) + 1:at]
    new = (f"- id: trial_indicator\n{indent}  scale: trial_scale\n"
           f"{indent}  question: {{es: \"¿Pregunta nueva de prueba?\", en: \"New trial question?\", pt: \"Pergunta?\"}}\n"
           f"{indent}  explanation: {{es: \"Explicación de prueba.\", en: \"Trial.\", pt: \"Teste.\"}}\n"
           f"{indent}  tones: {{always: harmful}}\n{indent}")
    (project / "data/indicators.yml").write_text(text[:at] + new + text[at:], encoding="utf-8")
    made = editor_config(project)
    answers = next(f for f in fields_of(made, "paises") if f["name"] == "indicators")["fields"]
    trial = next(a for a in answers if a["name"] == "trial_indicator")
    assert "¿Pregunta nueva de prueba?" in trial["label"] and trial["hint"] == "Explicación de prueba."
    value = next(f for f in trial["fields"] if f["name"] == "value")
    assert [o["value"] for o in value["options"]] == ["always", "unknown"]
    assert value["options"][0]["label"] == "Siempre de prueba"
    assert "trial_indicator" not in {a["name"] for a in
                                     next(f for f in fields_of(editor_config(ROOT), "paises")
                                          if f["name"] == "indicators")["fields"]}


def test_github_backend_with_review_and_forks_and_the_local_backend(config):
    assert config["backend"]["name"] == "github" and config["backend"]["open_authoring"] is True
    assert config["publish_mode"] == "editorial_workflow"
    site = yaml.safe_load((ROOT / "data/site.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == repository_of(site["repository"])
    assert config["local_backend"]["url"] == "http://127.0.0.1:8081/api/v1"
    assert editor_config(ROOT, local_port=9123)["local_backend"]["url"] == "http://127.0.0.1:9123/api/v1"


def test_the_repository_is_read_from_its_github_address_or_left_as_a_placeholder():
    assert repository_of("https://github.com/redtrasex/sitio") == "redtrasex/sitio"
    assert repository_of("https://github.com/a-b/c.d.git") == "a-b/c.d"
    assert repository_of("https://example.org/x") == REPOSITORY_PLACEHOLDER
    assert repository_of(None) == REPOSITORY_PLACEHOLDER


def test_the_written_configuration_is_plain_yaml_with_no_aliases():
    text = editor_config_yaml(ROOT)
    assert text.startswith("# ") and "&id" not in text and "*id" not in text
    assert yaml.safe_load(text) == editor_config(ROOT)


def test_coded_values_are_shown_by_the_interface_texts_readers_see(config):
    ui = yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))
    laws = next(f for f in fields_of(config, "paises") if f["name"] == "laws")
    status = next(f for f in laws["fields"] if f["name"] == "status")
    enum = SCHEMAS["country.schema.json"]["properties"]["laws"]["items"]["properties"]["status"]["enum"]
    assert status["options"] == [{"label": ui[f"law_status_{code}"]["es"], "value": code} for code in enum]
    kind = next(f for f in fields_of(config, "materiales") if f["name"] == "type")
    assert {o["value"] for o in kind["options"]} == set(SCHEMAS["material.schema.json"]["properties"]["type"]["enum"])
    assert all(o["label"] == ui[f"material_type_{o['value']}"]["es"] for o in kind["options"])

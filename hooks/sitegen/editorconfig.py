"""The form editor's configuration (`admin/config.yml`, Decap CMS), made from the data model.

Nothing here lists a data field: every field comes from the JSON Schemas in `schemas/`
(its label and hint from the schema's `x-label-es`, `x-description-es` and `description`),
every answer from the indicator catalogue (`data/indicators.yml`: one field per indicator,
a select showing the labels of its scale) and every interface text from `uitexts.KEYS`.
A new indicator, field or text appears in the editor at the next build.

What is decided here is only how a kind of schema is shown: a text in three languages as
three fields (Español, English, Português), a list of objects as a list, an `enum` as a
select, a date as a date picker writing YYYY-MM-DD. Every field that the schema does not
require is optional in the form too, and so is everything inside it: Decap validates the
fields of an object even when the object is left empty.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from referencing import Registry, Resource

from .project import Project
from .uitexts import KEYS as UI_KEYS, PLACEHOLDERS
from .yamlsource import load_yaml

LANGUAGE_LABELS = (("es", "Español"), ("en", "English"), ("pt", "Português"))
UNKNOWN = "unknown"
# What the build writes when data/site.yml does not name a GitHub repository yet.
REPOSITORY_PLACEHOLDER = "POR-CONFIRMAR/repositorio"
DEFAULT_LOCAL_PORT = 8081
_GITHUB = re.compile(r"^https://github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?$")


@dataclass
class _Context:
    """What the fields of one schema need: how to follow its `$ref`s, and the open maps
    (objects whose keys the schema does not list) with the keys they get, as fields."""

    registry: Registry
    open_maps: dict = field(default_factory=dict)  # path of the map -> [(key, label, hint, overrides)]
    # data/ui.yml as read (a plain dict, not context.Ui): the labels of coded values (`x-ui-labels`)
    ui_yml: dict = field(default_factory=dict)


def _schemas(folder: Path) -> tuple[Registry, dict[str, dict]]:
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.schema.json"))}
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values() if "$id" in s)
    return registry, schemas


def _resolve(schema: dict, ctx: _Context, base: str) -> tuple[dict, str]:
    """`schema` with its `$ref` followed (its own keywords win), and the base of what it holds."""
    while "$ref" in schema:
        resolved = ctx.registry.resolver(base_uri=base).lookup(schema["$ref"])
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        base = resolved.resolver._base_uri or base
        schema = {**resolved.contents, **rest}
    return schema, base


def _is_text(schema: dict) -> bool:
    """A text in each language (common.schema.json#/$defs/text)."""
    return schema.get("type") == "object" and set(schema.get("properties", {})) == {code for code, _ in LANGUAGE_LABELS}


def _hint(schema: dict) -> str | None:
    parts = [schema.get("x-description-es"), schema.get("description")]
    parts = [p for p in parts if p]
    return " — ".join(dict.fromkeys(parts)) or None


def _label(name: str, schema: dict) -> str:
    return schema.get("x-label-es") or name.replace("_", " ").capitalize()


def _types(schema: dict) -> list:
    kind = schema.get("type")
    return kind if isinstance(kind, list) else ([kind] if kind else [])


def _without_null(schema: dict, ctx: _Context, base: str) -> tuple[dict, str, bool]:
    """A schema that may also be null (`oneOf: [X, null]`, `type: [X, null]`): X, and True."""
    for key in ("oneOf", "anyOf"):
        options = schema.get(key)
        if options and any(o.get("type") == "null" for o in options):
            others = [o for o in options if o.get("type") != "null"]
            if len(others) == 1:
                inner, inner_base = _resolve(others[0], ctx, base)
                rest = {k: v for k, v in schema.items() if k != key}
                return {**inner, **rest}, inner_base, True
    types = _types(schema)
    if "null" in types:
        left = [t for t in types if t != "null"]
        return {**schema, "type": left[0] if len(left) == 1 else left}, base, True
    if "enum" in schema and None in schema["enum"]:
        return {**schema, "enum": [v for v in schema["enum"] if v is not None]}, base, True
    return schema, base, False


def _text_field(name: str, label: str, hint: str | None, required: bool) -> dict:
    subfields = [{"name": code, "label": language, "widget": "text",
                  "required": required and code == "es"} for code, language in LANGUAGE_LABELS]
    widget = {"name": name, "label": label, "widget": "object", "collapsed": False, "fields": subfields}
    return _finish(widget, hint, required)


def _finish(widget: dict, hint: str | None, required: bool) -> dict:
    if hint:
        widget["hint"] = hint
    widget["required"] = required
    return widget


def field_for(name: str, schema: dict, required: bool, ctx: _Context, base: str, path: tuple = ()) -> dict:
    """The Decap field for property `name` described by `schema`."""
    own_hint = _hint(schema)  # a text's hint is the field's own: not the same words on every text
    schema, base = _resolve(schema, ctx, base)
    schema, base, nullable = _without_null(schema, ctx, base)
    required = required and not nullable
    label, hint = _label(name, schema), _hint(schema)
    if _is_text(schema):
        return _text_field(name, label, own_hint, required)
    widget: dict = {"name": name, "label": label}
    types = _types(schema)
    if "enum" in schema:
        widget |= {"widget": "select", "options": _options(schema, ctx)}
    elif "object" in types or "properties" in schema or path in ctx.open_maps:
        widget |= {"widget": "object", "collapsed": False, "fields": _object_fields(schema, ctx, base, path, required)}
    elif "array" in types:
        items, items_base = _resolve(schema.get("items", {"type": "string"}), ctx, base)
        inner = field_for("item", items, True, ctx, items_base, path + ("[]",))
        if inner["widget"] == "object" and not _is_text(items):
            widget |= {"widget": "list", "collapsed": True, "fields": inner["fields"]}
        elif inner["widget"] == "string" and "pattern" not in inner:
            widget |= {"widget": "list"}  # plain texts: one box, separated by commas (ids, codes)
            hint = " — ".join(filter(None, [hint, "Separa los valores con comas / Separate the values with commas"]))
        else:
            inner.pop("required", None)
            inner["label"] = label
            widget |= {"widget": "list", "field": inner}
        # A text or a list (a material's countries: «all» or codes): the form writes a list.
    elif "boolean" in types:
        widget |= {"widget": "boolean"}
    elif "integer" in types or "number" in types:
        widget |= {"widget": "number", "value_type": "int" if "integer" in types else "float"}
        for key, decap in (("minimum", "min"), ("maximum", "max")):
            if key in schema:
                widget[decap] = schema[key]
    elif schema.get("format") == "date":
        # Written as the data write dates: 2026-11-29, with no time.
        widget |= {"widget": "datetime", "date_format": "YYYY-MM-DD", "time_format": False, "format": "YYYY-MM-DD"}
    else:
        widget |= {"widget": "string"}
        if "pattern" in schema:
            widget["pattern"] = [schema["pattern"], hint or schema["pattern"]]
    return _finish(widget, hint, required)


def _options(schema: dict, ctx: _Context) -> list:
    """An enum's values; with `x-ui-labels: prefix_`, each shown by the interface text
    `prefix_<value>` of data/ui.yml (the words readers see), stored as its code."""
    prefix = schema.get("x-ui-labels")
    if not prefix:
        return list(schema["enum"])
    return [{"label": ((ctx.ui_yml.get(f"{prefix}{code}") or {}).get("es") or str(code)), "value": code}
            for code in schema["enum"]]


def _object_fields(schema: dict, ctx: _Context, base: str, path: tuple, required: bool) -> list[dict]:
    needed = set(schema.get("required", ())) if required else set()
    fields = [field_for(key, sub, key in needed, ctx, base, path + (key,))
              for key, sub in schema.get("properties", {}).items()]
    if path in ctx.open_maps:  # keys the schema leaves open, each given by the catalogue or KEYS
        value_schema = schema.get("additionalProperties", {})
        for key, label, hint, overrides in ctx.open_maps[path]:
            made = field_for(key, value_schema, required, ctx, base, path + (key,))
            made["label"] = label
            if hint:
                made["hint"] = hint
            for sub in made.get("fields", ()):
                sub.update(overrides.get(sub["name"], {}))
            fields.append(made)
    return fields


def _root_fields(schema_name: str, ctx: _Context, schemas: dict) -> list[dict]:
    schema = schemas[schema_name]
    return _object_fields(schema, ctx, schema.get("$id", schema_name), (), True)


# -- What the data add: the catalogue's answers, the interface texts' keys ----------
def _read(path: Path, root: Path):
    doc, problems = load_yaml(path, root)
    return doc.data if not problems and isinstance(doc.data, dict) else {}


def _answer_fields(catalogue: dict, unknown_label: str) -> list:
    """One entry per indicator of the catalogue: its question as the label, its explanation
    as the hint, and its value a select of the scale's labels plus «unknown»."""
    scales = catalogue.get("scales") or {}
    entries = []
    for group in catalogue.get("groups") or ():
        group_title = (group.get("title") or {}).get("es", "")
        for indicator in group.get("indicators") or ():
            options = [{"label": (v.get("label") or {}).get("es") or v["code"], "value": v["code"]}
                       for v in scales.get(indicator.get("scale"), ())]
            options.append({"label": unknown_label, "value": UNKNOWN})
            question = (indicator.get("question") or {}).get("es") or indicator["id"]
            explanation = (indicator.get("explanation") or {}).get("es")
            entries.append((indicator["id"], f"{group_title}: {question}" if group_title else question, explanation,
                            {"value": {"widget": "select", "options": options, "default": UNKNOWN}}))
    return entries


def _ui_fields(ui_yml: dict) -> list:
    """Every interface text the site reads, in the order of data/ui.yml (then the missing ones)."""
    order = [key for key in ui_yml if key in UI_KEYS] + sorted(UI_KEYS - set(ui_yml))
    return [(key, key, _placeholder_hint(PLACEHOLDERS.get(key, ())), {}) for key in order]


def _placeholder_hint(names: tuple) -> str | None:
    if not names:
        return None
    words = " ".join("{" + name + "}" for name in names)
    return (f"{words}: las completa el sitio; déjalas tal cual, sin traducir — "
            f"filled in by the site: keep them as they are, untranslated")


def repository_of(url: str | None) -> str:
    """`owner/name` of a GitHub address, or the placeholder until data/site.yml names one."""
    found = _GITHUB.match(url or "")
    return f"{found.group(1)}/{found.group(2)}" if found else REPOSITORY_PLACEHOLDER


def editor_config(root: Path, *, local_port: int = DEFAULT_LOCAL_PORT) -> dict:
    """Decap CMS's configuration for the project at `root`, as a plain dict."""
    project = Project(root)
    registry, schemas = _schemas(project.schemas)
    catalogue = _read(project.data / "indicators.yml", project.root)
    ui_yml = _read(project.data / "ui.yml", project.root)  # named apart from ctx.ui (tests/test_ui_texts.py)
    site = _read(project.data / "site.yml", project.root)
    unknown_label = ((ui_yml.get("no_verified_information") or {}).get("es")) or "Sin información verificada"

    def fields(schema_name: str, open_maps: dict | None = None) -> list[dict]:
        return _root_fields(schema_name, _Context(registry, open_maps or {}, ui_yml), schemas)

    def yaml_file(name: str, label: str, file: str, schema_name: str, open_maps=None) -> dict:
        description = schemas[schema_name].get("x-description-es") or schemas[schema_name].get("description", "")
        return {"name": name, "label": label, "description": description, "editor": {"preview": False},
                "files": [{"name": name, "label": label, "file": file, "fields": fields(schema_name, open_maps)}]}

    backend = {"name": "github", "repo": repository_of(site.get("repository")), "branch": "main",
               "open_authoring": True}
    if site.get("editor_login_url"):  # a self-hosted login relay; without it, Netlify's
        backend["base_url"] = site["editor_login_url"]
    folder_common = {"format": "yml", "extension": "yml", "create": False, "delete": False,
                     "editor": {"preview": False}}
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        # `make edit`: decap-server writes to the working tree (used only on 127.0.0.1/localhost).
        "local_backend": {"url": f"http://127.0.0.1:{local_port}/api/v1", "allowed_hosts": ["127.0.0.1", "localhost"]},
        "locale": "es",
        "show_preview_links": False,
        "media_folder": "docs/materiales/files",
        "public_folder": "/materiales/files",
        "collections": [
            {"name": "paises", "label": "Perfiles de países", "label_singular": "Perfil de país",
             "description": schemas["country.schema.json"].get("x-description-es", ""),
             "folder": "data/countries", "identifier_field": "organization.name", "summary": "{{filename}} — {{organization.name}}", **folder_common,
             "fields": fields("country.schema.json", {("indicators",): _answer_fields(catalogue, unknown_label)})},
            {"name": "materiales", "label": "Materiales", "label_singular": "Material",
             "description": schemas["material.schema.json"].get("x-description-es", ""),
             "folder": "data/materials", "identifier_field": "id", "summary": "{{id}}", **folder_common,
             "fields": fields("material.schema.json")},
            yaml_file("campana", "Página de la campaña", "data/campaign.yml", "campaign.schema.json"),
            yaml_file("textos", "Textos de la interfaz", "data/ui.yml", "ui.schema.json", {(): _ui_fields(ui_yml)}),
            yaml_file("ajustes", "Ajustes del sitio", "data/site.yml", "site.schema.json"),
        ],
    }


HEADER = ("# Made by the build from schemas/ and data/indicators.yml (hooks/sitegen/editorconfig.py):\n"
          "# do not edit. Hecho por el sitio a partir de schemas/ y data/indicators.yml: no lo edites.\n")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):  # the same options twice are written twice, not as &id001
        return True


def editor_config_yaml(root: Path, *, local_port: int = DEFAULT_LOCAL_PORT) -> str:
    return HEADER + yaml.dump(editor_config(root, local_port=local_port), Dumper=_Dumper, allow_unicode=True,
                              sort_keys=False, width=120)

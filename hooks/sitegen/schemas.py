"""Checks a data file against its JSON Schema (schemas/*.schema.json) and explains each
failure to an editor in Spanish and English, at the line where it happens."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import jsonschema
from referencing import Registry, Resource

from .problems import Problem
from .yamlsource import YamlDocument

TYPE_NAMES = {
    "string": ("un texto", "a text"),
    "integer": ("un número entero", "a whole number"),
    "number": ("un número", "a number"),
    "boolean": ("true o false", "true or false"),
    "object": ("una lista de campos «clave: valor»", "a mapping of 'key: value' fields"),
    "array": ("una lista (líneas que empiezan con «- »)", "a list (lines starting with '- ')"),
    "null": ("null (vacío)", "null (empty)"),
}


def _whole_pattern(validator, pattern, instance, schema):
    """`pattern`, matched against the whole text: Python's `$` also matches before a final
    line break, so "https://x\\n" or an id "salud\\n" would pass the schemas' `^...$`."""
    if validator.is_type(instance, "string") and not re.fullmatch(pattern, instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _whole_pattern})


class Schemas:
    """The JSON Schemas of one project (`schemas/*.schema.json`), each read and compiled once."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._registry: Registry | None = None
        self._validators: dict[str, jsonschema.Draft202012Validator] = {}

    def _read(self, name: str) -> dict:
        return json.loads((self.folder / name).read_text(encoding="utf-8"))

    def validator(self, schema_name: str) -> jsonschema.Draft202012Validator:
        if schema_name not in self._validators:
            if self._registry is None:
                schemas = [self._read(path.name) for path in sorted(self.folder.glob("*.schema.json"))]
                self._registry = Registry().with_resources(
                    (schema["$id"], Resource.from_contents(schema)) for schema in schemas)
            self._validators[schema_name] = _Validator(
                self._read(schema_name), registry=self._registry,
                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        return self._validators[schema_name]

    def source_types(self) -> tuple[str, ...]:
        """The kinds of source a country file may cite, in the schema's order (its one description)."""
        schema = self._read("country.schema.json")
        return tuple(schema["properties"]["sources"]["items"]["properties"]["type"]["enum"])


def suggestion(word: str, choices) -> tuple[str, str]:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.5)
    if not close:
        return "", ""
    return f" (¿querías decir «{close[0]}»?)", f' (did you mean "{close[0]}"?)'


def not_one_of(doc: YamlDocument, path: tuple, value, choices, what_es: str, what_en: str) -> Problem:
    """«value» is not a <what>; expected one of: ... (did you mean ...?)"""
    choices = list(choices)
    es, en = suggestion(value, choices)
    return doc.problem(path, f"«{value}» no es {what_es}; se espera uno de: {', '.join(choices)}{es}",
                       f"\"{value}\" is not {what_en}; expected one of: {', '.join(choices)}{en}")


def _types(expected) -> tuple[str, str]:
    names = [TYPE_NAMES.get(t, (t, t)) for t in ([expected] if isinstance(expected, str) else expected)]
    return " o ".join(n[0] for n in names), " or ".join(n[1] for n in names)


def _explain(error: jsonschema.ValidationError) -> tuple[str, str, tuple]:
    """Spanish and English message, and the path to point at, for one schema error."""
    path = tuple(error.absolute_path)
    value = error.instance
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        return (f"falta el campo obligatorio «{missing}»", f"required field '{missing}' is missing", path)
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extras = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        name = extras[0] if extras else "?"
        es_hint, en_hint = suggestion(name, allowed)
        expected = ", ".join(allowed)
        return (f"el campo «{name}» no existe aquí; se espera uno de: {expected}{es_hint}",
                f"field '{name}' is not allowed here; expected one of: {expected}{en_hint}",
                path + (name,))
    if kind == "type":
        es, en = _types(error.validator_value)
        return (f"«{value}» no es válido; se espera {es}", f"'{value}' is not valid; expected {en}", path)
    if kind == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        es_hint, en_hint = suggestion(value, error.validator_value)
        return (f"«{value}» no es un valor permitido; se espera uno de: {options}{es_hint}",
                f"'{value}' is not an allowed value; expected one of: {options}{en_hint}", path)
    if kind == "format" and error.validator_value == "date":
        if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            return (f"«{value}» no es una fecha real (ese día no existe); escribe AAAA-MM-DD, por ejemplo 2026-11-29",
                    f"'{value}' is not a real date (that day does not exist); write YYYY-MM-DD, for example 2026-11-29",
                    path)
        return (f"«{value}» no está escrita como fecha AAAA-MM-DD; escríbela así, por ejemplo 2026-11-29",
                f"'{value}' is not written as a YYYY-MM-DD date; write it that way, for example 2026-11-29", path)
    if kind == "pattern" and "@" in error.validator_value:
        return (f"{value!r} no es una dirección de correo válida: escribe solo nombre@dominio, sin espacios, "
                "«?», «&» ni comillas",
                f"{value!r} is not a valid e-mail address: write only name@domain, with no spaces, '?', '&' or quotes",
                path)
    if kind == "pattern" and error.validator_value.startswith("^[a-z0-9"):
        joiner_es, joiner_en, example = (("guiones bajos", "underscores", "test_free") if "_" in error.validator_value
                                         else ("guiones", "hyphens", "ley-27675"))
        return (f"{value!r} no es válido: un identificador lleva solo minúsculas, números y {joiner_es}, sin "
                f"espacios ni saltos de línea (ej.: {example})",
                f"{value!r} is not valid: an id holds only lower-case letters, digits and {joiner_en}, with no "
                f"spaces or line breaks (e.g. {example})", path)
    if kind == "pattern" and "http" in error.validator_value:
        return (f"«{value}» no es una dirección web; debe empezar con https://",
                f"'{value}' is not a web address; it must start with https://", path)
    if kind in ("minLength", "minItems"):
        return ("está vacío; escribe un valor", "is empty; write a value", path)
    if kind == "oneOf":
        # Only our "url or null" and "date or null" alternatives use oneOf.
        return (f"«{value}» no es válido; se espera una dirección https://, una fecha AAAA-MM-DD o null",
                f"'{value}' is not valid; expected an https:// address, a YYYY-MM-DD date or null", path)
    return (f"valor no válido: {error.message}", f"invalid value: {error.message}", path)


def schema_problems(doc: YamlDocument, schema_name: str, schemas: Schemas) -> list[Problem]:
    problems = []
    for error in schemas.validator(schema_name).iter_errors(doc.data):
        es, en, path = _explain(error)
        problems.append(doc.problem(path, es, en))
    return problems

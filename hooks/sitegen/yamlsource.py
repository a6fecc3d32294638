"""Reads a YAML file into plain Python values, remembering where each value was written.

Editors need `file:line:col` in every message, so we keep the YAML node marks that
PyYAML's safe_load throws away. Duplicate keys and tabs, which PyYAML accepts or
reports obscurely, become clear problems; what a hostile file could do (aliases that
expand, hidden characters, keys that are lists) is refused first (`yamlrules`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem
from .yamlrules import (character_problems, escaped_character_problem, key_problem, reader_problem,
                        structure_problems, undecodable_problem)

Path_ = tuple  # a path into the data: ("indicators", "test_free", "value")


@dataclass
class YamlDocument:
    """A parsed YAML file: its data and the (line, column) of every value, by path."""

    file: str
    data: object
    positions: dict = field(default_factory=dict)

    def where(self, path: Path_) -> tuple[int, int]:
        """Line and column (1-based) of the value at `path`, or of its nearest parent."""
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: Path_, message_es: str, message_en: str) -> Problem:
        line, column = self.where(path)
        return Problem(self.file, line, column, dotted(path), message_es, message_en)


def dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# libyaml's parser when PyYAML has it (its wheels do): ten times faster, same marks.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The first tab in the white space that starts a line (a line's own end is "\n" only).
_TAB_IN_INDENT = re.compile(r"^[^\S\n]*?\t", re.M)


class _EditorLoader(_Base):
    """Safe loader tuned for editors.

    Dates stay text (the schema checks them, so `2026-02-30` is a clear message, not a
    crash), and only `true`/`false` are booleans: YAML 1.1 would read an unquoted
    `yes` or `no` answer as a boolean. Numbers are read as YAML 1.2 writes them, which is
    how the form editor (Decap CMS) writes a file: `10:30`, `1_000` or `=` left unquoted
    there are texts, not YAML 1.1's base-60 and underscored numbers or its `=` value.
    """


_REPLACED = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
             "tag:yaml.org,2002:float", "tag:yaml.org,2002:value")
_EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
_EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_EditorLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?=[eE]))(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"))


def _construct(node: yaml.Node, loader: yaml.SafeLoader, path: Path_, doc: YamlDocument, problems: list):
    doc.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            refused = key_problem(key_node, doc.file, dotted(path))
            if refused:
                problems.append(refused)
                continue
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, (dt.date, bool, int, float)) or key is None:
                key = str(key_node.value)
            if key in result:
                first = doc.positions.get(path + (key,), (0, 0))[0]
                problems.append(Problem(
                    doc.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    dotted(path + (key,)),
                    f"la clave «{key}» está repetida (ya aparece en la línea {first}); deja una sola",
                    f"duplicate key '{key}' (already on line {first}); keep only one",
                ))
                continue
            result[key] = _construct(value_node, loader, path + (key,), doc, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, loader, path + (i,), doc, problems) for i, item in enumerate(node.value)]
    value = loader.construct_object(node, deep=True)
    if isinstance(value, str) and node.style == '"':  # only double quotes read escapes
        hidden = escaped_character_problem(value, node, doc.file, dotted(path))
        if hidden:
            problems.append(hidden)
    return value


def load_yaml(path: Path, root: Path) -> tuple[YamlDocument, list[Problem]]:
    """Parses `path`; returns the document and the problems found (never raises on bad YAML)."""
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    doc = YamlDocument(rel, None)
    problems: list[Problem] = []
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return doc, [undecodable_problem(data, err, rel)]
    for tab in _TAB_IN_INDENT.finditer(text):
        number = text.count("\n", 0, tab.start()) + 1
        problems.append(Problem(rel, number, len(tab.group()), "",
                                "hay un tabulador al comienzo de la línea; YAML usa espacios para sangrar",
                                "a tab starts this line; YAML indents with spaces"))
    problems += character_problems(text, rel)
    if problems:
        return doc, problems
    try:
        problems += structure_problems(text, rel, _EditorLoader)
    except yaml.MarkedYAMLError as err:
        return doc, [_syntax_problem(err, rel)]
    except yaml.reader.ReaderError as err:
        return doc, [reader_problem(text, err, rel)]
    if problems:
        return doc, problems
    loader = _EditorLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            doc.data = _construct(node, loader, (), doc, problems)
    except yaml.MarkedYAMLError as err:
        problems.append(_syntax_problem(err, rel))
    finally:
        loader.dispose()
    return doc, problems


def _syntax_problem(err: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = err.problem or "error de sintaxis"
    return Problem(
        file, line, column, "",
        f"YAML no válido: {what}; revisa comillas, dos puntos y sangría en esta línea o la anterior",
        f"invalid YAML: {what}; check quotes, colons and indentation on this line or the one before",
    )

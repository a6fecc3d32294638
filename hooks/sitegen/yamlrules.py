"""What a data file may not hold, checked before any value is built from it.

Anyone can propose a data file, and a reviewer reads the YAML, not what a parser makes
of it. So, on the text: no invisible characters that change how a line reads (bidi
overrides and isolates, control characters, line separators). On the YAML events: no
tag other than YAML's plain types, no nesting deeper than a data file needs, and aliases
(`*name`, which repeat what `&name` marked) kept few, never recursive and never growing
the data much: a "billion laughs" file is refused in milliseconds, before it expands.
"""

from __future__ import annotations

import re

import yaml

from .problems import Problem

MAX_ALIASES = 20  # the data use none; a few are tolerated
MAX_ALIAS_VALUES = 10_000  # values aliases may add, all together
MAX_DEPTH = 40  # the deepest real file nests 6 levels
MAX_CHARACTER_PROBLEMS = 5  # per file: one hidden character is usually many

_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {None, "!", *(_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))}

# Invisible characters that can make a line read differently from what it holds. The
# left-to-right and right-to-left marks (U+200E, U+200F) are allowed: they only mark a
# direction and cannot reorder the text around them.
HIDDEN = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE", "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR",
}


def _hidden_name(char: str) -> str | None:
    if char in HIDDEN:
        return HIDDEN[char]
    code = ord(char)
    if (code < 0x20 and char not in "\t\n\r") or 0x7F <= code <= 0x9F:
        return "CONTROL CHARACTER"
    return None


# Any character _hidden_name() names: most files have none, and are then read once, fast.
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(HIDDEN) + "]")


def character_problems(text: str, file: str) -> list[Problem]:
    """Bidi controls and other invisible characters, each at its line and column."""
    problems: list[Problem] = []
    if not _SUSPECT.search(text):
        return problems
    for number, line in enumerate(text.split("\n"), start=1):
        for column, char in enumerate(line.rstrip("\r"), start=1):
            name = _hidden_name(char)
            if name is None:
                continue
            if len(problems) == MAX_CHARACTER_PROBLEMS:
                problems.append(Problem(file, number, column, "", "hay más caracteres invisibles en el archivo",
                                        "there are more invisible characters in the file"))
                return problems
            code = f"U+{ord(char):04X} {name}"
            problems.append(Problem(
                file, number, column, "",
                f"hay un carácter invisible ({code}) que puede cambiar cómo se lee el texto; bórralo",
                f"an invisible character ({code}) can change how the text reads; delete it"))
    return problems


def escaped_character_problem(value: str, node: yaml.Node, file: str, where: str) -> Problem | None:
    """The same characters written as YAML escapes ("\\u202E", "\\x1b", "\\N"): the file's text
    holds only plain letters, so only the parsed value shows them."""
    found = _SUSPECT.search(value)
    if not found:
        return None
    mark = node.start_mark
    code = f"U+{ord(found.group()):04X} {_hidden_name(found.group())}"
    return Problem(file, mark.line + 1, mark.column + 1, where,
                   f"este texto lleva, escrito como código de escape, un carácter invisible ({code}) que "
                   "puede cambiar cómo se lee; bórralo",
                   f"this text holds, written as an escape code, an invisible character ({code}) that can "
                   "change how it reads; delete it")


def _at(event: yaml.Event, file: str, es: str, en: str) -> Problem:
    mark = event.start_mark
    return Problem(file, mark.line + 1, mark.column + 1, "", es, en)


def structure_problems(text: str, file: str, loader) -> list[Problem]:
    """Tags, depth and aliases, from the parser's events (nothing is expanded).

    Raises yaml.YAMLError when the text is not YAML at all (the caller explains it).
    """
    aliases = added = 0
    sizes: dict[str, int] = {}  # anchor -> how many values it stands for, expanded
    open_: list[list] = [[None, 0]]  # collections being read: [anchor, values so far]
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and event.tag not in ALLOWED_TAGS:
            tag = event.tag.replace(_CORE, "!!", 1)
            return [_at(event, file, f"la etiqueta YAML «{tag}» no se usa en los datos; bórrala y escribe "
                                     "el valor tal cual",
                        f"YAML tag '{tag}' is not used in the data; delete it and write the plain value")]
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                return [_at(event, file, f"hay más de {MAX_ALIASES} alias («*nombre») en el archivo; escribe "
                                         "cada valor donde va",
                            f"more than {MAX_ALIASES} aliases ('*name') in the file; write each value where it goes")]
            if any(anchor == event.anchor for anchor, _ in open_):
                return [_at(event, file, f"el alias «*{event.anchor}» está dentro de lo que repite: nunca terminaría; "
                                         "escribe el valor sin alias",
                            f"alias '*{event.anchor}' is inside what it repeats: it would never end; "
                            "write the value without an alias")]
            if event.anchor not in sizes:
                return [_at(event, file, f"el alias «*{event.anchor}» no tiene su ancla «&{event.anchor}» antes",
                            f"alias '*{event.anchor}' has no anchor '&{event.anchor}' before it")]
            added += sizes[event.anchor]
            if added > MAX_ALIAS_VALUES:
                return [_at(event, file, "los alias («*nombre») de este archivo repiten demasiados valores; "
                                         "escribe cada valor donde va",
                            "the aliases ('*name') in this file repeat too many values; write each value where it goes")]
            open_[-1][1] += sizes[event.anchor]
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            open_[-1][1] += 1
        elif isinstance(event, yaml.CollectionStartEvent):
            open_.append([event.anchor, 1])
            if len(open_) > MAX_DEPTH:
                return [_at(event, file, f"los datos están anidados a más de {MAX_DEPTH} niveles; revisa la sangría",
                            f"the data nest more than {MAX_DEPTH} levels deep; check the indentation")]
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, count = open_.pop()
            if anchor:
                sizes[anchor] = count
            open_[-1][1] += count
    return []


def key_problem(key_node: yaml.Node, file: str, where: str) -> Problem | None:
    """A mapping key must be a plain name: not a list, a mapping, or YAML's merge key `<<`."""
    mark = key_node.start_mark
    if not isinstance(key_node, yaml.ScalarNode):
        return Problem(file, mark.line + 1, mark.column + 1, where,
                       "una clave tiene que ser un nombre simple, no una lista ni un bloque «clave: valor»",
                       "a key must be a plain name, not a list or a 'key: value' block")
    if key_node.tag == _CORE + "merge":
        return Problem(file, mark.line + 1, mark.column + 1, where,
                       "«<<» (combinar con un alias) no se usa en los datos; escribe cada campo",
                       "'<<' (merging an alias) is not used in the data; write each field")
    return None


def undecodable_problem(data: bytes, err: UnicodeDecodeError, file: str) -> Problem:
    """Where the first byte that is not UTF-8 is, as a line and column."""
    start = err.start
    line_start = data.rfind(b"\n", 0, start) + 1
    line = data.count(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    byte = f"0x{data[start]:02X}"
    return Problem(file, line, column, "",
                   f"el archivo no está en UTF-8 (el byte {byte} no es un carácter válido); guárdalo con la "
                   "codificación UTF-8 y revisa las letras con acento de esta línea",
                   f"the file is not UTF-8 (byte {byte} is not a valid character); save it with the UTF-8 "
                   "encoding and check the accented letters on this line")


def reader_problem(text: str, err: yaml.reader.ReaderError, file: str) -> Problem:
    """A character the YAML reader refuses, at its line and column."""
    position = min(max(err.position, 0), len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return Problem(file, line, column, "",
                   f"hay un carácter que YAML no acepta (U+{err.character:04X}); bórralo",
                   f"YAML does not accept a character here (U+{err.character:04X}); delete it")

"""Reads one data file: its YAML (with the place of every value) checked against its schema.

Used by both loaders (`load.py` for the site's data, `materials.py` for the campaign
materials). Each file is parsed and checked once per version of its bytes and of the
schemas (`cache.py`): under `mkdocs serve`, editing one country re-reads that file only.
"""

from __future__ import annotations

from pathlib import Path

from .cache import ContentCache
from .problems import Problem
from .project import Project
from .schemas import Schemas, schema_problems
from .yamlsource import YamlDocument, load_yaml


class DataReader:
    def __init__(self, project: Project, cache: ContentCache | None = None):
        self.project = project
        self.cache = cache or ContentCache()

    @property
    def schemas(self) -> Schemas:
        folder = self.project.schemas
        return self.cache.get(("schemas", folder), self.cache.digest(folder), lambda: Schemas(folder))

    def checked(self, path: Path, schema: str, problems: list[Problem]) -> YamlDocument | None:
        """The document if it exists, parses and matches its schema, else None (problems added)."""
        doc, valid = self.parsed(path, schema, problems)
        return doc if valid else None

    def parsed(self, path: Path, schema: str, problems: list[Problem]) -> tuple[YamlDocument | None, bool]:
        """The document whenever it parses, and whether it matches its schema."""
        if not path.is_file():
            problems.append(Problem(self.project.relative(path), 1, 1, "",
                                    "falta este archivo y el sitio lo necesita; si se borró, recupéralo",
                                    "this file is missing and the site needs it; if it was deleted, restore it"))
            return None, False
        version = (self.cache.digest(path), self.cache.digest(self.project.schemas))
        doc, valid, found = self.cache.get(("data file", path, schema), version,
                                           lambda: self._parse_and_check(path, schema))
        problems.extend(found)
        return doc, valid

    def _parse_and_check(self, path: Path, schema: str) -> tuple[YamlDocument | None, bool, list[Problem]]:
        doc, found = load_yaml(path, self.project.root)
        if doc.data is None and not found:
            return None, False, [Problem(doc.file, 1, 1, "", "el archivo está vacío", "the file is empty")]
        if doc.data is None:
            return None, False, found  # not YAML at all: nothing more can be checked
        # A duplicate key still leaves usable data: check the rest too, so that every
        # problem is reported at once.
        invalid = schema_problems(doc, schema, self.schemas)
        return doc, not invalid, found + invalid

"""Where everything the site is made from lives, from one root: the repository, or a copy.

Every path the code reads is derived here, so a tool, a test or the build given another
root (a copy of the project with edited data) reads that copy and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]  # the default root, for command-line tools


@dataclass(frozen=True)
class Project:
    root: Path

    def __post_init__(self):
        object.__setattr__(self, "root", Path(self.root).resolve())

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def schemas(self) -> Path:
        return self.root / "schemas"

    @property
    def geometry_file(self) -> Path:
        """The finer map outlines (locators)."""
        return self.data / "geo" / "latin-america.json"

    @property
    def wide_geometry_file(self) -> Path:
        """The locators' outlines for the big squares (Mexico's, Argentina's, Chile's)."""
        return self.data / "geo" / "latin-america-wide.json"

    @property
    def regional_geometry_file(self) -> Path:
        """The coarser map outlines (maps of the whole region), made from the same source."""
        return self.data / "geo" / "latin-america-regional.json"

    @property
    def templates(self) -> Path:
        """The Jinja templates of the generated pages (hooks/templates/)."""
        return self.root / "hooks" / "templates"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def material_files(self) -> Path:
        return self.docs / "materiales" / "files"

    @property
    def open_data_schema(self) -> Path:
        return self.schemas / "open-data.schema.json"

    @property
    def open_data_country_schema(self) -> Path:
        """The JSON Schema of the per-country files (data/countries/<iso>.json)."""
        return self.schemas / "open-data-country.schema.json"

    @property
    def brief_cache(self) -> Path:
        """Country briefs already made, by the SHA-256 of what they show (briefstore.py)."""
        return self.root / ".cache" / "briefs"

    def relative(self, path: Path) -> str:
        """`path` as an editor reads it in a message: from the root, with forward slashes."""
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else str(path)

"""Work kept from one build to the next, keyed on the content it was made from.

Each value has a slot (what it is: "the parsed data/countries/ar.yml") and a version (the
SHA-256 of the files it was made from, never a modification time). A new version replaces
the old one in its slot, so an edited file is read again, an unchanged one is not, and
stale versions do not pile up under `mkdocs serve`. `new_build()` forgets the files'
digests: the next build reads them again, and sees what `mkdocs serve` saw change.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")


class ContentCache:
    def __init__(self) -> None:
        self._values: dict[Hashable, tuple[Hashable, object]] = {}
        self._digests: dict[Path, str] = {}

    def digest(self, path: Path) -> str:
        """SHA-256 of a file's bytes, or of a folder's files and their names ("" if missing);
        read once per build."""
        if path not in self._digests:
            self._digests[path] = self._tree_digest(path) if path.is_dir() else _file_digest(path)
        return self._digests[path]

    def _tree_digest(self, folder: Path) -> str:
        digest = hashlib.sha256()
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(f"{path.relative_to(folder).as_posix()}\0{self.digest(path)}\n".encode())
        return digest.hexdigest()

    def get(self, slot: Hashable, version: Hashable, compute: Callable[[], T]) -> T:
        """The value in `slot` if it was made from `version`, else computed (and kept) now."""
        kept = self._values.get(slot)
        if kept is None or kept[0] != version:
            kept = (version, compute())
            self._values[slot] = kept
        return kept[1]  # type: ignore[return-value]

    def new_build(self) -> None:
        """Files may have changed since the last build: digest them again."""
        self._digests.clear()


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return ""

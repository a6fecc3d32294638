"""Where country briefs (briefs.py) are kept between commands: `.cache/briefs/<key>.pdf`.

The key is the SHA-256 of what a brief shows and of the code that lays it out, so a file
found under its key is the brief that would be made now: a build reads it instead of
making it again, and only the briefs whose data changed are made. Files are written whole
(to a temporary name, then renamed), so a build stopped half-way leaves no broken brief;
a folder that cannot be written only makes every build make its briefs. Briefs nobody
asked for in 30 days are removed, so the folder does not grow without end.

The store also counts, per build, how many briefs were made and how many read from disk
and the seconds spent on briefs (`make bench` and the tests read them through SITEGEN_TIMINGS).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

from .cache import ContentCache
from .project import REPOSITORY, Project

KEEP_DAYS = 30


class BriefStore:
    def __init__(self, folder: Path):
        self.folder = folder
        self.new_build()

    def new_build(self) -> None:
        self.made = 0
        self.from_disk = 0
        self.seconds = 0.0
        self.asked = 0

    def get(self, key: str, make: Callable[[], bytes]) -> bytes:
        """The brief kept under `key`, or `make()` (then kept)."""
        path = self.folder / f"{key}.pdf"
        try:
            content = path.read_bytes()
        except OSError:
            content = b""
        if content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF"):
            self.from_disk += 1
            try:
                os.utime(path)  # asked for: not to be removed as unused
            except OSError:
                pass
            return content
        content = make()
        self.made += 1
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{key}.{os.getpid()}.tmp")
            partial.write_bytes(content)
            os.replace(partial, path)
        except OSError:
            pass  # a read-only checkout still builds, making its briefs each time
        return content

    def spent(self, seconds: float) -> None:
        self.asked += 1
        self.seconds += seconds

    def figures(self) -> dict[str, float]:
        return {"briefs": self.seconds, "briefs_made": self.made, "briefs_from_disk": self.from_disk,
                "briefs_asked": self.asked}

    def prune(self, now: float | None = None) -> None:
        """Removes the briefs not asked for in KEEP_DAYS days."""
        limit = (now or time.time()) - KEEP_DAYS * 86400
        try:
            for path in self.folder.glob("*.pdf"):
                if path.stat().st_mtime < limit:
                    path.unlink(missing_ok=True)
        except OSError:
            pass


def store(cache: ContentCache, project: Project | None) -> BriefStore:
    """The build session's store (one per project, kept in its cache)."""
    folder = (project or Project(REPOSITORY)).brief_cache
    return cache.get(("brief store", folder), None, lambda: BriefStore(folder))

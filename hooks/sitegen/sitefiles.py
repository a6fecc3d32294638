"""Files at the site's root that pages make as they are generated, written after the build.

A profile makes its country's brief (briefs.py) and a map page its standalone SVG
(embedmaps.py) while the page is generated, because the page shows the file's size and
address; extras.py writes every file gathered here once all languages are built. The
collection is kept in the build session's cache and emptied when a build starts, so a
file no page asked for (a country removed) is not written.
"""

from __future__ import annotations

from .cache import ContentCache


class SiteFiles:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}  # path from the site's root -> content

    def add(self, path: str, content: bytes) -> None:
        self.files[path] = content

    def clear(self) -> None:
        self.files.clear()


def site_files(cache: ContentCache) -> SiteFiles:
    return cache.get("site files", None, SiteFiles)

"""The build session: one object for a whole `mkdocs build` or `mkdocs serve` command.

Made by the adapter's `on_startup`, it owns the project (every path, from its root), the
settings read from the environment, the cache shared by every build of the command
(`cache.py`, keyed on content), and the current `Build`: the loaded and validated data and
what is worked out once for all its languages. Plain Python: nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from . import annotations
from . import model as m
from .briefstore import store as brief_store
from .sitefiles import site_files
from .cache import ContentCache
from .context import RenderContext
from .htmlblocks import GeneratedHtml
from .load import fingerprint, load_site
from .problems import DataProblems
from .project import Project
from .admin import editor_missing
from .symlinks import symlink_problems
from .timings import Timings

KEPT_SITE = ("Los datos tienen problemas (ver arriba): se sigue mostrando el último sitio correcto. "
             "/ The data have problems (see above): the last good site is still served.")


@dataclass(frozen=True)
class Settings:
    """What the environment sets for a build, read once at start-up."""

    today: dt.date  # SITE_TODAY=YYYY-MM-DD lets tests and previews pretend another day
    synthetic_codes: bool = False  # SITEGEN_BENCH_SYNTHETIC=1: the benchmark's made-up countries
    offline_bundle: Path | None = None  # OFFLINE_BUNDLE, or the zip `make offline` wrote
    timings_file: str | None = None  # SITEGEN_TIMINGS (scripts/bench.py)
    annotate: bool = False  # on GitHub Actions: problems also as workflow annotations
    site_url: str = ""  # SITE_URL, which mkdocs.yml's site_url also reads: the site's address, if known
    offline: bool = False  # OFFLINE=true (`make offline`): the bundle, which has no form editor

    @classmethod
    def from_environment(cls, project: Project, environ: Mapping[str, str] = os.environ) -> Settings:
        day = environ.get("SITE_TODAY")
        return cls(today=dt.date.fromisoformat(day) if day else dt.date.today(),
                   synthetic_codes=environ.get("SITEGEN_BENCH_SYNTHETIC") == "1",
                   offline_bundle=Path(environ.get("OFFLINE_BUNDLE") or project.root / "offline" / "sitio-sin-conexion.zip"),
                   timings_file=environ.get("SITEGEN_TIMINGS") or None,
                   annotate=environ.get("GITHUB_ACTIONS") == "true",
                   site_url=environ.get("SITE_URL", ""),
                   offline=environ.get("OFFLINE", "").lower() in ("true", "1"))


@dataclass
class Build:
    """One build of every language: its data, and what is worked out once for all of them."""

    site: m.SiteData
    timings: Timings
    generated: set = field(default_factory=set)  # (language, page path) of the pages made from data
    not_found_pages: dict = field(default_factory=dict)  # language -> its 404 page's HTML
    policy: dict = field(default_factory=dict)  # the Content-Security-Policy: "headers" and "meta"
    html_blocks: GeneratedHtml = field(default_factory=GeneratedHtml)  # Markdown's extension (htmlblocks.py)


class BuildSession:
    def __init__(self, root: Path, *, serving: bool, settings: Settings | None = None):
        self.project = Project(root)
        self.serving = serving  # `mkdocs serve`: live reload, which no page policy could allow
        self.settings = settings or Settings.from_environment(self.project)
        self.cache = ContentCache()
        self.build: Build | None = None
        self.watching = False  # `mkdocs serve` after its first build
        self.refused = False  # the last rebuild refused the data (the last good site stays served)

    @property
    def today(self) -> dt.date:
        return self.settings.today

    def start_build(self) -> Build:
        """A new build command or `mkdocs serve` rebuild: the data again, if they changed.
        Raises `DataProblems` (and keeps no build) when they are not sound."""
        self.build = None  # never build from data that failed to load
        self.cache.new_build()
        brief_store(self.cache, self.project).new_build()
        site_files(self.cache).clear()
        timings = Timings()
        links = symlink_problems(self.project.root)  # before MkDocs lists and copies docs/
        if links:
            raise DataProblems(links)
        if not self.settings.offline and (missing := editor_missing(self.project.root)):
            raise DataProblems(missing)  # before anything is built: the site needs the form editor
        version = (fingerprint(self.project, self.cache), self.today, self.settings.synthetic_codes)
        with timings.measure("load_and_validate"):
            site = self.cache.get("site", version, lambda: load_site(self.project.root, self.today, cache=self.cache,
                                                         synthetic_codes=self.settings.synthetic_codes))
        self.build = Build(site, timings)
        return self.build

    def context(self, lang: str, directory_urls: bool) -> RenderContext:
        return RenderContext(self.build.site, lang, self.today, directory_urls, self.cache, self.settings.site_url)

    def refusal(self, problems: DataProblems) -> str:
        """What the build stops with when the data are not sound (after printing them in full
        under `mkdocs serve`, whose filter shows a repeated error only once)."""
        if self.settings.annotate:
            annotations.report(problems.problems)
        if not self.watching:
            return problems.report()
        print(problems.report(), file=sys.stderr, flush=True)
        self.refused = True
        return KEPT_SITE

    def keeping_last_good_site(self, rebuild: Callable[[], None]) -> Callable[[], None]:
        """`mkdocs serve`'s rebuild, which would hold every request until a build succeeds:
        data refused before anything was written leave the last good site whole, so it is
        served."""
        self.watching = True

        def rebuild_or_keep() -> None:
            self.refused = False
            try:
                rebuild()
            except SystemExit:
                if not self.refused:
                    raise

        return rebuild_or_keep

    def offline_bundle(self) -> Path | None:
        path = self.settings.offline_bundle
        return path if path and path.is_file() else None

    def finish_build(self) -> None:
        briefs = brief_store(self.cache, self.project)
        briefs.prune()
        self.build.timings.add(briefs.figures())
        self.build.timings.write(self.settings.timings_file)

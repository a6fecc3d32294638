"""The render context: what every view-model and template of one language needs.

One object per language built (and per call of a tool): the site's data, the language,
the day the site is built for, the URL style (`directory_urls`: "paises/ar/" or
"paises/ar.html"), the site's address if known, the interface texts, the templates, and the cache the build shares
(`cache.py`). Views take it instead of threading each of these through every call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from jinja2 import Environment

from . import model as m
from .cache import ContentCache
from .paths import relative_url, site_file_url
from .project import REPOSITORY, Project
from .render import environment


class Ui:
    """Interface texts for one language: `ui.sources`, `ui["sources"]`."""

    def __init__(self, site: m.SiteData, lang: str):
        self._site, self._lang = site, lang

    def __getattr__(self, key: str) -> str:
        return self._site.ui_text(key, self._lang)

    __getitem__ = __getattr__


def localized(text: m.Text | None, lang: str) -> dict | None:
    """A text in `lang`, with the language it is really in (for the `lang` attribute)."""
    if text is None:
        return None
    value, real_lang = text.get(lang)
    return {"text": value, "lang": real_lang, "translated": real_lang == lang}


@dataclass(frozen=True)
class RenderContext:
    site: m.SiteData
    lang: str
    today: dt.date = field(default_factory=dt.date.today)
    directory_urls: bool = True
    cache: ContentCache = field(default_factory=ContentCache, compare=False, repr=False)
    site_url: str = ""  # SITE_URL, when the site's address is known (citations give full addresses)

    @cached_property
    def ui(self) -> Ui:
        return Ui(self.site, self.lang)

    @property
    def project(self) -> Project:
        return self.site.project or Project(REPOSITORY)

    @property
    def templates(self) -> Environment:
        # Jinja itself notices an edited template (it compares the file's time).
        folder = self.project.templates
        return self.cache.get(("templates", folder), None, lambda: environment(folder))

    def render(self, template: str, **values) -> str:
        """A template of hooks/templates/, given the interface texts and the page's language."""
        return self.templates.get_template(template).render(ui=self.ui, page_lang=self.lang, **values)

    def text(self, value: m.Text | None) -> dict | None:
        return localized(value, self.lang)

    def url(self, from_page: str, to_page: str, anchor: str = "") -> str:
        """A relative link between two pages of this language."""
        return relative_url(from_page, to_page, self.directory_urls, anchor)

    def file_url(self, from_page: str, file_path: str) -> str:
        """A relative link to a file kept once at the site's root (open data, downloads, scripts)."""
        return site_file_url(self.lang, from_page, file_path, self.directory_urls)

    def other(self, lang: str) -> RenderContext:
        """The same build in another language."""
        return RenderContext(self.site, lang, self.today, self.directory_urls, self.cache, self.site_url)

"""The site's content as plain, immutable Python objects (built by `load.py`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .project import Project

LANGUAGES = ("es", "en", "pt")
DEFAULT_LANGUAGE = "es"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Text:
    """A text in the three languages; only Spanish is required."""

    es: str
    en: str | None = None
    pt: str | None = None

    def has(self, lang: str) -> bool:
        return bool(getattr(self, lang))

    def get(self, lang: str) -> tuple[str, str]:
        """The text for `lang` and the language it is really in (Spanish when untranslated)."""
        value = getattr(self, lang)
        return (value, lang) if value else (self.es, DEFAULT_LANGUAGE)

    def missing(self) -> list[str]:
        return [lang for lang in LANGUAGES if not self.has(lang)]

    @classmethod
    def of(cls, raw: dict | None) -> Text | None:
        """A text as the data files write it ({es: ..., en: ..., pt: ...}); None if absent."""
        if not raw:
            return None
        return cls(**{lang: raw[lang] if lang == DEFAULT_LANGUAGE else raw.get(lang) or None for lang in LANGUAGES})


@dataclass(frozen=True)
class ScaleValue:
    code: str
    label: Text


@dataclass(frozen=True)
class Indicator:
    id: str
    group_id: str
    scale_id: str
    values: tuple[ScaleValue, ...]
    question: Text
    explanation: Text
    tones: dict
    key: bool = False
    short: Text | None = None

    def short_title(self, lang: str) -> str:
        return (self.short or self.question).get(lang)[0]

    def scale_value(self, code: str) -> ScaleValue | None:
        return next((v for v in self.values if v.code == code), None)

    def tone(self, code: str) -> str:
        return "unknown" if code == UNKNOWN else self.tones[code]


@dataclass(frozen=True)
class Group:
    id: str
    title: Text
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Catalogue:
    groups: tuple[Group, ...]

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for g in self.groups for i in g.indicators)

    @property
    def key_indicators(self) -> tuple[Indicator, ...]:
        """The answers shown at a glance: countries index, comparison, maps."""
        return tuple(i for i in self.indicators if i.key)

    def indicator(self, indicator_id: str) -> Indicator:
        return next(i for i in self.indicators if i.id == indicator_id)


@dataclass(frozen=True)
class Source:
    id: str
    title: str  # in the document's own language
    publisher: str
    url: str  # the document itself, never a site's home page
    accessed: dt.date
    type: str
    language: str = DEFAULT_LANGUAGE  # of the document, its title and its quote
    date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    law: str | None = None  # id of the law (in the same file) whose text this is
    article: str | None = None
    quote: str | None = None  # verbatim, in `language`


# A law that is no longer in force; anything else in `Law.status` is in force.
LAW_ENDED = ("repealed", "replaced", "struck_down")


@dataclass(frozen=True)
class Verification:
    """A member organization checked one answer."""

    by: str
    on: dt.date


@dataclass(frozen=True)
class Answer:
    indicator_id: str
    value: str
    sources: tuple[str, ...] = ()  # the first is the main source
    disputed: bool = False
    note: Text | None = None
    verified: Verification | None = None

    @property
    def known(self) -> bool:
        return self.value != UNKNOWN


@dataclass(frozen=True)
class Law:
    id: str
    name: str
    status: str  # in_force, repealed, replaced, struck_down
    number: str | None = None
    year: int | None = None
    articles: str | None = None
    url: str | None = None
    repealed_year: int | None = None
    replaced_by: str | None = None  # id of another law of the same country

    @property
    def in_force(self) -> bool:
        return self.status not in LAW_ENDED


@dataclass(frozen=True)
class Organization:
    name: str | None
    website: str | None = None
    contact: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Review:
    last_reviewed: dt.date
    verified_by: str | None = None
    verified_on: dt.date | None = None

    @property
    def verified(self) -> bool:
        return bool(self.verified_by and self.verified_on)


@dataclass(frozen=True)
class ChangeEntry:
    date: dt.date
    text: Text


@dataclass(frozen=True)
class Country:
    iso2: str  # upper case, from the file name
    file: str
    phase: int
    organization: Organization
    summary: Text
    answers: dict  # indicator id -> Answer
    laws: tuple[Law, ...]
    sources: tuple[Source, ...]
    review: Review
    changelog: tuple[ChangeEntry, ...]

    @property
    def slug(self) -> str:
        return self.iso2.lower()

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def law(self, law_id: str) -> Law:
        return next(x for x in self.laws if x.id == law_id)


@dataclass(frozen=True)
class Settings:
    network_name: Text
    slogan: Text
    email: str
    corrections_email: str | None
    city: Text | None
    social: tuple[tuple[str, str], ...]
    repository: str
    quick_exit_url: str
    review_max_age_months: int
    data_license: tuple[str, str] = ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
    contact_confirmed: bool = False  # the addresses above are shown only once confirmed


# -- campaign materials (data/materials/*.yml, data/material-topics.yml, data/campaign.yml) ---

MATERIAL_TYPES = ("poster", "leaflet", "guide", "social_card", "audio", "video")
ALL = "all"  # a file without words, or a material meant for every member country
FILE_LANGUAGES = (*LANGUAGES, ALL)


@dataclass(frozen=True)
class Topic:
    id: str
    label: Text


@dataclass(frozen=True)
class MaterialFile:
    """One downloadable file; size and SHA-256 are read from the file when the data load."""

    language: str  # es, en, pt, or all for a file without words
    format: str  # pdf, svg, png...
    path: str | None = None  # inside docs/materiales/files/
    url: str | None = None  # only for an external video
    external: bool = False
    size_bytes: int | None = None
    sha256: str | None = None
    variant: str | None = None  # story: the same card as a 1080 x 1920 picture, for stories

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name if self.path else self.url.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Licence:
    name: str
    attribution: Text
    url: str | None = None


@dataclass(frozen=True)
class Material:
    id: str
    file: str  # the data file, e.g. data/materials/derechos-prueba-vih.yml
    type: str
    title: Text
    description: Text
    topics: tuple[str, ...]
    countries: tuple[str, ...]  # ("all",) or lower-case member codes
    files: tuple[MaterialFile, ...]
    licence: Licence
    credits: Text
    published: dt.date
    thumbnail: str | None = None

    @property
    def for_all_countries(self) -> bool:
        return ALL in self.countries

    def meant_for(self, iso2: str) -> bool:
        return self.for_all_countries or iso2.lower() in self.countries

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages it can be had in (a file without words counts for all of them)."""
        have = {f.language for f in self.files}
        return tuple(lang for lang in LANGUAGES if lang in have or ALL in have)

    def files_in(self, lang: str) -> tuple[MaterialFile, ...]:
        return tuple(f for f in self.files if f.language in (lang, ALL))


# The files a material may publish, by extension, with the media type a download link names.
MEDIA_TYPES = {"pdf": "application/pdf", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
               "jpeg": "image/jpeg", "webp": "image/webp", "mp3": "audio/mpeg", "ogg": "audio/ogg",
               "mp4": "video/mp4", "webm": "video/webm", "zip": "application/zip"}


@dataclass(frozen=True)
class CampaignMessage:
    id: str
    title: Text
    text: Text


@dataclass(frozen=True)
class Campaign:
    title: Text
    lead: Text
    messages_title: Text
    messages: tuple[CampaignMessage, ...]
    countries_link: Text
    materials_title: Text
    materials_intro: Text
    use_title: Text
    use: tuple[Text, ...]


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from data: its path inside a language folder and its Markdown, whose
    generated HTML blocks are marked for Markdown to leave alone (see htmlblocks.py)."""

    path: str  # e.g. "paises/ar.md"
    markdown: str


@dataclass(frozen=True)
class SiteData:
    """Everything the pages are made from."""

    settings: Settings
    ui: dict  # key -> Text
    catalogue: Catalogue
    countries: tuple[Country, ...]  # sorted by ISO code
    fingerprint: str = ""
    materials: tuple[Material, ...] = ()  # sorted by id
    topics: dict = field(default_factory=dict)  # topic key -> Topic
    campaign: Campaign | None = None
    project: Project | None = None  # where the data were read from
    source_types: tuple[str, ...] = ()  # the kinds of source, in the country schema's order

    def ui_text(self, key: str, lang: str) -> str:
        return self.ui[key].get(lang)[0]

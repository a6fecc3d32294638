"""`make status` and the editors' status page: what is still to translate or to review.

Per language: hand-written pages missing (readers get the Spanish text), data texts
missing (shown in Spanish, marked), and profiles whose review is old or still pending.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import model as m
from .localize import months_between
from .project import REPOSITORY, Project


@dataclass
class Status:
    missing_pages: dict = field(default_factory=dict)  # lang -> [page path]
    missing_texts: dict = field(default_factory=dict)  # lang -> [(file, field)]
    old_reviews: list = field(default_factory=list)  # [(iso2, last_reviewed)]
    pending: list = field(default_factory=list)  # [iso2]


def _texts_of_country(country: m.Country):
    yield "summary", country.summary
    for indicator_id, answer in country.answers.items():
        if answer.note:
            yield f"indicators.{indicator_id}.note", answer.note
    for entry in country.changelog:
        yield f"changelog[{entry.date.isoformat()}].text", entry.text


def _texts_of_catalogue(catalogue: m.Catalogue):
    for group in catalogue.groups:
        yield f"groups.{group.id}.title", group.title
        for indicator in group.indicators:
            yield f"{indicator.id}.question", indicator.question
            yield f"{indicator.id}.explanation", indicator.explanation
            if indicator.short:
                yield f"{indicator.id}.short", indicator.short
            for value in indicator.values:
                yield f"{indicator.id}.{value.code}.label", value.label


def _texts_of_campaign(campaign):
    """Its model follows data/campaign.yml key for key."""
    for key in (f.name for f in dataclasses.fields(campaign)):
        value = getattr(campaign, key)
        if isinstance(value, m.Text):
            yield key, value
        else:
            for n, item in enumerate(value):
                if isinstance(item, m.Text):
                    yield f"{key}[{n}]", item
                else:
                    yield f"{key}[{n}].title", item.title
                    yield f"{key}[{n}].text", item.text


def collect(site: m.SiteData, docs_dir: Path, today: dt.date) -> Status:
    status = Status()
    default = m.DEFAULT_LANGUAGE
    originals = sorted(p.relative_to(docs_dir / default).as_posix() for p in (docs_dir / default).rglob("*.md"))
    texts = [(c.file, name, text) for c in site.countries for name, text in _texts_of_country(c)]
    texts += [("data/indicators.yml", name, text) for name, text in _texts_of_catalogue(site.catalogue)]
    for material in site.materials:
        texts += [(material.file, "title", material.title), (material.file, "description", material.description),
                  (material.file, "licence.attribution", material.licence.attribution),
                  (material.file, "credits", material.credits)]
    if site.campaign:
        texts += [("data/campaign.yml", name, text) for name, text in _texts_of_campaign(site.campaign)]
    for lang in m.LANGUAGES:
        if lang == default:
            continue
        status.missing_pages[lang] = [p for p in originals if not (docs_dir / lang / p).exists()]
        status.missing_texts[lang] = [(file, name) for file, name, text in texts if not text.has(lang)]
    for country in site.countries:
        if months_between(country.review.last_reviewed, today) >= site.settings.review_max_age_months:
            status.old_reviews.append((country.iso2, country.review.last_reviewed))
        if not country.review.verified:
            status.pending.append(country.iso2)
    return status


def report(status: Status) -> str:
    lines = []
    for lang in status.missing_pages:
        lines.append(f"== {lang}: páginas sin traducir / untranslated pages: {len(status.missing_pages[lang])}")
        lines += [f"   docs/{lang}/{p}" for p in status.missing_pages[lang]]
        lines.append(f"== {lang}: textos de datos sin traducir / untranslated data texts: {len(status.missing_texts[lang])}")
        lines += [f"   {file}: {name}" for file, name in status.missing_texts[lang]]
    lines.append(f"== Perfiles con revisión antigua / profiles with an old review: {len(status.old_reviews)}")
    lines += [f"   {iso}: {day.isoformat()}" for iso, day in status.old_reviews]
    lines.append(f"== Perfiles pendientes de verificación / profiles pending verification: {len(status.pending)}")
    if status.pending:
        lines.append("   " + ", ".join(status.pending))
    return "\n".join(lines)


def main(root: Path = REPOSITORY) -> int:
    from .load import load_site
    from .problems import DataProblems
    try:
        site = load_site(root)
    except DataProblems as problems:
        print(problems.report(), file=sys.stderr)
        return 1
    print(report(collect(site, Project(root).docs, dt.date.today())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

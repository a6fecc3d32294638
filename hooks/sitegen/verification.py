"""`make verification-sheet ISO=xx`: the printable sheet on which a national member
organization checks its country's profile, answer by answer, in each language.

What the organization confirms is then recorded in the country file, per answer
(`verified: {by: AMMAR, on: 2027-01-10}`), and the profile shows it.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from . import model as m
from .context import RenderContext
from .load import load_site
from .localize import country_name, long_date
from .problems import DataProblems
from .project import REPOSITORY
from .views import profile_view
OUTPUT_DIR = "verification"


def sheet_html(ctx: RenderContext, country: m.Country) -> str:
    ui, lang = ctx.ui, ctx.lang
    return ctx.render("verification-sheet.html.j2", p=profile_view(ctx, country),
                      title=ui.verification_sheet_title.format(country=country_name(country.iso2, lang)),
                      made=ui.verification_sheet_made.format(date=long_date(ctx.today, lang),
                                                             reviewed=long_date(country.review.last_reviewed, lang)))


def sheet_name(iso2: str, lang: str) -> str:
    return f"hoja-verificacion-{iso2.lower()}-{lang}.html"


def write_sheets(root: Path, iso2: str, today: dt.date, langs=m.LANGUAGES) -> list[Path]:
    site = load_site(root, today)
    country = next((c for c in site.countries if c.slug == iso2.lower()), None)
    if country is None:
        codes = ", ".join(c.slug for c in site.countries)
        raise SystemExit(f"«{iso2}» no es un país de data/countries/; se espera uno de: {codes}\n"
                         f"'{iso2}' is not a country in data/countries/; expected one of: {codes}")
    out = root / OUTPUT_DIR
    out.mkdir(exist_ok=True)
    written = []
    for lang in langs:
        path = out / sheet_name(country.iso2, lang)
        path.write_text(sheet_html(RenderContext(site, lang, today), country), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if not argv or not argv[0].strip():
        print("Escribe el código del país: make verification-sheet ISO=ar\n"
              "Give the country's code: make verification-sheet ISO=ar", file=sys.stderr)
        return 2
    try:
        paths = write_sheets(REPOSITORY, argv[0].strip(), dt.date.today())
    except DataProblems as problems:
        print(problems.report(), file=sys.stderr)
        return 1
    for path in paths:
        print(f"{path.relative_to(REPOSITORY)}")
    print("Ábrela en el navegador e imprímela (o guárdala como PDF). / Open it in a browser and print it (or save it as PDF).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""How to cite the data: a plain-text citation, a BibTeX entry and CSL-JSON, for the whole
dataset (methodology page) or one country's profile.

Each format is escaped for itself here (BibTeX's special characters; JSON by json.dumps);
the templates then escape all three for HTML. The access date is the day the site was
built (`ctx.today`), and the pages say so. The address is the page's own only when the
site's address is known (SITE_URL); a relative one means nothing in a bibliography.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from . import datapackage
from .context import RenderContext
from .localize import country_name, long_date
from .paths import language_prefix, page_url

_BIBTEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "%": r"\%",
                    "#": r"\#", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
_BIBTEX_SPECIAL = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIALS))


def bibtex_text(value: str) -> str:
    """A text as a BibTeX field's value (inside braces): its special characters escaped,
    line breaks and runs of spaces made one space."""
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_SPECIALS[m.group(0)], " ".join(str(value).split()))


def bibtex_url(value: str) -> str:
    """An address in a BibTeX url field (read verbatim): only braces would break it."""
    return str(value).replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


@dataclass(frozen=True)
class Citation:
    key: str  # the BibTeX key and CSL id
    author: str  # the Network: an institution, not a person
    title: str
    container: str | None  # the dataset a profile is part of
    version: str
    issued: dt.date
    accessed: dt.date
    url: str | None
    lang: str
    licence: str  # "CC BY 4.0"
    licence_note: str  # "Licencia de los datos: CC BY 4.0"
    medium: str  # "conjunto de datos, versión 2026.12.01", in the page's language


def plain(c: Citation, ctx: RenderContext) -> str:
    ui = ctx.ui
    dataset = f"{ui.cite_version} {c.version} [{ui.cite_dataset}]"
    parts = [f"{c.author} ({c.issued.year})", c.title]
    parts.append(f"{ui.cite_in}: {c.container}, {dataset}" if c.container else dataset)
    if c.url:
        parts.append(c.url)
    accessed = f"{ui.accessed} {long_date(c.accessed, c.lang)}"
    parts.append(accessed[:1].upper() + accessed[1:])
    return ". ".join(p.rstrip(".") for p in parts) + "."


def bibtex(c: Citation) -> str:
    fields = [("author", "{" + bibtex_text(c.author) + "}"), ("title", "{" + bibtex_text(c.title) + "}")]
    if c.container:
        fields.append(("booktitle", bibtex_text(c.container)))
    fields += [("year", str(c.issued.year)), ("version", bibtex_text(c.version)),
               ("howpublished", bibtex_text(c.medium)), ("publisher", bibtex_text(c.author))]
    if c.url:
        fields.append(("url", bibtex_url(c.url)))
    fields += [("urldate", c.accessed.isoformat()), ("langid", {"es": "spanish", "en": "english", "pt": "brazilian"}[c.lang]),
               ("note", bibtex_text(c.licence_note))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{c.key},\n{body}\n}}"


def _date_parts(day: dt.date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_json(c: Citation) -> str:
    item = {"id": c.key, "type": "dataset", "title": c.title, "author": [{"literal": c.author}],
            "publisher": c.author, "version": c.version, "issued": _date_parts(c.issued),
            "accessed": _date_parts(c.accessed), "language": c.lang, "license": c.licence, "medium": c.medium}
    if c.container:
        item["container-title"] = c.container
    if c.url:
        item["URL"] = c.url
    # One key a line, each value on its line (the dates' nested lists would take ten).
    lines = [f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in item.items()]
    return "[{\n" + ",\n".join(lines) + "\n}]"


def _citation(ctx: RenderContext, key: str, title: str, container: str | None, page: str) -> Citation:
    site, ui = ctx.site, ctx.ui
    version = datapackage.dataset_version(site)
    url = (ctx.site_url.rstrip("/") + "/" + language_prefix(ctx.lang) + page_url(page, ctx.directory_urls)
           if ctx.site_url else None)
    return Citation(key=key, author=site.settings.network_name.get(ctx.lang)[0], title=title, container=container,
                    version=version, issued=datapackage.version_date(site), accessed=ctx.today, url=url,
                    lang=ctx.lang, licence=site.settings.data_license[0],
                    licence_note=f"{ui.license_label}: {site.settings.data_license[0]}",
                    medium=f"{ui.cite_dataset}, {ui.cite_version} {version}")


def dataset_citation(ctx: RenderContext, page: str) -> Citation:
    version = datapackage.dataset_version(ctx.site)
    return _citation(ctx, f"redtrasex-datos-{version}", ctx.ui.cite_dataset_title, None, page)


def profile_citation(ctx: RenderContext, iso2: str, page: str) -> Citation:
    version, ui = datapackage.dataset_version(ctx.site), ctx.ui
    title = ui.cite_profile_title.format(country=country_name(iso2, ctx.lang))
    return _citation(ctx, f"redtrasex-{iso2.lower()}-{version}", title, ui.cite_dataset_title, page)


def cite_view(ctx: RenderContext, c: Citation) -> dict:
    """For the template `cite.html.j2`: the three formats, as plain strings (escaped there)."""
    return {"plain": plain(c, ctx), "bibtex": bibtex(c), "csl": csl_json(c), "version": c.version,
            "accessed": long_date(c.accessed, ctx.lang), "accessed_iso": c.accessed.isoformat()}


def dataset_cite_view(ctx: RenderContext, page: str) -> dict:
    """The whole dataset's citation, for the methodology page (`<!-- sitio:citar -->`)."""
    return {**cite_view(ctx, dataset_citation(ctx, page)), "anchor": "cite",
            "data_url": ctx.file_url(page, datapackage.PACKAGE_PATH), "data_label": ctx.ui.download_package}

"""Each map of a key indicator as a standalone SVG file per language, to embed elsewhere.

`mapas/<indicator>-<lang>.svg` at the site's root (beside the map pages' folder, one
address per language whatever the URL style): the map with its title, its legend, its
data licence and its source line ("Fuente: <network>, <page address>, datos al <date>")
inside the file, as <title>, <desc>, <metadata> and visible text, so the image says where
it comes from wherever it is shown. The map page offers an `<img>` snippet to copy; an
image shown by <img> runs no script and follows no link, and the file holds neither.
"""

from __future__ import annotations

from markupsafe import Markup

from . import model as m
from .briefs import data_date
from .context import RenderContext
from .localize import human_size, long_date
from .maps import STANDALONE_WIDTH, render_standalone_map
from .paths import language_prefix, map_path, page_url
from .regional import regional_geometry
from .sitefiles import site_files

EMBED_WIDTH = 600  # the width the snippet suggests, in CSS pixels


def embed_path(indicator_id: str, lang: str) -> str:
    return f"mapas/{indicator_id}-{lang}.svg"


def page_address(ctx: RenderContext, indicator_id: str) -> tuple[str, bool]:
    """The map page's address, and whether it is complete (SITE_URL known), else its path
    from the site's root."""
    path = language_prefix(ctx.lang) + page_url(map_path(indicator_id))
    return (ctx.site_url.rstrip("/") + "/" + path, True) if ctx.site_url else ("/" + path, False)


def _svg(ctx: RenderContext, indicator: m.Indicator, view: dict) -> tuple[str, int]:
    site, ui = ctx.site, ctx.ui
    outlines = regional_geometry(ctx)
    network = site.settings.network_name.get(ctx.lang)[0]
    licence, licence_url = site.settings.data_license
    newest = max(data_date(c) for c in site.countries)
    source = ui.map_source_line.format(network=network, address=page_address(ctx, indicator.id)[0],
                                       date=long_date(newest, ctx.lang))
    licence_line = ui.map_licence_line.format(licence=licence, url=licence_url)
    regions = [{k: r[k] for k in ("iso2", "name", "value_label", "tone", "symbol")}
               for r in view["regions"] if r["iso2"] in outlines.shapes]
    return render_standalone_map(outlines, regions, title=view["question"], description=ui.map_description_image,
                                 legend=view["legend"], footer=[source, licence_line],
                                 metadata=f"{licence_line}. {source}.", lang=ctx.lang, templates=ctx.templates)


def embed_view(ctx: RenderContext, indicator: m.Indicator, view: dict) -> dict:
    """For the map page: the file's address and size, and the `<img>` snippet to copy.
    `view` is the page's regional.map_view. The file is gathered for extras.py to write."""
    path = embed_path(indicator.id, ctx.lang)
    svg, height = _svg(ctx, indicator, view)  # a few milliseconds: made with its page, like the page's own map
    content = svg.encode("utf-8")
    site_files(ctx.cache).add(path, content)
    page = map_path(indicator.id)
    url, ui = ctx.file_url(page, path), ctx.ui
    src = f"{ctx.site_url.rstrip('/')}/{path}" if ctx.site_url else url
    shown_height = round(EMBED_WIDTH * height / STANDALONE_WIDTH)
    snippet = Markup('<img src="{}" alt="{}" width="{}" height="{}">').format(src, view["question"], EMBED_WIDTH,
                                                                            shown_height)
    return {"url": url, "file": path.rsplit("/", 1)[-1], "snippet": str(snippet), "relative": not ctx.site_url,
            "label": ui.embed_download.format(size=human_size(len(content), ctx.lang))}

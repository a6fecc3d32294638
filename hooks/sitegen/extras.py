"""The files written once a build of every language is done, beside MkDocs' own: each
language's 404 page and search index, the offline bundle, the open data, each language's
feed of legal change (in the offline bundle too, so that every page's link to it works),
the country briefs (PDF, made with the profiles: briefs.py), the embeddable maps (SVG),
the form editor (`admin/`, not in the offline bundle) and `_headers`."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import admin, csp, feeds, headers, model as m, opendata, searchindex
from .compact import compact_stylesheet
from .sitefiles import site_files
from .cache import ContentCache
from .session import Build
from .themecontext import OFFLINE_BUNDLE_URL


def _write(target: Path, content: bytes | str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        target.write_text(content, encoding="utf-8")
    else:
        target.write_bytes(content)


def write_extras(site_dir: Path, build: Build, cache: ContentCache, *, languages: list[str], default: str,
                 offline: bool, bundle: Path | None, site_url: str | None, directory_urls: bool) -> None:
    """`bundle`: the offline zip, copied into the site (not into the offline build itself);
    `site_url`: mkdocs.yml's, for the feeds' links (None or empty: relative links)."""
    site, not_found_pages, bundle = build.site, build.not_found_pages, None if offline else bundle
    # Every language build writes the same /404.html (the last language would win): each
    # language's version was kept, and goes where it belongs.
    for lang, html in not_found_pages.items():
        _write(site_dir / ("404.html" if lang == default else f"{lang}/404.html"), html)
    searchindex.write_split_index(site_dir, languages, default, offline)
    compact_stylesheet(site_dir)  # the built copies of site.css and site-pages.css, minified (offline too)
    if bundle:
        target = site_dir / OFFLINE_BUNDLE_URL
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(bundle, target)
    # Open data, once at the site root for every language.
    for item in opendata.published_files(site, cache):
        _write(site_dir / item.path, item.content)
    for path, content in feeds.feed_files(site, languages, site_url=site_url or "",
                                          directory_urls=directory_urls).items():
        _write(site_dir / path, content)
    # What the pages made as they were generated: the country briefs (PDF) the profiles link
    # to, the standalone maps (SVG) the map pages offer to embed (sitefiles.py).
    for path, content in sorted(site_files(cache).files.items()):
        _write(site_dir / path, content)
    # The form editor: its own page, configuration and policy (admin.py).
    editor_policy = None
    if not offline:
        admin.write_admin(site_dir, site.project.root, site.settings.network_name.get(m.DEFAULT_LANGUAGE)[0],
                          cache=cache)
        editor_policy = csp.admin_policy(admin.local_port())
    # Security headers for hosts that read _headers (the same policy as every page's <meta>).
    readers_headers = headers.security_headers(build.policy["headers"])
    _write(site_dir / "_headers", headers.headers_file(readers_headers, editor_policy))

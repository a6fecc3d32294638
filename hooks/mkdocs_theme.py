"""The MkDocs side of the theme: compiled templates kept between builds, the places a page
can be rendered at (for the Content-Security-Policy's script hashes), and the 404 pages.

Loaded by the adapter (hooks/mkdocs_adapter.py); like it, it imports MkDocs, so it lives
beside it and not in `sitegen/`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from jinja2 import BytecodeCache, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url, normalize_url

import i18n_bridge as i18n
from sitegen import csp
from sitegen.paths import HOME, language_prefix, page_url


class MemoryBytecodeCache(BytecodeCache):
    """Jinja bytecode shared by every language build (and by `mkdocs serve` rebuilds).

    MkDocs makes a new template environment for each build, so Material's templates
    would be compiled again for every language; keyed by the template's source checksum,
    an edited override is still recompiled.
    """

    def __init__(self):
        self._store: dict = {}

    def load_bytecode(self, bucket):
        code = self._store.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code

    def dump_bytecode(self, bucket):
        self._store[(bucket.key, bucket.checksum)] = bucket.code


def is_offline_build(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def security_policy(env: Environment, config: MkDocsConfig, files: Files) -> dict:
    """The policy (for `_headers`), its `<meta>` form (which csp.narrow_to_page trims to each
    page's scripts) and the hashes of the theme's own inline scripts it is made from."""
    hashes = csp.theme_script_hashes(env, ["main.html", *config.theme.static_templates], _base_urls(config, files), config)
    headers = csp.content_security_policy(hashes)
    return {"headers": headers, "meta": csp.meta_policy(headers), "hashes": frozenset(hashes)}


def _base_urls(config: MkDocsConfig, files: Files) -> set[str]:
    """The `base_url` of every page in every language ("." at the root, "../.." two folders
    down), and of the 404 pages: the places a theme script may be rendered for."""
    default = i18n.default_language(config)
    others = tuple(f"{lang}/" for lang in i18n.build_languages(config) if lang != default)
    bases = {not_found_base(config, lang) for lang in i18n.build_languages(config)}
    for file in files.documentation_pages():
        url = file.url
        for prefix in others:
            url = url.removeprefix(prefix)
        bases |= {get_relative_url(".", prefix + url) for prefix in ("", *others)}
    return bases


def not_found_base(config: MkDocsConfig, lang: str) -> str:
    """The base_url of a language's 404 page. A host serves it at any missing address, so
    its links start at the site's root; in the offline bundle, opened as a file from its
    own folder, they are relative to it."""
    if not is_offline_build(config):
        return _root_path(config)
    return "." if lang == i18n.default_language(config) else ".."


def _root_path(config: MkDocsConfig) -> str:
    return urlsplit(config.site_url or "/").path  # the base_url MkDocs gives error pages


def not_found_context(context: dict, config: MkDocsConfig) -> None:
    """The 404 page's links: from its own place (see not_found_base), and a language
    switcher that leads to each language's home page."""
    base = not_found_base(config, i18n.current_language(config))
    if base != context["base_url"]:
        context["base_url"] = base
        context["extra_css"] = [normalize_url(path, None, base) for path in config.extra_css]
        context["extra_javascript"] = [normalize_url(str(script), None, base) for script in config.extra_javascript]
    root = "" if is_offline_build(config) else _root_path(config)
    default = i18n.default_language(config)
    i18n.set_language_switcher(config, [
        {**alternate, "link": root + language_prefix(alternate["lang"], default) + page_url(HOME, config.use_directory_urls)}
        for alternate in i18n.switcher_links(config)])

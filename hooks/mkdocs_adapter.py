"""MkDocs adapter: connects MkDocs and mkdocs-static-i18n to the plain-Python `sitegen` package.

Kept thin on purpose: loading, validating and page generation live in `hooks/sitegen/`,
which does not import MkDocs. Read `../shared/reference/stack-notes.md` before changing
the event priorities: static-i18n runs its own events at -100 and 50, and builds each
language in turn, so every event here from `on_config` to `on_post_build` runs once
per language.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import BytecodeCache
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url, normalize_url

from sitegen import csp, headers, localize, model, opendata, pages, paths, searchindex, status, timings
from sitegen.htmlblocks import GeneratedHtml
from sitegen.load import fingerprint, load_site
from sitegen.problems import DataProblems
from sitegen.symlinks import symlink_problems
from sitegen.render import safe_url
from sitegen.views import Ui

ROOT = Path(__file__).resolve().parent.parent
LOCAL_IFRAME_WORKER = "assets/vendor/iframe-worker-shim.js"
OFFLINE_BUNDLE_URL = "descargas/sitio-sin-conexion.zip"  # where the site publishes it


def _offline_bundle() -> Path | None:
    """The zip `make offline` wrote (OFFLINE_BUNDLE names another), if there is one."""
    path = Path(os.environ.get("OFFLINE_BUNDLE") or ROOT / "offline" / "sitio-sin-conexion.zip")
    return path if path.is_file() else None


def _is_offline_build(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)

# Hooks are loaded once per `mkdocs` command and survive `mkdocs serve` rebuilds: the
# data are loaded once per build (not once per language) and again only when they change.
_cache: dict = {"fingerprint": None, "site": None}
_not_found_pages: dict = {}
_generated: set = set()  # (language, page path) of the pages made from data in this build
_editors_status: dict = {}  # the translation status, worked out once per build
_serve = {"watching": False, "refused": False}  # `mkdocs serve` after its first build; data refused
KEPT_SITE = ("Los datos tienen problemas (ver arriba): se sigue mostrando el último sitio correcto. "
             "/ The data have problems (see above): the last good site is still served.")
_policy: dict = {}  # the Content-Security-Policy, worked out once per build from the templates
_command: dict = {"serving": False}  # set by on_startup


def on_startup(command, dirty):
    # `mkdocs serve` adds its own inline script to every page (live reload), which no
    # policy written in the page could allow: the <meta> policy is left out there.
    _command["serving"] = command == "serve"


def _today() -> dt.date:
    # SITE_TODAY lets tests and previews pretend another day (YYYY-MM-DD).
    override = os.environ.get("SITE_TODAY")
    return dt.date.fromisoformat(override) if override else dt.date.today()


def _load_if_changed() -> model.SiteData:
    current = fingerprint(ROOT)
    if _cache["fingerprint"] != current:
        _cache["site"] = None  # never build from data that failed to load
        with timings.measure("load_and_validate"):
            _cache["site"] = load_site(ROOT, _today(),
                                       synthetic_codes=os.environ.get("SITEGEN_BENCH_SYNTHETIC") == "1")
        _cache["fingerprint"] = current
    return _cache["site"]


def site_data() -> model.SiteData:
    """The data loaded for the current build command (checked in `on_config`)."""
    return _cache["site"]


def _i18n(config):
    return config.plugins["i18n"]


# -- Load and check the data before anything is written -----------------------------
@event_priority(-110)  # after static-i18n has set the language being built
def on_config(config):
    i18n = _i18n(config)
    if not i18n.building:
        # A new build command (or a `mkdocs serve` rebuild): nothing from the last one.
        timings.start_build()
        _generated.clear()
        _editors_status.clear()
        _policy.clear()
    try:
        if not i18n.building:
            # Before MkDocs lists and copies docs/, and even when the data are cached.
            links = symlink_problems(ROOT)
            if links:
                raise DataProblems(links)
        # Once per build command: the other languages' builds reuse what was loaded.
        site = _load_if_changed() if not i18n.building else site_data()
    except DataProblems as problems:
        if os.environ.get("GITHUB_ACTIONS") == "true":
            for problem in problems.problems:
                print(problem.github_annotation())
        if _serve["watching"]:
            # MkDocs prints a build error once per `serve` (its filter drops repeats): an
            # editor needs the whole message after every save.
            print(problems.report(), file=sys.stderr, flush=True)
            _serve["refused"] = True
            raise PluginError(KEPT_SITE) from None
        # A BuildError stops MkDocs before it cleans site/: nothing already built is lost.
        raise PluginError(problems.report()) from None
    # The offline bundle: Material's offline plugin would have pages load a script from
    # unpkg.com; a copy kept in the repository is used instead (no request to any host).
    if config.extra.get("polyfills"):
        config.extra["polyfills"] = [LOCAL_IFRAME_WORKER if "iframe-worker" in url else url
                                     for url in config.extra["polyfills"]]
    lang = i18n.current_language
    # Material prints the site name as it is, in templates that do not escape: escaped here,
    # once (escape() gives Markup, which Material's own `| e` does not escape again).
    config.site_name = escape(site.settings.network_name.get(lang)[0])
    # Generated HTML blocks go into Markdown's stash as they are, never parsed (htmlblocks.py).
    if not any(isinstance(extension, GeneratedHtml) for extension in config.markdown_extensions):
        config.markdown_extensions.append(GeneratedHtml())
    return config


# -- `mkdocs serve`: broken data leave the last good site served --------------------
def on_serve(server, config, builder):
    _serve["watching"] = True
    rebuild = server.builder

    def keep_last_good_site():
        _serve["refused"] = False
        try:
            rebuild()
        except SystemExit:
            if not _serve["refused"]:
                raise
            # MkDocs would hold every request until a build succeeds. The data were refused
            # before anything was written, so the last good site is whole: serve it.

    server.builder = keep_last_good_site  # the server calls `self.builder()` on each change
    return server


# -- Add the pages made from data, in the language being built ----------------------
def _destination(path: str, lang: str, default: str, directory_urls: bool) -> str:
    dest = File(path, None, "", directory_urls).dest_uri
    return dest if lang == default else f"{lang}/{dest}"


def _generated_file(config, path: str, lang: str, default: str, content: str) -> File:
    file = File.generated(config, f"{lang}/{path}", content=content)
    file.dest_uri = _destination(path, lang, default, config.use_directory_urls)
    return file


@event_priority(-150)  # after static-i18n rebuilt the file list for this language (-100)
def on_files(files, config):
    i18n = _i18n(config)
    lang, default = i18n.current_language, i18n.default_language
    site = site_data()
    wanted = set(pages.generated_paths(site))

    # Hand-written additions to generated pages (docs/<lang>/paises/<iso>.md) are merged in.
    commentaries = {}
    for file in list(files.documentation_pages()):
        path = getattr(file, "norm_src_uri", None)
        if path in wanted:
            text = pages.strip_title(file.content_string)
            if file.locale != lang:
                text = pages.wrap_foreign(text, file.locale, lang, site)
            commentaries[path] = text
            files.remove(file)

    if not _editors_status:
        _editors_status["status"] = status.collect(site, Path(config.docs_dir), _today())
    editors_status = _editors_status["status"]
    with timings.measure("generate_pages"):
        generated = pages.generated_pages(site, lang, _today(), commentaries, config.use_directory_urls, editors_status)
    for page in generated:
        _generated.add((lang, page.path))
        file = _generated_file(config, page.path, lang, default, page.markdown)
        # The attributes static-i18n reads for the language switcher and the sitemap.
        file.locale = file.locale_alternate_of = file.localization = lang
        file.norm_src_uri = page.path
        file.alternates = {
            other: (file if other == lang else _generated_file(config, page.path, other, default, ""))
            for other in i18n.build_languages
        }
        files.append(file)

    i18n.i18n_files_per_language[lang] = files.documentation_pages()
    return files


# -- Compile the theme's templates once, not once per language ---------------------
class _MemoryBytecodeCache(BytecodeCache):
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


_bytecode_cache = _MemoryBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = _bytecode_cache
    env.filters["safe_url"] = safe_url  # for addresses from data in overrides/
    if not _policy:  # the first language built: the same policy serves them all
        _policy["headers"] = csp.content_security_policy(csp.theme_script_hashes(
            env, ["main.html", *config.theme.static_templates], _base_urls(config, files), config))
        _policy["meta"] = csp.meta_policy(_policy["headers"])
    return env


def _base_urls(config, files) -> set[str]:
    """The `base_url` of every page in every language ("." at the root, "../.." two folders
    down), and of the 404 pages: the places a theme script may be rendered for."""
    i18n = _i18n(config)
    others = tuple(f"{lang}/" for lang in i18n.build_languages if lang != i18n.default_language)
    bases = {_not_found_base(config, lang) for lang in i18n.build_languages}
    for file in files.documentation_pages():
        url = file.url
        for prefix in others:
            url = url.removeprefix(prefix)
        bases |= {get_relative_url(".", prefix + url) for prefix in ("", *others)}
    return bases


def _not_found_base(config, lang: str) -> str:
    """The base_url of a language's 404 page. A host serves it at any missing address, so
    its links start at the site's root; in the offline bundle, opened as a file from its
    own folder, they are relative to it."""
    if not _is_offline_build(config):
        return _root_path(config)
    return "." if lang == _i18n(config).default_language else ".."


def _root_path(config) -> str:
    return urlsplit(config.site_url or "/").path  # the base_url MkDocs gives error pages


# -- Fill the markers of hand-written pages -----------------------------------------
def on_page_markdown(markdown, page, config, files):
    path = getattr(page.file, "norm_src_uri", page.file.src_uri)
    lang = _i18n(config).current_language
    if (lang, path) in _generated:
        return markdown  # a page made from data: no markers to fill
    return pages.fill_markers(markdown, path, lang, site_data(), config.use_directory_urls)


# -- Interface texts for the templates in overrides/ --------------------------------
def _ui_context(context, config):
    lang = _i18n(config).current_language
    site = site_data()
    context["ui"] = Ui(site, lang)
    context["ui_all"] = {other: Ui(site, other) for other in model.LANGUAGES}
    context["site_settings"] = site.settings
    context["page_lang"] = lang
    # Site-root addresses of the pages the theme links to, in this language.
    prefix = "" if lang == model.DEFAULT_LANGUAGE else f"{lang}/"
    context["links"] = {name: prefix + paths.page_url(page, config.use_directory_urls) for name, page in (
        ("home", "index.md"), ("safety", "navegacion-segura.md"), ("methodology", "metodologia.md"),
        ("status", pages.STATUS))}
    context["home_links"] = {other: ("" if other == model.DEFAULT_LANGUAGE else f"{other}/")
                             + paths.page_url("index.md", config.use_directory_urls) for other in model.LANGUAGES}
    bundle = None if _is_offline_build(config) else _offline_bundle()
    context["offline_bundle"] = bundle and {
        "url": OFFLINE_BUNDLE_URL, "size": localize.human_size(bundle.stat().st_size, lang)}
    context["csp"] = None if _command["serving"] else _policy.get("meta")
    return context


@event_priority(40)  # after static-i18n (50) added its own page context
def on_page_context(context, page, config, nav):
    return _ui_context(context, config)


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        _not_found_context(context, config)
    return _ui_context(context, config)


def _not_found_context(context, config) -> None:
    """The 404 page's links: from its own place (see _not_found_base), and a language
    switcher that leads to each language's home page (static-i18n would leave the links
    of the last page it rendered)."""
    i18n = _i18n(config)
    base = _not_found_base(config, i18n.current_language)
    if base != context["base_url"]:
        context["base_url"] = base
        context["extra_css"] = [normalize_url(path, None, base) for path in config.extra_css]
        context["extra_javascript"] = [normalize_url(str(script), None, base) for script in config.extra_javascript]
    root = "" if _is_offline_build(config) else _root_path(config)
    homes = [{**alternate, "link": root + paths.language_prefix(alternate["lang"], i18n.default_language)
              + paths.page_url("index.md", config.use_directory_urls)} for alternate in config.extra.get("alternate", [])]
    # static-i18n sets the switcher's links as an attribute, which templates read first.
    config.extra.alternate = homes


# -- One 404 page per language -------------------------------------------------------
def on_post_template(output, template_name, config):
    # Every language build writes the same /404.html (the last language would win), so
    # each language's version is kept here and written where it belongs after the build.
    if template_name == "404.html":
        _not_found_pages[_i18n(config).current_language] = output
    return output


@event_priority(-200)  # after static-i18n built the other languages (-100)
def on_post_build(config):
    i18n = _i18n(config)
    if i18n.building:
        return  # a language build inside the main one: wait for the end
    site_dir = Path(config.site_dir)
    for lang, html in _not_found_pages.items():
        target = site_dir / ("404.html" if lang == i18n.default_language else f"{lang}/404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    _not_found_pages.clear()
    offline = _is_offline_build(config)
    searchindex.write_split_index(site_dir, i18n.build_languages, i18n.default_language, offline)
    bundle = None if offline else _offline_bundle()
    if bundle:
        target = site_dir / OFFLINE_BUNDLE_URL
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(bundle, target)
    # Open data, once at the site root for every language.
    for item in opendata.open_data_files(site_data()):
        target = site_dir / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.content)
    # Security headers for hosts that read _headers (the same policy as every page's <meta>).
    (site_dir / "_headers").write_text(headers.headers_file(headers.security_headers(_policy["headers"])),
                                       encoding="utf-8")
    timings.finish_build()

"""MkDocs adapter: connects MkDocs to the plain-Python `sitegen` package, and nothing more.

State lives in one `BuildSession` (sitegen/session.py) made by `on_startup`; static-i18n is
reached only through `i18n_bridge.py`, the theme's MkDocs side is in `mkdocs_theme.py`.
static-i18n builds each language in turn, so every event here from `on_config` to
`on_post_build` runs once per language (../shared/reference/stack-notes.md): read it before
changing a priority.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import i18n_bridge as i18n
import mkdocs_theme as theme
from sitegen import csp, extras, model, pages, pagestyles
from sitegen.compact import compact_html
from sitegen.problems import DataProblems
from sitegen.render import safe_url
from sitegen.session import BuildSession
from sitegen.themecontext import theme_context

ROOT = Path(__file__).resolve().parent.parent
LOCAL_IFRAME_WORKER = "assets/vendor/iframe-worker-shim.js"
_session: BuildSession | None = None  # made by on_startup, once per `mkdocs` command


def on_startup(*, command: str, dirty: bool) -> None:
    global _session
    i18n.check_version()
    _session = BuildSession(ROOT, serving=command == "serve")


# -- Load and check the data before anything is written -----------------------------
@event_priority(-110)  # after static-i18n has set the language being built
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not i18n.building_other_language(config):  # once per build: the other languages reuse it
        i18n.check_languages(config, model.LANGUAGES, model.DEFAULT_LANGUAGE)
        try:
            _session.start_build()
        except DataProblems as problems:
            # A BuildError stops MkDocs before it cleans site/: nothing already built is lost.
            raise PluginError(_session.refusal(problems)) from None
    # The offline bundle: Material's offline plugin would have pages load a script from
    # unpkg.com; a copy kept in the repository is used instead (no request to any host).
    if config.extra.get("polyfills"):
        config.extra["polyfills"] = [LOCAL_IFRAME_WORKER if "iframe-worker" in url else url
                                     for url in config.extra["polyfills"]]
    # Material prints the site name as it is, in templates that do not escape: escaped here,
    # once (escape() gives Markup, which Material's own `| e` does not escape again).
    config.site_name = escape(_session.build.site.settings.network_name.get(i18n.current_language(config))[0])
    # Generated HTML blocks go into Markdown's stash as they are, never parsed (htmlblocks.py).
    if _session.build.html_blocks not in config.markdown_extensions:
        config.markdown_extensions.append(_session.build.html_blocks)
    return config


# -- `mkdocs serve`: broken data leave the last good site served --------------------
def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
    server.builder = _session.keeping_last_good_site(server.builder)  # called on each change
    return server


# -- Add the pages made from data (registry.py), in the language being built ---------
@event_priority(-150)  # after static-i18n rebuilt the file list for this language (-100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build, lang, commentaries = _session.build, i18n.current_language(config), {}
    ctx, wanted = _session.context(lang, config.use_directory_urls), set(pages.generated_paths(build.site))
    for file in list(files.documentation_pages()):
        if (path := i18n.source_path(file)) in wanted:  # hand-written additions (docs/<lang>/paises/<iso>.md)
            text = pages.strip_title(file.content_string)
            written_in = i18n.file_language(file)
            commentaries[path] = text if written_in == lang else pages.wrap_foreign(ctx, text, written_in)
            files.remove(file)
    with build.timings.measure("generate_pages"):
        generated = pages.generated_pages(ctx, commentaries)
    for page in generated:
        build.generated.add((lang, page.path))
        files.append(i18n.generated_file(config, page.path, lang, page.markdown))
    i18n.register_pages(config, files)
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    # The theme compiled once for every language and rebuild, not once per language.
    env.bytecode_cache = _session.cache.get("theme bytecode", None, theme.MemoryBytecodeCache)
    env.filters["safe_url"] = safe_url  # for addresses from data in overrides/
    if not _session.build.policy:  # the first language built: the same policy serves them all
        _session.build.policy = theme.security_policy(env, config, files)
    return env


# -- Fill the markers of hand-written pages -----------------------------------------
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    path, lang = i18n.source_path(page.file), i18n.current_language(config)
    if (lang, path) in _session.build.generated:
        return markdown  # a page made from data: no markers to fill
    return pages.fill_markers(_session.context(lang, config.use_directory_urls), markdown, path)


# -- Interface texts for the templates in overrides/ --------------------------------
def _theme_context(context: dict, config: MkDocsConfig) -> dict:
    bundle = None if theme.is_offline_build(config) else _session.offline_bundle()
    policy = None if _session.serving else _session.build.policy.get("meta")
    context.update(theme_context(_session.build.site, i18n.current_language(config), config.use_directory_urls,
                                 bundle=bundle, csp=policy))
    return context


@event_priority(40)  # after static-i18n (50) added its own page context
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    return _theme_context(context, config)


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html":
        theme.not_found_context(context, config)
    return _theme_context(context, config)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    html = compact_html(_session.build.html_blocks.put_back_unsearched(output))  # search has indexed it
    html = pagestyles.link_if_needed(html, config.theme.custom_dir)  # site-pages.css if the page needs it
    return csp.narrow_to_page(html, _session.build.policy["hashes"])  # its <meta>: the theme's scripts it holds


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":  # each language's, written where it belongs at the end
        _session.build.not_found_pages[i18n.current_language(config)] = csp.narrow_to_page(output_content, _session.build.policy["hashes"])
    return output_content


@event_priority(-200)  # after static-i18n built the other languages (-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    if i18n.building_other_language(config):
        return  # a language build inside the main one: wait for the end
    extras.write_extras(Path(config.site_dir), _session.build, _session.cache, languages=i18n.build_languages(config),
                        default=i18n.default_language(config), offline=theme.is_offline_build(config),
                        bundle=_session.offline_bundle(), site_url=config.site_url, directory_urls=config.use_directory_urls)
    _session.finish_build()

"""The one place that touches mkdocs-static-i18n: what it says is being built, and the
private attributes it reads that the site has to write.

Written for static-i18n 1.3.1 (see ../shared/reference/stack-notes.md): it builds each
language in turn, rebuilds the file list at priority -100, and reads `locale`,
`alternates`, `locale_alternate_of`, `localization` and `norm_src_uri` on each file,
`i18n_files_per_language` for the sitemap, and `config.extra.alternate` for the language
switcher. Another version may name these differently, so `check_version()` stops the
build at start-up with a message instead of publishing pages with wrong links.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

WRITTEN_FOR = "1.3.1"


def check_version() -> None:
    try:
        installed = version("mkdocs-static-i18n")
    except PackageNotFoundError:
        installed = None
    if installed != WRITTEN_FOR:
        raise PluginError(
            f"hooks/i18n_bridge.py está escrito para mkdocs-static-i18n {WRITTEN_FOR}, pero está instalado "
            f"{installed or 'ninguno'}: instala las versiones de requirements.txt (make serve lo hace). "
            f"/ hooks/i18n_bridge.py is written for mkdocs-static-i18n {WRITTEN_FOR}, but {installed or 'none'} "
            "is installed: install the versions pinned in requirements.txt ('make serve' does).")


def _plugin(config: MkDocsConfig):
    return config.plugins["i18n"]


def current_language(config: MkDocsConfig) -> str:
    return _plugin(config).current_language


def default_language(config: MkDocsConfig) -> str:
    return _plugin(config).default_language


def build_languages(config: MkDocsConfig) -> list[str]:
    return list(_plugin(config).build_languages)


def building_other_language(config: MkDocsConfig) -> bool:
    """True inside the builds static-i18n starts for the languages after the default one."""
    return bool(_plugin(config).building)


def check_languages(config: MkDocsConfig, languages: tuple[str, ...], default: str) -> None:
    """mkdocs.yml's `i18n` languages must be the site's (`model.LANGUAGES`), in its order."""
    configured = [language.locale for language in _plugin(config).config.languages]
    if configured != list(languages) or default_language(config) != default:
        raise PluginError(
            f"los idiomas de mkdocs.yml ({', '.join(configured)}) no son los del sitio ({', '.join(languages)}, "
            f"«{default}» el predeterminado): cámbialos en hooks/sitegen/model.py y mkdocs.yml a la vez. / "
            f"mkdocs.yml's languages ({', '.join(configured)}) are not the site's ({', '.join(languages)}, "
            f"'{default}' the default): change hooks/sitegen/model.py and mkdocs.yml together.")


def _file(config: MkDocsConfig, path: str, lang: str, content: str) -> File:
    file = File.generated(config, f"{lang}/{path}", content=content)
    dest = File(path, None, "", config.use_directory_urls).dest_uri  # no language folder in the default
    file.dest_uri = dest if lang == default_language(config) else f"{lang}/{dest}"
    return file


def generated_file(config: MkDocsConfig, path: str, lang: str, content: str) -> File:
    """A page made from data, in `lang`, with what static-i18n reads on the pages it found
    itself: its language and its version in each language (for the language switcher and
    the sitemap's hreflang links)."""
    file = _file(config, path, lang, content)
    file.locale = file.locale_alternate_of = file.localization = lang
    file.norm_src_uri = path
    file.alternates = {other: file if other == lang else _file(config, path, other, "")
                       for other in build_languages(config)}
    return file


def source_path(file: File) -> str:
    """A page's path inside its language folder ("paises/ar.md")."""
    return getattr(file, "norm_src_uri", file.src_uri)


def file_language(file: File) -> str | None:
    return getattr(file, "locale", None)


def register_pages(config: MkDocsConfig, files: Files) -> None:
    """The pages of the language being built, as static-i18n lists them for the sitemap."""
    _plugin(config).i18n_files_per_language[current_language(config)] = files.documentation_pages()


def set_language_switcher(config: MkDocsConfig, links: list[dict]) -> None:
    """The switcher's links, which Material's templates read from `config.extra.alternate`
    (static-i18n would leave there the links of the last page it rendered)."""
    config.extra.alternate = links


def switcher_links(config: MkDocsConfig) -> list[dict]:
    return list(config.extra.get("alternate", []))

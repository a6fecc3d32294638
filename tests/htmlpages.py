"""Reading the built site as a reader's browser would: pages, their links and text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, dict]] = []  # (tag, url, attrs)
        self.ids: set[str] = set()
        self.html_lang = None
        self.title = ""
        self._in_title = False
        self._skip = 0
        self.text_parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) is not None and tag not in ("html",):
                self.links.append((tag, attrs[name], attrs))
        if tag == "title" and not self.title:
            self._in_title = True  # the document's title, not an SVG's
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.text_parts.append(data)


@dataclass
class Page:
    path: Path
    url: str  # site-relative, e.g. "en/paises/ar/"
    html: str
    parser: _PageParser = field(repr=False)

    @property
    def lang(self):
        return self.parser.html_lang

    @property
    def title(self):
        return self.parser.title.strip()

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parser.text_parts).split())

    @property
    def article(self) -> str:
        start = self.html.find('<article class="md-content__inner')
        end = self.html.rfind("</article>")  # the main article may hold others (material cards)
        return self.html[start:end] if start >= 0 else ""

    @property
    def links(self):
        return self.parser.links

    @property
    def ids(self):
        return self.parser.ids


class BuiltSite:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._cache: dict[str, Page] = {}

    def page(self, url: str) -> Page:
        """A page by its site-relative address: "", "en/", "paises/ar/", "404.html"."""
        if url not in self._cache:
            path = self.file_for(url)
            if path is None:
                raise FileNotFoundError(url)
            html = path.read_text(encoding="utf-8")
            parser = _PageParser()
            parser.feed(html)
            self._cache[url] = Page(path, url, html, parser)
        return self._cache[url]

    def file_for(self, url: str) -> Path | None:
        path = unquote(urlsplit(url).path).lstrip("/")
        candidate = self.root / path
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def html_urls(self) -> list[str]:
        """The readers' pages (not the form editor, admin/: tests/test_editor_admin.py)."""
        urls = []
        for path in sorted(self.root.rglob("*.html")):
            rel = path.relative_to(self.root).as_posix()
            if rel.startswith("admin/"):
                continue
            urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        return urls

    def resolve(self, from_url: str, href: str) -> str | None:
        """Site-relative address a link points to, or None if it leaves the site."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:", "data:")):
            return None
        base = "http://site.invalid/" + from_url
        joined = urlsplit(urljoin(base, href))
        return joined.path.lstrip("/") + (f"#{joined.fragment}" if joined.fragment else "")


def assert_size_shown(shown: str, size: int) -> None:
    """A size shown to readers ("4,5 kB", "2.1 MB", "812 byte") matches `size` bytes, to the
    one decimal it is written with (decimal units, as Babel writes them)."""
    import re
    number = float(re.sub(r"[^\d,.]", "", shown).replace(",", "."))
    unit = 1_000_000 if "MB" in shown else 1000 if "kB" in shown else 1
    assert abs(number * unit - size) <= 0.05 * unit + 1, (shown, size)

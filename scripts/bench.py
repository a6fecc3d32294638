#!/usr/bin/env python3
"""`make bench`: how fast the site builds, against bare MkDocs, and as the network grows.

Measures, on this machine, in one run (each figure the median of --runs runs, with min
and max):
  1. the real site's full build (all languages);
  2. two bare baselines, each with the same theme, plugins and settings but no hooks, no
     overrides and no data, and the ratio of 1 to each: the same pages per language as
     Markdown files (the generated Markdown with its HTML in place), and "the same words":
     each built page's text as a plain Markdown page (headings, paragraphs, list items);
  3. synthetic networks of --sizes countries (copies of the real country files, so the
     same indicators, sources and notes per country): build time, time per page, peak memory;
  4. the hooks' own work per build (loading + validating, generating pages);
  5. the time `mkdocs serve` takes to rebuild after one country file is edited;
  6. size per page type (HTML, raw and gzip) and search index size per language;
  7. what the country briefs (PDF) add to a build: with no brief kept in .cache/briefs/
     (cold: all 51 made) and with every one kept (warm: none made), and their sizes, with
     the sizes of the embeddable maps (SVG).
Prints a Markdown table and writes it to bench-results.md (not committed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hooks.sitegen.context import RenderContext  # noqa: E402
from hooks.sitegen.load import load_site  # noqa: E402
from hooks.sitegen.model import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402
from hooks.sitegen.htmlblocks import unmarked  # noqa: E402
from hooks.sitegen.pages import fill_markers, generated_pages, generated_paths  # noqa: E402
from hooks.sitegen.paths import language_prefix, page_url  # noqa: E402

MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# -- running builds ---------------------------------------------------------------

def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
        ".venv", ".git", ".cache", "site", "__pycache__", ".pytest_cache", "bench-results.*", "node_modules"))
    if (ROOT / "node_modules").is_dir():  # the npm packages the build copies (Decap CMS, for /admin/)
        (target / "node_modules").symlink_to((ROOT / "node_modules").resolve(), target_is_directory=True)
    return target


def timed_build(project: Path, env: dict | None = None) -> dict:
    """One `mkdocs build`: wall time, peak memory of the process, hooks' own timings."""
    out = Path(tempfile.mkdtemp(prefix="bench-site-"))
    timings = out.with_suffix(".timings.json")
    env = {**ENV, **(env or {}), "SITEGEN_TIMINGS": str(timings)}
    start = time.perf_counter()
    proc = subprocess.Popen([MKDOCS, "build", "--strict", "-q", "-d", str(out)], cwd=project, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{stderr}")
    hooks = json.loads(timings.read_text().splitlines()[-1]) if timings.exists() else {}
    pages = sum(1 for p in out.rglob("*.html") if p.parent.name != "admin")  # the readers' pages
    result = {"seconds": elapsed, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
              "hooks": hooks, "pages": pages, "site": out}
    timings.unlink(missing_ok=True)
    return result


def repeat(runs: int, fn) -> list[dict]:
    results = [fn() for _ in range(runs)]
    for r in results[:-1]:
        shutil.rmtree(r["site"], ignore_errors=True)
    return results


def spread(values: list[float], fmt: str = "{:.2f}") -> str:
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


# -- the bare baseline ------------------------------------------------------------

def baseline_project(target: Path) -> Path:
    """Same pages (the real generated Markdown written to files), no hooks, no data."""
    site = load_site(ROOT)
    target.mkdir(parents=True)
    docs = target / "docs"
    for lang in LANGUAGES:
        ctx = RenderContext(site, lang)
        for src in (ROOT / "docs" / lang).rglob("*.md"):
            rel = src.relative_to(ROOT / "docs" / lang).as_posix()
            dest = docs / lang / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(unmarked(fill_markers(ctx, src.read_text(encoding="utf-8"), rel)), encoding="utf-8")
        for page in generated_pages(ctx):
            dest = docs / lang / page.path
            dest.parent.mkdir(parents=True, exist_ok=True)
            # the whole page as Markdown, its HTML blocks in place (as any plain page would be)
            dest.write_text(unmarked(page.markdown), encoding="utf-8")
    _bare_config(target)
    return target


def _bare_config(target: Path) -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # The theme overrides read the hooks' interface texts: the baseline uses plain Material.
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = config.replace("  custom_dir: overrides\n", "")
    config = re.sub(r"\nextra_css:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")


class _PageText(HTMLParser):
    """The words of a built page's article, as plain Markdown blocks."""

    BLOCKS = {"p", "li", "dt", "dd", "tr", "caption", "figcaption", "blockquote", "summary", "pre", "div", "td", "th"}
    HEADINGS = {"h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "h5": "##### ", "h6": "###### "}

    def __init__(self):
        super().__init__()
        self.depth = 0  # inside the <article>
        self.skip = 0  # inside <script>, <style> or an SVG (no words a reader reads as text)
        self.blocks: list[str] = []
        self.current: list[str] = []

    def _flush(self, prefix: str = "") -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(prefix + re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text))
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif self.depth and tag in ("script", "style", "svg"):
            self.skip += 1
        elif self.depth and (tag in self.BLOCKS or tag in self.HEADINGS):
            self._flush()

    def handle_endtag(self, tag):
        if tag == "article":
            self._flush()
            self.depth -= 1
        elif self.depth and tag in ("script", "style", "svg"):
            self.skip -= 1
        elif self.depth and tag in self.HEADINGS:
            self._flush(self.HEADINGS[tag])
        elif self.depth and tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.current.append(data)


def page_words(page_html: str) -> str:
    parser = _PageText()
    parser.feed(page_html)
    return "\n\n".join(parser.blocks) + "\n"


def words_baseline_project(target: Path, built: Path) -> Path:
    """Every page of the real build (`built`), each as a plain Markdown page holding the
    words a reader sees in its article: the pages' text without hooks, HTML or data."""
    site = load_site(ROOT)
    sources = sorted({p.relative_to(ROOT / "docs" / DEFAULT_LANGUAGE).as_posix()
                      for p in (ROOT / "docs" / DEFAULT_LANGUAGE).rglob("*.md")} | set(generated_paths(site)))
    for lang in LANGUAGES:
        for rel in sources:
            url = language_prefix(lang) + page_url(rel)
            page = built / (url + "index.html" if not url or url.endswith("/") else url)
            dest = target / "docs" / lang / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(page_words(page.read_text(encoding="utf-8")), encoding="utf-8")
    _bare_config(target)
    return target


# -- synthetic networks -----------------------------------------------------------

def synthetic_project(target: Path, size: int) -> Path:
    """A copy of the site whose data/countries/ holds `size` countries."""
    copy_project(target)
    countries = target / "data" / "countries"
    templates = [p.read_bytes() for p in sorted(countries.glob("*.yml"))]
    for path in countries.glob("*.yml"):
        path.unlink()
    from babel import Locale
    iso = sorted(c.lower() for c in Locale("en").territories if len(c) == 2 and c.isalpha())
    synthetic = [a + b for a in "abcdefghijklmnopqrstuvwxyz" for b in "abcdefghijklmnopqrstuvwxyz"]
    codes = iso + [c for c in synthetic if c not in iso]
    for i in range(size):
        (countries / f"{codes[i]}.yml").write_bytes(templates[i % len(templates)])
    return target


# -- mkdocs serve -----------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_rebuild_times(project: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds from saving a country file to `mkdocs serve` reloading the browser, and
    from `mkdocs serve` noticing the change ("Detected file changes") to that reload:
    the difference is the file watcher's own delay, which no site can change."""
    proc = subprocess.Popen([MKDOCS, "serve", "--livereload", "-a", f"127.0.0.1:{free_port()}"],
                            cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: list[tuple[float, str]] = []
    reader = threading.Thread(target=lambda: [lines.append((time.perf_counter(), l)) for l in proc.stderr], daemon=True)
    reader.start()

    def wait_for(text: str, since: int, timeout: float = 120) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for stamp, line in lines[since:]:
                if text in line:
                    return stamp
            time.sleep(0.01)
        raise SystemExit(f"mkdocs serve never printed {text!r}:\n" + "".join(l for _, l in lines[-20:]))

    try:
        wait_for("Serving on", 0)
        time.sleep(1.0)
        country = project / "data" / "countries" / "ar.yml"
        end_to_end, rebuild = [], []
        for run in range(runs):
            seen = len(lines)
            start = time.perf_counter()
            country.write_text(country.read_text(encoding="utf-8") + f"\n# bench edit {run}\n", encoding="utf-8")
            reloaded = wait_for("Reloading browsers", seen)
            end_to_end.append(reloaded - start)
            rebuild.append(reloaded - wait_for("Detected file changes", seen))
            time.sleep(0.5)
        return end_to_end, rebuild
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# -- country briefs ----------------------------------------------------------------

def brief_builds(project: Path, runs: int) -> tuple[list[dict], list[dict]]:
    """Builds with no brief kept on disk (cold: every brief made), then with all of them
    kept (warm: read from .cache/briefs/), interleaved."""
    cold, warm = [], []
    for _ in range(runs):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        for results in (cold, warm):
            results.append(timed_build(project))
            shutil.rmtree(results[-1]["site"], ignore_errors=True)
    return cold, warm


def file_sizes(site: Path, pattern: str) -> list[int]:
    return sorted(p.stat().st_size for p in site.glob(pattern))


# -- sizes ------------------------------------------------------------------------

def page_sizes(site: Path) -> list[tuple[str, int, int]]:
    kinds = {"home": ["index.html"], "about": ["acerca/index.html"], "countries index": ["paises/index.html"],
             "country profile": [p.relative_to(site).as_posix() for p in sorted((site / "paises").glob("*/index.html"))],
             "404": ["404.html"]}
    rows = []
    for kind, paths in kinds.items():
        raw = [len((site / p).read_bytes()) for p in paths]
        packed = [len(gzip.compress((site / p).read_bytes(), 9)) for p in paths]
        rows.append((kind, int(statistics.mean(raw)), int(statistics.mean(packed))))
    return rows


def search_sizes(site: Path) -> list[tuple[str, int, int]]:
    """Each language's own index (fetched only when a reader opens search)."""
    rows = []
    for lang in LANGUAGES:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        data = (site / prefix / "search" / "search_index.json").read_bytes()
        rows.append((lang, len(data), len(gzip.compress(data, 9))))
    return rows


# -- report -----------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="17,50,100,200,400")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    parser.add_argument("--out", default=str(ROOT / "bench-results.md"))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    out: list[str] = [f"# Benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, "
                      f"{args.runs} runs each: median (min–max))", ""]

    def say(line: str = ""):
        print(line, flush=True)
        out.append(line)

    real_project = copy_project(work / "real")
    base_project = baseline_project(work / "baseline")
    first = timed_build(real_project)  # a warm-up, and the pages whose words the last baseline holds
    words_project = words_baseline_project(work / "words", first["site"])
    shutil.rmtree(first["site"], ignore_errors=True)
    # Interleaved, so that every build meets the same machine load.
    real, base, words = [], [], []
    for run in range(args.runs):
        for results, project in ((real, real_project), (base, base_project), (words, words_project)):
            if results:
                shutil.rmtree(results[-1]["site"], ignore_errors=True)
            results.append(timed_build(project))

    def row(name: str, results: list[dict]) -> str:
        return (f"| {name} | {results[0]['pages']} | {spread([r['seconds'] for r in results])} | "
                f"{spread([r['cpu'] for r in results])} | {spread([r['peak_mb'] for r in results], '{:.0f}')} |")

    def ratio(name: str, results: list[dict]) -> str:
        wall = statistics.median(r["seconds"] for r in real) / statistics.median(r["seconds"] for r in results)
        cpu = statistics.median(r["cpu"] for r in real) / statistics.median(r["cpu"] for r in results)
        return f"| ratio real / {name} | | {wall:.2f} | {cpu:.2f} | |"

    say("## Real site against bare MkDocs")
    say("")
    say("Wall-clock seconds vary with the machine's load; CPU seconds (user + system) much less.")
    say("Both baselines: same theme, plugins and settings, no hooks, no overrides, no data.")
    say("")
    say("| build | pages | wall seconds | CPU seconds | peak MB |")
    say("| --- | ---: | ---: | ---: | ---: |")
    say(row("real site (hooks + data)", real))
    say(row("bare baseline (same pages as Markdown, no hooks)", base))
    say(row("same words (each built page's text as plain Markdown)", words))
    say(ratio("baseline", base))
    say(ratio("same words", words))
    say("")

    say("## Synthetic networks")
    say("")
    say("| countries | pages | build seconds | ms per page | peak MB | hooks: load + validate ms | hooks: generate ms |")
    say("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    per_page = {}
    for size in sizes:
        project = synthetic_project(work / f"n{size}", size)
        results = repeat(args.runs, lambda: timed_build(project, {"SITEGEN_BENCH_SYNTHETIC": "1"}))
        ms = [1000 * r["seconds"] / r["pages"] for r in results]
        per_page[size] = statistics.median(ms)
        load = [1000 * r["hooks"].get("load_and_validate", 0) for r in results]
        gen = [1000 * r["hooks"].get("generate_pages", 0) for r in results]
        say(f"| {size} | {results[0]['pages']} | {spread([r['seconds'] for r in results])} | {spread(ms, '{:.1f}')} | "
            f"{spread([r['peak_mb'] for r in results], '{:.0f}')} | {spread(load, '{:.0f}')} | {spread(gen, '{:.0f}')} |")
        shutil.rmtree(results[-1]["site"], ignore_errors=True)
        shutil.rmtree(project)
    if len(sizes) > 1:
        say(f"| time per page, {sizes[-1]} vs {sizes[0]} countries | | | {per_page[sizes[-1]] / per_page[sizes[0]]:.2f} x | | | |")
    say("")

    if not args.no_serve:
        end_to_end, rebuilds = serve_rebuild_times(copy_project(work / "serve"), args.runs)
        say("## mkdocs serve")
        say("")
        say(f"After editing one country file (17 countries): rebuild, from the change noticed to the "
            f"browser reloading, {spread(rebuilds)} s; from saving the file, {spread(end_to_end)} s "
            f"(the difference is the file watcher's own delay).")
        say("")

    say("## Page weight (real site, Spanish)")
    say("")
    say("| page type | HTML bytes | gzip bytes |")
    say("| --- | ---: | ---: |")
    for kind, raw, packed in page_sizes(real[-1]["site"]):
        say(f"| {kind} | {raw:,} | {packed:,} |")
    say("")
    say("| search index | JSON bytes | gzip bytes |")
    say("| --- | ---: | ---: |")
    for lang, raw, packed in search_sizes(real[-1]["site"]):
        say(f"| {lang} | {raw:,} | {packed:,} |")
    say("")

    say("## Country briefs (PDF) and embeddable maps (SVG)")
    say("")
    cold, warm = brief_builds(real_project, args.runs)
    say("A brief is made again only when what it shows changes (.cache/briefs/, keyed by content). "
        "'briefs seconds' is the hooks' own time on briefs (view, key, making or reading them).")
    say("")
    say("| kept in .cache/briefs/ | build wall seconds | briefs seconds | briefs made | read from disk |")
    say("| --- | ---: | ---: | ---: | ---: |")
    for name, results in (("none (cold)", cold), ("all (warm)", warm)):
        say(f"| {name} | {spread([r['seconds'] for r in results])} | "
            f"{spread([r['hooks'].get('briefs', 0) for r in results])} | {int(results[-1]['hooks'].get('briefs_made', 0))} | "
            f"{int(results[-1]['hooks'].get('briefs_from_disk', 0))} |")
    added_cold = statistics.median(r["seconds"] for r in cold) - statistics.median(r["seconds"] for r in warm)
    say(f"| cold minus warm | {added_cold:.2f} | | | |")
    say("")
    pdfs, svgs = file_sizes(real[-1]["site"], "fichas/*.pdf"), file_sizes(real[-1]["site"], "mapas/*.svg")
    if pdfs:
        say(f"Briefs: {len(pdfs)} files, {pdfs[0]:,}–{pdfs[-1]:,} bytes (median {int(statistics.median(pdfs)):,}), "
            f"{sum(pdfs):,} in all.")
    if svgs:
        say(f"Embeddable maps: {len(svgs)} files, {svgs[0]:,}–{svgs[-1]:,} bytes, gzip "
            f"{min(len(gzip.compress(p.read_bytes(), 9)) for p in real[-1]['site'].glob('mapas/*.svg')):,}–"
            f"{max(len(gzip.compress(p.read_bytes(), 9)) for p in real[-1]['site'].glob('mapas/*.svg')):,}.")
    shutil.rmtree(work, ignore_errors=True)
    for r in (real[-1], base[-1], words[-1]):
        shutil.rmtree(r["site"], ignore_errors=True)
    Path(args.out).write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"\nWritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

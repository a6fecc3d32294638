"""One search index per language, split from the one static-i18n writes for all.

A reader then downloads only the entries of the language being read (about a third),
and the stemmers of that language only. The theme's config block points each
language's pages at its own index (overrides/main.html).
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = "search/search_index.json"


def split_index(index: dict, languages: list[str], default: str) -> dict[str, dict]:
    """{path of the index file: index} for each language; locations made relative to the
    language's root, since that is where each language's search base points."""
    prefixes = {lang: f"{lang}/" for lang in languages if lang != default}
    result = {}
    for lang in languages:
        if lang == default:
            docs = [d for d in index["docs"] if not d["location"].startswith(tuple(prefixes.values()))]
            path = INDEX
        else:
            docs = [{**d, "location": d["location"][len(prefixes[lang]):]}
                    for d in index["docs"] if d["location"].startswith(prefixes[lang])]
            path = prefixes[lang] + INDEX
        config = {**index["config"], "lang": [lang]}
        result[path] = {"config": config, "docs": docs}
    return result


def write_split_index(site_dir: Path, languages: list[str], default: str, offline: bool = False) -> None:
    """Writes each language's index; `offline` also writes the `search_index.js` twin that
    Material reads from file:// (where it cannot fetch JSON)."""
    source = site_dir / INDEX
    if not source.exists():
        return
    index = json.loads(source.read_text(encoding="utf-8"))
    for path, part in split_index(index, languages, default).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        target.write_text(data, encoding="utf-8")
        if offline:
            target.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")

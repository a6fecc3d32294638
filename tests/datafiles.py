"""Helpers for tests that break data files on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def copy_data(target: Path) -> Path:
    """The data, the schemas, the page templates and the material files, copied to `target`:
    a project (hooks/sitegen/project.py) whose pages can be made."""
    for folder in ("data", "schemas", "hooks/templates", "docs/materiales"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


def edit(project: Path, rel: str, old: str, new: str) -> int:
    """Replaces the first `old` in a file; returns the line number where it was."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line

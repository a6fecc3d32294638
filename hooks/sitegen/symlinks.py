"""No symbolic link (nor hard link) in what the build reads or publishes.

Git keeps symbolic links, so a pull request can add `docs/materiales/files/x.pdf` pointing
at `/proc/self/environ` or at a file outside the repository: the build would publish what
it points at (in CI, secrets included). Every folder the site is made from is checked,
without following any link, before a file in it is read or copied. A hard link does the
same on a machine where someone made one by hand (git cannot carry it): refused too.
"""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem

# data/ and docs/ (MkDocs copies every file of docs/), the theme overrides it copies too, and
# the templates and schemas the build reads.
CHECKED = ("data", "docs", "overrides", "hooks/templates", "schemas")


def symlink_problems(root: Path, folders=CHECKED) -> list[Problem]:
    """One problem for each symbolic link found under `root/<folder>` (or being that folder)."""
    problems = []
    for folder in folders:
        top = root / folder
        found = [top] if top.is_symlink() else []
        if not found and top.is_dir():
            for here, dirs, files in os.walk(top):  # never follows a link
                found += [Path(here) / name for name in sorted(dirs + files) if (Path(here) / name).is_symlink()]
                problems += [_hard_link_problem(Path(here) / name, root) for name in sorted(files)
                             if not (Path(here) / name).is_symlink() and (Path(here) / name).stat().st_nlink > 1]
        problems += [_problem(link, root) for link in found]
    return problems


def _hard_link_problem(path: Path, root: Path) -> Problem:
    return Problem(path.relative_to(root).as_posix(), 1, 1, "",
                   "es un enlace duro (el mismo archivo está también en otro lugar); pon aquí una copia del archivo",
                   "is a hard link (the same file is also somewhere else); put a copy of the file here")


def _problem(link: Path, root: Path) -> Problem:
    rel = link.relative_to(root).as_posix()
    target = os.readlink(link)
    return Problem(rel, 1, 1, "",
                   f"es un enlace simbólico (apunta a «{target}»); el sitio no publica enlaces: pon aquí el "
                   "archivo mismo o bórralo",
                   f"is a symbolic link (to '{target}'); the site does not publish links: put the file itself "
                   "here or delete it")

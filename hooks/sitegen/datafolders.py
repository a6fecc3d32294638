"""What the data folders may hold: `.yml` files, and the folders the site knows.

The build reads `data/countries/*.yml`, `data/materials/*.yml` and named files of
`data/`: any other file there would be skipped without a word, so `gt.yaml` instead
of `gt.yml` would drop Guatemala from the site. Each such file is a problem instead.
"""

from __future__ import annotations

from pathlib import Path

from .problems import Problem

# folder -> the sub-folders it may have (their own files are checked by whoever reads them)
FOLDERS = {"data": {"countries", "materials", "geo"}, "data/countries": set(), "data/materials": {"src"}}
NOT_DATA = {"README.md", ".gitkeep"}  # notes for editors, and git's placeholder


def stray_file_problems(root: Path) -> list[Problem]:
    """Every file in a data folder that the build would not read, and every unknown folder."""
    problems = []
    for folder, subfolders in FOLDERS.items():
        here = root / folder
        if not here.is_dir():
            continue
        for entry in sorted(here.iterdir()):
            rel = entry.relative_to(root).as_posix()
            if entry.is_dir():
                if entry.name not in subfolders:
                    problems.append(Problem(
                        rel, 1, 1, "", f"el sitio no lee la carpeta {rel}/; mueve sus archivos a {folder}/ o bórrala",
                        f"the site does not read folder {rel}/; move its files to {folder}/ or delete it"))
            elif entry.suffix != ".yml" and entry.name not in NOT_DATA:
                problems.append(_wrong_name(entry, rel, folder))
    return problems


def _wrong_name(entry: Path, rel: str, folder: str) -> Problem:
    if entry.suffix.lower() in (".yml", ".yaml"):
        better = f"{entry.stem.lower()}.yml"
        return Problem(rel, 1, 1, "", f"los archivos de datos terminan en «.yml», en minúsculas: cambia el nombre a "
                                      f"«{better}» (si no, el sitio no lo lee)",
                       f"data files end in '.yml', in lower case: rename it to '{better}' (otherwise the site "
                       "does not read it)")
    return Problem(rel, 1, 1, "", f"en {folder}/ solo van archivos de datos «.yml»: el sitio no lee este; "
                                  "muévelo fuera de data/ o bórralo",
                   f"only '.yml' data files go in {folder}/: the site does not read this one; move it out of "
                   "data/ or delete it")

"""The data of one side of a comparison: a git revision, or the working tree.

A revision is copied out with `git archive` into a temporary folder (the user's checkout is
never touched), only the folders the data are made from. Each side is read twice: with
`load_site`, to know whether its data are sound (the same rules as `make check`), and file
by file with the editors' YAML reader, so that a side whose data do not load can still be
compared where its files can be read.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from .load import load_site
from .problems import DataProblems, Problem
from .yamlsource import load_yaml

# What load_site reads (the material files: their sizes and digests are part of the data).
DATA_FOLDERS = ("data", "schemas", "docs/materiales/files")


class RevisionError(Exception):
    """A revision that cannot be read; the message (es / en) says how to fix the call."""


def _git(root: Path, *args: str, binary: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=not binary, timeout=300)


def resolve(root: Path, revision: str) -> str:
    """The full commit id of `revision`, or RevisionError naming the fix."""
    if not revision or not revision.strip():
        raise RevisionError(
            "Falta BASE, la revisión con la que comparar: escribe, por ejemplo, `make diff-facts BASE=origin/main` "
            "(o el id de un commit). / BASE, the revision to compare with, is missing: write, for example, "
            "`make diff-facts BASE=origin/main` (or a commit id).")
    if _git(root, "rev-parse", "--git-dir").returncode != 0:
        raise RevisionError(f"{root} no es un repositorio git: ejecuta el comando en tu copia del repositorio. "
                            f"/ {root} is not a git repository: run the command in your clone of the repository.")
    found = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if found.returncode != 0:
        raise RevisionError(
            f"«{revision}» no es una revisión de este repositorio (una rama, una etiqueta o un commit). Si es una rama "
            f"de GitHub, tráela primero, p. ej. `git fetch origin main`, y usa `make diff-facts BASE=origin/main`. "
            f"/ '{revision}' is not a revision of this repository (a branch, a tag or a commit). If it is a branch "
            "on GitHub, fetch it first, e.g. `git fetch origin main`, then use `make diff-facts BASE=origin/main`.")
    return found.stdout.strip()


def export(root: Path, commit: str, target: Path) -> None:
    """The data folders as they are at `commit`, written under `target`."""
    listed = _git(root, "ls-tree", "--name-only", commit, "--", *DATA_FOLDERS)
    folders = listed.stdout.split()
    if not folders:
        return
    archive = _git(root, "archive", "--format=tar", commit, "--", *folders, binary=True)
    if archive.returncode != 0:
        raise RevisionError(f"git archive {commit[:10]}: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")  # refuses links out of target and absolute paths


@dataclass
class SideData:
    """The YAML files of one side (path from the root → parsed data, None when unreadable)
    and what is wrong with its data as a whole (empty when they load)."""

    files: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)  # Problem, or a plain message when loading broke

    @property
    def sound(self) -> bool:
        return not self.problems

    def data(self, rel: str):
        return self.files.get(rel)

    def under(self, folder: str) -> dict:
        """{file stem: data} of the `.yml` files directly in `folder`."""
        prefix = folder.rstrip("/") + "/"
        return {Path(rel).stem: data for rel, data in self.files.items()
                if rel.startswith(prefix) and "/" not in rel[len(prefix):]}


def read_side(root: Path) -> SideData:
    side = SideData()
    data = root / "data"
    for path in sorted(data.rglob("*.yml")) if data.is_dir() else []:
        if path.is_symlink() or not path.is_file():
            continue  # load_site reports links; nothing is read through one
        doc, _problems = load_yaml(path, root)
        side.files[path.relative_to(root).as_posix()] = doc.data
    try:
        load_site(root)
    except DataProblems as found:
        side.problems = list(found.problems)
    except Exception as error:  # data of an older layout than today's code expects
        side.problems = [f"el código de hoy no sabe leer esos datos, quizá de una forma anterior ({type(error).__name__}: "
                         f"{error}) / today's code cannot read those data, perhaps of an earlier layout"]
    return side


def first_problem(side: SideData) -> str:
    problem = side.problems[0]
    if isinstance(problem, Problem):
        return f"{problem.file}:{problem.line}:{problem.column}: {problem.message_es} / {problem.message_en}"
    return str(problem)

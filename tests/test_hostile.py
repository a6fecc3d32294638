"""The hostile corpus (tests/hostile/, see its README): every case gives a `file:line`
message in Spanish and English, never a traceback, never a hang, and nothing is built.

Runs the loader alone, on one copy of the data for the whole session: each case is put
in, loaded, and taken out again (the files restored with their old times, so the
loader's cache of checked files stays true).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from hooks.sitegen.load import load_site
from hooks.sitegen.problems import DataProblems
from hooks.sitegen.yamlsource import load_yaml
from tests.conftest import build, copy_project
from tests.datafiles import copy_data

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASE_FILES = sorted(p for p in HOSTILE.iterdir() if p.name != "README.md")
TIME_LIMIT = 10  # seconds for one case, hang guard included


@dataclass
class Case:
    name: str
    header: dict = field(default_factory=dict)
    content: bytes = b""

    @property
    def action(self) -> str:
        return next(k for k in ("put", "edit", "move", "copy", "delete") if k in self.header)


def read_case(path: Path) -> Case:
    content = path.read_bytes()
    header = {}
    for line in content.split(b"\n"):
        if not line.startswith(b"#> "):
            break
        key, _, value = line[3:].decode("utf-8").partition(": ")
        header[key] = value
    return Case(path.name, header, content)


def _unescape(text: str) -> str:
    return json.loads('"' + text.replace('"', '\\"') + '"')


def apply(case: Case, tree: Path) -> tuple[list[str], int | None]:
    """Puts the case in `tree`; returns the paths it touched and, for an edit, the line of `old`."""
    h = case.header
    if case.action == "put":
        (tree / h["put"]).write_bytes(case.content)
        return [h["put"]], None
    if case.action == "edit":
        path = tree / h["edit"]
        text = path.read_text(encoding="utf-8")
        old, new = _unescape(h["old"]), _unescape(h["new"])
        assert old in text, f"{case.name}: {old!r} is no longer in {h['edit']}: update the case"
        line = text[: text.index(old)].count("\n") + 1
        path.write_bytes(text.replace(old, new, 1).encode("utf-8"))
        return [h["edit"]], line
    if case.action == "delete":
        (tree / h["delete"]).unlink()
        return [h["delete"]], None
    source, _, target = h[case.action].partition(" -> ")
    (tree / target).parent.mkdir(parents=True, exist_ok=True)
    (shutil.move if case.action == "move" else shutil.copy)(tree / source, tree / target)
    touched = [source, target]
    if (tree / target).parent != (tree / source).parent:
        touched.append(str(Path(target).parent))
    return touched, None


def restore(touched: list[str], pristine: Path, tree: Path) -> None:
    for rel in touched:
        here = tree / rel
        if here.is_dir() and not here.is_symlink():
            shutil.rmtree(here)
        elif here.exists() or here.is_symlink():
            here.unlink()
        if (pristine / rel).is_file():
            shutil.copy2(pristine / rel, here)  # same content, same time: the loader's cache stays true


def expected_line(case: Case, edit_line: int | None) -> tuple[str, int]:
    file, _, line = case.header["expect"].rpartition(":")
    if line.startswith("@"):
        return file, edit_line + int(line[1:] or 0)
    return file, int(line)


@contextlib.contextmanager
def time_limit(seconds: int):
    """Fails instead of hanging (SIGALRM interrupts Python code, in the main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="session")
def data_trees(tmp_path_factory):
    """A pristine copy of the data (never changed) and a working copy the cases go into."""
    base = tmp_path_factory.mktemp("hostile")
    pristine = copy_data(base / "pristine")
    # Cases that edit Argentina's file edit a frozen copy, so they outlive edits to the profile.
    shutil.copy(Path(__file__).parent / "fixtures" / "country-ar.yml", pristine / "data/countries/ar.yml")
    tree = base / "tree"
    shutil.copytree(pristine, tree, copy_function=shutil.copy2)
    return pristine, tree


def problems_for(tree: Path) -> tuple[list, float]:
    start = time.perf_counter()
    with time_limit(TIME_LIMIT), pytest.raises(DataProblems) as caught:
        load_site(tree)
    return caught.value.problems, time.perf_counter() - start


def test_the_corpus_is_large_and_every_case_is_well_formed():
    assert len(CASE_FILES) >= 40
    for path in CASE_FILES:
        case = read_case(path)
        assert {"case", "expect", "message"} <= set(case.header), path.name
        case.action  # noqa: B018 - raises when a case says nothing to do


def test_the_untouched_copy_loads(data_trees):
    load_site(data_trees[1])


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.name for p in CASE_FILES])
def test_a_hostile_file_gets_a_message_at_its_line(path, data_trees):
    pristine, tree = data_trees
    case = read_case(path)
    touched, edit_line = apply(case, tree)
    try:
        problems, seconds = problems_for(tree)
    finally:
        restore(touched, pristine, tree)
    file, line = expected_line(case, edit_line)
    fragment = case.header["message"]
    shown = "\n".join(p.format() for p in problems)
    assert any(p.file == file and p.line == line and (fragment in p.message_en or fragment in p.message_es)
               for p in problems), f"{case.name}: expected {file}:{line} «{fragment}»; got:\n{shown}"
    for problem in problems:
        assert problem.message_es and problem.message_en and problem.message_es != problem.message_en, shown
    assert "Traceback" not in DataProblems(problems).report()
    assert seconds < 5, f"{case.name} took {seconds:.1f} s"


def test_a_billion_laughs_fails_in_milliseconds_without_expanding(tmp_path):
    case = read_case(HOSTILE / "billion-laughs.yml")
    path = tmp_path / "laughs.yml"
    path.write_bytes(case.content)
    start = time.perf_counter()
    with time_limit(TIME_LIMIT):
        doc, problems = load_yaml(path, tmp_path)
    assert time.perf_counter() - start < 0.2
    assert doc.data is None and "more than 20 aliases" in problems[0].message_en


# -- symbolic links: made here, since git may not keep a link to /proc ------------------

@pytest.mark.parametrize("link, target", [
    ("docs/materiales/files/folleto-violencia-es.pdf", "/proc/self/environ"),
    ("data/countries/ar.yml", "FIFO"),  # reading it would block: the link must be refused first
    ("data/materials", "../../outside"),
    ("docs/es/acerca.md", "/etc/passwd"),
])
def test_a_symbolic_link_is_refused_before_anything_is_read(link, target, data_trees, tmp_path):
    pristine, tree = data_trees
    if target == "FIFO":
        target = tmp_path / "pipe"
        os.mkfifo(target)
    elif target.startswith(".."):
        (tmp_path / "outside").mkdir()
        target = tmp_path / "outside"
    (tree / link).parent.mkdir(parents=True, exist_ok=True)
    moved = tmp_path / "moved-away"
    if (tree / link).exists():
        shutil.move(tree / link, moved)
    (tree / link).symlink_to(target)
    try:
        problems, _ = problems_for(tree)
    finally:
        (tree / link).unlink()
        if moved.exists():
            shutil.move(moved, tree / link)
    assert [(p.file, p.line) for p in problems] == [(link, 1)]
    assert "symbolic link" in problems[0].message_en and "enlace simbólico" in problems[0].message_es


# -- the same verdict from `make check` and from the build --------------------------------

@pytest.fixture(scope="module")
def whole_project(tmp_path_factory):
    pristine = copy_project(tmp_path_factory.mktemp("verdict") / "pristine")
    tree = pristine.parent / "tree"
    shutil.copytree(pristine, tree, copy_function=shutil.copy2)
    return pristine, tree


def _places(output: str) -> list[str]:
    return sorted(line.split(": ", 1)[0] for line in output.splitlines() if line.startswith("data/"))


@pytest.mark.parametrize("name", ["ui-missing-key.yml", "deleted-campaign-yml.yml", "gt-yaml.yml",
                                  "ui-placeholder-translated.yml", "recursive-alias-list.yml"])
def test_check_and_build_give_the_same_verdict(name, whole_project, tmp_path):
    pristine, tree = whole_project
    case = read_case(HOSTILE / name)
    touched, _ = apply(case, tree)
    try:
        check = subprocess.run([sys.executable, "-m", "hooks.sitegen.check"], cwd=tree, capture_output=True,
                               text=True, timeout=120)
        built = build(tree, tmp_path / "site")
    finally:
        restore(touched, pristine, tree)
    assert check.returncode == 1 and built.returncode != 0, check.stdout + built.stderr
    assert "Datos correctos" not in check.stdout
    assert "Traceback" not in check.stderr + built.stderr
    assert _places(check.stderr) and _places(check.stderr) == _places(built.stderr)


def test_new_country_refuses_a_code_outside_the_region(data_trees):
    from hooks.sitegen.scaffold import new_country
    with pytest.raises(SystemExit, match="data/region.yml"):
        new_country("fr", data_trees[1])
    assert not (data_trees[1] / "data/countries/fr.yml").exists()

#!/usr/bin/env python3
"""`make compare-engines`: is ProperDocs still a drop-in replacement for MkDocs here?

Builds the site twice, as `make build` does (the offline bundle first, then the strict
build that publishes it), once with MkDocs and once with ProperDocs, each into its own
temporary folder, and compares the two sites byte for byte. Both builds get the same
day (SITE_TODAY) and the same build date (SOURCE_DATE_EPOCH, used by the sitemap and its
gzip header), so only the engine differs. Prints every file that is missing on one side
or differs, and exits with 1 if there is any.

`--compare A B` only compares two folders already built (no build).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import filecmp
import os
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGINES = ("mkdocs", "properdocs")


def tree_differences(a: Path, b: Path) -> list[str]:
    """One line per file that is only in `a`, only in `b`, or not byte-identical in both."""
    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    in_a, in_b = files(a), files(b)
    lines = [f"only in {a.name}: {path}" for path in sorted(in_a - in_b)]
    lines += [f"only in {b.name}: {path}" for path in sorted(in_b - in_a)]
    lines += [f"differs: {path}" for path in sorted(in_a & in_b)
              if not filecmp.cmp(a / path, b / path, shallow=False)]
    return lines


def fixed_env(today: dt.date) -> dict[str, str]:
    """The environment both builds share: the same day and build date, no MkDocs 2 notice."""
    epoch = calendar.timegm(today.timetuple())
    return {**os.environ, "SITE_TODAY": today.isoformat(), "SOURCE_DATE_EPOCH": str(epoch),
            "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(command)}")


def build(engine: str, out: Path, env: dict[str, str]) -> Path:
    """The site as `make build ENGINE=<engine>` makes it, into out/<engine>/."""
    command = Path(sys.executable).with_name(engine)
    if not command.exists():
        raise SystemExit(f"{command} is missing: install requirements.txt (make build does)")
    bundle = out / f"{engine}-offline.zip"
    site = out / engine
    run([sys.executable, str(ROOT / "scripts/make_offline.py"), "--engine", engine, "--out", str(bundle)], env)
    run([str(command), "build", "--strict", "-q", "-d", str(site)], {**env, "OFFLINE_BUNDLE": str(bundle)})
    return site


def report(a: Path, b: Path) -> int:
    differences = tree_differences(a, b)
    count = sum(1 for p in a.rglob("*") if p.is_file())
    if differences:
        print(f"{len(differences)} difference(s) between {a} and {b}:")
        print("\n".join(f"  {line}" for line in differences))
        return 1
    print(f"identical: {count} files, byte for byte ({a.name} and {b.name})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"),
                        help="compare two folders already built instead of building")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="build into DIR (kept afterwards) instead of a temporary folder")
    args = parser.parse_args(argv)
    if args.compare:
        return report(*args.compare)
    print("engines: " + ", ".join(f"{e} {version(e)}" for e in ENGINES))
    env = fixed_env(dt.date.today())
    with tempfile.TemporaryDirectory(prefix="engines-") as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        sites = [build(engine, out, env) for engine in ENGINES]
        return report(*sites)


if __name__ == "__main__":
    sys.exit(main())

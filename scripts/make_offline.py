#!/usr/bin/env python3
"""`make offline`: the whole site as a zip that opens from files on disk (file://), with
navigation, language switching and search in every language, for reading without internet.

Builds the site with Material's offline plugin (OFFLINE=true: plain .html addresses, the
search index as a script) into a temporary folder, then zips it with fixed dates and
order so the same content gives the same zip. `make build` then publishes the zip and
links it from every page's footer with its size. `--engine properdocs` builds it with
ProperDocs instead of MkDocs (`make build ENGINE=properdocs`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "offline" / "sitio-sin-conexion.zip"
FOLDER = "sitio-sin-conexion"  # the folder the zip unpacks to
SKIP_SUFFIXES = (".map",)  # source maps: for developers only
SKIP_NAMES = ("_headers",)
ENGINES = ("mkdocs", "properdocs")  # ProperDocs: the drop-in fork of MkDocs 1.6 (README, "Maintenance")


def build_offline(site_dir: Path, engine: str = "mkdocs") -> None:
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    command = Path(sys.executable).with_name(engine)
    result = subprocess.run([str(command), "build", "--strict", "-q", "-d", str(site_dir)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(result.returncode)


def write_zip(site_dir: Path, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(site_dir.rglob("*")):
            if not path.is_file() or path.suffix in SKIP_SUFFIXES or path.name in SKIP_NAMES:
                continue
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site_dir).as_posix()}", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, path.read_bytes())
    tmp.replace(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
        site_dir = Path(tmp) / "site"
        build_offline(site_dir, args.engine)
        write_zip(site_dir, args.out)
    print(f"{args.out}: {args.out.stat().st_size / 1024 / 1024:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make edit`: the form editor on this machine, with no account.

Runs two programs together and stops both when one stops or on Ctrl-C:
- Decap's local backend (npm `decap-server`, pinned in package-lock.json), which reads and
  writes the files of the working tree (only from 127.0.0.1);
- `mkdocs serve`, which rebuilds the site whenever a file changes. The editor is at
  http://127.0.0.1:8000/admin/ and talks to decap-server at the port given here (the build
  writes it into admin/config.yml and into the editor's policy).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SERVER = Path("node_modules/decap-server/dist/index.js")


def commands(root: Path, port: int, address: str, engine: str) -> list[tuple[list[str], dict]]:
    """The two programs, each with the variables it reads."""
    server = ([os.environ.get("NODE", "node"), str(root / SERVER)],
              {"PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs", "GIT_REPO_DIRECTORY": str(root),
               "LOG_LEVEL": "warn"})
    site = ([str(Path(sys.executable).with_name(engine)), "serve", "--livereload", "--dev-addr", address],
            {"DECAP_SERVER_PORT": str(port), "NO_MKDOCS_2_WARNING": "1"})
    return [server, site]


def run(root: Path, port: int, address: str, engine: str) -> int:
    if not (root / SERVER).is_file():
        print(f"falta {SERVER}: ejecuta «make node-tools» / {SERVER} is missing: run 'make node-tools'",
              file=sys.stderr)
        return 1
    # Ctrl-C (and a plain `kill`) stop both, even when started in the background, where
    # Ctrl-C's signal would otherwise be ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    processes = [subprocess.Popen(command, cwd=root, env={**os.environ, **env})
                 for command, env in commands(root, port, address, engine)]
    print(f"\nEditor: http://{address}/admin/  (Ctrl-C para terminar / to stop)\n", flush=True)
    try:
        while all(p.poll() is None for p in processes):
            time.sleep(0.3)
    except KeyboardInterrupt:
        pass
    finally:
        for p in processes:
            if p.poll() is None:
                p.terminate()
        for p in processes:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--port", type=int, default=8081, help="decap-server's port")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="where mkdocs serve listens")
    parser.add_argument("--engine", default="mkdocs", choices=["mkdocs", "properdocs"])
    args = parser.parse_args(argv)
    return run(args.root.resolve(), args.port, args.dev_addr, args.engine)


if __name__ == "__main__":
    sys.exit(main())

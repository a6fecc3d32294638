"""`make check`: validates every data file and prints each problem as file:line:col.

Exit code 0 when all is well, 1 when there is a problem. Never a traceback for bad data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import annotations
from .load import load_site
from .problems import DataProblems
from .project import REPOSITORY


def main(root: Path = REPOSITORY) -> int:
    try:
        site = load_site(root)
    except DataProblems as problems:
        print(problems.report(), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            annotations.report(problems.problems)
        return 1
    print(f"Datos correctos: {len(site.countries)} países, {len(site.catalogue.indicators)} indicadores. "
          f"/ Data OK: {len(site.countries)} countries, {len(site.catalogue.indicators)} indicators.")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPOSITORY))

"""Time spent by the site's own code in one build, for `make bench` (scripts/bench.py).

Set SITEGEN_TIMINGS=<file.json> and each build appends one JSON line with the seconds
spent loading/validating data and generating pages, and on the country briefs
(seconds, how many were made and how many read from `.cache/briefs/`). Costs nothing when unset.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from contextlib import contextmanager


class Timings:
    def __init__(self) -> None:
        self._spent: dict[str, float] = defaultdict(float)

    @contextmanager
    def measure(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self._spent[name] += time.perf_counter() - start
            self._spent[name + "_calls"] += 1

    def add(self, figures: dict[str, float]) -> None:
        """Figures measured elsewhere (the country briefs: seconds, how many made)."""
        for name, value in figures.items():
            self._spent[name] += value

    def write(self, target: str | None) -> None:
        if target:
            with open(target, "a", encoding="utf-8") as out:
                out.write(json.dumps(dict(self._spent)) + "\n")

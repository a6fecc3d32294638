"""Time spent by the site's own code in one build, for `make bench` (scripts/bench.py).

Set SITEGEN_TIMINGS=<file.json> and each build appends one JSON line with the seconds
spent loading/validating data and generating pages. Costs nothing when unset.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from contextlib import contextmanager

_spent: dict = defaultdict(float)


def start_build() -> None:
    _spent.clear()


@contextmanager
def measure(name: str):
    start = time.perf_counter()
    try:
        yield
    finally:
        _spent[name] += time.perf_counter() - start
        _spent[name + "_calls"] += 1


def finish_build() -> None:
    target = os.environ.get("SITEGEN_TIMINGS")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps(dict(_spent)) + "\n")

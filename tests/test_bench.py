"""The benchmark script runs end to end on the smallest network, so it cannot rot."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_runs_on_the_smallest_network(tmp_path):
    out = tmp_path / "bench.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/bench.py"), "--runs", "1", "--sizes", "17", "--no-serve", "--out", str(out)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    report = out.read_text(encoding="utf-8")
    for heading in ("Real site against bare MkDocs", "Synthetic networks", "Page weight"):
        assert heading in report
    ratio = next(line for line in report.splitlines() if line.startswith("| ratio real / baseline"))
    assert float(ratio.split("|")[3]) > 0
    row = next(line for line in report.splitlines() if line.startswith("| 17 |"))
    hand_written = len(list((ROOT / "docs/es").rglob("*.md")))
    per_language = 17 + 1 + hand_written + 1  # profiles, countries index, hand-written pages, 404
    assert int(row.split("|")[2]) == 3 * per_language

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
    assert float(ratio.split("|")[3]) > 0 and float(ratio.split("|")[4]) > 0
    row = next(line for line in report.splitlines() if line.startswith("| 17 |"))
    sys.path.insert(0, str(ROOT))
    from hooks.sitegen.load import load_site
    from hooks.sitegen.pages import generated_paths
    generated = len(generated_paths(load_site(ROOT)))
    hand_written = len(list((ROOT / "docs/es").rglob("*.md")))
    per_language = generated + hand_written + 1  # and the 404 page
    assert int(row.split("|")[2]) == 3 * per_language

"""The data are loaded and validated once per build command, not once per language."""

from __future__ import annotations

import json

from tests.conftest import ROOT, build


def test_data_are_loaded_once_per_build_and_pages_generated_once_per_language(tmp_path, site_data):
    timings = tmp_path / "timings.json"
    result = build(ROOT, tmp_path / "site", {"SITEGEN_TIMINGS": str(timings)})
    assert result.returncode == 0, result.stderr
    lines = timings.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1  # one record for the whole build command
    record = json.loads(lines[0])
    assert record["load_and_validate_calls"] == 1
    assert record["generate_pages_calls"] == 3  # es, en, pt

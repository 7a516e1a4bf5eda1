"""The build benchmark runs end to end at a tiny size, so it cannot rot between the runs that
BENCHMARKS.md records. It checks that every figure is there, never how fast anything was."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_bench_runs_every_variant_and_prints_every_figure(tmp_path):
    figures = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools/bench/bench.py"), "--sizes", "2,4", "--runs", "1", "--previews", "1",
         "--preview-sizes", "0,2", "--json", str(figures)],
        capture_output=True, text=True, timeout=1200,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(figures.read_text())
    assert [size["articles"] for size in data["sizes"]] == [2, 4]
    for size in data["sizes"]:
        assert {"full, cold", "full", "full, one page edited", "plain"} <= set(size["variants"])
        for figures_of in size["variants"].values():
            assert figures_of["seconds"] > 0 and figures_of["output_bytes"] > 0 and figures_of["search_bytes"] > 0
        assert any(origin.startswith("hooks/") for origin in size["profile"])
        browser = size["reader"]["browser"]
        assert set(browser) == {"this project", "plain Material", "plain Pagefind"}
        for languages in browser.values():
            for figures_of in languages.values():
                assert figures_of["first_search_bytes"] > 0 and figures_of["to_results_slow4g_s"] > 0 and figures_of["heap_bytes"] > 0
    assert set(data["preview"]) == {"0", "2"}  # the real site, and with articles added
    for variants in data["preview"].values():  # one-page rebuilds, and the every-page baseline they are compared with
        assert len(variants) == 2
        assert all(preview["seconds"] > 0 and preview["cpu_seconds"] > 0 for preview in variants.values())
    for heading in ("× plain", "our hooks", "Growth exponent", "Live preview", "one-page rebuild / every page", "indexing",
                    "Reader's side of search"):
        assert heading in result.stdout

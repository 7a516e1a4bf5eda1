"""The page-weight part of tools/eval/readerreport.py runs and the home page stays within its budget
(Lighthouse itself is kept out of pass/fail: its scores move between runs)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def test_page_weight_report_runs_and_home_pages_are_within_budget(site):
    result = subprocess.run([sys.executable, str(ROOT / "tools/eval/readerreport.py"), "--no-lighthouse", "--site", str(site)],
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith(("  ko:", "  en:"))]
    assert len(lines) == 2 and all("within" in line for line in lines), result.stdout

"""Two builds of the same sources with SOURCE_DATE_EPOCH set are byte for byte the same."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT
from tests.html import tree_digest


def test_two_builds_are_byte_identical(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764000000"}
    for name in ("one", "two"):
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / name)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
    one, two = tree_digest(tmp_path / "one"), tree_digest(tmp_path / "two")
    assert len(one) > 50
    assert [name for name in one if one[name] != two.get(name)] == [] and one.keys() == two.keys()

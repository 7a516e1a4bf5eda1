"""Two builds of the same sources with SOURCE_DATE_EPOCH set are byte for byte the same."""

from __future__ import annotations

from tests.conftest import ROOT, build
from tests.html import tree_digest


def test_two_builds_are_byte_identical(tmp_path):
    for name in ("one", "two"):
        build(ROOT, tmp_path / name, check=True, env={"SOURCE_DATE_EPOCH": "1764000000"})
    one, two = tree_digest(tmp_path / "one"), tree_digest(tmp_path / "two")
    assert len(one) > 50
    assert [name for name in one if one[name] != two.get(name)] == [] and one.keys() == two.keys()

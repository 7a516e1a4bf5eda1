"""Two builds of the same sources with SOURCE_DATE_EPOCH set are byte for byte the same."""

from __future__ import annotations

from tests.conftest import PROJECT, SESSION_EPOCH, Build, build
from tests.html import tree_digest


def test_a_second_build_is_byte_identical_to_the_first(real_build: Build, tmp_path):
    """The session's real build is a reproducible one (SOURCE_DATE_EPOCH, tests/conftest.py); this
    one runs after it, with the caches (.cache/) it left: they save time and change nothing."""
    build(PROJECT, tmp_path / "again", check=True, env={"SOURCE_DATE_EPOCH": SESSION_EPOCH})
    one, two = tree_digest(real_build.site), tree_digest(tmp_path / "again")
    assert len(one) > 50
    assert [name for name in one if one[name] != two.get(name)] == [] and one.keys() == two.keys()

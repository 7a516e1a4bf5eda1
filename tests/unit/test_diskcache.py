"""The .cache/ files: a cache is only ever a shortcut, never a source of stale or broken results."""

from __future__ import annotations

from helpcenter import diskcache


def test_entries_come_back_for_the_version_that_wrote_them(tmp_path):
    diskcache.save(tmp_path / "c.json", "v1", {"a": [1, "x"]})
    assert diskcache.load(tmp_path / "c.json", "v1") == {"a": [1, "x"]}


def test_another_version_starts_empty(tmp_path):
    diskcache.save(tmp_path / "c.json", "v1", {"a": 1})
    assert diskcache.load(tmp_path / "c.json", "v2") == {}


def test_a_missing_or_damaged_cache_starts_empty(tmp_path):
    assert diskcache.load(tmp_path / "none.json", "v1") == {}
    (tmp_path / "c.json").write_text('{"version": "v1", "entries": {"a"', encoding="utf-8")
    assert diskcache.load(tmp_path / "c.json", "v1") == {}


def test_fingerprint_changes_with_any_part():
    assert diskcache.fingerprint(["a", "b"]) != diskcache.fingerprint(["ab"])
    assert diskcache.fingerprint(["a", b"b"]) == diskcache.fingerprint(["a", "b"])

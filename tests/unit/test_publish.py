"""Publishing switches the output in one step, and a failed build leaves the old output untouched."""

from __future__ import annotations

from pathlib import Path

from publish import publish

from tests.html import tree_digest


def fake_build(pages: dict[str, str], code: int = 0):
    def build(target: Path) -> int:
        target.mkdir(parents=True)
        for name, text in pages.items():
            (target / name).write_text(text)
        return code

    return build


def test_successful_build_becomes_the_output(tmp_path):
    assert publish(tmp_path / "site", fake_build({"index.html": "v1"})) == 0
    assert (tmp_path / "site" / "index.html").read_text() == "v1"


def test_failed_build_leaves_the_previous_output_byte_for_byte(tmp_path):
    publish(tmp_path / "site", fake_build({"index.html": "v1", "a.html": "a"}))
    before = tree_digest(tmp_path / "site")
    assert publish(tmp_path / "site", fake_build({"index.html": "half"}, code=1)) == 1
    assert publish(tmp_path / "site", fake_build({"a.html": "no index page"})) == 1
    assert tree_digest(tmp_path / "site") == before
    assert len(list((tmp_path / ".site-builds").iterdir())) == 1  # failed attempts leave nothing behind


def test_output_is_switched_by_one_rename_and_the_previous_build_is_kept(tmp_path):
    publish(tmp_path / "site", fake_build({"index.html": "v1"}))
    first = (tmp_path / "site").resolve()
    publish(tmp_path / "site", fake_build({"index.html": "v2"}))
    assert (tmp_path / "site").is_symlink() and (tmp_path / "site" / "index.html").read_text() == "v2"
    assert (first / "index.html").read_text() == "v1"
    publish(tmp_path / "site", fake_build({"index.html": "v3"}))
    assert not first.exists()  # only the current and the previous build are kept


def test_a_plain_output_folder_is_kept_not_deleted(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("from mkdocs build")
    publish(tmp_path / "site", fake_build({"index.html": "v1"}))
    adopted = [p for p in (tmp_path / ".site-builds").iterdir() if p.name.endswith("-adopted")]
    assert (adopted[0] / "index.html").read_text() == "from mkdocs build"

"""Publishing switches the output in one step, and a failed build leaves the old output untouched."""

from __future__ import annotations

import time
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
    assert len([p for p in (tmp_path / ".site-builds").iterdir() if p.is_dir()]) == 1  # failed attempts leave nothing behind


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


def test_the_live_build_survives_a_killed_build(tmp_path):
    publish(tmp_path / "site", fake_build({"index.html": "v1"}))
    publish(tmp_path / "site", fake_build({"index.html": "v2"}))
    live = (tmp_path / "site").resolve()
    # A build killed mid-way leaves the newest folder in the store, half written.
    killed = tmp_path / ".site-builds" / "99999999T999999-killed"
    (killed / "site").mkdir(parents=True)
    (killed / "site" / "index.html").write_text("half")
    assert publish(tmp_path / "site", fake_build({"index.html": "v3"})) == 0
    assert (live / "index.html").read_text() == "v2"  # the build that was live is kept as the previous one
    assert not killed.exists()


def test_published_files_are_readable_by_a_web_server_running_as_another_user(tmp_path):
    publish(tmp_path / "site", fake_build({"index.html": "v1", "a.html": "a"}))
    site = (tmp_path / "site").resolve()
    for path in [site, site.parent, *site.rglob("*")]:
        mode = path.stat().st_mode & 0o777
        assert mode == (0o755 if path.is_dir() else 0o644), f"{path}: {oct(mode)}"


def test_a_second_build_waits_for_the_first_instead_of_pruning_it(tmp_path):
    import threading

    order = []

    def slow(pages):
        def build(target):
            order.append("start")
            time.sleep(0.5)
            fake_build(pages)(target)
            order.append("end")
            return 0
        return build

    first = threading.Thread(target=publish, args=(tmp_path / "site", slow({"index.html": "v1"})))
    first.start()
    time.sleep(0.1)
    assert publish(tmp_path / "site", slow({"index.html": "v2"})) == 0
    first.join()
    assert order == ["start", "end", "start", "end"]
    assert (tmp_path / "site" / "index.html").read_text() == "v2"

"""The preview's one-page rebuilds (hooks/helpcenter/incremental.py): only text edits of existing
pages below their front matter rebuild alone, anything else builds every page; and the cross-build
cache the build state names keeps the other pages' entries, and nothing of a failed build."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from helpcenter import buildstate, incremental, registry
from helpcenter.draft import Problem

from tests.conftest import ROOT

PAGE = "---\ntitle: 결제 오류\ndescription: 결제가 되지 않을 때 점검할 순서입니다.\n---\n\n# 결제 오류\n\n본문입니다.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for path, text in {"docs/ko/payment/errors.md": PAGE, "docs/en/payment/errors.md": PAGE.replace("결제", "Pay"),
                       "docs/ko/faq.md": PAGE, "docs/en/faq.md": PAGE, "data/facts.yml": "facts: []\n", "mkdocs.yml": "site_name: x\n"}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return tmp_path


def snap(project: Path) -> dict:
    return incremental.snapshot(project, ["docs", "data", "mkdocs.yml"])


def edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_a_body_edit_rebuilds_the_page_and_its_translations_only(project):
    before = snap(project)
    edit(project, "docs/ko/payment/errors.md", "본문입니다.", "본문을 고쳤습니다.")
    assert incremental.plan(before, snap(project)) == {"ko/payment/errors.md", "en/payment/errors.md"}
    edit(project, "docs/en/faq.md", "본문입니다.", "Edited.")
    assert incremental.plan(before, snap(project)) == {"ko/payment/errors.md", "en/payment/errors.md", "ko/faq.md", "en/faq.md"}


def test_nothing_saved_rebuilds_nothing(project):
    assert incremental.plan(snap(project), snap(project)) == frozenset()


@pytest.mark.parametrize("change", [
    lambda p: edit(p, "docs/ko/faq.md", "title: 결제 오류", "title: 새 제목"),           # front matter: navigation, titles
    lambda p: edit(p, "docs/ko/faq.md", "---\ntitle", "---\ntopic: x\ntitle"),
    lambda p: (p / "docs/ko/new.md").write_text(PAGE, encoding="utf-8"),                  # a new page
    lambda p: (p / "docs/en/faq.md").unlink(),                                            # a deleted page
    lambda p: (p / "docs/ko/faq.md").rename(p / "docs/ko/questions.md"),                  # a renamed page
    lambda p: edit(p, "data/facts.yml", "[]", "[1]"),                                     # data, config, images
    lambda p: edit(p, "mkdocs.yml", "x", "y"),
    lambda p: (p / "docs/ko/payment/card.png").write_bytes(b"\x89PNG"),
    lambda p: (p / "docs/ko/Payment Help").mkdir(),                                      # a folder: its name is checked
    lambda p: (p / "docs/ko/faq.md").unlink() or (p / "docs/ko/faq.md").symlink_to(p / "docs/en/faq.md"),  # a link, same text
])
def test_anything_but_page_text_builds_every_page(project, change):
    before = snap(project)
    change(project)
    assert incremental.plan(before, snap(project)) is None


def test_the_first_build_and_a_new_day_build_every_page(project):
    assert incremental.plan(None, snap(project)) is None
    yesterday = {**snap(project), "(today)": ("2000-01-01", "")}
    assert incremental.plan(yesterday, snap(project)) is None


def test_a_page_whose_front_matter_never_closes_counts_as_all_front_matter():
    assert incremental.front_matter("---\ntitle: x\nbody") == "---\ntitle: x\nbody"
    assert incremental.front_matter("# no front matter\n") == ""
    assert incremental.front_matter("---\ntitle: x\n---\nbody\n") == "---\ntitle: x\n---\n"


def test_a_one_page_build_keeps_the_other_pages_entries_in_the_last_builds_order():
    cache = incremental.PreviewCache()
    before = {"/a/": "A", "/b/": "B", "/c/": "C"}
    assert cache.kept(before, {"/b/": "B2"}) == {"/b/": "B2"}  # a build of every page keeps nothing
    cache.rebuilding = frozenset({"ko/b.md"})
    kept = cache.kept(before, {"/b/": "B2"})
    assert kept == {"/a/": "A", "/b/": "B2", "/c/": "C"} and list(kept) == ["/a/", "/b/", "/c/"]
    assert cache.kept_set({"x", "y"}, {"z"}) == {"x", "y", "z"}


def test_other_pages_problems_that_change_put_a_one_page_build_in_doubt():
    cache = incremental.PreviewCache()
    site, kept, rebuilt = Problem("mkdocs.yml:3: x", None), Problem("docs/ko/a.md:2: y", "ko/a.md"), Problem("docs/ko/b.md:5: z", "ko/b.md")
    cache.check_problems([site, kept], lambda p: p.src)  # a build of every page only notes them
    cache.rebuilding = frozenset({"ko/b.md"})
    cache.check_problems([site, kept, rebuilt], lambda p: p.src)  # the rebuilt page's own may change
    for changed in ([kept, rebuilt], [site, rebuilt], [site, kept, Problem("docs/ko/a.md:9: new", "ko/a.md")]):
        with pytest.raises(incremental.Doubt):
            cache.check_problems(changed, lambda p: p.src)


def test_a_failed_build_leaves_nothing_to_reuse():
    cache = incremental.PreviewCache()
    cache.last.snapshot, cache.last.pages, cache.rebuilding = {"(today)": ("x", "")}, {"ko/a.md": object()}, frozenset()
    cache.deferred.append(lambda stop: None)
    cache.forget()
    assert cache.last == incremental.LastBuild() and cache.rebuilding is None and not cache.deferred
    assert incremental.plan(cache.last.snapshot, {"(today)": ("x", "")}) is None  # so the next build builds every page


def test_only_the_previews_builds_name_a_cross_build_cache(tmp_path):
    def state(owner: object) -> buildstate.BuildState:
        return buildstate.current(owner, lambda: registry.new_state(tmp_path, ["ko", "en"], "ko"))

    assert state(object()).preview_cache is None  # scripts/check, scripts/build, CI
    cache = incremental.PreviewCache()
    buildstate.carry(cache)
    try:
        first, second = state(object()), state(object())
        assert first.preview_cache is cache and second.preview_cache is cache  # the same object from build to build
    finally:
        buildstate.carry(None)
    assert state(object()).preview_cache is None


def test_a_one_page_rebuild_reuses_the_data_files_a_full_build_reads_again(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    calls = []
    original = registry.LOADERS["notices"]
    monkeypatch.setitem(registry.LOADERS, "notices", lambda *args: calls.append(1) or original(*args))
    cache = incremental.PreviewCache()
    buildstate.carry(cache)
    try:
        def build(pages: frozenset[str] | None) -> object:
            cache.rebuilding = pages  # as scripts/quickrebuild.py sets it for the build
            return buildstate.current(object(), lambda: registry.new_state(tmp_path, ["ko", "en"], "ko")).data("notices")

        first = build(None)
        assert build(frozenset({"ko/faq.md"})) is first and len(calls) == 1  # data/ did not change: the same value
        build(None)
        assert len(calls) == 2  # every page: read again
    finally:
        buildstate.carry(None)


def test_the_preview_parses_mkdocs_yml_again_whenever_its_text_changed():
    import io

    import draftserve

    text = b"site_name: x\nnav:\n  - a.md\n"
    draftserve.read_config(io.BytesIO(text))["nav"].append("b.md")  # a build changing what it was given
    assert draftserve.read_config(io.BytesIO(text)) == {"site_name": "x", "nav": ["a.md"]}
    assert draftserve.read_config(io.BytesIO(text.replace(b"a.md", b"c.md")))["nav"] == ["c.md"]


def test_known_digests_see_every_edit_also_one_that_keeps_the_files_size_and_time(project):
    known: dict = {}
    page = project / "docs/ko/faq.md"
    old = page.stat()
    before = incremental.snapshot(project, ["docs", "data", "mkdocs.yml"], known)
    assert before == snap(project)
    page.write_text(PAGE.replace("본문", "내용"), encoding="utf-8")  # same length in bytes
    os.utime(page, ns=(old.st_atime_ns, old.st_mtime_ns))  # and the time it had
    after = incremental.snapshot(project, ["docs", "data", "mkdocs.yml"], known)
    assert after == snap(project) and after["docs/ko/faq.md"] != before["docs/ko/faq.md"]
    assert incremental.plan(before, after) == {"ko/faq.md", "en/faq.md"}


def test_a_known_digest_is_reused_only_for_a_file_unchanged_since_well_before_it_was_read(project, monkeypatch):
    known: dict = {}
    page = project / "docs/ko/faq.md"
    incremental.snapshot(project, ["docs"], known)
    reads: list[str] = []
    real = incremental._digest
    monkeypatch.setattr(incremental, "_digest", lambda path: reads.append(path) or real(path))
    incremental.snapshot(project, ["docs"], known)
    assert str(page) in reads  # written just now: its status cannot tell a change in the same tick
    for path, (key, read_at, digest) in list(known.items()):
        known[path] = (key, read_at + 10 * incremental._SETTLED_NS, digest)  # as if read long after
    reads.clear()
    incremental.snapshot(project, ["docs"], known)
    assert reads == []
    page.write_text(PAGE + "\n더\n", encoding="utf-8")
    assert incremental.snapshot(project, ["docs"], known)["docs/ko/faq.md"] == real(str(page)) and reads == [str(page)]


def test_the_previews_watcher_reacts_to_every_kind_of_save_and_not_to_reading(project):
    """Every build reads every page: a watcher that took a read for a change would rebuild forever
    (and stop each search index before it lands)."""
    import draftserve

    server = draftserve.DraftServer(lambda: None, host="127.0.0.1", port=0, root=str(project))
    observer = draftserve._notified([str(project / "docs"), str(project / "mkdocs.yml")], server._changed)
    if observer is None:
        pytest.skip("no file notifications here: MkDocs' polling watcher is used")
    observer.start()
    try:
        page = project / "docs/ko/faq.md"
        page.read_text(encoding="utf-8")
        (project / "mkdocs.yml").read_text(encoding="utf-8")
        time.sleep(1)
        assert not server._want_rebuild, "reading a page counted as a change"
        page.write_text(PAGE + "\n더\n", encoding="utf-8")  # saved in place
        _noticed(server)
        replaced = project / "docs/ko/.faq.md.new"
        replaced.write_text(PAGE, encoding="utf-8")
        server._want_rebuild = False
        os.replace(replaced, page)  # saved as many editors do: a new file moved over the page
        _noticed(server)
    finally:
        observer.stop()
        observer.join()


def _noticed(server, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not server._want_rebuild:
        assert time.monotonic() < deadline, "the save was not noticed"
        time.sleep(0.05)
    server._want_rebuild = False

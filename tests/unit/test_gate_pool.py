"""The output gate's pages checked on another core (helpcenter/gate_pool.py, hooks/security_headers.py):
the same findings in the same order as checking inline, a worker that dies fails the build, and
no worker process outlives its build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import security_headers
from helpcenter import buildstate, gate_pool
from helpcenter.incremental import PreviewCache
from helpcenter.output_gate import Gate
from mkdocs.exceptions import PluginError

from tests.conftest import ROOT
from tests.unit.test_output_gate import HOSTILE, INERT, POLICY

PAGES = [*HOSTILE.values(), *INERT.values()]


def _gate(root: Path, workers: int) -> security_headers._Gate:
    gate = security_headers._Gate(root, "nav: []\n", POLICY, frozenset(), "", root / "cache.json", "v", {}, Gate(POLICY))
    gate.checks = gate_pool.start(POLICY, frozenset(), workers)
    return gate


def _written(gate: security_headers._Gate, pages: list[str]) -> None:
    """Each page as on_post_page gates it, with a finding of another kind between pages (as
    on_page_content's and the same-address check's are reported while pages are written)."""
    for number, page in enumerate(pages):
        label = f"docs/page-{number}.md"
        security_headers._gate(gate, page, label, page, f"page-{number}/", data=page.encode("utf-8"))
        gate.findings.append(security_headers.Problem(label, 1, "other-check", "found while writing"))


def _ended(pids: set[int]) -> bool:
    return not any(_alive(pid) for pid in pids)


def test_the_pool_reports_what_checking_inline_reports_in_the_same_order(tmp_path):
    inline, pooled = _gate(tmp_path, 0), _gate(tmp_path, 1)
    assert inline.checks is None and pooled.checks is not None
    _written(inline, PAGES)
    _written(pooled, PAGES)
    assert pooled.waiting and not pooled.findings[0].rule == "output-gate"
    security_headers._collect(pooled)
    security_headers._stop_pool(pooled, buildstate.BuildState(tmp_path, ("ko",), "ko"))
    assert pooled.findings == inline.findings
    assert any(problem.rule == "output-gate" for problem in pooled.findings)
    assert pooled.passed == inline.passed and pooled.passed  # the inert pages are remembered as passed


def test_a_page_remembered_as_passed_is_not_checked_again(tmp_path):
    gate = _gate(tmp_path, 1)
    page = next(iter(INERT.values()))
    _written(gate, [page])
    security_headers._collect(gate)
    _written(gate, [page])
    assert not gate.waiting  # its verdict came from the cache
    gate.checks.close()


def test_a_worker_that_dies_fails_the_build_with_a_clear_message(tmp_path):
    gate = _gate(tmp_path, 1)
    _written(gate, PAGES[:gate_pool.BATCH])  # one batch sent: the worker started
    workers = gate.checks.worker_pids()
    assert workers
    for pid in workers:
        os.kill(pid, signal.SIGKILL)
    _written(gate, PAGES)  # pages written after the worker died: never a pass
    with pytest.raises(PluginError, match="checking process stopped before every page was checked"):
        security_headers._collect(gate)
    gate.checks.close()
    assert _ended(workers)


@pytest.mark.parametrize("started", [True, False], ids=["after a page", "before any page"])
def test_a_page_submitted_after_the_pool_was_shut_down_is_a_failure_not_a_pass(started):
    checks = gate_pool.PageChecks(POLICY, frozenset(), 1)
    if started:
        checks.submit(b"<p>x</p>")
    checks.close()
    checks.submit(b"<p>y</p>")
    assert not checks.worker_pids()  # no new pool either
    with pytest.raises(gate_pool.WorkerDied):
        checks.results()


def test_stopping_the_build_shuts_the_workers_down(tmp_path, monkeypatch):
    monkeypatch.setattr(gate_pool, "usable_workers", lambda: 1)
    state = buildstate.BuildState(tmp_path, ("ko",), "ko")
    gate = security_headers._with_pool(_gate(tmp_path, 0), state)
    _written(gate, PAGES[:gate_pool.BATCH])
    workers = gate.checks.worker_pids()
    assert workers
    state.stop()  # on_post_build, on_build_error or the next build's start
    assert _ended(workers)
    state.stop()  # a second stop (the i18n plugin's nested build fails, then the outer one) does nothing


def test_every_build_of_a_process_stops_its_pool_when_it_fails_or_the_next_starts(tmp_path):
    owners, workers = [object(), object()], []
    for owner in owners:
        state = buildstate.current(owner, lambda: buildstate.BuildState(tmp_path, ("ko",), "ko"))
        checks = gate_pool.start(POLICY, frozenset(), 1)
        state.on_stop(checks.close)
        for _ in range(gate_pool.BATCH):
            checks.submit(b"<p>x</p>")
        workers.append(checks.worker_pids())
        assert workers[-1]
        if owner is owners[0]:
            security_headers.on_build_error(RuntimeError("a failed build"))
            assert _ended(workers[0])
    buildstate.current(object(), lambda: buildstate.BuildState(tmp_path, ("ko",), "ko"))  # a `mkdocs serve` rebuild
    assert _ended(workers[1])


def test_one_usable_core_means_checking_inline(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert gate_pool.usable_workers() == 0
    assert gate_pool.start(POLICY, frozenset()) is None
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2})
    assert gate_pool.usable_workers() == 2


def test_findings_found_later_go_where_they_were_promised():
    assert gate_pool.in_order(["a", "b", "c"], [(0, ["x"]), (2, []), (2, ["y", "z"]), (3, ["w"])]) == ["x", "a", "b", "y", "z", "c", "w"]
    assert gate_pool.in_order([], [(0, ["x"]), (0, ["y"])]) == ["x", "y"]


def test_the_pool_works_beside_other_threads(tmp_path):
    # `mkdocs serve` runs its server and watcher in threads: the workers then come from a forkserver.
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    waiting.start()
    try:
        inline, pooled = _gate(tmp_path, 0), _gate(tmp_path, 1)
        _written(inline, PAGES[:6])
        _written(pooled, PAGES[:6])
        security_headers._collect(pooled)
        pooled.checks.close()
        assert pooled.findings == inline.findings
    finally:
        stop.set()
        waiting.join()


KILLED_BUILD = """
import sys
from helpcenter import gate_pool
from helpcenter.gate_policy import CONTENT_POLICY
checks = gate_pool.start(CONTENT_POLICY, frozenset(), 1)
checks.submit(b"<p>x</p>")
checks.results()
print(*checks.worker_pids(), flush=True)
sys.stdin.read()
"""


def test_a_killed_build_takes_its_workers_with_it():
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    build = subprocess.Popen([sys.executable, "-c", KILLED_BUILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    assert build.stdout is not None
    workers = [int(pid) for pid in build.stdout.readline().split()]
    assert workers
    build.kill()
    build.wait()
    for pid in workers:  # not a time limit: the kernel ends them; this only waits until it has
        for _ in range(600):
            if not _alive(pid):
                break
            time.sleep(0.1)
        assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:  # a zombie is already ended
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


def test_the_previews_one_page_rebuild_checks_inline(tmp_path, monkeypatch):
    monkeypatch.setattr(gate_pool, "usable_workers", lambda: 1)
    state = buildstate.BuildState(tmp_path, ("ko",), "ko", preview_cache=PreviewCache())
    assert security_headers._with_pool(_gate(tmp_path, 0), state).checks is not None  # the preview's build of every page
    state.preview_cache.rebuilding = frozenset({"faq.md"})
    assert security_headers._with_pool(_gate(tmp_path, 0), state).checks is None
    state.stop()


SERVE_WITHOUT_PATH = """
import sys, threading
from helpcenter import gate_pool
from helpcenter.gate_policy import CONTENT_POLICY
sys.path.remove(sys.argv[1])  # as MkDocs leaves it after loading the hooks
stop = threading.Event()
threading.Thread(target=stop.wait, daemon=True).start()  # as `mkdocs serve`'s server: the workers come from a forkserver
checks = gate_pool.start(CONTENT_POLICY, frozenset(), 1)
checks.submit(b"<p>x</p>")
checks.submit(b"<script>alert(1)</script>")
try:
    print([len(findings) for findings in checks.results()])
finally:
    checks.close()
"""


def test_workers_start_when_hooks_is_not_on_the_path(tmp_path):
    hooks = str(ROOT / "hooks")
    result = subprocess.run([sys.executable, "-c", SERVE_WITHOUT_PATH, hooks], capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": hooks}, check=False, timeout=600)
    assert result.stdout.strip() == "[0, 1]", result.stderr[-2000:]


def test_a_small_site_is_checked_inline_and_a_large_one_beside_the_build(tmp_path, monkeypatch):
    """Starting a worker costs about what checking a couple of hundred pages does: a small site's
    pages are checked in the build's process, a large site's beside it."""
    monkeypatch.setattr(gate_pool, "usable_workers", lambda: 1)
    docs = tmp_path / "docs"
    for i in range(3):
        (docs / "ko").mkdir(parents=True, exist_ok=True)
        (docs / "ko" / f"page{i}.md").write_text("# 제목\n", encoding="utf-8")
    state = buildstate.BuildState(tmp_path, ("ko",), "ko")
    assert security_headers._with_pool(_gate(tmp_path, 0), state, docs).checks is None
    monkeypatch.setattr(gate_pool, "MIN_PAGES", 3)
    pooled = security_headers._with_pool(_gate(tmp_path, 0), state, docs)
    try:
        assert pooled.checks is not None
    finally:
        state.stop()

"""The output gate's page checks on the machine's other cores, while MkDocs renders the next pages.

MkDocs renders pages on one core. A page's verdict depends only on its published bytes, the
policy and the inline-script hashes, so the pages go, as they are written, to a small pool of
worker processes (one fewer than the usable cores); the build collects every verdict, in the
order the pages were written, before it may publish anything (hooks/security_headers.py). With
one usable core there is no pool: the caller checks inline, as before (same Gate, same results).

A worker that dies (killed, out of memory) fails the build with WORKER_DIED: never a pass.
The pool belongs to one build (its BuildState) and is shut down when the build ends, passed or
failed; see MAINTAINERS.md (## Security, "Pages checked beside the build").
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .gate_policy import Policy
from .output_gate import Finding, Gate

WORKER_DIED = ("the output gate's checking process stopped before every page was checked ({reason}), so this build "
               "fails and publishes nothing; build again (if it happens again: the machine may be out of memory)")


class WorkerDied(Exception):
    """A worker process ended before it returned every verdict."""


def usable_workers() -> int:
    """One fewer than the cores this process may run on (MkDocs keeps one); 0: check inline."""
    return max(len(os.sched_getaffinity(0)) - 1, 0)


# Fewer source pages than this are checked inline: a pool's start (a process, its policy) and its
# messages cost the build about what checking a hundred or two pages does (about 4 ms each), and
# the test suite's many small builds, which keep both cores busy already, would pay it each time.
MIN_PAGES = 200


def worth_a_pool(docs: Path) -> bool:
    """Whether the site under `docs` has enough pages for checking them beside the build to pay."""
    pages = 0
    for _ in docs.rglob("*.md"):
        pages += 1
        if pages >= MIN_PAGES:
            return True
    return False


def start(policy: Policy, hashes: frozenset[str], workers: int | None = None) -> PageChecks | None:
    """A pool for this build's pages, or None when only one core is usable (then check inline)."""
    workers = usable_workers() if workers is None else workers
    return PageChecks(policy, hashes, workers) if workers > 0 else None


# Pages sent to a worker together: one task, one wake-up and one reply each, which for single pages
# cost about as much in the building process as encoding and digesting them.
BATCH = 8


@dataclass
class PageChecks:
    """Pages submitted as they are written; their verdicts, in the same order, from `results()`."""

    policy: Policy
    hashes: frozenset[str]
    workers: int
    worker_cpu: float = 0.0  # processor seconds the workers spent (benchmarks add it to the gate's)
    waited: float = 0.0  # wall seconds `results()` waited for verdicts not yet ready
    _pool: ProcessPoolExecutor | None = None
    _batch: list[bytes] = field(default_factory=list)  # pages not sent yet
    _sent: list[Future] = field(default_factory=list)  # one per batch, each for its pages in order
    _collected: int = 0  # batches collected
    _failure: str | None = None

    def submit(self, data: bytes) -> None:
        """Queue one page (its published UTF-8 bytes)."""
        self._batch.append(data)
        if len(self._batch) >= BATCH:
            self._send()

    def results(self) -> list[list[Finding]]:
        """The findings of every page not yet collected, in submission order; waits for them.
        Raises WorkerDied if a worker ended before returning them."""
        self._send()
        verdicts: list[list[Finding]] = []
        start = time.perf_counter()
        try:
            for batch in range(self._collected, len(self._sent)):
                try:
                    pages, seconds = self._sent[batch].result()
                except BrokenProcessPool as error:
                    raise WorkerDied(WORKER_DIED.format(reason=f"{type(error).__name__}: {error}")) from error
                self.worker_cpu += seconds
                verdicts += pages
                self._collected = batch + 1
        finally:
            self.waited += time.perf_counter() - start
        return verdicts

    def _send(self) -> None:
        batch, self._batch = self._batch, []
        if not batch:
            return
        if self._failure is None:
            try:
                with _importable():  # a worker may start now
                    self._sent.append(self._executor().submit(_check, batch))
                return
            except (BrokenProcessPool, RuntimeError) as error:  # RuntimeError: the pool was shut down
                self._failure = f"{type(error).__name__}: {error}"
        failed: Future = Future()
        failed.set_exception(WorkerDied(WORKER_DIED.format(reason=self._failure)))
        self._sent.append(failed)

    def worker_pids(self) -> set[int]:
        """The workers' process ids (none before the first batch is sent, nor after close)."""
        return set(self._pool._processes or ()) if self._pool is not None else set()

    def close(self) -> None:
        """Shut the workers down and wait for them (any unchecked page is dropped). Idempotent."""
        pool, self._pool = self._pool, None
        if self._failure is None:
            self._failure = "the pool was shut down"  # a page submitted later fails, it starts no pool
        if pool is None:
            return
        before = _children_cpu()
        pool.shutdown(wait=True, cancel_futures=True)
        # Workers forked from this process are its children: their whole CPU (unpickling included)
        # is known once they are reaped; forkserver's are not, and then the per-page sum stands.
        self.worker_cpu = max(self.worker_cpu, _children_cpu() - before)

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            if self._failure is not None:
                raise RuntimeError(self._failure)
            self._pool = ProcessPoolExecutor(self.workers, _context(), initializer=_start_worker,
                                             initargs=(self.policy, self.hashes))
        return self._pool


def _context() -> multiprocessing.context.BaseContext:
    """fork when this process has one thread (cheap, the gate's modules already imported); with
    other threads (`mkdocs serve`'s server and watcher) forkserver, as forking then may copy a lock
    some other thread holds."""
    return multiprocessing.get_context("fork" if threading.active_count() == 1 else "forkserver")


@contextmanager
def _importable() -> Iterator[None]:
    """This package's folder (hooks/) on sys.path while workers start: a forkserver's workers import
    it by name, and MkDocs puts hooks/ on sys.path only while it loads a hook (a plain `mkdocs serve`
    then failed its first build). Forked workers have it already."""
    folder = str(Path(__file__).resolve().parent.parent)
    if folder in sys.path:
        yield
        return
    sys.path.append(folder)
    try:
        yield
    finally:
        sys.path.remove(folder)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# In a worker process only: its Gate (its remembered start tags last for the whole build) and the
# template scripts' hashes, set once by _start_worker. The building process never sets it.
_worker: list[tuple[Gate, frozenset[str]]] = []


def _start_worker(policy: Policy, hashes: frozenset[str]) -> None:
    _die_with_parent()
    _worker[:] = [(Gate(policy), hashes)]


def _die_with_parent() -> None:
    """A worker whose build was killed (SIGKILL, out of memory) would wait for pages forever: the
    pipe it reads from stays open in itself. On Linux the kernel ends it with its parent (with the
    forkserver, its parent ends with the build). Elsewhere the build's own shutdown is all there is."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _check(pages: list[bytes]) -> tuple[list[list[Finding]], float]:
    start = time.process_time()
    gate, hashes = _worker[0]
    # The bytes only: decoded inside check() where a rule reads the text, not for every page.
    return [gate.check(None, hashes, data=data) for data in pages], time.process_time() - start


def in_order(found: list, later: list[tuple[int, list]]) -> list:
    """`found`, with each list of `later` put at the position it names (a position in `found` as it
    was when that list was promised, ascending): the pool's findings where inline ones would have been."""
    merged, start = [], 0
    for position, items in later:
        merged += found[start:position] + items
        start = position
    return merged + found[start:]


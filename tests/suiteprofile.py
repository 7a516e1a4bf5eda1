"""Where the suite's time goes, off unless asked: `HC_SUITE_PROFILE=DIR scripts/test` (an environment
variable, so that `.ci/run`, which takes no arguments, can be measured too).

Each test process writes one line per test to DIR/tests-<worker>.jsonl: its worker, its start and end
(wall clock) and the CPU its own process and its waited-for children used meanwhile. The process that
starts the run also reads /proc twice a second and writes to DIR/samples.jsonl the CPU each process
of the run's tree used since the last reading, by worker and by kind (a worker, a forked build,
Chromium's browser, renderer and GPU processes, Playwright's driver), with the machine's load.
`tools/bench/suiteprofile.py DIR` reads both.

Why /proc: `/usr/bin/time` and getrusage count a process only once its parent has waited for it, and
Chromium's processes are never waited for within the run's tree. On 26 Nov 2026 they were about half
the run's CPU, missing from `/usr/bin/time`'s figure (tools/bench/suiteprofile.py compares them).
"""

from __future__ import annotations

import json
import os
import re
import resource
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

INTERVAL_S = 0.5
_TICKS = os.sysconf("SC_CLK_TCK")
_CHROMIUM_TYPE = re.compile(rb"--type=([a-z-]+)")


FOLDER, SAMPLED = "HC_SUITE_PROFILE", "HC_SUITE_PROFILE_SAMPLER"


def pytest_configure(config: pytest.Config) -> None:
    """The run's first process samples, its pytest-xdist workers record their tests; a pytest a test
    starts (tests/site/test_new_page.py) does neither: its CPU is sampled as the test's."""
    folder, worker = os.environ.get(FOLDER), hasattr(config, "workerinput")
    if not folder or (os.environ.get(SAMPLED) and not worker):
        return
    if not worker:  # before the workers start, so that they inherit both
        os.environ[SAMPLED], os.environ[FOLDER] = str(os.getpid()), str(Path(folder).resolve())
    config.pluginmanager.register(Recorder(Path(folder), started_run=not worker), "suite-profile")


class Recorder:
    def __init__(self, folder: Path, started_run: bool) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        self.tests: IO[str] = (folder / f"tests-{self.worker}.jsonl").open("a", encoding="utf-8")
        self.sampler = Sampler(folder / "samples.jsonl") if started_run else None

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Iterator[None]:
        start, cpu = time.time(), _cpu()
        yield
        end, used = time.time(), [after - before for before, after in zip(cpu, _cpu())]
        self.tests.write(json.dumps({"test": item.nodeid, "worker": self.worker, "pid": os.getpid(), "start": start, "end": end,
                                     "cpu_self": round(used[0], 3), "cpu_children": round(used[1], 3)}) + "\n")
        self.tests.flush()

    def pytest_unconfigure(self) -> None:
        if self.sampler:
            self.sampler.stop()
        self.tests.close()


def _cpu() -> tuple[float, float]:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


class Sampler:
    """A thread of the run's first process: the CPU of every process below it, twice a second."""

    def __init__(self, path: Path) -> None:
        self.out = path.open("w", encoding="utf-8")
        self.seen: dict[int, float] = {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.run, name="suite-profile", daemon=True)
        self.thread.start()

    def run(self) -> None:
        while not self.done.wait(INTERVAL_S):
            self.sample()

    def stop(self) -> None:
        self.done.set()
        self.thread.join()
        self.sample()
        self.out.close()

    def sample(self) -> None:
        processes = _processes()
        root = os.getpid()
        by_worker: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        seen = {}
        for pid, worker in _below(root, processes):
            parent, ticks, kind = processes[pid]
            seen[pid] = ticks
            used = ticks - self.seen.get(pid, 0.0)  # a process new since the last reading: all it used
            by_worker[str(worker)][kind] += used
        self.seen = seen
        with open("/proc/loadavg", encoding="ascii") as loadavg:
            load = float(loadavg.read().split()[0])
        self.out.write(json.dumps({"time": time.time(), "load": load,
                                   "cpu": {pid: {kind: round(used, 2) for kind, used in kinds.items() if used}
                                           for pid, kinds in by_worker.items()}}) + "\n")
        self.out.flush()


def _processes() -> dict[int, tuple[int, float, str]]:
    """pid → (parent, CPU seconds so far, kind) for every process now running."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text(encoding="utf-8", errors="replace")
            command = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:  # ended meanwhile
            continue
        name, fields = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
        found[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICKS, _kind(name, command))
    return found


def _kind(name: str, command: bytes) -> str:
    if b"chromium" in command:
        chromium_type = _CHROMIUM_TYPE.search(command)
        return "chromium " + (chromium_type[1].decode() if chromium_type else "browser")
    if b"forkserver" in command or b"mkdocs" in command or b"draftserve" in command:
        return "build"  # the build server and the builds forked from it, the preview
    if b"playwright" in command:
        return "playwright driver"
    if b"python" in command:
        return "python"
    return name


def _below(root: int, processes: dict[int, tuple[int, float, str]]) -> Iterator[tuple[int, int]]:
    """(pid, the child of `root` it runs under, i.e. its test process) for every process below `root`."""
    children: dict[int, list[int]] = defaultdict(list)
    for pid, (parent, _, _) in processes.items():
        children[parent].append(pid)
    yield root, root
    for worker in children[root]:
        stack = [worker]
        while stack:
            pid = stack.pop()
            yield pid, worker
            stack.extend(children[pid])

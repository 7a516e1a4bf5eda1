"""How the build benchmark measures: wall time and peak memory of a command, the time each plugin
and hook spends in its MkDocs events, and how time grows with page count.
"""

from __future__ import annotations

import math
import os
import resource
import subprocess
import time
from collections import defaultdict
from pathlib import Path


def run_measured(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Runs `command`; returns (wall seconds, peak resident memory in bytes).

    The peak is the largest of the process and its children (rusage of wait4): for one build
    process, its own peak. Output is discarded; a failure raises with what the command printed.
    """
    seconds, _, peak = run_timed(command, cwd, env)
    return seconds, peak


def run_timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """run_measured, with the CPU seconds (user + system) of the process between: (wall, CPU, peak).
    On a shared machine CPU seconds move less than wall seconds with what else runs."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{stderr.decode(errors='replace')[-3000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


class EventClock:
    """Exclusive seconds per origin of the functions it wraps: wall time (`totals`) and the process's
    CPU time (`cpu`, time.process_time: what the process itself computed, whatever else the machine
    runs; no profiler, so Python-heavy code is not inflated against C).

    A wrapped call that runs other wrapped calls (the i18n plugin builds each further language
    from inside its on_post_build) is not charged for their time.
    """

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.events: dict[str, float] = defaultdict(float)  # CPU seconds per "origin event"
        self._nested: list[list[float]] = []  # [wall, CPU] seconds of wrapped calls inside each open call

    def wrap(self, function, origin: str, event: str = ""):
        """`function`, timed under `origin` (and under "origin event" in `events`, CPU seconds)."""
        def timed(*args, **kwargs):
            self._nested.append([0.0, 0.0])
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                elapsed, elapsed_cpu = time.perf_counter() - start, time.process_time() - start_cpu
                inner_wall, inner_cpu = self._nested.pop()
                self.totals[origin] += elapsed - inner_wall
                self.cpu[origin] += elapsed_cpu - inner_cpu
                if event:
                    self.events[f"{origin} {event}"] += elapsed_cpu - inner_cpu
                if self._nested:
                    self._nested[-1][0] += elapsed
                    self._nested[-1][1] += elapsed_cpu
        return timed

    def wrap_events(self, plugins) -> None:
        """Every event method of a MkDocs PluginCollection, under the name MkDocs gives its origin
        ("search", "i18n", "hooks/findable.py", ...)."""
        for event, methods in plugins.events.items():
            for index, method in enumerate(methods):
                origin = plugins._event_origins.get(method, "<unknown>")
                methods[index] = self.wrap(method, origin, event)
                plugins._event_origins[methods[index]] = origin


CORE = "MkDocs + Material"


def profiled_build(config_file: Path, site: Path) -> tuple[float, dict[str, float]]:
    """One in-process build: its seconds and the exclusive seconds of each plugin and hook, with
    the rest (reading, Markdown, navigation, theme templates, writing) under CORE."""
    timed = timed_build(config_file, site)
    return timed["wall"]["<build>"], {origin: seconds for origin, seconds in timed["wall"].items() if origin != "<build>"}


def timed_build(config_file: Path, site: Path) -> dict[str, dict[str, float]]:
    """One in-process build, no profiler: {"wall": ..., "cpu": ...}, each {"<build>": the build's
    seconds, origin: the exclusive seconds of each plugin and hook, CORE: the rest (reading,
    Markdown, navigation, theme templates, writing)}. CPU is the build process's own
    (time.process_time) plus, for the whole build only, its child processes' ("<children>":
    Pagefind's binary, git), so a share of "<build>" is a share of all the CPU the build cost; a
    hook's worker processes (BuildState.worker_cpu) count as that hook's CPU; "cpu events": the CPU
    seconds of each origin's events one by one ("hooks/x.py on_post_page"); "waited": the wall
    seconds each such hook's events spent waiting for its workers (within its events' wall time)."""
    import mkdocs_static_i18n.plugin
    from helpcenter import buildstate
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.chdir(config_file.parent)
    config = load_config(str(config_file), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    clock = EventClock()
    clock.wrap_events(config.plugins)
    # The second language's build, run by the i18n plugin: its own work is CORE, not i18n's.
    mkdocs_static_i18n.plugin.build = clock.wrap(mkdocs_static_i18n.plugin.build, "<nested build>")
    start, start_cpu, start_children = time.perf_counter(), time.process_time(), _children_cpu()
    build(config)
    seconds, cpu, children = time.perf_counter() - start, time.process_time() - start_cpu, _children_cpu() - start_children
    state = buildstate.running()
    workers, waited = (state.worker_cpu, state.worker_wait) if state is not None else ({}, {})
    config.plugins.on_shutdown()
    for totals in (clock.totals, clock.cpu):
        totals.pop("<nested build>", None)
    # A hook's worker processes (the output gate's page checks) are the build process's children,
    # forked and reaped within the build: their CPU is in `children` and is charged to their hook.
    own = dict(clock.cpu)
    for origin, worker_seconds in workers.items():
        clock.cpu[origin] += worker_seconds
        clock.events[f"{origin} (worker processes)"] += worker_seconds
    return {"wall": {"<build>": seconds, **clock.totals, CORE: seconds - sum(clock.totals.values())},
            "cpu": {"<build>": cpu + children, **clock.cpu, CORE: cpu - sum(own.values()),
                    "<children>": children - sum(workers.values())},
            "cpu events": dict(clock.events), "waited": dict(waited)}


def _children_cpu() -> float:
    """CPU seconds of the child processes waited for so far (user + system)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def growth_exponent(sizes: list[int], seconds: list[float]) -> float:
    """b in seconds ≈ a·pages^b, least squares on the logarithms: 1.0 is linear growth."""
    xs = [math.log(size) for size in sizes]
    ys = [math.log(value) for value in seconds]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)


def tree_bytes(root: Path, pattern: str = "**/*") -> int:
    return sum(path.stat().st_size for path in root.glob(pattern) if path.is_file())

"""Reads what `HC_SUITE_PROFILE=DIR scripts/test` wrote (tests/suiteprofile.py) and prints where the
run's time and CPU went:

    scripts/python tools/bench/suiteprofile.py DIR [--step SECONDS] [--top N]

- the CPU of the whole run by kind of process, read from /proc (Chromium's included, which
  `/usr/bin/time` misses), and the cores it used on average;
- per test file: the tests' wall time, and the CPU of its worker's whole process tree meanwhile
  (the worker, its forked builds, its Chromium and Playwright's driver: a worker runs one test at a
  time, so what its tree used during a test is that test's);
- the tests that waited most (wall time minus that CPU);
- a timeline: what each worker ran, and the cores the run used, step by step.

Under load, wall times stretch; CPU seconds stretch less: compare those between runs.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Test:
    name: str
    worker: str
    pid: int
    start: float
    end: float
    cpu: float = 0.0  # its worker's process tree, from the samples

    @property
    def file(self) -> str:
        return self.name.split("::")[0]


def read(folder: Path) -> tuple[list[Test], list[dict]]:
    tests = [Test(record["test"], record["worker"], record["pid"], record["start"], record["end"])
             for path in sorted(folder.glob("tests-*.jsonl")) for record in map(json.loads, path.open(encoding="utf-8"))]
    samples = [json.loads(line) for line in (folder / "samples.jsonl").open(encoding="utf-8")]
    return tests, samples


def attribute(tests: list[Test], samples: list[dict]) -> None:
    """Each sample's CPU, per worker, to the test that worker was running when the sample was taken."""
    running: dict[str, list[Test]] = defaultdict(list)
    for test in tests:
        running[str(test.pid)].append(test)
    for sample in samples:
        for pid, kinds in sample["cpu"].items():
            current = next((t for t in running.get(pid, []) if t.start < sample["time"] <= t.end + 0.5), None)
            if current:
                current.cpu += sum(kinds.values())


def report(folder: Path, step: float, top: int) -> None:
    tests, samples = read(folder)
    attribute(tests, samples)
    kinds: dict[str, float] = defaultdict(float)
    for sample in samples:
        for used in sample["cpu"].values():
            for kind, seconds in used.items():
                kinds[kind] += seconds
    wall = samples[-1]["time"] - samples[0]["time"]
    total = sum(kinds.values())
    print(f"{len(tests)} tests; sampled {wall:.0f} s wall, {total:.0f} s CPU = {total / wall:.2f} cores on average; "
          f"load average {sum(s['load'] for s in samples) / len(samples):.1f} (mean)")
    for kind, used in sorted(kinds.items(), key=lambda item: -item[1]):
        if used >= 0.5:
            print(f"  {used:7.1f} s  {used / total:5.1%}  {kind}")

    files: dict[str, list[Test]] = defaultdict(list)
    for test in tests:
        files[test.file].append(test)
    print(f"\nper test file (top {top} by wall time): wall (sum of its tests), CPU of its workers' trees meanwhile, tests")
    for name, members in sorted(files.items(), key=lambda item: -sum(t.end - t.start for t in item[1]))[:top]:
        print(f"  {sum(t.end - t.start for t in members):7.1f} s {sum(t.cpu for t in members):7.1f} s CPU {len(members):5d}  {name}")

    print(f"\nwaited most (wall minus its tree's CPU, top {top})")
    for test in sorted(tests, key=lambda t: t.cpu - (t.end - t.start))[:top]:
        print(f"  {test.end - test.start:6.1f} s wall {test.cpu:6.1f} s CPU  {test.worker}  {test.name[:120]}")

    print(f"\ntimeline ({step:.0f} s steps): each worker's share of the step in tests, and its main file; the cores the run used")
    first, workers = min(t.start for t in tests), sorted({t.worker for t in tests})
    at = first
    while at < max(t.end for t in tests):
        cells = []
        for worker in workers:
            inside = [t for t in tests if t.worker == worker and t.start < at + step and t.end > at]
            busy = sum(min(t.end, at + step) - max(t.start, at) for t in inside) / step
            main = Counter(t.file.rsplit("/", 1)[-1].removeprefix("test_").removesuffix(".py") for t in inside).most_common(1)
            cells.append(f"{busy:3.1f} {main[0][0][:14] if main else '':14}")
        window = [s for s in samples if at < s["time"] <= at + step]
        cores = sum(sum(used.values()) for s in window for used in s["cpu"].values()) / step
        print(f"  {at - first:5.0f}  {'  '.join(cells)}  | {cores:4.2f} cores")
        at += step


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--step", type=float, default=15.0)
    parser.add_argument("--top", type=int, default=15)
    arguments = parser.parse_args()
    report(arguments.folder, arguments.step, arguments.top)


if __name__ == "__main__":
    main()

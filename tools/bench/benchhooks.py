"""What our MkDocs hooks add to the build of the real site.

Builds the project as it is (with the Korean analysis cache of the previous build, and cold, as on
a fresh clone) and a copy with no hooks (markers then stay HTML comments), interleaved, several
times each, and prints median wall times and their ratio; then times one in-process (warm)
build and prints the share of build time spent in each hook and plugin (see tools/bench/benchtiming.py). Prints figures; asserts
nothing. Run with the project's environment: scripts/python tools/bench/benchhooks.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchtiming import profiled_build
from project import build, copy_project


def timed_build(project: Path, site: Path, cold: bool = False) -> float:
    if cold:  # as on a fresh clone: no analysis cached by an earlier build
        shutil.rmtree(project / ".cache", ignore_errors=True)
    start = time.perf_counter()
    build(project, site, strict=False, quiet=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        temp = Path(folder)
        with_hooks = copy_project(temp / "with", True)
        variants = {  # name: (project, start without .cache/)
            "with hooks": (with_hooks, False),
            "hooks, cold": (with_hooks, True),
            "no hooks": (copy_project(temp / "without", False), False),
        }
        times: dict[str, list[float]] = {name: [] for name in variants}
        for run in range(runs + 1):  # the first round warms caches and is not counted
            for name, (project, cold) in variants.items():
                seconds = timed_build(project, temp / f"site-{run}-{name.replace(' ', '-').replace(',', '')}", cold)
                if run:
                    times[name].append(seconds)
        base = statistics.median(times["no hooks"])
        print(f"Build of the real site, median of {runs} interleaved runs (wall time, incl. Python start-up)")
        print(f"{'variant':<12} {'seconds':>8} {'ratio':>6}")
        for name, values in times.items():
            print(f"{name:<12} {statistics.median(values):>8.3f} {statistics.median(values) / base:>6.3f}")
        total, shares = profiled_build(with_hooks / "mkdocs.yml", temp / "site-profiled")
        print(f"\nIn-process build (warm): {total:.3f} s; exclusive time per hook and plugin:")
        for name, seconds in sorted(shares.items(), key=lambda item: -item[1]):
            print(f"  {name:<32} {seconds:.4f} s  {100 * seconds / total:5.2f} %")


if __name__ == "__main__":
    main()

"""cProfile (on CPU time) of in-process MkDocs builds, to compare where two builds spend their time.

    scripts/python tools/bench/benchprofile.py OUT.prof CONFIG [CONFIG...]

Every CONFIG (a mkdocs.yml) is built in turn into site-prof/ beside it, under one profiler, so the
two plain Material projects of tools/bench/benchprojects.py profile as one build of both languages.
Prints the CPU seconds and the functions of most cumulative time; OUT.prof is for pstats or snakeviz.
CPU time, not wall time: on a shared machine it moves less with what else runs.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main() -> None:
    out, configs = sys.argv[1], [Path(name).resolve() for name in sys.argv[2:]]
    profiler, seconds = cProfile.Profile(time.process_time), 0.0
    for config_file in configs:
        os.chdir(config_file.parent)
        config = load_config(str(config_file), site_dir=str(config_file.parent / "site-prof"))
        config.plugins.on_startup(command="build", dirty=False)
        start = time.process_time()
        profiler.enable()
        build(config)
        profiler.disable()
        seconds += time.process_time() - start
        config.plugins.on_shutdown()
    profiler.dump_stats(out)
    print(f"{seconds:.2f} CPU seconds (with the profiler's overhead)")
    pstats.Stats(out).sort_stats("cumulative").print_stats(60)


if __name__ == "__main__":
    main()

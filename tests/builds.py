"""The tests' builds: the same `mkdocs build` as scripts/project.py's `build`, each in a process of
its own, but forked from a server process that has imported MkDocs, the theme's extensions, the
plugins and the hooks' library once (Python's multiprocessing "forkserver", one per test process; what it prepares:
tests/buildserver.py).

Why: a build started as a new Python process spends about 1.3 s of CPU importing before it reads a
file, and most bad-input cases fail soon after that. A forked build starts with the imports done,
and is still a process of its own: nothing one build leaves behind (module state, caches, the
working folder, the environment) reaches the next, as with a subprocess.

Not imported before the fork, so that each build sets them up as a fresh `mkdocs` process does:
`mkdocs.__main__` (its log formatter reads the terminal's width when imported: none, for the files
the output goes to), the hook files themselves (MkDocs loads them from mkdocs.yml per build) and
`material.templates` (which decides on import whether to print Material's end-of-life notice).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import subprocess
import sys
import tempfile
from pathlib import Path

_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(["tests.buildserver"])


def build(
    project: Path, site: Path, *, strict: bool = True, quiet: bool = False, capture: bool = True,
    check: bool = False, env: dict[str, str] | None = None, draft: bool = False,
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` of `project` into `site`, as scripts/project.py's `build` runs it (same
    arguments, same result); draft=True passes --no-strict, as the preview's clean build does."""
    args = ["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    args += ["--strict"] if strict else ["--no-strict"] if draft else []
    args += ["-q"] if quiet else []
    # Plain strings only: the arguments cross to the forked process pickled (an address may be a str subclass).
    environment = {str(name): str(value) for name, value in {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}.items()}
    with tempfile.TemporaryDirectory(prefix="build-output-") as folder:
        out, err = Path(folder) / "stdout", Path(folder) / "stderr"
        out.touch()
        err.touch()
        process = _context.Process(target=_mkdocs, args=(args, str(project), environment, str(out) if capture else "", str(err) if capture else ""))
        process.start()
        process.join()
        code = process.exitcode if process.exitcode is not None else 1
        stdout = out.read_text(encoding="utf-8", errors="replace") if capture else None
        stderr = err.read_text(encoding="utf-8", errors="replace") if capture else None
    command = [sys.executable, "-m", "mkdocs", *args]
    if check and code != 0:
        raise subprocess.CalledProcessError(code, command, stdout, stderr)
    return subprocess.CompletedProcess(command, code, stdout, stderr)


def stop() -> None:
    """Ends the build server and waits for it, so that the CPU of its builds counts towards the run's
    (`/usr/bin/time`) and no process outlives the run. multiprocessing has no public call for it."""
    multiprocessing.forkserver._forkserver._stop()  # type: ignore[attr-defined]


def _mkdocs(args: list[str], cwd: str, env: dict[str, str], stdout: str, stderr: str) -> None:
    """In the forked process: the output to files, the build's folder and environment, then MkDocs'
    own command line, whose exit status becomes the process's."""
    for path, fd in ((stdout, 1), (stderr, 2)):
        if path:
            os.dup2(os.open(path, os.O_WRONLY), fd)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    from mkdocs.__main__ import cli

    cli.main(args, prog_name="mkdocs", standalone_mode=True)

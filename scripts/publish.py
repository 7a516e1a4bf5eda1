#!/usr/bin/env python3
"""Build the site for publishing: a strict build (every check) into a fresh folder, then one atomic
switch of the output. A failed build changes nothing: the previous output stays, byte for byte.

The output (default `site`) is a symbolic link to the current build in `.site-builds/`; switching it
is a single rename, so a web server or an upload never sees a half-written site. The previous build
is kept beside it. Run through scripts/build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from project import ROOT, build  # noqa: E402
from sitecontents import forbidden_files  # noqa: E402

KEEP = 2  # the current build and the one before it


def strict_build(target: Path) -> int:
    return build(ROOT, target, capture=False).returncode


def publish(output: Path, build: Callable[[Path], int] = strict_build, root: Path = ROOT) -> int:
    """Build into a new folder beside `output` and switch `output` to it only if the build passed and
    the result holds nothing but the site (see sitecontents.py); `root` is the project built."""
    output = output.absolute()
    store = output.parent / f".{output.name}-builds"
    store.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%dT%H%M%S-"), dir=store))
    code = build(fresh / "site")
    if code == 0 and (fresh / "site" / "index.html").is_file():
        for problem in forbidden_files(fresh / "site", root, builds=store):
            print(f"{output.name}/{problem}", file=sys.stderr)
            code = 1
    if code != 0 or not (fresh / "site" / "index.html").is_file():
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"build failed: {output.name}/ was left as it was", file=sys.stderr)
        return code or 1
    _adopt_plain_folder(output, store)
    link = store / ".next-link"
    link.unlink(missing_ok=True)
    link.symlink_to(fresh / "site", target_is_directory=True)
    os.replace(link, output)  # the one step: readers see either the old site or the new one
    _prune(store, keep={fresh, *_recent(store, KEEP)})
    print(f"published: {output.name}/ -> {os.readlink(output)}")
    return 0


def _adopt_plain_folder(output: Path, store: Path) -> None:
    # A plain folder from an earlier `mkdocs build` is moved into the store, never deleted.
    if output.is_dir() and not output.is_symlink():
        output.rename(store / f"{time.strftime('%Y%m%dT%H%M%S')}-adopted")


def _recent(store: Path, count: int) -> list[Path]:
    builds = sorted((p for p in store.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
    return builds[:count]


def _prune(store: Path, keep: set[Path]) -> None:
    for folder in store.iterdir():
        if folder.is_dir() and folder not in keep:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "site")
    return publish(parser.parse_args().output)


if __name__ == "__main__":
    sys.exit(main())

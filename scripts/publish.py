"""Build the site for publishing: a strict build (every check) into a fresh folder, then one atomic
switch of the output. A failed build changes nothing: the previous output stays, byte for byte.

The output (default `site`) is a symbolic link to the current build in `.site-builds/`; switching it
is a single rename, so a web server or an upload never sees a half-written site. The previous build
is kept beside it. Only this switch ever writes `site` (a plain `mkdocs build` writes to
`.mkdocs-build/`, see mkdocs.yml); one build at a time holds the store's lock, and the builds kept
are the live one and the one before it, never "the newest folders" (a killed build leaves the newest).
Run through scripts/build.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from project import ROOT, build
from sitecontents import forbidden_files


def strict_build(target: Path) -> int:
    return build(ROOT, target, capture=False).returncode


def publish(output: Path, build: Callable[[Path], int] = strict_build, root: Path = ROOT) -> int:
    """Build into a new folder beside `output` and switch `output` to it only if the build passed and
    the result holds nothing but the site (see sitecontents.py); `root` is the project built."""
    output = output.absolute()
    store = output.parent / f".{output.name}-builds"
    store.mkdir(parents=True, exist_ok=True)
    with _lock(store):
        return _publish_locked(output, store, build, root)


@contextlib.contextmanager
def _lock(store: Path):
    """One publishing build at a time: a second one waits, saying so, instead of pruning the first's."""
    with open(store / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"another build is publishing to {store.parent}; waiting for it to finish", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _publish_locked(output: Path, store: Path, build: Callable[[Path], int], root: Path) -> int:
    live = _build_folder(output, store)
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
    _readable(fresh)
    _adopt_plain_folder(output, store)
    link = store / ".next-link"
    link.unlink(missing_ok=True)
    link.symlink_to(fresh / "site", target_is_directory=True)
    os.replace(link, output)  # the one step: readers see either the old site or the new one
    _prune(store, keep={fresh, live} if live else {fresh, *_adopted(store)})
    print(f"published: {output.name}/ -> {os.readlink(output)}")
    return 0


def _build_folder(output: Path, store: Path) -> Path | None:
    """The store folder the live output points into, if it does."""
    if not output.is_symlink():
        return None
    target = Path(os.path.realpath(output)).parent
    return target if target.parent == store.resolve() else None


def _readable(folder: Path) -> None:
    # mkdtemp makes 0700 folders: a web server running as another user would answer 403.
    for parent, _folders, files in os.walk(folder):
        os.chmod(parent, 0o755)
        for name in files:
            os.chmod(os.path.join(parent, name), 0o644)


def _adopt_plain_folder(output: Path, store: Path) -> None:
    # A plain folder from an earlier `mkdocs build` is moved into the store, never deleted.
    if output.is_dir() and not output.is_symlink():
        output.rename(store / f"{time.strftime('%Y%m%dT%H%M%S')}-adopted")


def _adopted(store: Path) -> list[Path]:
    return [p for p in store.iterdir() if p.name.endswith("-adopted")]


def _prune(store: Path, keep: set[Path]) -> None:
    keep = {p.resolve() for p in keep}
    for folder in store.iterdir():
        if folder.is_dir() and not folder.is_symlink() and folder.resolve() not in keep:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "site")
    return publish(parser.parse_args().output)


if __name__ == "__main__":
    sys.exit(main())

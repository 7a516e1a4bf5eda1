"""Where Pagefind's indexing binary is: the npm registry's package for this platform, pinned by
package-lock.json and installed by scripts/setup (`npm ci`).

PyPI's pagefind-bin stops at 1.5.2. Pagefind 1.6.0 answers a query of several common words in about
half the time (at 1,000 articles a language, "결제 수단" in 36 ms against 87 ms in Node, medians of
three; BENCHMARKS.md, "Thirteenth run"), and the browser runs that search at every keystroke
(MAINTAINERS.md, "Why Pagefind, fed by our analysis").

The project's installed packages sit beside its `.venv/`: the binary is looked for in the
`node_modules/` beside the code and then beside the running Python's environment, so a copy of the
project (a test's or a benchmark's, without node_modules) builds with the installation it runs
from.
"""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

from .errors import ContentError

# npm's names (os, cpu) for this machine's platform, as Pagefind's packages are named.
_SYSTEMS = {"Linux": "linux", "Darwin": "darwin", "FreeBSD": "freebsd", "Windows": "windows"}
_MACHINES = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}
# The extended build first: Pagefind 1.6 ships only that one, with the same index format.
_NAMES = ("pagefind_extended", "pagefind")


class MissingBinary(ContentError):
    """Pagefind's binary is not installed: the build stops with a message that says how to install it,
    as for a writer's mistake."""


def package_dir(roots: list[Path] | None = None) -> Path:
    """The folder of Pagefind's npm package for this platform (its `bin/` and `package.json`)."""
    name = f"{_SYSTEMS.get(platform.system(), platform.system().lower())}-{_MACHINES.get(platform.machine().lower(), platform.machine().lower())}"
    candidates = [root / "node_modules" / "@pagefind" / name for root in roots or _roots()]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise MissingBinary(f"Pagefind's indexing binary (npm package @pagefind/{name}) is not installed in {candidates[0].parent.parent}: "
                        "run scripts/setup, which installs the npm packages pinned in package-lock.json")


def executable(roots: list[Path] | None = None) -> Path:
    """The binary to run."""
    folder = package_dir(roots) / "bin"
    suffix = ".exe" if platform.system() == "Windows" else ""
    for name in _NAMES:
        if (folder / (name + suffix)).is_file():
            return folder / (name + suffix)
    raise MissingBinary(f"{folder} holds no Pagefind binary: run scripts/setup again (npm ci)")


def version(roots: list[Path] | None = None) -> str:
    """The installed binary's name and version, as the engine cache keys an index by it."""
    package = package_dir(roots)
    return f"@pagefind/{package.name} {json.loads((package / 'package.json').read_text(encoding='utf-8'))['version']}"


def _roots() -> list[Path]:
    here = Path(__file__).resolve().parents[2]
    installed = Path(sys.prefix).resolve().parent
    return [here] if installed == here else [here, installed]

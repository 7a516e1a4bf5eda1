"""Every Python package installs only as the exact file that was locked: each requirements file is
generated from its .in file (scripts/lock-requirements), pins what the .in file pins, and carries a
hash for every package, so scripts/setup's `pip install --require-hashes` refuses a replaced file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCKS = [(ROOT / "requirements.in", ROOT / "requirements.txt"),
         (ROOT / "requirements-zensical.in", ROOT / "requirements-zensical.txt")]
FIX = "add or change the line in the .in file, then run scripts/lock-requirements"


def entries(path: Path) -> list[str]:
    """The requirement lines of a file, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    return [line.split(" #")[0].strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def pins(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in entries(path):
        requirement = Requirement(line.split(" --hash")[0])
        found[canonicalize_name(requirement.name)] = str(requirement.specifier)
    return found


@pytest.mark.parametrize(("source", "lock"), LOCKS, ids=lambda path: path.name)
def test_every_direct_dependency_is_pinned_and_locked_at_that_version(source, lock):
    wanted, locked = pins(source), pins(lock)
    loose = [name for name, spec in wanted.items() if not spec.startswith("==")]
    assert not loose, f"{source.name}: pin {loose} exactly (name==version)"
    stale = {name: (spec, locked.get(name)) for name, spec in wanted.items() if locked.get(name) != spec}
    assert not stale, f"{lock.name} does not match {source.name} for {stale}: {FIX}"


@pytest.mark.parametrize(("source", "lock"), LOCKS, ids=lambda path: path.name)
def test_every_locked_package_has_an_exact_version_and_a_hash(source, lock):
    unhashed = [line.split(" ")[0] for line in entries(lock)
                if not re.search(r"==\S+", line) or not re.search(r"--hash=sha256:[0-9a-f]{64}", line)]
    assert not unhashed, f"{lock.name}: {unhashed} would be refused by --require-hashes; {FIX}"

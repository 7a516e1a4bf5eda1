"""Shared fixtures: the project root, our hook package on sys.path, and one real build of the site."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The content under test: this checkout, or the copy HC_TEST_PROJECT names (the new-page test runs
# the suite's site checks on a copy with a writer's page added).
PROJECT = Path(os.environ.get("HC_TEST_PROJECT") or ROOT)
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))
from project import build, copy_project  # noqa: E402,F401  (copy_project is re-exported for tests)
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@dataclass(frozen=True)
class Build:
    site: Path
    returncode: int
    log: str


def build_site(project: Path, site_dir: Path) -> Build:
    """Run the real strict build of `project` into `site_dir`, as a writer or CI would."""
    result = build(project, site_dir)
    return Build(site_dir, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test session into a temporary directory."""
    build = build_site(PROJECT, tmp_path_factory.mktemp("build") / "site")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def site(real_build: Build) -> Path:
    return real_build.site

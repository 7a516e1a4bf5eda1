"""Shared fixtures: the project root and one real build of the site.

Tests import hooks/, scripts/ and tools/ through `pythonpath` in pyproject.toml."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from project import build, copy_project  # noqa: F401  (copy_project is re-exported for tests)

ROOT = Path(__file__).resolve().parent.parent
# The content under test: this checkout, or the copy HC_TEST_PROJECT names (the new-page test runs
# the suite's site checks on a copy with a writer's page added).
PROJECT = Path(os.environ.get("HC_TEST_PROJECT") or ROOT)
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def pytest_configure(config: pytest.Config) -> None:
    """Commands a test starts (`python scripts/writer.py`, a build) import the modules the tests do,
    as scripts/python gives them to a writer's commands."""
    folders = [str(folder) for folder in config.getini("pythonpath")]
    os.environ["PYTHONPATH"] = os.pathsep.join([*folders, *filter(None, [os.environ.get("PYTHONPATH")])])


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

"""Shared fixtures: the project root, one real build of the site and one of the changed project.

Tests import hooks/, scripts/ and tools/ through `pythonpath` in pyproject.toml."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from project import build, copy_project  # noqa: F401  (copy_project is re-exported for tests)
from publish import publish

from tests import changed as changes
from tests.paths import PROJECT, ROOT  # noqa: F401  (re-exported: tests import them from here)

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


def changed_build(base: Path) -> Build:
    """The real project with the ordinary changes of tests/changed.py, built into base/site."""
    project = copy_project(base / "project", source=PROJECT)
    changes.apply(project)
    result = build(project, base / "site", env={"SOURCE_DATE_EPOCH": changes.NOTICE_DAY})
    return Build(base / "site", result.returncode, result.stdout + result.stderr)


def published_build(base: Path) -> Build:
    """A copy of the real project in base/project, published by scripts/publish.py into base/site."""
    project = copy_project(base / "project", source=PROJECT)
    logs: list[str] = []

    def strict(target: Path) -> int:
        result = build_site(project, target)
        logs.append(result.log)
        return result.returncode

    return Build(base / "site", publish(base / "site", strict), "".join(logs))


@pytest.fixture(scope="session")
def shared_builds(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Future[Build]]]:
    """The session's shared builds, started side by side as soon as the first test that needs one
    runs: each is a MkDocs process of its own, and the machine has more than one core."""
    wanted = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    starts: dict[str, Callable[[], Build]] = {
        "real_build": lambda: build_site(PROJECT, tmp_path_factory.mktemp("build") / "site"),
        "changed": lambda: changed_build(tmp_path_factory.mktemp("changed")),
        "published": lambda: published_build(tmp_path_factory.mktemp("published")),
    }
    with ThreadPoolExecutor(max_workers=len(starts)) as pool:
        yield {name: pool.submit(start) for name, start in starts.items() if name in wanted}


@pytest.fixture(scope="session")
def real_build(shared_builds: dict[str, Future[Build]]) -> Build:
    """The real site, built once per test session into a temporary directory."""
    build = shared_builds["real_build"].result()
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def site(real_build: Build) -> Path:
    return real_build.site


@pytest.fixture(scope="session")
def published(shared_builds: dict[str, Future[Build]]) -> Build:
    """A copy of the real project (beside the site, in site.parent / "project"), published once."""
    built = shared_builds["published"].result()
    assert built.returncode == 0, built.log[-4000:]
    return built


@pytest.fixture(scope="session")
def changed(shared_builds: dict[str, Future[Build]]) -> Build:
    """The real project with the ordinary changes of tests/changed.py, built once for the session."""
    built = shared_builds["changed"].result()
    assert built.returncode == 0, built.log[-4000:]
    return built

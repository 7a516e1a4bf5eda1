"""Shared fixtures: the project root, one real build of the site and one of the changed project.

Tests import hooks/, scripts/ and tools/ through `pythonpath` in pyproject.toml."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from project import copy_project  # noqa: F401  (re-exported for tests)
from publish import publish

from tests import builds
from tests import changed as changes
from tests.builds import build
from tests.paths import PROJECT, ROOT  # noqa: F401  (re-exported: tests import them from here)

# HC_SUITE_PROFILE=DIR: each test's times and the run's CPU by process, off unless asked.
pytest_plugins = ["tests.suiteprofile"]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The real build is a reproducible one as of the session's start: the same site a plain build makes
# today, and tests/site/test_reproducible.py compares a second build of it byte for byte. Kept in the
# environment, so that pytest-xdist's workers (started by this process) build with the same date.
SESSION_EPOCH = os.environ.setdefault("HC_TEST_EPOCH", str(int(time.time())))


def pytest_configure(config: pytest.Config) -> None:
    """Commands a test starts (`python scripts/writer.py`, a build) import the modules the tests do,
    as scripts/python gives them to a writer's commands."""
    folders = [str(folder) for folder in config.getini("pythonpath")]
    os.environ["PYTHONPATH"] = os.pathsep.join([*folders, *filter(None, [os.environ.get("PYTHONPATH")])])


SHARED_BUILDS = {"real_build", "published", "changed"}


def pytest_unconfigure(config: pytest.Config) -> None:
    builds.stop()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Over another project (HC_TEST_PROJECT, see tests/paths.py) only the checks of that project's
    build run: the tests that build copies of this checkout repeat what the outer run does.

    The order, which pytest-xdist's workers follow: unit tests first, run while the real build is
    made; then the tests that read the shared builds (the browser's waits overlap the builds that
    follow); then the tests that build projects of their own, the longest; the bad-input cases last,
    many short builds that end the workers evenly instead of one long test finishing alone."""
    if PROJECT != ROOT:
        other = [item for item in items if not {"site", "real_build"} & set(getattr(item, "fixturenames", ()))]
        if other:
            config.hook.pytest_deselected(items=other)
            items[:] = [item for item in items if item not in other]
    items.sort(key=_phase)
    if getattr(config.option, "loadgroup", False):  # a pytest-xdist worker of `--dist loadgroup`
        _group_ids(items)


def _group_ids(items: list[pytest.Item]) -> None:
    """What pytest-xdist 3.8 does for `--dist loadgroup`, which pytest 9 ignores: a test marked
    xdist_group gets "@group" at the end of its id, and the scheduler sends the tests of a group to one
    worker. pytest-xdist sets `item._nodeid`, which pytest 9 no longer reads (the id is `item._id`),
    so each worker ran every module-wide fixture of its own (the search-quality queries, the builds of
    the three-language and published-inert modules). Remove once pytest-xdist sets the id pytest reads."""
    for item in items:
        groups = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default")) for mark in item.iter_markers("xdist_group")})
        if groups and "@" not in item.nodeid.rpartition("]")[2] and hasattr(item, "_id"):
            item._id = type(item._id).parse(f"{item.nodeid}@{'_'.join(groups)}")


def _phase(item: pytest.Item) -> int:
    if item.nodeid.startswith("tests/site/test_bad_input.py::test_bad_input_fails"):
        return 3
    if item.nodeid.startswith("tests/site/test_bad_input.py::test_bad_input_in_a_shared_build"):
        return 2  # a batch's build is a long one
    if SHARED_BUILDS & set(getattr(item, "fixturenames", ())):
        return 1
    return 0 if item.nodeid.startswith("tests/unit/") else 2


@dataclass(frozen=True)
class Build:
    site: Path
    returncode: int
    log: str

    def save(self, record: Path) -> None:
        record.write_text(json.dumps({**asdict(self), "site": str(self.site)}), encoding="utf-8")

    @classmethod
    def saved(cls, record: Path) -> Build:
        fields = json.loads(record.read_text(encoding="utf-8"))
        return cls(Path(fields["site"]), fields["returncode"], fields["log"])


def build_site(project: Path, site_dir: Path, env: dict[str, str] | None = None) -> Build:
    """Run the real strict build of `project` into `site_dir`, as a writer or CI would."""
    result = build(project, site_dir, env=env)
    return Build(site_dir, result.returncode, result.stdout + result.stderr)


def changed_build(base: Path) -> Build:
    """The real project with the ordinary changes of tests/changed.py, built into base/site."""
    project = copy_project(base / "project", source=PROJECT)
    changes.apply(project)
    result = build(project, base / "site", env={"SOURCE_DATE_EPOCH": changes.NOTICE_DAY})
    return Build(base / "site", result.returncode, result.stdout + result.stderr)


def published_build(base: Path, real: Build) -> Build:
    """The real site as scripts/publish.py publishes it, in base/site, beside a copy of the real
    project in base/project: the previous good site of the bad-input cases. The site is the real
    build's (the same project, built the same strict way), so publishing it costs a copy, not a
    build; the project is copied after that build, with its caches (.cache/) warm."""
    project = copy_project(base / "project", source=PROJECT)
    return Build(base / "site", publish(base / "site", lambda target: _copy_site(real, target), root=project), real.log)


def _copy_site(real: Build, target: Path) -> int:
    if real.returncode != 0:
        return real.returncode
    shutil.copytree(real.site, target)
    return 0


def run_folder(config: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of the whole run: under pytest-xdist (scripts/test runs several workers) each
    worker's own folder is inside it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


@contextmanager
def alone(config: pytest.Config, lock: Path) -> Iterator[None]:
    """No other worker of this run inside the block at the same time."""
    if not hasattr(config, "workerinput"):
        yield
        return
    import fcntl  # only pytest-xdist's workers need it (POSIX, as the browser tests are)

    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def once_per_run(config: pytest.Config, folder: Path, name: str, make: Callable[[Path], Build]) -> Build:
    """`make(folder / name)` in the first worker that asks; the others wait for it and read its result."""
    record = folder / f"{name}.json"
    with alone(config, folder / f"{name}.lock"):
        if not record.exists():
            (folder / name).mkdir()
            make(folder / name).save(record)
        return Build.saved(record)


@pytest.fixture(scope="session", autouse=True)
def shared_builds(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Future[Build]]]:
    """The session's shared builds, started with its first test when any test of the run needs one:
    the real build first, then the others, each a MkDocs process of its own beside the tests that
    already run. Each is built once per run, whatever the number of pytest-xdist workers."""
    wanted = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    if "published" in wanted:
        wanted.add("real_build")
    futures: dict[str, Future[Build]] = {}
    config, folder = request.config, run_folder(request.config, tmp_path_factory)

    def after_real_build(start: Callable[[], Build]) -> Callable[[], Build]:
        """`start`, once the real build is done: a copy of the project made after it gets its caches
        (.cache/: Korean analyses, check results, gate verdicts), which a fresh clone does not have."""
        def started() -> Build:
            if "real_build" in futures:
                futures["real_build"].result()
            return start()
        return started

    starts: dict[str, Callable[[], Build]] = {
        "real_build": lambda: once_per_run(config, folder, "build", lambda base: build_site(
            PROJECT, base / "site", env={"SOURCE_DATE_EPOCH": SESSION_EPOCH})),
        "changed": after_real_build(lambda: once_per_run(config, folder, "changed", changed_build)),
        "published": after_real_build(lambda: once_per_run(config, folder, "published", lambda base: published_build(
            base, futures["real_build"].result()))),
    }
    with ThreadPoolExecutor(max_workers=len(starts)) as pool:
        for name, start in starts.items():  # the real build first: the published site waits for it
            if name in wanted:
                futures[name] = pool.submit(start)
        yield futures


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
    """The real site, published once, beside a copy of the real project (site.parent / "project")."""
    built = shared_builds["published"].result()
    assert built.returncode == 0, built.log[-4000:]
    return built


@pytest.fixture(scope="session")
def changed(shared_builds: dict[str, Future[Build]]) -> Build:
    """The real project with the ordinary changes of tests/changed.py, built once for the session."""
    built = shared_builds["changed"].result()
    assert built.returncode == 0, built.log[-4000:]
    return built

"""Everything one build knows: its languages, its data files (loaded and validated once) and what its
hooks collect along the way. One object per build, replaced when the next build starts.

Why one object and not module globals: mkdocs-static-i18n runs the whole build once per language,
and `mkdocs serve` rebuilds in the same process, so "once per build" had four meanings (the default
language's pass, a file-stamp check, once per process, none) and a running preview kept stale
redirects. Here a build starts when the glue (hooks/build_state.py) first sees a new MkDocs config,
which MkDocs loads afresh for every build and every `mkdocs serve` rebuild; nothing survives it
but the preview's cross-build cache (`preview_cache`, helpcenter/incremental.py: what it holds and
when it is reset), which only scripts/serve's process has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .errors import ContentError
from .incremental import PreviewCache

T = TypeVar("T")


@dataclass(eq=False)
class BuildState:
    root: Path  # the project folder (where mkdocs.yml is)
    languages: tuple[str, ...]  # the built languages, in mkdocs.yml's order
    default: str
    loaders: dict[str, Callable[[BuildState, Path, Path, str], Any]] = field(default_factory=dict)
    # Where each redirect page sends readers: noted by language_redirects, hashed into the CSP by
    # security_headers.
    redirect_targets: dict[str, str] = field(default_factory=dict)
    # The language pass's files (MkDocs' Files), once mkdocs-static-i18n has narrowed them to the
    # language and set their URLs: set in on_files by the hooks whose page events need other pages.
    files: Any = None
    owner: object = None  # the MkDocs config of this build: a new config is a new build
    # What the preview carries from one build to the next; None in every other build (check, build, CI).
    preview_cache: PreviewCache | None = None
    # Processor seconds spent for this build in worker processes, by the hook that started them
    # (the output gate's page checks): benchmarks add them to that hook's own.
    worker_cpu: dict[str, float] = field(default_factory=dict)
    worker_wait: dict[str, float] = field(default_factory=dict)  # wall seconds the build waited for them
    _once: dict[str, Any] = field(default_factory=dict)
    _closers: list[Callable[[], None]] = field(default_factory=list)
    _stoppers: list[Callable[[], None]] = field(default_factory=list)

    def once(self, key: str, make: Callable[[], T]) -> T:
        """`make()` the first time `key` is asked for in this build, the same value afterwards. A
        ContentError is kept too: every later ask raises it again instead of loading again."""
        if key not in self._once:
            try:
                self._once[key] = make()
            except ContentError as error:
                self._once[key] = error
        value = self._once[key]
        if isinstance(value, ContentError):
            raise value
        return value

    def first(self, key: str) -> bool:
        """True the first time in this build (for what must happen once: a warning, a check)."""
        if key in self._once:
            return False
        self._once[key] = True
        return True

    def data(self, name: str) -> Any:
        """data/NAME.yml, checked against data/NAME.schema.json, loaded once per build whatever asks.
        A mistake raises ContentError naming the file, line and field."""
        if name not in self.loaders:
            raise KeyError(f"no loader for data/{name}.yml (helpcenter/registry.py)")
        label = f"data/{name}.yml"
        return self.once(label, lambda: self._load(name, label))

    def _load(self, name: str, label: str) -> Any:
        carried = self.preview_cache
        if carried is not None and carried.rebuilding is not None and label in carried.last.data:
            value = carried.last.data[label]  # a one-page rebuild: no watched file, data/ included, has changed
        else:
            value = self.loaders[name](self, self.root / label, self.root / f"data/{name}.schema.json", label)
        if carried is not None:
            carried.last.data[label] = value
        return value

    def on_close(self, closer: Callable[[], None]) -> None:
        """Run `closer` when this build ends (log handlers and filters it installed are removed)."""
        self._closers.append(closer)

    def on_stop(self, stopper: Callable[[], None]) -> None:
        """Run `stopper` as soon as this build stops, passed or failed (`stop()`: on_post_build or
        on_build_error), or at `close()` at the latest: worker processes must not outlive their build."""
        self._stoppers.append(stopper)

    def stop(self) -> None:
        stoppers, self._stoppers = self._stoppers, []
        for stopper in stoppers:
            stopper()

    def close(self) -> None:
        self.stop()
        closers, self._closers = self._closers, []
        for closer in closers:
            closer()


_current: list[BuildState] = []  # the build in progress (at most one per process), with its owner
_carried: list[PreviewCache] = []  # the preview's cross-build cache: set by scripts/draftserve.py only


def carry(cache: PreviewCache | None) -> None:
    """Every build of this process from now on names `cache` as its preview_cache (None: no cache)."""
    _carried[:] = [cache] if cache is not None else []


def running() -> BuildState | None:
    """The build in progress, for the events MkDocs gives no config (on_build_error, on_shutdown)."""
    return _current[0] if _current else None


def current(owner: object, make: Callable[[], BuildState]) -> BuildState:
    """The state of the build `owner` (its MkDocs config) belongs to; a new owner starts a new build,
    closing the previous one."""
    if not _current or _current[0].owner is not owner:
        if _current:
            _current[0].close()
        state = make()
        state.owner, state.preview_cache = owner, (_carried[0] if _carried else None)
        _current[:] = [state]
    return _current[0]



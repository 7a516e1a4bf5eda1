"""The writers' preview: `mkdocs serve` in draft mode (run through scripts/serve).

Draft mode (hooks/build_errors.py, hooks/draft_preview.py): warnings do not stop the build and each
page shows its own problems. A build that cannot finish at all (a broken data file, a broken
mkdocs.yml) leaves one page in its place that names the problem and reloads itself, so every URL
answers instead of hanging, and the next save that fixes it brings the site back.

A save that only changes the text of existing pages rebuilds those pages alone (scripts/quickrebuild.py,
with the cross-build cache of hooks/helpcenter/incremental.py); when that could differ from a clean
build, the same save builds every page. Search indexing may finish after the page is served: it runs
in the background, and a newer save stops it where it is (that save's build indexes again).
"""

from __future__ import annotations

import copy
import io
import logging
import os
import shutil
import sys
import threading
from pathlib import Path

import mkdocs.commands.serve as serve_command
import mkdocs.config.defaults as config_defaults
import quickrebuild
import watchdog.events
import watchdog.observers.api
from helpcenter import buildstate, draft, incremental, korean_text
from mkdocs.__main__ import cli
from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.helpcenter")
_real_build = serve_command.build
CACHE = incremental.PreviewCache()  # this process's cross-build cache (named by every build's state)
_background: list[tuple[threading.Thread, threading.Event]] = []  # the deferred work running, its stop
_real_yaml_load = config_defaults.yaml_load
_read_config: dict[bytes, dict] = {}  # mkdocs.yml's text → what YAML made of it (the last one only)


def read_config(source, loader=None) -> dict:
    """mkdocs.yml as MkDocs reads it for every rebuild, parsed again only when its text changed:
    with 1,000 articles per language in its navigation, parsing it was a tenth of a one-page
    rebuild. Each build gets its own copy (MkDocs' settings change what they are given). A file
    that inherits another or has paths relative to a page is parsed every time."""
    text = source.read() if hasattr(source, "read") else source
    if not isinstance(text, bytes) or b"INHERIT" in text or b"!relative" in text:
        if hasattr(source, "seek"):
            source.seek(0)
        return _real_yaml_load(source, loader)
    if text not in _read_config:
        _read_config.clear()
        _read_config[text] = _real_yaml_load(io.BytesIO(text), loader)
    return copy.deepcopy(_read_config[text])


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def forgiving(step, site_dir: str, languages: list[str]) -> None:
    """Run a build step; if it fails, the site becomes one page saying why."""
    errors = _Errors()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        step()
    except incremental.Doubt:
        raise  # not the writer's error: DraftServer builds every page instead
    except Exception as error:  # noqa: BLE001 -- whatever stops the build is shown, never a hang
        CACHE.forget()  # the site is replaced below: the next build must write every page
        messages = errors.messages or [str(error) or type(error).__name__]
        if not errors.messages:
            log.error(messages[0])
        log.error("The preview shows this error on every page until the file is fixed and saved.")
        shutil.rmtree(site_dir, ignore_errors=True)
        os.makedirs(site_dir, exist_ok=True)
        words = draft.failure_words(Path("data", "ui-text.yml"), languages)
        Path(site_dir, "404.html").write_text(draft.failure_page([m for m in messages if not m.startswith("Aborted")] or messages, words),
                                              encoding="utf-8")
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)


def languages_of(config) -> list[str]:
    try:
        found = config.plugins["i18n"].config.languages
        return [lang.locale for lang in sorted(found, key=lambda lang: not lang.default)]
    except (KeyError, AttributeError):
        return []


def draft_build(config, **options) -> None:
    """The build of the first start and of each rebuild."""
    stop_deferred()
    forgiving(lambda: quickrebuild.build(_real_build, config, CACHE, **options), config.site_dir, languages_of(config))
    # A first build from .cache/ never loads the Korean analyser; the writer's first edit would wait
    # for it (2-3 s), so it is loaded before the preview starts serving.
    korean_text.kiwi().tokenize(["미리보기"])
    jobs, CACHE.deferred[:] = list(CACHE.deferred), []
    if jobs:
        stop = threading.Event()
        _background[:] = [(threading.Thread(target=_finish, args=(jobs, stop), name="hc-deferred", daemon=True), stop)]
        _background[0][0].start()


def _finish(jobs, stop: threading.Event) -> None:
    """The build's deferred work (search indexing), after its pages are served."""
    try:
        for job in jobs:
            job(stop)
    except incremental.Cancelled:
        pass  # a newer save's build defers the same work again
    except Exception as error:  # noqa: BLE001 -- shown like a failed build's error, and the next save builds every page
        CACHE.forget()
        log.error(f"The search index could not be written: {error}")


def stop_deferred() -> None:
    """Stop the last build's deferred work before a build starts: nothing may write into the site
    while a build does, and the work is stale. Waiting for it instead made a save at 1,000 articles
    wait for the previous save's search index."""
    for thread, stop in _background:
        stop.set()
        thread.join()
    _background.clear()


class DraftServer(LiveReloadServer):
    """Rebuilds that fail before the build starts (mkdocs.yml unreadable) also end in the error page;
    a one-page rebuild in doubt is followed by a build of every page."""

    def __init__(self, builder, root, **options) -> None:
        def rebuild() -> None:
            stop_deferred()
            try:
                forgiving(builder, root, [])
            except incremental.Doubt as why:
                log.info(f"Building every page: {why}")
                forgiving(builder, root, [])

        super().__init__(builder=rebuild, root=root, **options)

    def serve(self, **options) -> None:
        """MkDocs polls every watched file twice a second: at 2,000 pages that held Python's lock
        for most of a one-page rebuild (the rebuild waited, not worked). The system's file
        notifications (inotify) cost nothing while idle; where they cannot watch every path,
        MkDocs' polling stays."""
        observer = _notified(self._watched_paths, self._changed)
        if observer is not None:
            self.observer = observer  # type: ignore[assignment]  # any observer serves; MkDocs names its own class
        super().serve(**options)

    def _changed(self, event: watchdog.events.FileSystemEvent) -> None:
        # As MkDocs' own watcher: a folder's event comes with its files'. A file opened or closed
        # unwritten is no change (every build reads every page; reacting to that never stopped).
        if not event.is_directory and event.event_type in _CHANGES:
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()


_CHANGES = frozenset({watchdog.events.EVENT_TYPE_CREATED, watchdog.events.EVENT_TYPE_DELETED, watchdog.events.EVENT_TYPE_MODIFIED,
                      watchdog.events.EVENT_TYPE_MOVED})


def _notified(paths, callback) -> watchdog.observers.api.BaseObserver | None:
    """An observer of `paths` by the system's notifications, not started, or None where they do
    not work (another system, the limit of watches reached): tried on a throwaway one first."""
    try:
        from watchdog.observers.inotify import InotifyObserver as native
    except ImportError:  # not Linux
        return None

    def observer() -> watchdog.observers.api.BaseObserver:
        made, handler = native(), watchdog.events.FileSystemEventHandler()
        handler.on_any_event = callback  # type: ignore[method-assign]  # MkDocs' watcher does the same
        for path in paths:
            made.schedule(handler, path, recursive=os.path.isdir(path))
        return made

    try:
        trial = observer()
        trial.start()
        trial.stop()
        trial.join()
    except OSError:
        return None
    return observer()


def main() -> None:
    os.environ["HC_DRAFT"] = "1"
    buildstate.carry(CACHE)
    # `mkdocs serve` with our build and server in place of its own: the one way in that it offers.
    serve_command.build = draft_build
    config_defaults.yaml_load = read_config
    serve_command.LiveReloadServer = DraftServer  # type: ignore[misc, assignment]  # replacing the class is the point
    cli(["serve", "--no-strict", "--dev-addr", "127.0.0.1:8000", *sys.argv[1:]], prog_name="scripts/serve")


if __name__ == "__main__":
    main()

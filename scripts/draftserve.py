"""The writers' preview: `mkdocs serve` in draft mode (run through scripts/serve).

Draft mode (hooks/build_errors.py, hooks/draft_preview.py): warnings do not stop the build and each
page shows its own problems. A build that cannot finish at all (a broken data file, a broken
mkdocs.yml) leaves one page in its place that names the problem and reloads itself, so every URL
answers instead of hanging, and the next save that fixes it brings the site back.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

import mkdocs.commands.serve as serve_command
from helpcenter import draft
from mkdocs.__main__ import cli
from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.helpcenter")
_real_build = serve_command.build


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
    except Exception as error:  # noqa: BLE001 -- whatever stops the build is shown, never a hang
        messages = errors.messages or [str(error) or type(error).__name__]
        if not errors.messages:
            log.error(messages[0])
        log.error("The preview shows this error on every page until the file is fixed and saved.")
        shutil.rmtree(site_dir, ignore_errors=True)
        os.makedirs(site_dir, exist_ok=True)
        Path(site_dir, "404.html").write_text(draft.failure_page([m for m in messages if not m.startswith("Aborted")] or messages, languages),
                                              encoding="utf-8")
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)


def languages_of(config) -> list[str]:
    try:
        found = config.plugins["i18n"].config.languages
        return [lang.locale for lang in sorted(found, key=lambda lang: not lang.default)]
    except (KeyError, AttributeError):
        return list(draft.TEXT)


def draft_build(config, **options) -> None:
    """The build of the first start and of each rebuild."""
    forgiving(lambda: _real_build(config, **options), config.site_dir, languages_of(config))


class DraftServer(LiveReloadServer):
    """Rebuilds that fail before the build starts (mkdocs.yml unreadable) also end in the error page."""

    def __init__(self, builder, root, **options) -> None:
        super().__init__(builder=lambda: forgiving(builder, root, list(draft.TEXT)), root=root, **options)


def main() -> None:
    os.environ["HC_DRAFT"] = "1"
    # `mkdocs serve` with our build and server in place of its own: the one way in that it offers.
    serve_command.build = draft_build
    serve_command.LiveReloadServer = DraftServer  # type: ignore[misc, assignment]  # replacing the class is the point
    cli(["serve", "--no-strict", "--dev-addr", "127.0.0.1:8000", *sys.argv[1:]], prog_name="scripts/serve")


if __name__ == "__main__":
    main()

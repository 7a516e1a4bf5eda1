"""Let mkdocs-redirects serve every language from one map in mkdocs.yml.

Writers list a moved page once, language-independently (`help/contact.md: support/methods.md`).
mkdocs-static-i18n builds each language with only that language's files (`ko/...`, `en/...`), and
sets their URLs after the redirects plugin has read them; so once i18n is done, the plugin gets
this pass's map (/help/contact/ → /support/methods/, /en/help/contact/ → /en/support/methods/)
and reads the files again through its own on_files.
"""

from __future__ import annotations

import build_state
import site_languages
from build_errors import as_build_error, log
from helpcenter import redirects
from helpcenter.languages import language_root
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files


def on_config(config: MkDocsConfig) -> None:
    # Read at the start of every build (each `mkdocs serve` rebuild loads mkdocs.yml afresh), before
    # the first pass's on_files rewrites the plugin's map for a language.
    _written(config)


def _written(config: MkDocsConfig) -> dict[str, str]:
    """The map as writers wrote it, for this build."""
    state = build_state.of(config)
    with as_build_error():
        return state.once("redirects", lambda: dict(redirects.check_map(config.plugins["redirects"].config["redirect_maps"])))


def language_map(written: dict[str, str], lang: str, default: str) -> dict[str, str]:
    """The redirects for one language's pass, from the map as writers wrote it."""
    return {f"{language_root(lang, default)}{old}": f"{lang}/{new}" for old, new in written.items()}


@event_priority(-150)  # after mkdocs-static-i18n (-100) has set this language's files and URLs
def on_files(files: Files, config: MkDocsConfig) -> None:
    plugin = config.plugins["redirects"]
    lang = site_languages.current_language(config)
    written = _written(config)
    for old in written:
        if files.get_file_from_path(f"{lang}/{old}"):
            log.warning(f"mkdocs.yml: redirects: '{old}' is still a page (docs/{lang}/{old}); remove the redirect or the page")
    plugin.config["redirect_maps"] = language_map(written, lang, site_languages.default_language(config))
    plugin.on_files(files, config=config)
    _note_targets(plugin.config["redirect_maps"], files, config.use_directory_urls, build_state.of(config).redirect_targets)


def _note_targets(language_redirects: dict[str, str], files: Files, directory_urls: bool, targets: dict[str, str]) -> None:
    """Where each redirect page sends readers, computed as mkdocs-redirects does (for the CSP hashes)."""
    from mkdocs_redirects.plugin import get_html_path, get_relative_html_path

    for old, new in language_redirects.items():
        path, _, fragment = new.partition("#")
        target = files.get_file_from_path(path)
        if target is not None:
            targets[get_html_path(old, directory_urls)] = get_relative_html_path(old, target.url + (f"#{fragment}" if fragment else ""), directory_urls)


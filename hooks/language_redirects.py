"""Let mkdocs-redirects serve every language from one map in mkdocs.yml.

Writers list a moved page once, language-independently (`help/contact.md: support/methods.md`).
mkdocs-static-i18n builds each language with only that language's files (`ko/...`, `en/...`), and
sets their URLs after the redirects plugin has read them; so once i18n is done, the plugin gets
this pass's map (/help/contact/ → /support/methods/, /en/help/contact/ → /en/support/methods/)
and reads the files again through its own on_files.
"""

from __future__ import annotations

import site_languages
from build_errors import as_build_error, log
from helpcenter import redirects
from helpcenter.languages import language_root
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

_written: dict[str, str] = {}  # the map as writers wrote it, for this build


def on_config(config: MkDocsConfig) -> None:
    # Read again at the start of every build (each `mkdocs serve` rebuild loads mkdocs.yml afresh):
    # a map kept from the first build would ignore a writer's edit until a restart. Only in the
    # first pass: later passes see the plugin's map already rewritten for the previous language.
    if site_languages.first_pass(config):
        _written.clear()
        redirects.TARGETS.clear()
        with as_build_error():
            _written.update(redirects.check_map(config.plugins["redirects"].config["redirect_maps"]))


def language_map(written: dict[str, str], lang: str, default: str) -> dict[str, str]:
    """The redirects for one language's pass, from the map as writers wrote it."""
    return {f"{language_root(lang, default)}{old}": f"{lang}/{new}" for old, new in written.items()}


@event_priority(-150)  # after mkdocs-static-i18n (-100) has set this language's files and URLs
def on_files(files: Files, config: MkDocsConfig) -> None:
    plugin = config.plugins["redirects"]
    lang = site_languages.current_language(config)
    for old in _written:
        if files.get_file_from_path(f"{lang}/{old}"):
            log.warning(f"mkdocs.yml: redirects: '{old}' is still a page (docs/{lang}/{old}); remove the redirect or the page")
    plugin.config["redirect_maps"] = language_map(_written, lang, site_languages.default_language(config))
    plugin.on_files(files, config=config)
    _note_targets(plugin.config["redirect_maps"], files, config.use_directory_urls)


def _note_targets(language_redirects: dict[str, str], files: Files, directory_urls: bool) -> None:
    """Where each redirect page sends readers, computed as mkdocs-redirects does (for the CSP hashes)."""
    from mkdocs_redirects.plugin import get_html_path, get_relative_html_path

    for old, new in language_redirects.items():
        path, _, fragment = new.partition("#")
        target = files.get_file_from_path(path)
        if target is not None:
            url = target.url + (f"#{fragment}" if fragment else "")
            redirects.TARGETS[get_html_path(old, directory_urls)] = get_relative_html_path(old, url, directory_urls)


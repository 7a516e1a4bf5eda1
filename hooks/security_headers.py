"""Write _headers beside the built site: the security headers it is served with (README: Hosting).

Runs once all languages are built, so the policy covers every page's inline scripts.
"""

from __future__ import annotations

import os
from pathlib import Path

import site_languages
from helpcenter import csp
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

_pages: dict[str, set[str]] = {}  # written page → its inline scripts' hashes


def on_config(config: MkDocsConfig) -> None:
    if site_languages.first_pass(config):
        _pages.clear()


@event_priority(-1000)  # last, on the page exactly as it is written
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # From memory: reading every page back from disk cost twice as much on a 2,000-page site.
    _pages[os.path.normpath(page.file.abs_dest_path)] = csp.inline_script_hashes(output)
    return output


@event_priority(-300)  # after every language is built and the search hooks are done
def on_post_build(config: MkDocsConfig) -> None:
    if not site_languages.whole_site_built(config):
        return
    site = Path(config.site_dir)
    hashes = set().union(*_pages.values())
    # Pages written outside the page events: 404s, redirects.
    for folder, _, names in os.walk(site):
        for path in (os.path.join(folder, name) for name in names if name.endswith(".html")):
            if path not in _pages:
                hashes |= csp.inline_script_hashes(Path(path).read_text(encoding="utf-8"))
    (site / "_headers").write_text(csp.headers_file(csp.policy(hashes)), encoding="utf-8")

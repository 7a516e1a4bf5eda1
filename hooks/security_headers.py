"""Write _headers beside the built site: the security headers it is served with (README: Hosting).

Runs once all languages are built, so the policy covers every page's inline scripts.
"""

from __future__ import annotations

from pathlib import Path

import site_languages
from helpcenter import csp
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(-300)  # after every language is built and the search hooks are done
def on_post_build(config: MkDocsConfig) -> None:
    if not site_languages.whole_site_built(config):
        return
    site = Path(config.site_dir)
    hashes = set()
    for page in sorted(site.rglob("*.html")):
        hashes |= csp.inline_script_hashes(page.read_text(encoding="utf-8"))
    (site / "_headers").write_text(csp.headers_file(csp.policy(hashes)), encoding="utf-8")

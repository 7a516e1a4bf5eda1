"""Our own scripts as the browser downloads them: without comments and indentation.

docs/assets/javascripts/ is written to be read, with comments that say why; readers download it on
every page (search.js, site.js) and on their first search (search/query.js), where the comments were
more than a third of the gzip bytes. rjsmin (a maintained port of jsmin) drops comments and
whitespace and nothing else; licence comments (/*! ... */) stay.
"""

from __future__ import annotations

import rjsmin

SCRIPTS = "assets/javascripts/"


def is_ours(src_uri: str) -> bool:
    """A script of docs/assets/javascripts/ (Material's own bundles come minified already)."""
    return src_uri.startswith(SCRIPTS) and src_uri.endswith(".js")


def minified(source: str) -> str:
    return str(rjsmin.jsmin(source, keep_bang_comments=True))

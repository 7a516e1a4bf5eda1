"""Front matter values reach the page as text, never as HTML.

The theme prints page.meta.title and page.meta.description unescaped (in <title>, in the meta
description's content="...", in the navigation), so a quote in a description would end the
attribute and a tag in a title would become markup. The schema already refuses < and > in them
(hooks/content_checks.py); quotes and & are ordinary text and are escaped here for every build,
including `mkdocs serve`, which is not strict.
"""

from __future__ import annotations

import html

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

TEXT_FIELDS = ("title", "description")


# `template` picks the file that renders the page: a missing one stopped the build with a traceback,
# another one changes its markup. Pages may choose only the layouts the front-matter schema lists
# (data/front-matter.schema.json, `template`); the schema reports any other value to the writer
# (hooks/content_checks.py), and here it is dropped so the page still renders as an article.
ALLOWED_TEMPLATES = ("home.html",)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    if page.meta.get("template") not in ALLOWED_TEMPLATES:
        page.meta.pop("template", None)
    for field in TEXT_FIELDS:
        if isinstance(page.meta.get(field), str):
            # Markup: escaped once here; the templates that do escape (`| e`) leave it as it is.
            page.meta[field] = Markup(html.escape(page.meta[field], quote=True))
    return markdown

"""MkDocs glue: our scripts are published minified (hooks/helpcenter/minify.py); the sources in
docs/assets/javascripts/ keep their comments."""

from __future__ import annotations

from helpcenter import minify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files


@event_priority(-200)  # after mkdocs-static-i18n (-100) has made each language's file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files:
        if minify.is_ours(file.src_uri):
            file.content_string = minify.minified(file.content_string)
    return files

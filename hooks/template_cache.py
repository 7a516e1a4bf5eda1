"""MkDocs glue: Jinja keeps the theme's compiled templates in .cache/templates/ between builds.

Compiling Material's templates (about fifty, for every build and every language's pass) was about a
third of the time of a warm build of this site. Jinja's own bytecode cache compares each template's
source with what it kept before using it, so an edited template is compiled again; deleting .cache/
changes no output.
"""

from __future__ import annotations

import build_state
from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

CACHE = ".cache/templates"


class TemplateCache(FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a read-only checkout or cache only loses the time the cache saves


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    folder = build_state.of(config).root / CACHE
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env
    env.bytecode_cache = TemplateCache(str(folder))
    return env

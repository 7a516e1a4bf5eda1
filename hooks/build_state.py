"""This build's state (hooks/helpcenter/buildstate.py), for every hook (shared by our hooks; not a
hook itself).

A build starts when a hook first asks with a config it has not seen: MkDocs loads mkdocs.yml into a
new config for every build and every `mkdocs serve` rebuild, while mkdocs-static-i18n builds each
further language with the same config. The first to ask is the first on_config of the build
(draft_preview's, priority 100), whatever the order of `hooks:` in mkdocs.yml.
"""

from __future__ import annotations

from pathlib import Path

import site_languages
from build_errors import as_build_error
from helpcenter import buildstate, registry
from helpcenter.buildstate import BuildState
from mkdocs.config.defaults import MkDocsConfig


def of(config: MkDocsConfig) -> BuildState:
    return buildstate.current(config, lambda: registry.new_state(
        Path(config.config_file_path).parent, site_languages.built_languages(config), site_languages.default_language(config)))


def data(config: MkDocsConfig, name: str):
    """data/NAME.yml, validated, loaded once per build; a mistake stops the build with its message."""
    with as_build_error():
        return of(config).data(name)

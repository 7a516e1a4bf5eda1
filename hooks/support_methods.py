"""MkDocs glue for the data files pages show through markers: the support channels
(data/support-methods.yml) and the product facts (data/facts.yml). Load them, check them (stale or
future `verified` dates are warnings, so strict builds fail), expand their markers in pages.

The logic lives in hooks/helpcenter/ (plain functions, tested without MkDocs); this file only
connects it to MkDocs events and turns ContentError into PluginError so the build stops.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

import site_languages
from build_errors import as_build_error, log, report
from helpcenter import fact_render, facts, markers, support_data, support_render
from helpcenter.errors import ContentError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

DATA = "data/support-methods.yml"
SCHEMA = "data/support-methods.schema.json"
FACTS = "data/facts.yml"
FACTS_SCHEMA = "data/facts.schema.json"
_state: dict = {}


def on_config(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    # mkdocs-static-i18n runs on_config once per language; load again only when the files changed.
    languages = site_languages.built_languages(config)
    key = (*(_stamp(root / name) for name in (DATA, SCHEMA, FACTS, FACTS_SCHEMA)), tuple(languages))
    if _state.get("key") != key:
        with as_build_error():
            data = support_data.load_support_data(root / DATA, root / SCHEMA, DATA, languages)
            fact_data = facts.load_facts(root / FACTS, root / FACTS_SCHEMA, FACTS, languages)
        _state.update(key=key, data=data, facts=fact_data, env=support_render.environment(root / "overrides" / "hooks"))
    # Once per build (the default language's pass), so strict mode counts it on every rebuild too.
    if site_languages.first_pass(config):
        # The real day, not SOURCE_DATE_EPOCH: a fact due for re-checking must fail every build.
        max_age, today = config.extra.get("support_methods", {}).get("max_age_days", 180), date.today()
        for message in support_data.stale_facts(_state["data"], DATA, today, max_age):
            log.warning(message)
        for message in facts.date_problems(_state["facts"], FACTS, today, max_age):
            log.warning(message)


def on_files(files: Files, config: MkDocsConfig) -> None:
    language = site_languages.current_language(config)
    exists = lambda page: files.get_file_from_path(f"{language}/{page}") is not None  # noqa: E731
    with as_build_error():
        problems = support_data.missing_pages(_state["data"], DATA, language, exists)
        if problems:
            raise ContentError("\n".join(problems))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not markers.mentions_markers(markdown):  # skip looking up every channel's page for this one
        return markdown
    data, env, language = _state["data"], _state["env"], site_languages.current_language(config)
    channel_pages = {m.id: files.get_file_from_path(f"{language}/{m.page}") for m in data.methods}
    # on_files stopped the build if a channel's page is missing
    hrefs = {channel: file.url_relative_to(page.file) for channel, file in channel_pages.items() if file}
    renderers = {
        "support-methods": partial(support_render.table_from_marker, env, data, language, hrefs),
        "contact": partial(support_render.contact_from_marker, env, data, language),
        "channels": partial(support_render.channels_from_marker, env, data, language, hrefs),
        "fact": partial(fact_render.fact_from_marker, env, _state["facts"], language),
        "channel-count": partial(fact_render.count_from_marker, _state["facts"], language, len(data.methods)),
    }
    first_line = markers.first_line_of(page.file.content_string, markdown)
    try:
        return markers.expand_markers(markdown, renderers, f"docs/{page.file.src_uri}", first_line)
    except ContentError as error:
        report(error, config)  # in the preview: the page without its generated parts, and a banner
        return markdown


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_mtime_ns, status.st_size


"""MkDocs glue for the data files pages show through markers: the support channels
(data/support-methods.yml) and the product facts (data/facts.yml). Load them, check them (stale or
future `verified` dates are warnings, so strict builds fail), expand their markers in pages.

The logic lives in hooks/helpcenter/ (plain functions, tested without MkDocs); this file only
connects it to MkDocs events and turns ContentError into PluginError so the build stops.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import build_state
import site_languages
from build_errors import as_build_error, log, report
from helpcenter import fact_render, facts, markers, support_data, support_render
from helpcenter.errors import ContentError, raise_problems
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

DATA, FACTS = "data/support-methods.yml", "data/facts.yml"


def on_config(config: MkDocsConfig) -> None:
    state = build_state.of(config)
    data, fact_data = build_state.data(config, "support-methods"), build_state.data(config, "facts")
    # Once per build, so strict mode counts it on every rebuild too.
    if state.first("fact-dates"):
        # The real day, not SOURCE_DATE_EPOCH: a fact due for re-checking must fail every build.
        max_age, today = config.extra.get("support_methods", {}).get("max_age_days", 180), date.today()
        for message in support_data.stale_facts(data, DATA, today, max_age):
            log.warning(message)
        for message in facts.date_problems(fact_data, FACTS, today, max_age):
            log.warning(message)


def on_files(files: Files, config: MkDocsConfig) -> None:
    language = site_languages.current_language(config)
    exists = lambda page: files.get_file_from_path(f"{language}/{page}") is not None  # noqa: E731
    with as_build_error():
        raise_problems(support_data.missing_pages(build_state.data(config, "support-methods"), DATA, language, exists))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not markers.mentions_markers(markdown):  # skip looking up every channel's page for this one
        return markdown
    data, language = build_state.data(config, "support-methods"), site_languages.current_language(config)
    fact_data, root = build_state.data(config, "facts"), build_state.of(config).root
    env = build_state.of(config).once("support-templates", lambda: support_render.environment(root / "overrides" / "hooks"))
    channel_pages = {m.id: files.get_file_from_path(f"{language}/{m.page}") for m in data.methods}
    # on_files stopped the build if a channel's page is missing
    hrefs = {channel: file.url_relative_to(page.file) for channel, file in channel_pages.items() if file}
    renderers = {
        "support-methods": partial(support_render.table_from_marker, env, data, language, hrefs),
        "contact": partial(support_render.contact_from_marker, env, data, language),
        "channels": partial(support_render.channels_from_marker, env, data, language, hrefs),
        "fact": partial(fact_render.fact_from_marker, env, fact_data, language),
        "channel-count": partial(fact_render.count_from_marker, fact_data, language, len(data.methods)),
    }
    first_line = markers.first_line_of(page.file.content_string, markdown)
    try:
        return markers.expand_markers(markdown, renderers, f"docs/{page.file.src_uri}", first_line)
    except ContentError as error:
        report(error, config)  # in the preview: the page without its generated parts, and a banner
        return markdown

"""MkDocs glue for the end of every article (not the home page): a "still need help?" block with the
channels data/topics.yml recommends for the page's topic, and two to four related articles (front
matter `related:`, else the other articles of the same folder). overrides/partials/hc-next-steps.html
renders them; the choices are made by hooks/helpcenter/topics.py.
"""

from __future__ import annotations

import build_state
import site_languages
from build_errors import log
from helpcenter import frontmatter, support_data, topics
from helpcenter.errors import ContentError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> None:
    build_state.data(config, "topics")  # a mistake stops the build before any page is read


@event_priority(-200)  # after mkdocs-static-i18n (-100) has narrowed the files to this language and set their URLs
def on_files(files: Files, config: MkDocsConfig) -> None:
    build_state.of(config).files = files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    files, lang = build_state.of(config).files, site_languages.current_language(config)
    path = page.file.src_uri.partition("/")[2]
    if path == "index.md":  # each language's home page (page.is_homepage is true for Korean only)
        return context
    # Front matter lines are read again only for a message: at 1,000 articles, reading them for
    # every page cost seconds.
    where = lambda key: f"docs/{page.file.src_uri}:{frontmatter.read(page.file.content_string)[1].get(key, 1)}"  # noqa: E731
    try:
        topic = topics.topic_of(build_state.data(config, "topics"), path, page.meta.get("topic"))
    except ContentError as error:
        log.warning(f"{where('topic')}: {error}")
        topic = topics.topic_of(build_state.data(config, "topics"), path, None)
    lookup = lambda p: _file(files, f"{lang}/{p}")  # noqa: E731
    declared = page.meta.get("related")
    for message in topics.missing_related(declared or [], lookup):
        log.warning(f"{where('related')}: {message}")
    folders = build_state.of(config).once(f"next-steps-folders-{lang}", lambda: _folders(files, lang))
    related = [f for f in map(lookup, topics.related_paths(path, declared, folders.get(path.rpartition("/")[0], []))) if f]
    context["hc_next_steps"] = {
        "note": topic.note[lang],
        "channels": [_channel(build_state.data(config, "support-methods").method(c), lang, lookup, page) for c in topic.channels],
        "related": [{"title": f.page.title if f.page else f.src_uri, "href": f.url_relative_to(page.file)} for f in related],
    }
    return context


def _file(files: Files, src_uri: str):
    """files.get_file_from_path(src_uri), first as the exact address it tries first: mkdocs-static-i18n's
    version builds half a dozen PurePaths per call (3 % of the page-rendering time at 1,000 articles,
    several calls a page). A key found as written is already normalised, so the answer is the same."""
    return files.src_uris.get(src_uri) or files.get_file_from_path(src_uri)


def _folders(files: Files, lang: str) -> dict[str, list[str]]:
    """This language's pages by folder, in the files' order: each page's siblings are looked up,
    not searched for among every page (quadratic at 1,000 articles)."""
    folders: dict[str, list[str]] = {}
    for file in files.documentation_pages():
        if file.src_uri.startswith(f"{lang}/"):
            path = file.src_uri.partition("/")[2]
            folders.setdefault(path.rpartition("/")[0], []).append(path)
    return folders


def _channel(method: support_data.Method, lang: str, lookup, page: Page) -> dict:
    return {"id": method.id, "name": method.name[lang], "best_for": method.best_for[lang],
            "how": method.where_to_find[lang], "href": lookup(method.page).url_relative_to(page.file)}

"""MkDocs glue for the content checks: every page of every build, reported as file:line warnings.

Strict builds (`mkdocs build --strict`, scripts/check, CI) fail on any of them, after listing them
all. The rules live in hooks/helpcenter/checks/, front matter in helpcenter/frontmatter.py, the
translation bookkeeping in helpcenter/translations.py.
"""

from __future__ import annotations

from pathlib import Path

import site_languages
from build_errors import as_build_error
from helpcenter import frontmatter, translations
from helpcenter.checks import Source, files as file_checks, run_rules
from helpcenter.datafile import load_schema, load_validated
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
_state: dict = {}


def on_config(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    with as_build_error():
        glossary, _ = load_validated(root / "data/glossary.yml", load_schema(root / "data/glossary.schema.json"), "data/glossary.yml")
    avoid: dict[str, dict[str, str]] = {}
    for term in glossary["terms"]:
        for lang, variants in term.get("avoid", {}).items():
            avoid.setdefault(lang, {}).update({variant: term[lang] for variant in variants})
    _state.update(schema=load_schema(root / "data/front-matter.schema.json"), avoid=avoid, docs=Path(config.docs_dir))


@event_priority(50)  # before mkdocs-static-i18n (-100) narrows the files to one language
def on_files(files: Files, config: MkDocsConfig) -> None:
    default = site_languages.default_language(config)
    if site_languages.current_language(config) != default:
        return
    unreadable = [str(p) for f in files.documentation_pages()
                  for p in file_checks.check(f"docs/{f.src_uri}", Path(f.abs_src_path), _state["docs"])]
    if unreadable:  # MkDocs cannot read such a page: stop before it tries
        raise PluginError("\n".join(unreadable))
    pages: dict[str, list[str]] = {lang: [] for lang in site_languages.built_languages(config)}
    for file in files.documentation_pages():
        lang, _, path = file.src_uri.partition("/")
        if lang in pages:
            pages[lang].append(path)
    for problem in translations.missing(pages, default):
        log.warning(str(problem))
    _state["stale"] = _stale_translations(pages, default)
    for path in sorted(_state["stale"]):
        log.info(f"{path} follows an older revision of its Korean page: update it, then run scripts/mark-translated {path}")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    lang = site_languages.current_language(config)
    path = f"docs/{page.file.src_uri}"
    source = page.file.content_string
    problems = frontmatter.check(path, source, _state["schema"], lang, site_languages.default_language(config))
    problems += run_rules(Source(path, source, lang), avoid=_state["avoid"])
    for problem in problems:
        log.warning(str(problem))
    if path in _state.get("stale", ()):
        # The Korean page's URL from the site root; the template prefixes the page's base_url.
        page.meta["hc_outdated_source"] = page.url.partition("/")[2]
    return markdown


def _stale_translations(pages: dict[str, list[str]], default: str) -> set[str]:
    stale = set()
    for lang, paths in pages.items():
        if lang == default:
            continue
        for path in set(paths) & set(pages[default]):
            translation = (_state["docs"] / lang / path).read_text(encoding="utf-8")
            meta, _ = _front_matter(translation)
            source = (_state["docs"] / default / path).read_text(encoding="utf-8")
            if translations.is_stale(meta.get("source_revision"), source):
                stale.add(f"docs/{lang}/{path}")
    return stale


def _front_matter(text: str) -> tuple[dict, dict]:
    try:
        meta, lines = frontmatter.read(text)
    except Exception:  # reported with its line by on_page_markdown
        return {}, {}
    return (meta if isinstance(meta, dict) else {}), lines

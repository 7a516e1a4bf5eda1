"""MkDocs glue for the content checks: every page of every build, reported as file:line warnings.

Strict builds (`mkdocs build --strict`, scripts/check, CI) fail on any of them, after listing them
all. The rules live in hooks/helpcenter/checks/, front matter in helpcenter/frontmatter.py, the
translation bookkeeping in helpcenter/translations.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import site_languages
from build_errors import as_build_error, log
from helpcenter import diskcache, frontmatter, translations
from helpcenter.checks import Problem, Source, project_files, run_rules
from helpcenter.checks import files as file_checks
from helpcenter.datafile import load_schema, load_validated
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

CACHE = ".cache/content-checks.json"
_state: dict = {}


def on_config(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    foreign = project_files.check(root) if site_languages.first_pass(config) else []
    if foreign:  # before MkDocs lists, reads or copies any file
        raise PluginError("\n".join(map(str, foreign)))
    with as_build_error():
        glossary, _ = load_validated(root / "data/glossary.yml", load_schema(root / "data/glossary.schema.json"), "data/glossary.yml")
    avoid: dict[str, dict[str, str]] = {}
    for term in glossary["terms"]:
        for lang, variants in term.get("avoid", {}).items():
            avoid.setdefault(lang, {}).update({variant: term[lang] for variant in variants})
    schema = load_schema(root / "data/front-matter.schema.json")
    _state.update(schema=schema, avoid=avoid, docs=Path(config.docs_dir))
    if site_languages.first_pass(config):
        _load_results(root / CACHE, schema, avoid)


def _load_results(cache: Path, schema: dict, avoid: dict) -> None:
    """Earlier builds' results per page text, valid while the rules, schema and glossary are the same:
    the checks were 5 % of a 2,000-page build, and most pages do not change between builds."""
    rules = sorted((Path(__file__).parent / "helpcenter" / "checks").glob("*.py")) + [Path(frontmatter.__file__)]
    version = diskcache.fingerprint([*(path.read_bytes() for path in rules), json.dumps([schema, avoid], sort_keys=True)])
    _state.update(cache=cache, version=version, results=diskcache.load(cache, version, _is_result), used=set(), new=False, revisions={})


def _is_result(entry) -> bool:
    return isinstance(entry, list) and all(
        isinstance(item, list) and len(item) == 3 and isinstance(item[0], int) and all(isinstance(x, str) for x in item[1:]) for item in entry)


@event_priority(50)  # before mkdocs-static-i18n (-100) narrows the files to one language
def on_files(files: Files, config: MkDocsConfig) -> None:
    default = site_languages.default_language(config)
    if site_languages.current_language(config) != default:
        return
    unreadable = [str(p) for f in files.documentation_pages() if f.abs_src_path  # generated pages have no source
                  for p in file_checks.check(f"docs/{f.src_uri}", Path(f.abs_src_path), _state["docs"])]
    unreadable += [str(p) for f in files.documentation_pages() if not unreadable
                   for p in frontmatter.alias_problems(f"docs/{f.src_uri}", f.content_string)]
    if unreadable:  # MkDocs cannot read such a page: stop before it tries
        raise PluginError("\n".join(unreadable))
    pages: dict[str, list[str]] = {lang: [] for lang in site_languages.built_languages(config)}
    for file in files.documentation_pages():
        lang, _, path = file.src_uri.partition("/")
        if lang in pages:
            pages[lang].append(path)
    for problem in translations.missing(pages, default):
        log.warning(str(problem))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    lang, default = site_languages.current_language(config), site_languages.default_language(config)
    path = f"docs/{page.file.src_uri}"
    source = page.file.content_string
    key = diskcache.fingerprint([path, lang, source])
    if key not in _state["results"]:
        problems = frontmatter.check(path, source, _state["schema"], lang, default)
        problems += run_rules(Source(path, source, lang), avoid=_state["avoid"])
        _state["results"][key] = [[p.line, p.rule, p.message] for p in problems]
        _state["new"] = True
    _state["used"].add(key)
    for line, rule, message in _state["results"][key]:
        log.warning(str(Problem(path, line, rule, message)))
    _note_translation(page, path, source, lang == default)
    return markdown


def _note_translation(page: Page, path: str, source: str, is_source: bool) -> None:
    """Korean pages (built first) record their revision; a translation behind it gets a notice."""
    relative = page.file.src_uri.partition("/")[2]
    if is_source:
        _state["revisions"][relative] = translations.revision(source)
    elif relative in _state["revisions"] and translations.is_stale(page.meta.get("source_revision"), _state["revisions"][relative]):
        log.info(f"{path} follows an older revision of its Korean page: update it, then run scripts/mark-translated {path}")
        # The Korean page's URL from the site root; the template prefixes the page's base_url.
        page.meta["hc_outdated_source"] = page.url.partition("/")[2]


@event_priority(-300)
def on_post_build(config: MkDocsConfig) -> None:
    if site_languages.whole_site_built(config) and (_state["new"] or _state["used"] != set(_state["results"])):
        # Only this build's pages: results for page texts that no longer exist are dropped.
        diskcache.save(_state["cache"], _state["version"], {key: _state["results"][key] for key in _state["used"]})

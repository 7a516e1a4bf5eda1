"""MkDocs glue for the content checks: every page of every build, reported as file:line warnings.

Strict builds (`mkdocs build --strict`, scripts/check, CI) fail on any of them, after listing them
all. The rules live in hooks/helpcenter/checks/, front matter in helpcenter/frontmatter.py, the
translation bookkeeping in helpcenter/translations.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import build_state
import site_languages
from build_errors import as_build_error, log
from helpcenter import diskcache, frontmatter, results, rules, translations
from helpcenter.checks import Problem, Source, project_files, run_rules
from helpcenter.checks import files as file_checks
from helpcenter.datafile import load_schema
from helpcenter.errors import raise_problems
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

CACHE = ".cache/content-checks.json"


@dataclass
class _Checks:
    """This build's rules' inputs and results, with the earlier builds' results per page text."""

    validator: frontmatter.Schema
    avoid: dict[str, dict[str, str]]
    cache: Path
    version: str
    results: dict[str, list]
    used: set[str] = field(default_factory=set)
    new: bool = False
    revisions: dict[str, str] = field(default_factory=dict)  # Korean page → its revision


def on_config(config: MkDocsConfig) -> None:
    state = build_state.of(config)
    # A one-page preview rebuild has the names, folders and links of the last good build, which had
    # none of these problems (helpcenter/incremental.py): its result would be the same.
    if state.first("project-files") and _rebuilding(state) is None:
        with as_build_error():  # before MkDocs lists, reads or copies any file
            raise_problems(project_files.check(state.root))
    _checks(config)


def _rebuilding(state) -> frozenset[str] | None:
    """The pages a one-page preview rebuild builds (None: every page). The other files are those of
    the last good build, whose files passed every check here (any problem stops a build)."""
    return state.preview_cache.rebuilding if state.preview_cache is not None else None


def _checks(config: MkDocsConfig) -> _Checks:
    state = build_state.of(config)
    with as_build_error():
        return state.once("content-checks", lambda: _load(state.root, state.data("glossary")))


def _load(root: Path, glossary: dict) -> _Checks:
    """Earlier builds' results per page text, valid while the rules, schema and glossary are the same:
    the checks were 5 % of a 2,000-page build, and most pages do not change between builds."""
    avoid: dict[str, dict[str, str]] = {}
    for term in glossary["terms"]:
        for lang, variants in term.get("avoid", {}).items():
            avoid.setdefault(lang, {}).update({variant: term[lang] for variant in variants})
    schema = load_schema(root / "data/front-matter.schema.json")
    rules = sorted((Path(__file__).parent / "helpcenter" / "checks").glob("*.py")) + [Path(frontmatter.__file__)]
    version = diskcache.fingerprint([*(path.read_bytes() for path in rules), json.dumps([schema, avoid], sort_keys=True)])
    return _Checks(frontmatter.validator(schema), avoid, root / CACHE, version, diskcache.load(root / CACHE, version, _is_result))


def _is_result(entry) -> bool:
    return isinstance(entry, list) and all(
        isinstance(item, list) and len(item) == 3 and isinstance(item[0], int) and all(isinstance(x, str) for x in item[1:]) for item in entry)


@event_priority(50)  # before mkdocs-static-i18n (-100) narrows the files to one language
def on_files(files: Files, config: MkDocsConfig) -> None:
    state = build_state.of(config)
    if not state.first("page-files"):  # every language's files are here in the build's first pass
        return
    docs, rebuilding, checks = Path(config.docs_dir), _rebuilding(state), _checks(config)
    # The sources of the pages built (in a one-page preview rebuild, the changed pages and their translations).
    sources = [f for f in files.documentation_pages() if rebuilding is None or f.src_uri in rebuilding]

    def markup(label: str, text: str) -> list[Problem]:
        return _remembered(checks, [label, "markup", text], lambda: file_checks.markup_steps(label, text))
    unreadable = [str(p) for f in sources if f.abs_src_path  # generated pages have no source
                  for p in file_checks.check(f"docs/{f.src_uri}", Path(f.abs_src_path), docs, markup)]
    unreadable += [str(p) for path in (sorted(Path(state.root, "snippets").rglob("*")) if rebuilding is None else ()) if path.is_file()
                   for p in file_checks.check_snippet(path.relative_to(state.root).as_posix(), path)]
    unreadable += [str(p) for f in sources if not unreadable and "8<-" in f.content_string
                   for p in file_checks.missing_snippets(f"docs/{f.src_uri}", f.content_string, Path(state.root, "snippets"))]
    unreadable += [str(p) for f in sources if not unreadable and "8<-" in f.content_string
                   for p in file_checks.expanded_size(f"docs/{f.src_uri}", f.content_string, Path(state.root, "snippets"))]
    unreadable += [str(p) for f in sources if not unreadable
                   for p in frontmatter.alias_problems(f"docs/{f.src_uri}", f.content_string)]
    with as_build_error():  # MkDocs cannot read such a page: stop before it tries
        raise_problems(unreadable)
    pages: dict[str, list[str]] = {lang: [] for lang in state.languages}
    for file in files.documentation_pages():
        lang, _, path = file.src_uri.partition("/")
        if lang in pages:
            pages[lang].append(path)
    for problem in translations.missing(pages, state.default):
        _report(problem)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    checks, lang, default = _checks(config), site_languages.current_language(config), site_languages.default_language(config)
    path = f"docs/{page.file.src_uri}"
    source = page.file.content_string

    def problems() -> list[Problem]:
        return frontmatter.check(path, source, checks.validator, lang, default) + run_rules(Source(path, source, lang), avoid=checks.avoid)
    for problem in _remembered(checks, [path, lang, source], problems):
        _report(problem)
    if lang != default:
        _note_translation(page, path, Path(config.docs_dir, default), checks.revisions)
    return markdown


def _remembered(checks: _Checks, depends: list[str], find: Callable[[], list[Problem]]) -> list[Problem]:
    """`find()`'s problems, or those an earlier build found for the same `depends` (the file, the
    language or check, and the text), kept in .cache/ for the next build."""
    key = diskcache.fingerprint(depends)
    if key not in checks.results:
        checks.results[key] = [[p.line, p.rule, p.message] for p in find()]
        checks.new = True
    checks.used.add(key)
    return [Problem(depends[0], line, rule, message) for line, rule, message in checks.results[key]]


def _report(problem: Problem) -> None:
    """A rule's problem, in the log as file:line: message [rule], and as a result (check_results)."""
    entry = results.record(rules.severity(problem.rule), str(problem), problem.rule, problem.path, problem.line)
    log.warning(str(problem), extra={"hc_result": entry})


def _note_translation(page: Page, path: str, sources: Path, revisions: dict[str, str]) -> None:
    """A translation behind its Korean page (read from docs/, whichever language is built first)
    gets a notice."""
    relative = page.file.src_uri.partition("/")[2]
    if relative not in revisions:
        try:
            revisions[relative] = translations.revision((sources / relative).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):  # no source page: reported as a missing translation
            return
    if translations.is_stale(page.meta.get("source_revision"), revisions[relative]):
        message = translations.MESSAGES["outdated"].format(path=path)
        log.info(message, extra={"hc_result": results.record("info", message, results.OUTDATED, path)})
        # The Korean page's URL from the site root; the template prefixes the page's base_url.
        page.meta["hc_outdated_source"] = page.url.partition("/")[2]


@event_priority(-300)  # after every language's pass (mkdocs-static-i18n, -100): this build's pages only
def on_post_build(config: MkDocsConfig) -> None:
    checks = _checks(config)
    carried = build_state.of(config).preview_cache
    if carried is not None and site_languages.whole_site_built(config):  # the preview: kept pages' results stay in use
        checks.used = carried.last.checked = carried.kept_set(carried.last.checked, checks.used) & set(checks.results)
    if site_languages.whole_site_built(config) and (checks.new or checks.used != set(checks.results)):
        # Only this build's pages: results for page texts that no longer exist are dropped.
        diskcache.save(checks.cache, checks.version, {key: checks.results[key] for key in checks.used})

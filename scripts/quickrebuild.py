"""The preview's one-page rebuilds (used by scripts/draftserve.py; hooks/helpcenter/incremental.py
decides which saves qualify and holds the cross-build cache): a page the save did not touch skips
MkDocs' reading, rendering and writing, and gets back what the previous build left.

Such a page gets back its text, front matter, HTML, contents and anchors (the navigation of the
rebuilt pages, the related-articles block and every anchor check need them), and its messages are
repeated in the order the build printed them, so the terminal and the problem banners read as after
a clean build; its file in the site stays as the previous build wrote it. A rebuilt page whose title,
front matter or anchors come out different from before raises incremental.Doubt: the preview then
builds every page.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import mkdocs.commands.build as mkdocs_build
from helpcenter.incremental import Doubt, PreviewCache, plan, snapshot
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

log = logging.getLogger("mkdocs.plugins.helpcenter")
EVERY_PAGE = "HC_PREVIEW_EVERY_PAGE"  # =1: every save builds every page (to rule this module out)
# MkDocs' steps this module stands in for during a build, and the originals.
_STEPS = ((mkdocs_build, "_populate_page"), (mkdocs_build, "_build_page"), (utils, "clean_directory"), (Theme, "get_env"),
          (Files, "add_files_from_theme"), (ExtendedPlugin, "reconfigure_files"), (mkdocs_build, "get_files"),
          (mkdocs_build, "_build_theme_template"))
_REAL = tuple(getattr(owner, name) for owner, name in _STEPS)
# Front matter keys our hooks set from other pages' state that no other page shows (the outdated-
# translation notice is drawn on its own page only; that page is rebuilt with its source).
_OWN_ONLY = ("hc_outdated_source",)
_CONFIG_ATTRIBUTES = ("data", "user_configs", "config_file_path")  # a config object's own, not values
Message = tuple[int, str, Any]  # level, text, the result record a hook attached (hooks/check_results.py)


@dataclass
class PageState:
    markdown: str | None
    meta: dict
    content: str | None
    toc: Any  # mkdocs.structure.toc.TableOfContents
    title_from_render: str | None
    title: str
    anchors: frozenset[str]
    links: dict[str, dict[str, str]] | None  # links_to_anchors, by the linked page's src_uri
    read: list[Message]
    built: list[Message] = field(default_factory=list)
    # config.extra (items, and attributes set on it) as the page's build left it: mkdocs-static-i18n
    # points the language switcher (the attribute config.extra.alternate) at each page it builds,
    # and the next language's 404 page shows the last one, so an unbuilt page leaves the same behind
    extra: tuple[dict, dict] | None = None

    def shown_to_others(self) -> tuple:
        return self.title, self.anchors, {k: v for k, v in self.meta.items() if k not in _OWN_ONLY}


class _Recorder(logging.Handler):
    """Every message while `into` is set, after our restating filters."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.into: list[Message] | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.into is not None and not record.name.startswith("mkdocs.livereload"):
            self.into.append((record.levelno, record.getMessage(), getattr(record, "hc_result", None)))


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates, kept for the next build (Jinja compares each template's source
    with the one it was compiled from): compiling Material's templates anew for every language of
    every rebuild was most of a one-page rebuild."""

    def __init__(self) -> None:
        self.stored: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.stored:
            bucket.bytecode_from_string(self.stored[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.stored[bucket.key] = bucket.bytecode_to_string()


def build(real_build: Callable[..., None], config: MkDocsConfig, cache: PreviewCache, **options: Any) -> None:
    """`real_build(config, **options)`, rebuilding only the pages the saves since the last good
    build touched when that is safe (helpcenter/incremental.py); `cache` carries what the other
    pages left."""
    root, docs = Path(config.config_file_path).resolve().parent, Path(config.docs_dir).resolve()
    watched = [str(docs), config.config_file_path, *config.watch, *filter(None, [config.theme.custom_dir])]
    now = {**snapshot(root, watched, cache.digests), "(git)": (_git_head(root), "")}
    pages = plan(cache.last.snapshot, now, docs.relative_to(root).as_posix() if docs.is_relative_to(root) else str(docs))
    if os.environ.get(EVERY_PAGE) == "1":
        pages = None
    run = _Run(cache, pages)
    if pages is None:
        cache.forget()  # a build of every page starts from nothing
    cache.rebuilding = pages
    if cache.templates is None:
        cache.templates = _CompiledTemplates()
    # The previous build's files stay in a one-page rebuild: only the rebuilt pages are written anew.
    keep_files = (lambda directory: None) if pages is not None else _REAL[2]
    _use((run.populate, run.build_page, keep_files, lambda theme: run.get_env(theme),
          lambda files, env, config: run.add_files_from_theme(files, env, config),
          lambda plugin, files, config: run.language_files(plugin, files, config), run.get_files, run.build_theme_template))
    logging.getLogger("mkdocs").addHandler(run.recorder)
    try:
        real_build(config, **options)
    except BaseException:
        cache.forget()
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(run.recorder)
        _use(_REAL)
        cache.rebuilding = None
    cache.last.pages = {**cache.last.pages, **run.session}
    cache.last.snapshot = now
    if pages is not None:
        log.info(f"Rebuilt {len(run.session)} of {len(cache.last.pages)} pages (the others did not change)")


def _use(steps: tuple) -> None:
    for (owner, name), step in zip(_STEPS, steps):
        setattr(owner, name, step)


def _git_head(root: Path) -> str:
    """The commit checked out: "last updated" dates come from the history."""
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


class _Run:
    """One build's stand-ins for MkDocs' page steps, reading and filling `cache`."""

    def __init__(self, cache: PreviewCache, pages: frozenset[str] | None) -> None:
        self.cache, self.pages = cache, pages
        self.session: dict[str, PageState] = {}  # what this build's rebuilt pages leave
        self.pending_extra: tuple[dict, dict] | None = None  # config.extra a kept page left, not yet applied
        self.recorder = _Recorder()

    def apply_extra(self, config: MkDocsConfig) -> None:
        """config.extra as the last kept page's build left it. Applied only where it is read (before a
        page is built, at the end of a language's pass): a copy for each of 2,000 kept pages was a
        fifth of a one-page rebuild."""
        if self.pending_extra is None:
            return
        items, attributes = copy.deepcopy(self.pending_extra)
        config.extra.update(items)
        for name, value in attributes.items():
            setattr(config.extra, name, value)
        self.pending_extra = None

    def get_env(self, theme: Theme) -> jinja2.Environment:
        env = _REAL[3](theme)
        env.bytecode_cache = self.cache.templates
        return env

    def add_files_from_theme(self, files: Files, env: jinja2.Environment, config: MkDocsConfig) -> None:
        """The theme's static files; in a one-page rebuild, those of the build before (no watched
        file was added or removed, and the installed theme does not change while the preview runs)."""
        key = (tuple(config.theme.dirs), config.site_dir, config.use_directory_urls)
        known = self.cache.theme_files
        if self.pages is not None and key in known:
            for path, folder in known[key]:
                if files.get_file_from_path(path) is None:
                    files.append(File(path, folder, config.site_dir, config.use_directory_urls))
            return
        before = {id(file) for file in files}
        _REAL[4](files, env, config)
        known[key] = [(file.src_uri, file.src_dir) for file in files if id(file) not in before]

    def get_files(self, config: MkDocsConfig) -> Files:
        """The files under docs/ (before mkdocs-static-i18n picks a language's); in a one-page
        rebuild, those of the build before (the same names: helpcenter/incremental.plan), with the
        messages listing them printed."""
        key = (config.docs_dir, config.site_dir, config.use_directory_urls)
        known = self.cache.docs_files
        if self.pages is None or known is None or known[0] != key:
            messages: list[Message] = []
            with self.recording(messages):
                found = _REAL[6](config)
            known = self.cache.docs_files = (key, list(found), messages)
        else:
            _replay(known[2])
        return Files(known[1])

    def build_theme_template(self, name: str, env: jinja2.Environment, files: Files, config: MkDocsConfig, nav: Any) -> None:
        """The sitemap lists every page's address, language alternates and the build's date: a one-page
        rebuild changes none of them (a new day builds every page), so the last build's stays."""
        if self.pages is None or name != "sitemap.xml":
            _REAL[7](name, env, files, config, nav)

    def language_files(self, plugin: ExtendedPlugin, files: Files, config: MkDocsConfig) -> Files:
        """mkdocs-static-i18n's files of the language being built (its own File objects, with their
        URLs and alternates); in a one-page rebuild, those of the build before, when it was given
        the same files with the same settings (making them anew was about a third of a one-page
        rebuild at 2,000 pages). Their pages are made again by MkDocs' navigation."""
        key = (config.docs_dir, config.site_dir, config.use_directory_urls, tuple(file.src_uri for file in files))
        known = self.cache.language_files.get(plugin.current_language)
        if self.pages is not None and known is not None and known[0] == key:
            for file in known[1]:
                file.page = None  # MkDocs' navigation tells pages outside the nav by this
            found = known[2](plugin, known[1])
        else:
            found = _REAL[5](plugin, files, config)
            known = self.cache.language_files[plugin.current_language] = (key, list(found), type(found), {})
        _remember_lookups(found, known[3])
        return found

    @contextlib.contextmanager
    def recording(self, into: list[Message]) -> Iterator[None]:
        self.recorder.into = into
        try:
            yield
        finally:
            self.recorder.into = None

    def previous(self, src: str) -> PageState:
        state = self.cache.last.pages.get(src)
        if state is None:
            raise Doubt(f"no earlier build of {src}")
        return state

    def populate(self, page: Page, config: MkDocsConfig, files: Files, dirty: bool = False) -> None:
        src = page.file.src_uri
        if self.pages is not None and src not in self.pages:
            _restore(page, files, self.previous(src))
            return
        read: list[Message] = []
        with self.recording(read):
            _REAL[0](page, config, files, dirty)
        state = _capture(page, read)
        if self.pages is not None and state.shown_to_others() != self.previous(src).shown_to_others():
            raise Doubt(f"docs/{src} changed its title, front matter or anchors")
        self.session[src] = state

    def build_page(self, page: Page, config: MkDocsConfig, doc_files: Any, nav: Any, env: Any, dirty: bool = False,
                   excluded: bool = False) -> None:
        src = page.file.src_uri
        if self.pages is not None and src not in self.pages:
            state = self.previous(src)
            _replay(state.built)
            self.pending_extra = state.extra
            if page.file is doc_files[-1]:  # what the language's pass leaves behind
                self.apply_extra(config)
            return
        self.apply_extra(config)
        with self.recording(self.session[src].built):
            _REAL[1](page, config, doc_files, nav, env, dirty, excluded)
        attributes = {name: value for name, value in vars(config.extra).items() if name not in _CONFIG_ATTRIBUTES and not name.startswith("_")}
        self.session[src].extra = copy.deepcopy((dict(config.extra), attributes))


def _remember_lookups(files: Files, found: dict[str, str | None]) -> None:
    """The files' lookups by path (the navigation's, links', related articles') remembered in
    `found` for as long as the same files are reused: mkdocs-static-i18n's lookup tries each
    language's folder with pathlib, which was a tenth of a one-page rebuild at 2,000 pages."""
    look_up = files.get_file_from_path

    def get_file_from_path(path: str) -> File | None:
        if path not in found:
            file = look_up(path)
            found[path] = None if file is None else file.src_uri
        src = found[path]
        return None if src is None else files.src_uris.get(src)

    files.get_file_from_path = get_file_from_path  # type: ignore[method-assign]  # this collection's own lookup


def _capture(page: Page, read: list[Message]) -> PageState:
    links = page.links_to_anchors
    return PageState(
        markdown=page.markdown, meta=copy.deepcopy(dict(page.meta)), content=page.content, toc=page.toc,
        title_from_render=page._title_from_render, title=str(page.title), anchors=frozenset(page.present_anchor_ids or ()),
        links=None if links is None else {file.src_uri: dict(found) for file, found in links.items()}, read=read,
    )


def _restore(page: Page, files: Files, state: PageState) -> None:
    # A kept page runs no page event, so nothing changes its front matter in place: a new dict is enough.
    page.markdown, page.meta, page.content, page.toc = state.markdown, dict(state.meta), state.content, state.toc
    page._title_from_render = state.title_from_render
    page.present_anchor_ids = set(state.anchors)
    if state.links is not None:
        targets = {src: files.get_file_from_path(src) for src in state.links}
        if None in targets.values():
            raise Doubt(f"docs/{page.file.src_uri} links to a page that is gone")
        page.links_to_anchors = {target: dict(state.links[src]) for src, target in targets.items() if target is not None}
    _replay(state.read)


def _replay(messages: list[Message]) -> None:
    for level, message, result in messages:
        log.log(level, message, extra={"hc_result": result} if result is not None else None)

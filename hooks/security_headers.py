"""MkDocs glue for what readers receive: the CSP (a <meta> in every page, _headers beside the site)
and the output gate over every published page, search record and JSON-LD block.

The logic is in helpcenter/csp.py, helpcenter/gate_policy.py and helpcenter/output_gate.py; see
MAINTAINERS.md (## Security). A finding fails the build, naming the source file and line.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import build_state
import site_languages
from build_errors import draft as is_draft
from helpcenter import buildstate, csp, diskcache, gate_policy, gate_pool, output_gate, pagefind_index, redirects
from helpcenter.checks import Problem, project_files
from helpcenter.checks import files as file_checks
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs_redirects.plugin import HTML_TEMPLATE as REDIRECT_TEMPLATE

HOOK = "hooks/security_headers.py"  # as mkdocs.yml names it, and the benchmarks (tools/bench/benchtiming.py)
CACHE, POLICY_CACHE = ".cache/output-gate.json", ".cache/output-gate-policy.json"
# A page's Markdown, or how to read it: needed only to find a finding's line.
Source = str | Callable[[], str]


@dataclass
class _Gate:
    """This build's policy, the pages written through MkDocs' page events, and what the gate found."""

    root: Path
    config_text: str
    policy: gate_policy.Policy
    hashes: frozenset[str]
    meta: str  # the CSP as a <meta> tag
    cache: Path
    version: str
    passed: dict[str, bool]
    checker: output_gate.Gate  # remembers each distinct start tag's verdict for the whole build
    pages: set[str] = field(default_factory=set)
    # Where each page of this build was written: its source and size, for two pages (x.md beside
    # x/index.md, docs/ko/en/x.md beside docs/en/x.md) or a redirect or static file at one address.
    written: dict[str, tuple[str, int]] = field(default_factory=dict)
    findings: list[Problem] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    data_texts: dict[str, str] | None = None  # data/*.yml, read at the first finding: values reach pages too
    # The pages checked on the other cores (None: one core, checked inline), and for each page not
    # yet collected: where its findings go in `findings`, its verdict's key, label, source and address.
    checks: gate_pool.PageChecks | None = None
    waiting: list[tuple[int, str, str, Source, str]] = field(default_factory=list)


# After language_search (100) has put hc_search into config.extra: the template scripts are hashed
# as rendered with it.
@event_priority(0)
def on_config(config: MkDocsConfig) -> None:
    _gate_state(config)


def _gate_state(config: MkDocsConfig) -> _Gate:
    state = build_state.of(config)
    return state.once("output-gate", lambda: _with_pool(_start(config), state, Path(config.docs_dir)))


def _with_pool(gate: _Gate, state: buildstate.BuildState, docs: Path | None = None) -> _Gate:
    carried = state.preview_cache
    if carried is not None and carried.rebuilding is not None:
        return gate  # the preview's one-page rebuild: starting a worker costs more than its few pages
    if docs is not None and not gate_pool.worth_a_pool(docs):
        return gate  # a small site: its pages are checked here sooner than a worker starts
    gate.checks = gate_pool.start(gate.policy, gate.hashes)
    if gate.checks is not None:
        state.on_stop(gate.checks.close)  # at the end of the build, passed or failed
    return gate


def on_build_error(error: Exception) -> None:
    _stop_running()


def on_shutdown() -> None:  # `mkdocs serve` stopped, maybe in the middle of a rebuild
    _stop_running()


def _stop_running() -> None:
    """The build that failed or was interrupted stops its workers (MkDocs gives these events no config)."""
    state = buildstate.running()
    if state is not None:
        state.stop()


def _start(config: MkDocsConfig) -> _Gate:
    root, theme_dirs = Path(config.config_file_path).parent, [Path(d) for d in config.theme.dirs]
    _check_site_url(config.site_url, _read(root / "mkdocs.yml"))
    policy, hashes = _policy_and_hashes(root, theme_dirs, config)
    # The scripts a page may load: those the templates name and mkdocs.yml's extra_javascript, never
    # one a writer adds under docs/ (CSP's 'self' would let any same-site file run).
    extra = {str(getattr(script, "path", script)).lstrip("/") for script in config.extra_javascript}
    policy = dataclasses.replace(policy, scripts=policy.scripts | extra, site_path=_site_path(config.site_url).rstrip("/") + "/")
    allowed = sorted((tag, sorted(policy.attrs.get(tag, ()))) for tag in policy.tags) + sorted(policy.scripts) + [policy.site_path]
    version = diskcache.fingerprint([repr(allowed), *sorted(hashes), *_gate_code()])
    return _Gate(root, _read(root / "mkdocs.yml"), policy, hashes, csp.meta_tag(hashes), root / CACHE, version,
                 diskcache.load(root / CACHE, version), output_gate.Gate(policy))


# The site's address reaches every page (canonical link, alternates, JSON-LD), the sitemap and
# robots.txt, in attributes, JSON and XML alike: a plain http(s) address only.
_SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~%/-]*)?\Z")


def _check_site_url(site_url: str | None, config_text: str) -> None:
    if site_url and not _SITE_URL.match(site_url):
        line = (output_gate.locate("site_url:", {"mkdocs.yml": config_text}) or ("mkdocs.yml", 1))[1]
        raise PluginError(str(Problem("mkdocs.yml", line, output_gate.NAME,
                                      f"site_url '{site_url}' is not a plain web address; write it as https://help.example.com/ "
                                      "(letters, digits and - . _ ~ / only), or set SITE_URL")))


def _policy_and_hashes(root: Path, theme_dirs: list[Path], config: MkDocsConfig) -> tuple[gate_policy.Policy, frozenset[str]]:
    """The allowlist and the template scripts' hashes, kept in .cache/ while the templates, the
    settings they are rendered with and the gate's code are the same (reading every template took
    about half a second per build)."""
    contexts = [{"config": {"extra": dict(config.extra)}, "base_url": url} for url in csp.base_urls(_site_path(config.site_url))]
    templates = gate_policy.theme_templates(theme_dirs)
    version = diskcache.fingerprint([*(p.read_bytes() for p in templates), REDIRECT_TEMPLATE, repr(contexts), *_gate_code()])
    stored = diskcache.load(root / POLICY_CACHE, version)
    if (all(isinstance(stored.get(key), list) for key in ("tags", "hashes", "scripts")) and isinstance(stored.get("attrs"), dict)
            and all(isinstance(names, list) for names in stored["attrs"].values())):
        attrs = {tag: frozenset(names) for tag, names in stored["attrs"].items()}
        return gate_policy.Policy(frozenset(stored["tags"]), attrs, frozenset(stored["scripts"])), frozenset(stored["hashes"])
    policy = gate_policy.build_policy(theme_dirs, [REDIRECT_TEMPLATE])
    hashes = frozenset(csp.template_hashes(csp.template_scripts(theme_dirs), contexts))
    diskcache.save(root / POLICY_CACHE, version, {"tags": sorted(policy.tags), "hashes": sorted(hashes), "scripts": sorted(policy.scripts),
                                                   "attrs": {tag: sorted(names) for tag, names in policy.attrs.items()}})
    return policy, hashes


@event_priority(-1000)  # last, on the page exactly as it is written
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    gate = _gate_state(config)
    output = _with_meta(output, gate.meta)
    label, destination = f"docs/{page.file.src_uri}", os.path.normpath(page.file.abs_dest_path)
    gate.pages.add(destination)
    other = gate.written.get(destination)
    if other is not None and other[0] != label:
        message = output_gate.MESSAGES["same-address"].format(other=other[0], url=f"/{(page.url or '').lstrip('/')}")
        gate.findings.append(Problem(label, 1, output_gate.NAME, message))
    data = output.encode("utf-8")
    gate.written[destination] = (label, len(data))
    # The source is read again only for a finding's line (MkDocs reads the file from disk each time).
    _gate(gate, output, label, lambda: page.file.content_string or "", page.url or "/", data=data)
    return output


@event_priority(-10_000)  # last: the content as every extension, snippet and hook of ours left it
def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    findings = output_gate.theme_hooks(html)
    if findings:
        gate, label = _gate_state(config), f"docs/{page.file.src_uri}"
        _report(gate, findings, label, page.file.content_string or "", page.url or "/")
    return html


@event_priority(-400)  # after every language, the redirects, the search indexes and our other hooks
def on_post_build(config: MkDocsConfig) -> None:
    if not site_languages.whole_site_built(config):
        return
    site, gate = Path(config.site_dir), _gate_state(config)
    try:
        _collect(gate)  # every page's verdict, before anything else is checked or published
    finally:
        _stop_pool(gate, build_state.of(config))
    carried = build_state.of(config).preview_cache
    if carried is not None:  # the preview: the pages it did not rebuild were written and gated before
        gate.pages = carried.last.gate_pages = carried.kept_set(carried.last.gate_pages, gate.pages)
        gate.seen = carried.last.gate_seen = carried.kept_set(carried.last.gate_seen, gate.seen)
    targets = build_state.of(config).redirect_targets.values()
    redirect_hashes = {output_gate.script_hash(body) for body in redirects.scripts(REDIRECT_TEMPLATE, targets)}
    files = _published(site, carried)
    for address in files[".html"]:
        path = site / address
        if os.path.normpath(path) in gate.pages:
            continue  # written through the page events, gated there
        # Written outside the page events: 404 pages, redirect pages.
        redirect = "Redirecting..." in path.read_text(encoding="utf-8")[:400]
        hashes = gate.hashes | (redirect_hashes if redirect else set())
        text = _with_meta(path.read_text(encoding="utf-8"), csp.meta_tag(hashes))
        path.write_text(text, encoding="utf-8")
        label = "mkdocs.yml (redirects)" if redirect else "overrides/404.html"
        _gate(gate, text, label, gate.config_text, address, redirect=redirect, hashes=hashes)
    for address in files[".svg"]:  # an SVG opened on its own is a document that can run code
        _gate(gate, (site / address).read_text(encoding="utf-8", errors="replace"), f"docs/{address}", "", address, svg=True)
    for address in files[".css"]:  # the site's own stylesheets (docs/assets/), not the theme's
        if Path(config.docs_dir, address).is_file():
            text = (site / address).read_text(encoding="utf-8", errors="replace")
            _gate(gate, text, f"docs/{address}", text, address, css=True)
    # The preview writes the search index after this event (language_search defers it): the fragments
    # here are the previous build's, already checked, so it skips them (0.1 ms each, thousands).
    _gate_text_files(gate, site, files, config.site_url or "/", records=carried is None)
    # A page written over after it was gated (a redirect key naming a page). Not in the preview's
    # draft mode: its banners (hooks/draft_preview.py) are added to pages after the gate, and it
    # publishes nothing.
    for destination, (label, size) in gate.written.items() if not is_draft(config) else ():
        if not os.path.isfile(destination) or os.path.getsize(destination) != size:
            url = "/" + Path(destination).relative_to(site).parent.as_posix().strip(".")
            gate.findings.append(Problem(label, 1, output_gate.NAME, output_gate.MESSAGES["overwritten"].format(url=url.rstrip("/") + "/")))
    (site / "_headers").write_text(csp.headers_file(csp.policy(gate.hashes | redirect_hashes)), encoding="utf-8")
    # Only what passed: a page that failed is checked again by the next build, and fails again.
    diskcache.save(gate.cache, gate.version, {key: True for key in gate.seen if key in gate.passed})
    if gate.findings:  # an error (rules.py): nothing unsafe is published, by any build
        raise PluginError("\n".join(map(str, gate.findings)))


def _gate(gate: _Gate, text: str, label: str, source: Source, url: str, *, redirect: bool = False,
          hashes: frozenset | None = None, svg: bool = False, css: bool = False, data: bytes | None = None) -> None:
    """`data`: the text already encoded (a page's, measured for its size), so it is not encoded twice."""
    key = diskcache.fingerprint([data if data is not None else text, str(redirect), str(svg), str(css), *sorted(hashes or ())])
    gate.seen.add(key)
    if key in gate.passed:
        return
    if gate.checks is not None and data is not None and not (redirect or svg or css or hashes):  # a page, as written
        gate.checks.submit(data)
        gate.waiting.append((len(gate.findings), key, label, source, url))
        return
    checker = gate.checker
    if css:
        findings = output_gate.check_css(text)
    else:
        findings = checker.check_svg(text) if svg else checker.check(text, frozenset(hashes or gate.hashes), redirect=redirect, data=data)
    if not findings:
        gate.passed[key] = True
    _report(gate, findings, label, source, url)


def _collect(gate: _Gate) -> None:
    """The pool's verdicts, in the order the pages were written: their findings where checking
    inline would have put them. A worker that died fails the build."""
    if gate.checks is None:
        return
    try:
        verdicts = gate.checks.results()
    except gate_pool.WorkerDied as error:
        raise PluginError(f"{output_gate.NAME}: {error}") from None
    later = []
    for (position, key, label, source, url), findings in zip(gate.waiting, verdicts, strict=True):
        if not findings:
            gate.passed[key] = True
        later.append((position, _problems(gate, findings, label, source, url)))
    gate.findings, gate.waiting = gate_pool.in_order(gate.findings, later), []


def _stop_pool(gate: _Gate, state: buildstate.BuildState) -> None:
    """The pool is shut down (the 404 and redirect pages, written later, are checked inline); its
    workers' processor time is noted for the benchmarks (tools/bench/benchtiming.py)."""
    state.stop()
    if gate.checks is not None:
        state.worker_cpu[HOOK], state.worker_wait[HOOK] = gate.checks.worker_cpu, gate.checks.waited
        gate.checks = None


def _report(gate: _Gate, findings: list[output_gate.Finding], label: str, source: Source, url: str) -> None:
    gate.findings += _problems(gate, findings, label, source, url)


def _problems(gate: _Gate, findings: list[output_gate.Finding], label: str, source: Source, url: str) -> list[Problem]:
    if not findings:
        return []
    problems = []
    text = source() if callable(source) else source
    for finding in findings:
        # Not in the page's own text: then in a snippet it includes, mkdocs.yml (navigation, redirects)
        # or a data file (a notice, a channel's name, the interface's words).
        if gate.data_texts is None:
            gate.data_texts = {f"data/{p.name}": _read(p) for p in sorted((gate.root / "data").glob("*.yml"))}
        sources = {label: text, **_snippets(gate.root, text), "mkdocs.yml": gate.config_text, **gate.data_texts}
        place = output_gate.locate(finding.needle, sources) or (label, 1)
        message = f"{finding.message} (in the published page /{url.lstrip('/')})"
        problems.append(Problem(place[0], place[1], output_gate.NAME, message))
    return problems


def _snippets(root: Path, source: str) -> dict[str, str]:
    """The snippet files a page includes, nested ones too, by the label writers know them by."""
    found: dict[str, str] = {}
    pending, folder = [source], root / "snippets"
    while pending:
        text = pending.pop()
        for _, name in file_checks.inclusions(text) if "8<-" in text else ():
            path = file_checks.snippet_file(name, folder)
            label = f"snippets/{path.relative_to(folder).as_posix()}" if path else ""
            if path and label not in found:
                found[label] = _read(path)
                pending.append(found[label])
    return found


def _with_meta(html: str, meta: str) -> str:
    """The policy as the first thing in <head>, before any script it governs."""
    for anchor in ('<meta charset="utf-8">', "<head>"):
        if anchor in html:
            return html.replace(anchor, anchor + meta, 1)
    return meta + html


# What a published file may be, by its name's ending: pages, the theme's and docs/' files, the
# sitemap, robots.txt, Pagefind's index (binary chunks, JSON fragments), _headers (written here).
OUTPUT_TYPES = frozenset({".html", ".json", ".xml", ".gz", ".txt", ".map", ".pagefind", ".pf_fragment", ".pf_index", ".pf_meta",
                          *project_files.STATIC_TYPES}) - {".md"}


def _published(site: Path, carried) -> dict[str, list[str]]:
    """Every published file's address in the site ('en/faq/index.html'), by the ending of its name
    (lower case), in a stable order. Plain strings: a Path per file cost more than all the checks of
    an unchanged site (10,000 files at 1,000 articles per language). A one-page preview rebuild
    writes the same files as the build before (the same pages, redirects, assets and index files),
    so it takes that build's list instead of walking the site again."""
    if carried is not None and carried.rebuilding is not None and carried.last.site_files is not None:
        return carried.last.site_files
    found: dict[str, list[str]] = defaultdict(list)
    top = len(str(site)) + 1
    for folder, folders, names in os.walk(site):
        folders.sort()
        prefix = folder[top:] + "/" if len(folder) >= top else ""
        for name in sorted(names):
            found[os.path.splitext(name)[1].lower()].append(prefix + name)
    if carried is not None:
        carried.last.site_files = found
    return found


def _gate_text_files(gate: _Gate, site: Path, files: dict[str, list[str]], site_url: str, records: bool = True) -> None:
    """The published files that are not pages, read as what they are: the sitemap (XML, also
    gzipped), robots.txt, JSON (the search vocabulary, Pagefind's entry) and the search records
    (Pagefind's fragments, gzipped JSON). A file of another type is refused."""
    for suffix, addresses in files.items():
        for address in addresses:
            if (suffix not in OUTPUT_TYPES and address != "_headers") or (suffix == ".gz" and not address.endswith(".xml.gz")):
                gate.findings.append(Problem(f"docs/{address}", 1, output_gate.NAME,
                                             output_gate.MESSAGES["file-type"].format(suffix=suffix or address.rpartition("/")[2])))
            elif suffix == ".gz" and _same_as_unzipped(site / address):
                continue  # sitemap.xml.gz holds sitemap.xml, checked as such
            elif suffix in (".xml", ".gz", ".txt", ".json"):
                _gate_text_file(gate, site / address, suffix, address, site_url)
            elif suffix == ".pf_fragment" and records:
                with open(os.path.join(site, address), "rb") as file:  # open(): Path.read_bytes costs twice as much
                    _gate_fragment(gate, file.read())


def _gate_fragment(gate: _Gate, data: bytes) -> None:
    """One search record, remembered by its exact bytes like a page: a rebuild whose records did not
    change (Pagefind's output copied from .cache/pagefind/) digests its 8,000 fragments instead of
    unzipping and reading each (1.3 s of CPU at 1,000 articles per language)."""
    key = diskcache.fingerprint([b"pf_fragment", data])
    gate.seen.add(key)
    if key in gate.passed:
        return
    findings = output_gate.check_search_records([_fragment_record(data)])
    if not findings:
        gate.passed[key] = True
    for url, finding in findings:
        _report(gate, [finding], "mkdocs.yml", gate.config_text, url)


def _gate_text_file(gate: _Gate, path: Path, suffix: str, address: str, site_url: str) -> None:
    """A text file's verdict is kept by its bytes and address, as a page's is: the search vocabulary
    and the sitemaps of 1,000 articles per language were read as JSON and XML again by every
    preview rebuild, which changes neither."""
    data = path.read_bytes()
    key = diskcache.fingerprint([data, suffix, address, site_url])
    gate.seen.add(key)
    if key in gate.passed:
        return
    findings = _text_file(data, suffix, address, site_url)
    if not findings:
        gate.passed[key] = True
    _report(gate, findings, "mkdocs.yml", gate.config_text, address)


def _text_file(data: bytes, suffix: str, address: str, site_url: str) -> list[output_gate.Finding]:
    text = _unzipped(data) if suffix == ".gz" else data.decode("utf-8", errors="replace")
    if suffix == ".txt":
        return output_gate.check_robots(text) if address == "robots.txt" else output_gate.text_controls(text)
    return output_gate.check_json(text) if suffix == ".json" else output_gate.check_xml(text, site_url)


def _same_as_unzipped(path: Path) -> bool:
    plain = path.with_suffix("")
    return plain.is_file() and _unzipped(path.read_bytes()) == plain.read_text(encoding="utf-8", errors="replace")


def _unzipped(data: bytes) -> str:
    try:
        return gzip.decompress(data).decode("utf-8", errors="replace")
    except (OSError, EOFError):
        return ""  # then not valid JSON or XML: reported as such


def _fragment_record(data: bytes) -> dict[str, object]:
    """One Pagefind fragment (gzip of 'pagefind_dcd' and a JSON object) as a plain search record:
    the address and title search.js shows (its link, the page's title or the FAQ question) and the text."""
    text = _unzipped(data)
    try:
        fragment = json.loads(text[text.index("{"):])
    except ValueError:
        return {"url": "(an unreadable search fragment)"}  # reported: not an address of the site
    meta = fragment.get("meta") or {}
    return {"url": pagefind_index.published_address(fragment), "title": meta.get("title", meta.get("question")),
            "content": fragment.get("content")}


def _site_path(site_url: str | None) -> str:
    from urllib.parse import urlsplit

    return urlsplit(site_url or "/").path or "/"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def _gate_code() -> list[bytes]:
    """The code a remembered verdict depends on: the gate's rules, this file and pagefind_index (how fragments are read)."""
    folder = Path(__file__).parent / "helpcenter"
    names = ("output_gate.py", "gate_policy.py", "csp.py", "nesting.py", "pagefind_index.py")
    return [Path(__file__).read_bytes(), *((folder / name).read_bytes() for name in names)]

"""The output gate: every published HTML page, search record and JSON-LD block checked as a browser
would read it, against the allowlist in gate_policy.py. See MAINTAINERS.md (## Security).

Source checks (checks/unsafe_html.py) read Markdown and give a writer the earliest message; this
gate reads what readers receive, after every extension, snippet, template and hook has run, so a
construct those checks do not know cannot reach a reader. Parsing is justhtml's HTML5 tokenizer
(the browser's algorithm, namespaces included), never a regular expression over markup.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from justhtml import stream

from .gate_policy import CONTENT_POLICY, SAFE_SCHEMES, URL_ATTRS, Policy

# Never in a page, whoever writes them: they change where the page's links go (base), load or run
# another document or code (iframe...), restyle the page against CSP (style), or hide markup from
# this gate's view (template, noscript, xmp, plaintext).
FORBIDDEN = frozenset("""base iframe frame frameset object embed applet portal fencedframe style noscript
template xmp plaintext foreignobject animate set animatemotion animatetransform handler listener""".split())
# Attributes that load a resource into the page: same-site only (CSP would block the rest anyway).
_LOADS = frozenset({"src", "srcset", "poster", "data", "background", "xlink:href"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_LINK_RELS = frozenset("stylesheet icon canonical alternate prev next manifest preload modulepreload sitemap search".split())
_LINK_LOADS = frozenset("stylesheet icon manifest preload modulepreload".split())
# The settings blocks templates write: Material's and our search box's (overrides/partials/search.html).
CONFIG_BLOCKS = ("__config", "hc-search-config")
_DATA_SCRIPTS = {"application/json", "application/ld+json"}
_ALIGNMENT = re.compile(r"text-align: (left|right|center);?\Z")
_THEME_NO_OP = "javascript:void(0)"  # Material's search share button: a link that does nothing
# Material's own forms, which submit nowhere (its script reads them): the search box and the palette.
_THEME_FORMS = (("name", "search"), ("data-md-component", "palette"))


@dataclass(frozen=True)
class Finding:
    message: str
    needle: str  # text to look for in the sources to find the line (see locate())


def script_hash(body: str) -> str:
    """The CSP source expression of an inline script's body."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see: tabs and newlines inside a URL and blanks around it are ignored."""
    cleaned = re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                       "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = _SCHEME.match(cleaned)
    return match[1].lower() if match else ("//" if cleaned.startswith(("//", "\\\\", "/\\", "\\/")) else None)


def check_html(text: str, policy: Policy, inline_scripts: frozenset[str] = frozenset(), *, redirect: bool = False) -> list[Finding]:
    """What in one HTML document (or fragment) is outside `policy`; an empty list means it is inert."""
    walker = _Walker(policy, inline_scripts, redirect)
    for kind, value in stream(text):
        walker.event(kind, value)
    walker.finish()
    return walker.findings


class _Walker:
    def __init__(self, policy: Policy, inline_scripts: frozenset[str], redirect: bool) -> None:
        self.policy, self.inline_scripts, self.redirect = policy, inline_scripts, redirect
        self.findings: list[Finding] = []
        self.script: dict[str, str | None] | None = None  # attributes of the open <script>
        self.body: list[str] = []
        self.forms = self.in_form = 0
        self.config_blocks: dict[str, int] = {}
        self.ids: set[str] = set()

    def fail(self, message: str, needle: str) -> None:
        if len(self.findings) < 50:  # enough to fix; a hostile page must not cost unbounded memory
            self.findings.append(Finding(message, needle))

    def event(self, kind: str, value) -> None:
        if kind == "start":
            self.start(value[0], value[1])
        elif kind == "end":
            if value == "script" and self.script is not None:
                self.end_script()
            elif value == "form":
                self.in_form = 0
        elif kind == "text" and self.script is not None:
            self.body.append(value)

    def finish(self) -> None:
        if self.script is not None:
            self.end_script()

    def start(self, tag: str, attrs: Mapping[str, str | None]) -> None:
        if tag in FORBIDDEN or tag not in self.policy.tags:
            self.fail(f"<{tag}> is not allowed in a published page", f"<{tag}")
            return
        for name, value in attrs.items():
            self.attribute(tag, name, value or "")
        element_id = attrs.get("id")
        if element_id:
            # The theme's script finds its parts by id (__config, __search...): a heading with the
            # same id takes their place.
            if element_id in self.ids:
                self.fail(f"id \"{_short(element_id)}\" is used twice in the page; rename the heading or anchor", element_id)
            self.ids.add(element_id)
        special = getattr(self, "tag_" + tag, None)
        if special:
            special(attrs)

    def attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self.fail(f"event handler {name}= on <{tag}> runs code", name)
        elif name == "style" and tag in ("th", "td") and _ALIGNMENT.match(value):
            return  # a Markdown table's column alignment (|:---|), the only style content writes
        elif name == "style" or name == "srcdoc" or name == "formaction" or not self.policy.allows_attr(tag, name):
            self.fail(f"attribute {name}= is not allowed on <{tag}>", name)
        elif name in URL_ATTRS:
            self.url(tag, name, value)

    def url(self, tag: str, name: str, value: str) -> None:
        urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
        for url in urls:
            scheme = url_scheme(url)
            if name in _LOADS:
                if scheme is not None:
                    self.fail(f"<{tag} {name}=\"{_short(url)}\"> loads from outside the site; put the file under docs/assets/", url.strip()[:40] or name)
            elif scheme is not None and scheme not in SAFE_SCHEMES and url != _THEME_NO_OP:
                self.fail(f"'{scheme}:' URL in <{tag} {name}>; link to a page or an https:// address", url.strip()[:40])
            if tag == "use" and not url.startswith("#"):
                self.fail("<use> may only point inside the page (#id)", url[:40])

    def tag_script(self, attrs: Mapping[str, str | None]) -> None:
        self.script, self.body = dict(attrs), []

    def end_script(self) -> None:
        attrs, body = self.script or {}, "".join(self.body)
        self.script = None
        kind = (attrs.get("type") or "").strip().lower()
        if "src" in attrs:
            if body.strip() or not (attrs["src"] or "").split("?")[0].endswith(".js"):
                self.fail(f"<script src=\"{_short(attrs['src'] or '')}\"> is not one of the site's scripts", "<script")
        elif kind in _DATA_SCRIPTS:
            self.data_block(attrs, kind, body)
        elif script_hash(body) not in self.inline_scripts:
            self.fail(f"inline <script> that is not one of the theme's ({_short(body)})", body.strip()[:40] or "<script")

    def data_block(self, attrs: Mapping[str, str | None], kind: str, body: str) -> None:
        if kind == "application/json":
            block = attrs.get("id") or ""
            self.config_blocks[block] = self.config_blocks.get(block, 0) + 1
            # Each template settings block once: a second copy (from content) would override the first.
            if block not in CONFIG_BLOCKS or self.config_blocks[block] > 1:
                self.fail("a JSON <script> block other than the theme's configuration", "application/json")
        try:
            json.loads(body)
        except ValueError:
            self.fail(f"{kind} block that is not valid JSON", body.strip()[:40] or kind)

    def tag_meta(self, attrs: Mapping[str, str | None]) -> None:
        equiv = (attrs.get("http-equiv") or "").strip().lower()
        if not equiv or equiv == "content-security-policy":
            return
        target = (attrs.get("content") or "").partition("=")[2].strip()
        if equiv != "refresh" or not self.redirect or url_scheme(target) not in (None, "http", "https"):
            self.fail(f"<meta http-equiv=\"{equiv}\"> is not allowed in a page", "http-equiv")

    def tag_link(self, attrs: Mapping[str, str | None]) -> None:
        rels = set((attrs.get("rel") or "").lower().split())
        if not rels or not rels <= _LINK_RELS:
            self.fail(f"<link rel=\"{attrs.get('rel')}\"> is not allowed", "<link")
        elif rels & _LINK_LOADS and url_scheme(attrs.get("href") or "") is not None:
            self.fail(f"<link rel=\"{attrs.get('rel')}\"> loads from outside the site", "<link")

    def tag_form(self, attrs: Mapping[str, str | None]) -> None:
        self.forms += 1
        self.in_form = 1
        theme = any(attrs.get(name) == value for name, value in _THEME_FORMS)
        if self.forms > len(_THEME_FORMS) or not theme or {"action", "method", "target"} & set(attrs):
            self.fail("<form> is not allowed in a page (only the theme's search box is a form)", "<form")

    def tag_input(self, attrs: Mapping[str, str | None]) -> None:
        kind = (attrs.get("type") or "text").lower()
        if kind not in ("radio", "checkbox") and not (self.in_form and kind in ("text", "search")):
            self.fail(f"<input type=\"{kind}\"> is not allowed in a page", "<input")


def check_search_records(records: Iterable[Mapping[str, object]]) -> list[tuple[str, Finding]]:
    """(record url, finding) for every search record whose text fields would not be inert as HTML.

    Pure over plain records ({url or location, title, text or content, ...}), so it serves today's
    search_index.json and any other engine's records alike: a search UI inserts these as HTML.
    """
    found = []
    for record in records:
        url = str(record.get("url", record.get("location", "")))
        for field in ("title", "text", "content"):
            value = record.get(field)
            if isinstance(value, str) and ("<" in value or "&" in value):
                found += [(url, finding) for finding in check_html(value, CONTENT_POLICY)]
            elif value is not None and not isinstance(value, str):
                found.append((url, Finding(f"search field {field} is not text", field)))
    return found


def locate(needle: str, sources: Mapping[str, str]) -> tuple[str, int] | None:
    """The first (label, line) among `sources` whose text holds `needle` (case-insensitively)."""
    wanted = needle.lower()
    for label, text in sources.items():
        position = text.lower().find(wanted)
        if position >= 0:
            return label, text.count("\n", 0, position) + 1
    return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


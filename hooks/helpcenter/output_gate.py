"""The output gate: every published HTML page, search record and JSON-LD block checked as a browser
would read it, against the allowlist in gate_policy.py. See MAINTAINERS.md (## Security).

Source checks (checks/unsafe_html.py) read Markdown and give a writer the earliest message; this
gate reads what readers receive, after every extension, snippet, template and hook has run, so a
construct those checks do not know cannot reach a reader. Each page is parsed by Lexbor (through
selectolax), a C implementation of the HTML Standard's parser, into the tree a reader's browser
builds (tree construction, namespaces, entities), never read with a regular expression; the walk
over that tree judges each distinct start tag once per build (Gate).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from xml.parsers import expat

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .gate_policy import CONTENT_POLICY, CONTENT_TAGS, GLOBAL_ATTRS, SAFE_SCHEMES, SVG_ATTRS, URL_ATTRS, Policy

# Never in a page, whoever writes them: they change where the page's links go (base), load or run
# another document or code (iframe...), restyle the page against CSP (style), or hide markup from
# this gate's view (template, noscript, xmp, plaintext).
FORBIDDEN = frozenset("""base iframe frame frameset object embed applet portal fencedframe style noscript
template xmp plaintext foreignobject animate set animatemotion animatetransform handler listener""".split())
# Attributes never allowed, whatever the element: style (see _ALIGNMENT), a document in an attribute,
# a form's target.
_NEVER = frozenset({"style", "srcdoc", "formaction"})
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
# Every parsed document has these, written or not (a fragment too): their attributes are checked,
# their presence is not.
_DOCUMENT = frozenset({"html", "head", "body"})
_MAX_VERDICTS = 200_000  # distinct start tags remembered per build; a hostile page cannot grow it without end


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
    return Gate(policy).check(text, inline_scripts, redirect=redirect)


class Gate:
    """The gate for one build: one policy, and the verdict on every distinct start tag seen so far.

    The theme's chrome (header, navigation, footer, icons) repeats on every page, so most of a
    page's elements were judged on an earlier page: the verdict on a tag and its attributes, which
    depends on nothing else, is looked up instead of judged again. What depends on the rest of the
    page (scripts, forms, inputs, meta, link, ids) is checked on every element.
    """

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self._verdicts: dict[tuple, tuple[Finding, ...]] = {}
        # Per allowed element, the attribute names that pass whatever their value (no URL, handler or
        # style): an element carrying only those is let through by one set comparison.
        self.plain = {tag: frozenset(name for name in _candidates(policy, tag) if self._plain(tag, name))
                      for tag in policy.tags | _DOCUMENT if not self.refuses(tag)}

    def check(self, text: str, inline_scripts: frozenset[str] = frozenset(), *, redirect: bool = False) -> list[Finding]:
        """What in one HTML document (or fragment) is outside the policy; [] means it is inert."""
        try:
            # The tree a reader's browser builds (scripting on): HTML5 tree construction, namespaces,
            # attributes merged onto <html>/<body>, entities decoded, the first of duplicate attributes.
            tree = LexborHTMLParser(text, scripting=True)
        except UnicodeError:
            return [Finding("the page is not valid UTF-8 text", "\ufffd")]
        root = tree.root
        return self.walk(root.traverse(), inline_scripts, redirect=redirect) if root is not None else []

    def check_svg(self, text: str) -> list[Finding]:
        """An SVG file opened on its own is an XML document: what only an XML parser reads is refused
        first (see _xml_only), then its markup is checked as a page's."""
        return _xml_only(text) or self.check(text)

    def walk(self, nodes: Iterable[LexborNode], inline_scripts: frozenset[str] = frozenset(), *, redirect: bool = False) -> list[Finding]:
        """The findings on a parsed document's nodes in document order (anything with selectolax's
        tag, attributes, text(), parent and is_element_node: tests walk another parser's tree too)."""
        walker = _Walker(self, inline_scripts, redirect)
        for node in nodes:
            if node.is_element_node:
                walker.element(node)
        return walker.findings

    @property
    def judged(self) -> int:
        """How many distinct start tags this gate has judged (tools/bench/benchgate.py prints it)."""
        return len(self._verdicts)

    def refuses(self, tag: str) -> bool:
        """Whether the element itself may not be in a page, whatever its attributes."""
        return (tag in FORBIDDEN or tag not in self.policy.tags) and tag not in _DOCUMENT

    def attributes(self, tag: str, attrs: Mapping[str, str | None]) -> tuple[Finding, ...]:
        """The findings on an allowed element's attributes, which depend on nothing else."""
        key = (tag, *attrs.items())
        found = self._verdicts.get(key)
        if found is None:
            found = tuple(finding for name, value in attrs.items() for finding in self._attribute(tag, name.lower(), value or ""))
            if len(self._verdicts) < _MAX_VERDICTS:
                self._verdicts[key] = found
        return found

    def _plain(self, tag: str, name: str) -> bool:
        return self.policy.allows_attr(tag, name) and not (name.startswith("on") or name in URL_ATTRS or name in _NEVER)

    def _attribute(self, tag: str, name: str, value: str) -> Iterator[Finding]:
        if name.startswith("on"):
            yield Finding(f"event handler {name}= on <{tag}> runs code", name)
        elif name == "style" and tag in ("th", "td") and _ALIGNMENT.match(value):
            return  # a Markdown table's column alignment (|:---|), the only style content writes
        elif name in _NEVER or not self.policy.allows_attr(tag, name):
            yield Finding(f"attribute {name}= is not allowed on <{tag}>", name)
        elif name in URL_ATTRS:
            yield from _url(tag, name, value)


def _candidates(policy: Policy, tag: str) -> frozenset[str]:
    """Every attribute name the policy could allow on `tag` without a prefix rule (aria-*, data-*)."""
    return policy.attrs.get(tag, frozenset()) | GLOBAL_ATTRS | (SVG_ATTRS if tag in CONTENT_TAGS else frozenset())


def _url(tag: str, name: str, value: str) -> Iterator[Finding]:
    urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
    for url in urls:
        scheme = url_scheme(url)
        if name in _LOADS:
            if scheme is not None:
                yield Finding(f"<{tag} {name}=\"{_short(url)}\"> loads from outside the site; put the file under docs/assets/", url.strip()[:40] or name)
        elif scheme is not None and scheme not in SAFE_SCHEMES and url != _THEME_NO_OP:
            yield Finding(f"'{scheme}:' URL in <{tag} {name}>; link to a page or an https:// address", url.strip()[:40])
        if tag == "use" and not url.startswith("#"):
            yield Finding("<use> may only point inside the page (#id)", url[:40])


class _Walker:
    """One page's walk: the per-page state (ids, forms, settings blocks) and the rules that need it."""

    def __init__(self, gate: Gate, inline_scripts: frozenset[str], redirect: bool) -> None:
        self.gate, self.inline_scripts, self.redirect = gate, inline_scripts, redirect
        self.findings: list[Finding] = []
        self.forms = 0
        self.config_blocks: dict[str, int] = {}
        self.ids: set[str] = set()

    def fail(self, message: str, needle: str) -> None:
        if len(self.findings) < 50:  # enough to fix; a hostile page must not cost unbounded memory
            self.findings.append(Finding(message, needle))

    def element(self, node: LexborNode) -> None:
        tag, attrs = node.tag or "", node.attributes
        plain = self.gate.plain.get(tag)
        if plain is None or not plain.issuperset(attrs):
            # The policy's names are lower case; SVG's are camelCase in the tree (foreignObject, viewBox).
            tag = tag.lower()
            if self.gate.refuses(tag):
                self.fail(f"<{tag}> is not allowed in a published page", f"<{tag}")
                return
            for finding in self.gate.attributes(tag, attrs):
                self.fail(finding.message, finding.needle)
        element_id = attrs.get("id")
        if element_id:
            # The theme's script finds its parts by id (__config, __search...): a heading with the
            # same id takes their place.
            if element_id in self.ids:
                self.fail(f"id \"{_short(element_id)}\" is used twice in the page; rename the heading or anchor", element_id)
            self.ids.add(element_id)
        special = _SPECIAL.get(tag)
        if special:
            special(self, node, attrs)

    def script(self, node: LexborNode, attrs: Mapping[str, str | None]) -> None:
        body = node.text()
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

    def meta(self, node: LexborNode, attrs: Mapping[str, str | None]) -> None:
        equiv = (attrs.get("http-equiv") or "").strip().lower()
        if not equiv or equiv == "content-security-policy":
            return
        target = (attrs.get("content") or "").partition("=")[2].strip()
        if equiv != "refresh" or not self.redirect or url_scheme(target) not in (None, "http", "https"):
            self.fail(f"<meta http-equiv=\"{equiv}\"> is not allowed in a page", "http-equiv")

    def link(self, node: LexborNode, attrs: Mapping[str, str | None]) -> None:
        rels = set((attrs.get("rel") or "").lower().split())
        if not rels or not rels <= _LINK_RELS:
            self.fail(f"<link rel=\"{attrs.get('rel')}\"> is not allowed", "<link")
        elif rels & _LINK_LOADS and url_scheme(attrs.get("href") or "") is not None:
            self.fail(f"<link rel=\"{attrs.get('rel')}\"> loads from outside the site", "<link")

    def form(self, node: LexborNode, attrs: Mapping[str, str | None]) -> None:
        self.forms += 1
        theme = any(attrs.get(name) == value for name, value in _THEME_FORMS)
        if self.forms > len(_THEME_FORMS) or not theme or {"action", "method", "target"} & set(attrs):
            self.fail("<form> is not allowed in a page (only the theme's search box is a form)", "<form")

    def input(self, node: LexborNode, attrs: Mapping[str, str | None]) -> None:
        kind = (attrs.get("type") or "text").lower()
        if kind not in ("radio", "checkbox") and not (kind in ("text", "search") and _inside_form(node)):
            self.fail(f"<input type=\"{kind}\"> is not allowed in a page", "<input")


_SPECIAL = {"script": _Walker.script, "meta": _Walker.meta, "link": _Walker.link, "form": _Walker.form, "input": _Walker.input}


def _inside_form(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.is_element_node:
        if parent.tag == "form":
            return True
        parent = parent.parent
    return False


def _xml_only(text: str) -> list[Finding]:
    """What an XML parser reads and an HTML parser does not: a DTD of the file's own, whose entities
    expand to markup (a <script>) the HTML reading never sees; processing instructions such as
    xml-stylesheet, which load a stylesheet or an XSLT program. Also: not well-formed XML."""
    found: list[Finding] = []

    def refuse(message: str, needle: str) -> None:
        found.append(Finding(message, needle))
        raise _Refused

    parser = expat.ParserCreate()
    def doctype(name: str, system: str | None, public: str | None, internal: int) -> None:
        if internal:
            refuse("an SVG file with a DTD of its own (<!DOCTYPE svg [...]>), whose entities can expand to markup; remove it",
                   "<!DOCTYPE")

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = lambda name, *rest: refuse(f"entity declaration '{name}' in an SVG file; remove it", "<!ENTITY")
    parser.ProcessingInstructionHandler = lambda target, data: refuse(
        f"<?{target}?> in an SVG file loads a stylesheet or a program; remove it", f"<?{target}")
    try:
        parser.Parse(text, True)
    except _Refused:
        return found
    except expat.ExpatError as error:
        return [Finding(f"the SVG file is not well-formed XML ({expat.ErrorString(error.code)}, line {error.lineno}); "
                        "browsers show an error instead of the image", "<")]
    return []


class _Refused(Exception):
    """Ends the XML reading of an SVG file at its first refused construct."""


def check_search_records(records: Iterable[Mapping[str, object]]) -> list[tuple[str, Finding]]:
    """(record url, finding) for every search record whose text fields would not be inert as HTML.

    Pure over plain records ({url or location, title, text or content, ...}), so it serves today's
    search_index.json and any other engine's records alike: a search UI inserts these as HTML.
    """
    found, gate = [], Gate(CONTENT_POLICY)
    for record in records:
        url = str(record.get("url", record.get("location", "")))
        for field in ("title", "text", "content", "headings"):
            value = record.get(field)
            if isinstance(value, str) and ("<" in value or "&" in value):
                found += [(url, finding) for finding in gate.check(value)]
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


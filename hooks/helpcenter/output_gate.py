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
import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.parsers import expat

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import nesting
from .gate_policy import CONTENT_TAGS, GLOBAL_ATTRS, SAFE_SCHEMES, SVG_ATTRS, THEME_HOOKS, URL_ATTRS, Policy

NAME = "output-gate"
DESCRIPTION = ("what readers receive (every published page, 404 and redirect page, SVG file and JSON-LD block) holds only "
               "the theme's own scripts and the markup of the allowlist, as a browser's parser reads it")
SEVERITY = "error"  # nothing unsafe is published by any build, the preview's included
MESSAGES = {
    "element": "<{tag}> is not allowed in a published page; remove it (pages hold text, links, lists, tables and images)",
    "handler": "event handler {name}= on <{tag}> runs code; remove it",
    "attribute": "attribute {name}= is not allowed on <{tag}>; remove it",
    "loads": "<{tag} {name}=\"{url}\"> loads from outside the site; put the file under docs/assets/",
    "scheme": "'{scheme}:' URL in <{tag} {name}>; link to a page or an https:// address",
    "host-only": "<{tag} {name}=\"{url}\"> names another site without https: (an address starting with //); write "
                 "https:// in full, or link to a page of this site",
    "use": "<use> may only point inside the page (#id)",
    "css-url": "{name}=\"{value}\" on <{tag}> refers to something other than an element of the page (url(#id)); remove it",
    "duplicate-id": "id \"{id}\" is used twice in the page; rename the heading or anchor",
    "script-src": "<script src=\"{src}\"> is not one of the site's scripts (the theme's and mkdocs.yml extra_javascript); remove it",
    "inline-script": "inline <script> that is not one of the theme's ({body}); page content cannot run code: remove it",
    "json-block": "a JSON <script> block other than the theme's configuration; remove it",
    "json": "{kind} block that is not valid JSON",
    "meta": "<meta http-equiv=\"{equiv}\"> is not allowed in a page; remove it",
    "head-only": "<{tag}> in the page's body; only the theme adds metadata, stylesheets and policies: remove it",
    "second-policy": "a second Content-Security-Policy in the page; remove it (the build writes the site's policy)",
    "link-rel": "<link rel=\"{rel}\"> is not allowed; remove it",
    "link-loads": "<link rel=\"{rel}\"> loads from outside the site; remove it",
    "form": "<form> is not allowed in a page (only the theme's search box is a form); remove it",
    "input": "<input type=\"{kind}\"> is not allowed in a page; remove it",
    "bidi": "invisible text-direction control U+{code:04X}: it makes text read in another order than it is written "
            "(a link or address that looks like another); delete it",
    "depth": "elements nested {depth} deep, more than {limit} (browsers and this check slow down sharply); "
             "nest fewer lists, quotes, admonitions or HTML blocks inside each other",
    "encoding": "the page is not valid UTF-8 text",
    "svg-dtd": "an SVG file with a DTD of its own (<!DOCTYPE svg [...]>), whose entities can expand to markup; remove it",
    "svg-entity": "entity declaration '{name}' in an SVG file; remove it",
    "svg-instruction": "<?{target}?> in an SVG file loads a stylesheet or a program; remove it",
    "svg-xml": "the SVG file is not well-formed XML ({error}, line {line}); browsers show an error instead of the image",
    "search-field": "search field {field} is not text",
    "search-url": "a search result links to '{url}', which is not an address of this site; rename the page or the heading",
    "theme-hook": "attribute {name}= is one the theme's script acts on (Material's components, copy to clipboard); "
                  "content cannot set it: remove it",
    "same-address": "{other} is published at the same address ({url}); the reader gets only one of them: rename or remove one",
    "overwritten": "the published page was replaced by another file of the build written to the same address ({url}); "
                   "rename the page or remove what else writes there (a redirect, a page, a static file)",
    "file-type": "'{suffix}' files are not published (the build makes pages, styles, scripts, images, fonts, the "
                 "sitemap and the search index); remove the file",
    "xml": "{what}; the sitemap is written by the build from the pages' addresses and site_url in mkdocs.yml",
    "robots": "line {line} of robots.txt is not a robots directive; it is written by the build from site_url in mkdocs.yml",
    "text-control": "control character U+{code:04X} in published text; delete it",
    "emoji": "the emoji {name} is a picture from another site (a CDN); type the emoji itself ({emoji}) instead, "
             "or an icon the site draws (:material-…:)",
    "css-loads": "the stylesheet loads {url} from outside the site; put the file under docs/assets/ and refer to it relatively",
    "css-code": "the stylesheet uses {what}, which runs code or hides an address in older browsers; remove it",
}

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
# SVG paint and clipping attributes take CSS values: url(...) in them refers to another element,
# and only one of the page (#id) may be referred to; a backslash is a CSS escape (\75 rl = url).
_CSS_VALUED = frozenset({"fill", "stroke", "clip-path"})
_FOREIGN_URL = re.compile(r"url\(\s*['\"]?(?!#)|\\")
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
# An element with LIMIT ancestors, nested LIMIT + 1 deep as _Walker.element counts (<html> is 1):
# matched in C, right to left, each element's ancestors read at most LIMIT times (0.3 ms a page,
# about what keeping the depth from each element's parent cost in Python).
_TOO_DEEP = " > ".join(["*"] * (nesting.LIMIT + 1))
_MAX_VERDICTS = 200_000  # distinct start tags remembered per build; a hostile page cannot grow it without end
_MAX_BODIES = 4_000_000  # characters of script and JSON bodies remembered per build (the theme's are a few KB)
# Explicit text-direction controls (embeddings, overrides, isolates): invisible, they reorder what a
# reader sees ("Trojan source"), so a link text or address can look like another. Neither language
# of the site needs them; the marks (U+200E, U+200F) are left alone.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# The same, written as character references (&#x202E; &#8238;); any with leading zeros is searched too.
# The literal "&#" it starts with lets the regex engine skip to each reference: one fast pass (a
# pre-check of substrings, "#x202" and the like, cost five times as much on real pages).
_BIDI_ENTITY = re.compile(r"&#(?:[xX]0*(202[a-eA-E]|206[6-9])|0*(823[4-8]|829[4-7]))(?![0-9a-fA-F])")
_BIDI_ENTITY_UTF8 = re.compile(_BIDI_ENTITY.pattern.encode("ascii"))
_BIDI_UTF8 = re.compile(b"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")


@dataclass(frozen=True)
class Finding:
    message: str
    needle: str  # text to look for in the sources to find the line (see locate())


def finding(kind: str, needle: str, /, **values: object) -> Finding:
    return Finding(MESSAGES[kind].format(**values), needle)


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

    def __init__(self, policy: Policy, *, like: Gate | None = None) -> None:
        """`like`: a gate with the same policy whose tables below are taken, not worked out again (fresh())."""
        self.policy = policy
        self._verdicts: dict[tuple, tuple[Finding, ...]] = {}
        # The theme's inline scripts and settings blocks repeat on every page: each distinct body is
        # hashed, or read as JSON, once per build (both depend on the body alone).
        self._hashes: dict[str, str] = {}
        self._json: set[str] = set()
        self._remembered = 0  # characters of those bodies; a hostile site cannot grow it without end
        # Per allowed element, the attribute names that pass whatever their value (no URL, handler or
        # style): an element carrying only those is let through by one set comparison.
        self.plain: dict[str, frozenset[str]] = like.plain if like else self._plain_names()
        # Per allowed element, the URL attributes it may carry (href, src...), and those with its
        # plain names: see _plain_urls.
        self.urls: dict[str, frozenset[str]] = like.urls if like else self._url_names()
        self.plain_or_urls: dict[str, frozenset[str]] = like.plain_or_urls if like else {
            tag: self.plain[tag] | urls for tag, urls in self.urls.items() if urls}

    def _plain_names(self) -> dict[str, frozenset[str]]:
        """Also as Lexbor's tree spells each name on an SVG element (viewBox for viewbox: every icon
        has one), since the rules read every name in lower case."""
        plain = {tag: frozenset(name for name in _candidates(self.policy, tag) if self._plain(tag, name))
                 for tag in self.policy.tags | _DOCUMENT if not self.refuses(tag)}
        spelled = _svg_spellings(set().union(*plain.values()))
        return {tag: names | {spelled[name] for name in names} for tag, names in plain.items()}

    def _url_names(self) -> dict[str, frozenset[str]]:
        return {tag: frozenset(name for name in _candidates(self.policy, tag) & URL_ATTRS if self._plain(tag, name, url=True))
                for tag in self.plain if tag != "use"}

    def fresh(self) -> Gate:
        """A gate with this one's policy that has judged nothing yet, as Gate(policy) is, without
        working out the policy's tables again (4 ms: the property tests make thousands of gates).
        Everything else a gate remembers starts empty, as in any new gate."""
        return Gate(self.policy, like=self)

    def check(self, text: str | None, inline_scripts: frozenset[str] = frozenset(), *, redirect: bool = False,
              data: bytes | None = None) -> list[Finding]:
        """What in one HTML document (or fragment) is outside the policy; [] means it is inert.
        `data`: the same text encoded as UTF-8, when the caller has it (a page, encoded once for its
        size and digest): Lexbor parses those bytes instead of an encoding of its own (a third of
        the parse's time on a Korean page), and the controls are looked for in them first. With
        `data`, `text` may be None (the pool's workers, which receive bytes): the bytes are then
        decoded only for a rule that reads the text (a page of many tags, a direction control
        found), not for every page (decoding a Korean page costs about a tenth of its check)."""
        source: str | bytes
        if data is not None:
            source, tags = data, data.count(b"<")  # '<' is one byte in UTF-8 and in no other character's encoding
        elif text is not None:
            source, tags = text, text.count("<")
        else:
            raise TypeError("check() needs the page's text or its UTF-8 bytes")
        # The parser's time grows with the square of the depth: a page of many tags is measured
        # before it is parsed (the walk measures every page's tree exactly, for free).
        if tags > nesting.PARSE_FIRST:
            text = _text(text, data)
            depth, tag = nesting.deepest(text, nesting.LIMIT)
            if depth > nesting.LIMIT:
                return [finding("depth", tag, depth=f"at least {depth:,}", limit=nesting.LIMIT)]
        try:
            # The tree a reader's browser builds (scripting on): HTML5 tree construction, namespaces,
            # attributes merged onto <html>/<body>, entities decoded, the first of duplicate attributes.
            tree = LexborHTMLParser(source, scripting=True)
        except UnicodeError:
            return [finding("encoding", "\ufffd")]
        root = tree.root
        if root is None or self.passes(root, inline_scripts, redirect=redirect):
            return direction_controls(text, data)
        return self.walk(root.traverse(), inline_scripts, redirect=redirect) + direction_controls(text, data)

    def check_svg(self, text: str) -> list[Finding]:
        """An SVG file opened on its own is an XML document: what only an XML parser reads is refused
        first, then its markup is checked twice, as the XML tree a browser opening the file builds
        and as the HTML a page would make of it (the two differ: <desc><textarea><script> is text to
        an HTML parser and a script to an XML one)."""
        nodes = _xml_nodes(text)
        if isinstance(nodes, Finding):
            return [nodes]
        return self.walk(nodes) or self.check(text)

    def walk(self, nodes: Iterable[LexborNode] | Iterable[_XmlNode], inline_scripts: frozenset[str] = frozenset(), *,
             redirect: bool = False) -> list[Finding]:
        """The findings on a parsed document's nodes in document order (anything with selectolax's
        tag, attributes, text(), parent and is_element_node: tests walk another parser's tree too)."""
        walker = _Walker(self, inline_scripts, redirect)
        for node in nodes:
            if node.is_element_node:
                walker.element(node)
        return walker.findings

    def passes(self, root: LexborNode, inline_scripts: frozenset[str] = frozenset(), *, redirect: bool = False) -> bool:
        """Whether walk() would find nothing in this Lexbor tree, decided with as little Python per
        element as the rules allow (a cold build checks 2,000 pages of 600-700 elements). The same
        rules on every element, but: the depth is found by Lexbor's selector engine (_TOO_DEEP), not
        kept from each element's parent; an element whose tag is allowed and whose attribute names are
        all plain for it (most of a page: the theme's navigation) costs one set comparison; one whose
        other attributes are plain URLs, a look at those (_plain_urls); one whose tag and attributes
        were judged on an earlier element, one lookup of that verdict; only ids and the elements of
        _SPECIAL go through the walker's per-page rules. At the first finding it stops with False,
        and check() walks the page for the findings, named in document order as they always were."""
        if root.css_first(_TOO_DEEP) is not None:
            return False
        walker = _Walker(self, inline_scripts, redirect)
        plain_get, verdicts, identify, plain_urls = self.plain.get, self._verdicts, walker.identify, self._plain_urls
        for node in root.traverse():
            tag, attrs = node.tag or "", node.attributes
            plain = plain_get(tag)
            if (plain is None or not plain.issuperset(attrs)) and not plain_urls(tag, attrs):
                if not node.is_element_node:
                    continue  # a comment
                tag = tag.lower()
                # The verdict remembered by attributes(), as the walk would look it up (a refused tag has none).
                found = verdicts.get((tag, *attrs.items()))
                if found is None:
                    found = self.element_findings(tag, attrs)
                if found:
                    return False
            if "id" in attrs or tag in _SPECIAL:
                identify(node, tag, attrs)
                if walker.findings:
                    return False
        return True

    @property
    def judged(self) -> int:
        """How many distinct start tags this gate has judged (tools/bench/benchgate.py prints it)."""
        return len(self._verdicts)

    def refuses(self, tag: str) -> bool:
        """Whether the element itself may not be in a page, whatever its attributes."""
        return (tag in FORBIDDEN or tag not in self.policy.tags) and tag not in _DOCUMENT

    def element_findings(self, tag: str, attrs: Mapping[str, str | None]) -> tuple[Finding, ...]:
        """The findings on an element (lower-case tag) and its attributes, which depend on nothing else."""
        if self.refuses(tag):
            return (finding("element", f"<{tag}", tag=tag),)
        found = self.attributes(tag, attrs)
        if found and tag == "img" and "twemoji" in (attrs.get("class") or ""):
            # pymdownx.emoji draws an emoji shortcode (:smile:) as a picture from a CDN: say so.
            name, emoji = attrs.get("title") or "", attrs.get("alt") or ""
            found = (finding("emoji", name or emoji or "<img", name=name, emoji=emoji),)
        return found

    def attributes(self, tag: str, attrs: Mapping[str, str | None]) -> tuple[Finding, ...]:
        """The findings on an allowed element's attributes, which depend on nothing else."""
        key = (tag, *attrs.items())
        found = self._verdicts.get(key)
        if found is None:
            found = tuple(problem for name, value in attrs.items() for problem in self._attribute(tag, name.lower(), value or ""))
            if len(self._verdicts) < _MAX_VERDICTS:
                self._verdicts[key] = found
        return found

    def _plain(self, tag: str, name: str, *, url: bool = False) -> bool:
        return self.policy.allows_attr(tag, name) and not (name.startswith("on") or (name in URL_ATTRS) != url or name in _NEVER
                                                            or name in _CSS_VALUED)

    def _plain_urls(self, tag: str, attrs: Mapping[str, str | None]) -> bool:
        """Whether an allowed element's attributes are its plain ones and URLs no browser can read a
        scheme or another host in (printable, without ':', '\\' or '//': what url_scheme() looks
        for, in the whole value and so in each of a srcset's addresses): then attributes() would find
        nothing. The navigation's links, a new address on every page, are judged by this instead of
        one by one (a cold build at 1,000 articles per language has 24,000 distinct start tags); it
        costs less than looking up a remembered verdict, so it is tried first."""
        allowed = self.plain_or_urls.get(tag)
        if allowed is None or not allowed.issuperset(attrs):
            return False
        for name in self.urls[tag]:
            value = attrs.get(name)
            if value and (":" in value or "\\" in value or "//" in value or not value.isprintable()):
                return False
        return True

    def _attribute(self, tag: str, name: str, value: str) -> Iterator[Finding]:
        if name.startswith("on"):
            yield finding("handler", name, name=name, tag=tag)
        elif name == "style" and tag in ("th", "td") and _ALIGNMENT.match(value):
            return  # a Markdown table's column alignment (|:---|), the only style content writes
        elif name in _NEVER or not self.policy.allows_attr(tag, name):
            yield finding("attribute", name, name=name, tag=tag)
        elif name in URL_ATTRS:
            yield from _url(tag, name, value)
        elif name in _CSS_VALUED and _FOREIGN_URL.search(value):
            yield finding("css-url", value[:40], name=name, value=_short(value), tag=tag)

    def script_hash(self, body: str) -> str:
        """script_hash(body), remembered for the build."""
        found = self._hashes.get(body)
        if found is None:
            found = script_hash(body)
            if self._remember(body):
                self._hashes[body] = found
        return found

    def is_json(self, body: str) -> bool:
        """Whether a settings or JSON-LD block's body is valid JSON; the valid ones remembered for the build."""
        if body in self._json:
            return True
        try:
            json.loads(body)
        except ValueError:
            return False
        if self._remember(body):
            self._json.add(body)
        return True

    def _remember(self, body: str) -> bool:
        if self._remembered + len(body) > _MAX_BODIES:
            return False
        self._remembered += len(body)
        return True

    def script_allowed(self, src: str) -> bool:
        """Whether <script src> names one of the site's own scripts, from wherever the page is."""
        parts = urlsplit(src.strip())
        if parts.scheme or parts.netloc:
            return False
        path = parts.path
        if path.startswith("/"):
            if not path.startswith(self.policy.site_path):
                return False
            path = path[len(self.policy.site_path):]
        segments = path.split("/")
        while segments and segments[0] in (".", ".."):
            segments.pop(0)
        return ".." not in segments and "/".join(segments) in self.policy.scripts


def _svg_spellings(names: Iterable[str]) -> dict[str, str]:
    """Each attribute name as Lexbor's tree spells it on an SVG element (the HTML Standard's
    adjustment of SVG attributes: viewbox is viewBox), read from the parser itself, not a copy of
    its table. A spelling is only ever the same name in other case: anything else read back (the
    parser dropping or reordering a name) leaves the name as it is."""
    names = sorted(names)
    svg = LexborHTMLParser("<svg " + " ".join(f'{name}=""' for name in names) + ">").css_first("svg")
    spelled = list(svg.attributes) if svg is not None else []
    if len(spelled) != len(names):
        spelled = names
    return {name: other if other.lower() == name else name for name, other in zip(names, spelled)}


def _candidates(policy: Policy, tag: str) -> frozenset[str]:
    """Every attribute name the policy could allow on `tag` without a prefix rule (aria-*, data-*)."""
    return policy.attrs.get(tag, frozenset()) | GLOBAL_ATTRS | (SVG_ATTRS if tag in CONTENT_TAGS else frozenset())


def _url(tag: str, name: str, value: str) -> Iterator[Finding]:
    urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
    for url in urls:
        scheme = url_scheme(url)
        if name in _LOADS:
            if scheme is not None:
                yield finding("loads", url.strip()[:40] or name, tag=tag, name=name, url=_short(url))
        elif scheme == "//":
            yield finding("host-only", url.strip()[:40], tag=tag, name=name, url=_short(url))
        elif scheme is not None and scheme not in SAFE_SCHEMES and url != _THEME_NO_OP:
            yield finding("scheme", url.strip()[:40], scheme=scheme, tag=tag, name=name)
        if tag == "use" and not url.startswith("#"):
            yield finding("use", url[:40])


def direction_controls(text: str | None, data: bytes | None = None) -> list[Finding]:
    """The first text-direction control in a page, raw or as a reference. `data`, the text in UTF-8,
    is searched first: the controls' UTF-8 (E2 80 AA-AE, E2 81 A6-A9) and the references are two
    searches for a literal byte there, half the time of the searches below in a Korean page's text;
    only a page that has one is searched again, for the finding the text gives (decoded from `data`
    when `text` is None)."""
    if data is not None and _BIDI_UTF8.search(data) is None and _BIDI_ENTITY_UTF8.search(data) is None:
        return []
    text = _text(text, data)
    # One substring search per character or hint: a regular expression over a page costs ten times as much.
    for char in BIDI_CONTROLS:
        if char in text:
            return [finding("bidi", char, code=ord(char))]
    match = _BIDI_ENTITY.search(text)
    if match:
        return [finding("bidi", match[0], code=int(match[1], 16) if match[1] else int(match[2]))]
    return []


def _text(text: str | None, data: bytes | None) -> str:
    """The page's text: given, or decoded from its UTF-8 bytes."""
    if text is not None:
        return text
    assert data is not None
    return data.decode("utf-8")


class _Walker:
    """One page's walk: the per-page state (ids, forms, settings blocks) and the rules that need it."""

    def __init__(self, gate: Gate, inline_scripts: frozenset[str], redirect: bool) -> None:
        self.gate, self.inline_scripts, self.redirect = gate, inline_scripts, redirect
        self.findings: list[Finding] = []
        self.forms = 0
        self.policies = 0
        self.config_blocks: dict[str, int] = {}
        self.ids: set[str] = set()
        self.open: list[int] = []  # the current element and its ancestors (mem_id), in the tree's order

    def fail(self, found: Finding) -> None:
        if len(self.findings) < 50:  # enough to fix; a hostile page must not cost unbounded memory
            self.findings.append(found)

    def element(self, node: LexborNode | _XmlNode) -> None:
        tag, attrs, parent, opened = node.tag or "", node.attributes, node.parent, self.open
        # Its depth, from its parent's place among the open elements (each element is opened and
        # closed once: linear in the page); past the limit, one finding.
        above = parent.mem_id if parent is not None else 0
        while opened and opened[-1] != above:
            opened.pop()
        opened.append(node.mem_id)
        if len(opened) == nesting.LIMIT + 1:
            self.fail(finding("depth", f"<{tag.lower()}", depth=f"at least {len(opened):,}", limit=nesting.LIMIT))
        self.judge(node, tag, attrs)

    def judge(self, node: LexborNode | _XmlNode, tag: str, attrs: Mapping[str, str | None]) -> None:
        """Every rule on one element but its depth."""
        plain = self.gate.plain.get(tag)
        if plain is None or not plain.issuperset(attrs):
            # The policy's names are lower case; SVG's are camelCase in the tree (foreignObject, viewBox).
            tag = tag.lower()
            for one in self.gate.element_findings(tag, attrs):
                self.fail(one)
            if self.gate.refuses(tag):
                return
        self.identify(node, tag, attrs)

    def identify(self, node: LexborNode | _XmlNode, tag: str, attrs: Mapping[str, str | None]) -> None:
        """The rules that depend on the rest of the page: ids, and the elements of _SPECIAL."""
        element_id = attrs.get("id")
        if element_id:
            # The theme's script finds its parts by id (__config, __search...): a heading with the
            # same id takes their place.
            if element_id in self.ids:
                self.fail(finding("duplicate-id", element_id, id=_short(element_id)))
            self.ids.add(element_id)
        special = _SPECIAL.get(tag)
        if special:
            special(self, node, attrs)

    def script(self, node: LexborNode | _XmlNode, attrs: Mapping[str, str | None]) -> None:
        body = node.text()
        kind = (attrs.get("type") or "").strip().lower()
        if "src" in attrs:
            src = attrs["src"] or ""
            if body.strip() or not self.gate.script_allowed(src):
                self.fail(finding("script-src", src.strip()[:40] or "<script", src=_short(src)))
        elif kind in _DATA_SCRIPTS:
            self.data_block(attrs, kind, body)
        elif self.gate.script_hash(body) not in self.inline_scripts:
            self.fail(finding("inline-script", body.strip()[:40] or "<script", body=_short(body)))

    def data_block(self, attrs: Mapping[str, str | None], kind: str, body: str) -> None:
        if kind == "application/json":
            block = attrs.get("id") or ""
            self.config_blocks[block] = self.config_blocks.get(block, 0) + 1
            # Each template settings block once: a second copy (from content) would override the first.
            if block not in CONFIG_BLOCKS or self.config_blocks[block] > 1:
                self.fail(finding("json-block", "application/json"))
        if not self.gate.is_json(body):
            self.fail(finding("json", body.strip()[:40] or kind, kind=kind))

    def meta(self, node: LexborNode | _XmlNode, attrs: Mapping[str, str | None]) -> None:
        if not _in_head(node):
            self.fail(finding("head-only", "<meta", tag="meta"))
            return
        equiv = (attrs.get("http-equiv") or "").strip().lower()
        if not equiv:
            return
        if equiv == "content-security-policy":
            self.policies += 1
            if self.policies > 1:  # a second policy only narrows the first, but it can break the theme
                self.fail(finding("second-policy", "Content-Security-Policy"))
            return
        target = (attrs.get("content") or "").partition("=")[2].strip()
        if equiv != "refresh" or not self.redirect or url_scheme(target) not in (None, "http", "https"):
            self.fail(finding("meta", "http-equiv", equiv=equiv))

    def link(self, node: LexborNode | _XmlNode, attrs: Mapping[str, str | None]) -> None:
        rels = set((attrs.get("rel") or "").lower().split())
        if not _in_head(node):
            self.fail(finding("head-only", "<link", tag="link"))
        elif not rels or not rels <= _LINK_RELS:
            self.fail(finding("link-rel", "<link", rel=attrs.get("rel")))
        elif rels & _LINK_LOADS and url_scheme(attrs.get("href") or "") is not None:
            self.fail(finding("link-loads", "<link", rel=attrs.get("rel")))

    def form(self, node: LexborNode | _XmlNode, attrs: Mapping[str, str | None]) -> None:
        self.forms += 1
        theme = any(attrs.get(name) == value for name, value in _THEME_FORMS)
        if self.forms > len(_THEME_FORMS) or not theme or {"action", "method", "target"} & set(attrs):
            self.fail(finding("form", "<form"))

    def input(self, node: LexborNode | _XmlNode, attrs: Mapping[str, str | None]) -> None:
        kind = (attrs.get("type") or "text").lower()
        if kind not in ("radio", "checkbox") and not (kind in ("text", "search") and _inside_form(node)):
            self.fail(finding("input", "<input", kind=kind))


_SPECIAL = {"script": _Walker.script, "meta": _Walker.meta, "link": _Walker.link, "form": _Walker.form, "input": _Walker.input}


def _in_head(node: LexborNode | _XmlNode) -> bool:
    """Metadata, stylesheets and policies belong to <head>, where only the theme writes; a parser
    leaves them where content puts them, in the body."""
    parent = node.parent
    return parent is not None and parent.tag == "head"


def _inside_form(node: LexborNode | _XmlNode) -> bool:
    parent = node.parent
    while parent is not None and parent.is_element_node:
        if parent.tag == "form":
            return True
        parent = parent.parent
    return False


_SVG, _XHTML = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml"
_PREFIXES = {"http://www.w3.org/1999/xlink": "xlink", "http://www.w3.org/XML/1998/namespace": "xml"}


class _XmlNode:
    """An element of an SVG file's XML tree, seen through the names the gate reads from selectolax's
    nodes. Elements of the SVG or XHTML namespace go by their local name (<h:script> is a script);
    any other namespace keeps its address, so the element is refused as unknown."""

    is_element_node = True

    def __init__(self, name: str, attributes: dict[str, str], parent: _XmlNode | None) -> None:
        self.tag, self.attributes, self.parent = _xml_name(name, tag=True), attributes, parent
        self.children: list[_XmlNode | str] = []
        self.mem_id = id(self)

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)


def _xml_name(name: str, *, tag: bool = False) -> str:
    namespace, _, local = name.rpartition(" ")
    if not namespace or (tag and namespace in (_SVG, _XHTML)):
        return local
    return f"{_PREFIXES.get(namespace, namespace)}:{local}"


def _xml_nodes(text: str) -> list[_XmlNode] | Finding:
    """The elements of an SVG file read as XML, in document order; or the first construct only an
    XML parser reads and an HTML parser does not: a DTD of the file's own, whose entities expand to
    markup (a <script>) the HTML reading never sees; processing instructions such as
    xml-stylesheet, which load a stylesheet or an XSLT program. Also: not well-formed XML."""
    nodes: list[_XmlNode] = []
    open_nodes: list[_XmlNode] = []
    refused: list[Finding] = []

    def refuse(kind: str, needle: str, /, **values: object) -> None:
        refused.append(finding(kind, needle, **values))
        raise _Refused

    def start(name: str, attributes: dict[str, str]) -> None:
        node = _XmlNode(name, {_xml_name(key): value for key, value in attributes.items()}, open_nodes[-1] if open_nodes else None)
        if open_nodes:
            open_nodes[-1].children.append(node)
        nodes.append(node)
        open_nodes.append(node)

    def doctype(name: str, system: str | None, public: str | None, internal: int) -> None:
        if internal:
            refuse("svg-dtd", "<!DOCTYPE")

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: open_nodes.pop()
    parser.CharacterDataHandler = lambda data: open_nodes[-1].children.append(data) if open_nodes else None
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = lambda name, *rest: refuse("svg-entity", "<!ENTITY", name=name)
    parser.ProcessingInstructionHandler = lambda target, data: refuse("svg-instruction", f"<?{target}", target=target)
    try:
        parser.Parse(text, True)
    except _Refused:
        return refused[0]
    except expat.ExpatError as error:
        return finding("svg-xml", "<", error=expat.ErrorString(error.code), line=error.lineno)
    return nodes


class _Refused(Exception):
    """Ends the XML reading of an SVG file at its first refused construct."""


# A stylesheet's references: url(...), src(...) and @import "..." (what they load), and the ways old
# browsers ran code from CSS. [^)]* and [^'"]* stop at the first closing character: one pass.
_CSS_URL = re.compile(r"""(?:url|src)\(\s*['"]?([^)'"]*)|(?:@import\s+|image-set\([^)'"]*)['"]([^'"]*)""", re.I)
_CSS_CODE = re.compile(r"expression\s*\(|-moz-binding|behavior\s*:|javascript:", re.I)


def check_css(text: str) -> list[Finding]:
    """What a stylesheet of the site's own (docs/assets/) loads from elsewhere or runs; CSP blocks
    the rest of the Web, but only where the host sends it."""
    found = [finding("css-code", match[0], what=match[0].strip()) for match in _CSS_CODE.finditer(text)][:5]
    for match in _CSS_URL.finditer(text):
        url = (match[1] if match[1] is not None else match[2] or "").strip()
        scheme = url_scheme(url)
        if "\\" in url or (scheme is not None and not (scheme == "data" and url[5:].lower().startswith("image/"))):
            found.append(finding("css-loads", url[:40] or match[0], url=_short(url)))
    return found[:20]


def check_search_records(records: Iterable[Mapping[str, object]]) -> list[tuple[str, Finding]]:
    """(record url, finding) for every search record that is not what search.js can show safely.

    Records are plain text, which the search box inserts as text (it never parses them as HTML:
    tests/bad_input/test_published_inert.py), so a question holding `<b>` is shown as written. What
    must hold: every text field is text, without direction controls or control characters, and the
    record's url, which search.js puts in a link's href, is an address of this site (a path, no
    scheme, blank or quote). Pure over plain records ({url or location, title, content, headings}):
    the published Pagefind fragments are read into these (hooks/security_headers.py)."""
    found: list[tuple[str, Finding]] = []
    for record in records:
        url = record.get("url", record.get("location", ""))
        label = str(url)
        if not isinstance(url, str) or not _SITE_PATH.match(url) or url_scheme(url) is not None:
            found.append((label, finding("search-url", label[:40], url=_short(label))))
        for field in ("title", "text", "content", "headings"):
            value = record.get(field)
            if isinstance(value, str):
                found += [(label, problem) for problem in text_controls(value)]
            elif value is not None:
                found.append((label, finding("search-field", field, field=field)))
    return found


# A search record's address: a path of this site ('/faq/#id', 'support/email/'), nothing that ends
# an attribute or a URL early.
_SITE_PATH = re.compile(r"/?(?!/)[^\s\"'<>`\\]*\Z")
# C0 controls other than tab and line ends, DEL and C1: invisible, and some end what a reader's
# software reads early (a NUL in a title, a form feed in a sitemap).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def text_controls(text: str) -> list[Finding]:
    """Direction controls and control characters in published text (not HTML: no references)."""
    if text.isprintable():  # one pass in C: both kinds are unprintable (the controls are format characters)
        return []
    found = [finding("bidi", char, code=ord(char)) for char in BIDI_CONTROLS if char in text][:1]
    match = _CONTROL.search(text)
    return found + ([finding("text-control", match[0], code=ord(match[0]))] if match else [])


def check_json(text: str, kind: str = "JSON file") -> list[Finding]:
    """A published JSON file (the search vocabulary, Pagefind's entry, records): valid JSON whose
    strings, keys included, hold no direction controls or control characters."""
    try:
        value = json.loads(text)
    except ValueError:
        return [finding("json", text.strip()[:40] or kind, kind=kind)]
    pending: list[object] = [value]
    found: list[Finding] = []
    while pending and len(found) < 5:
        item = pending.pop()
        if isinstance(item, str):
            found += text_controls(item)
        elif isinstance(item, dict):
            pending += [*item.keys(), *item.values()]
        elif isinstance(item, list):
            pending += item
    return found


def check_xml(text: str, site_url: str) -> list[Finding]:
    """A published XML file (the sitemap): well-formed, no DTD, entity or processing instruction of
    its own, and every address in it (<loc>, href) an http(s) address under `site_url`."""
    nodes = _xml_nodes(text)
    if isinstance(nodes, Finding):
        return [finding("xml", nodes.needle, what=nodes.message.partition(";")[0])]
    found = []
    for node in nodes:
        addresses = [node.text()] if node.tag.rpartition(":")[2] == "loc" else []
        addresses += [value for name, value in node.attributes.items() if name == "href"]
        for address in addresses:
            address = address.strip()
            if url_scheme(address) not in ("http", "https") or not address.startswith(site_url.rstrip("/")):
                found.append(finding("xml", address[:40], what=f"'{_short(address)}' is not an address of this site ({site_url})"))
    return (found + text_controls(text))[:20]


# What robots.txt may say: the directives crawlers read, comments and blank lines.
_ROBOTS_LINE = re.compile(r"(?:(?:user-agent|allow|disallow|sitemap|crawl-delay)[ \t]*:[^\x00-\x1f\x7f]*|#.*|[ \t]*)\Z", re.I)


def check_robots(text: str) -> list[Finding]:
    """robots.txt as crawlers read it: directives only; a Sitemap is an http(s) address."""
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        field, _, value = line.partition(":")
        if not _ROBOTS_LINE.match(line) or (field.strip().lower() == "sitemap" and url_scheme(value) not in ("http", "https")):
            found.append(finding("robots", line[:40] or "\n", line=number))
    return found[:5]


# A quick look before parsing: pages without any of gate_policy.THEME_HOOKS are most pages.
# It starts with a literal "-" (case-insensitive letters after it), which the regex engine skips to:
# ten times faster than the same search with re.I.
_THEME_HOOK_HINT = re.compile(r"-(?:[mM][dD]-|[cC][lL][iI][pP][bB][oO][aA][rR][dD]-|[cC][oO][pP][yY]|[pP][rR][eE][vV][iI][eE][wW])")


def theme_hooks(content: str) -> list[Finding]:
    """The theme's script hooks set in a page's content (Markdown, snippets, attribute lists and
    what hooks add), as the HTML parser reads the content's attributes: text that only mentions
    one (in code, in a sentence) is not one."""
    if not _THEME_HOOK_HINT.search(content):
        return []
    found: list[Finding] = []
    root = LexborHTMLParser(content).root
    for node in root.traverse() if root is not None else ():
        if node.is_element_node:
            found += [finding("theme-hook", name, name=name) for name in node.attributes if name.lower().startswith(THEME_HOOKS)]
    return found[:20]


def locate(needle: str, sources: Mapping[str, str]) -> tuple[str, int] | None:
    """The first (label, line) among `sources` whose text holds `needle` (case-insensitively), as
    written or with its character references read (&#106;avascript: is where the finding's
    javascript: was written)."""
    wanted = needle.lower()
    for read in (str, html.unescape):
        for label, text in sources.items():
            seen = read(text)
            position = seen.lower().find(wanted)
            if position >= 0:
                return label, seen.count("\n", 0, position) + 1
    return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


"""What a published page may contain: the output gate's allowlist (see output_gate.py, MAINTAINERS.md).

Two parts, merged once per build:
- the theme's markup, read from the template files themselves (Material's and overrides/), so a new
  theme block or a restyled template passes without anyone editing a list here;
- what content may use: the elements and attributes that Markdown and our extensions render, listed
  here once, on purpose, as the documented content allowlist.
A few elements are dangerous even where the theme uses them (script, meta, link, form, input, base,
style); output_gate.py gives them their own rules, whatever the lists say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Markdown, tables, admonitions, details, tabbed, def lists, abbr, keys, emoji (inline SVG), images.
CONTENT_TAGS = frozenset("""
a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure
h1 h2 h3 h4 h5 h6 hr i img input ins kbd label li mark ol p picture pre q s samp small source span strong
sub summary sup table tbody td tfoot th thead time tr u ul var section aside nav header footer article
svg path g circle ellipse line polyline polygon rect title desc defs lineargradient radialgradient stop clippath
""".split())
GLOBAL_ATTRS = frozenset("id class title lang dir role hidden tabindex".split())
CONTENT_ATTRS = {
    "a": {"href", "rel", "target", "hreflang", "download", "name"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "type", "media", "sizes"},
    "abbr": set(), "time": {"datetime"}, "q": {"cite"}, "blockquote": {"cite"}, "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"}, "ol": {"start", "reversed", "type"}, "li": {"value"},
    "td": {"colspan", "rowspan", "align"}, "th": {"colspan", "rowspan", "align", "scope"}, "col": {"span"},
    "details": {"open"}, "label": {"for"}, "input": {"type", "name", "checked", "disabled"},
    "svg": {"xmlns", "viewbox", "width", "height", "fill", "aria-hidden", "focusable"},
}
# SVG drawing attributes (emoji, icons): presentation only, none takes a URL or runs code.
SVG_ATTRS = frozenset("""d fill fill-rule clip-rule stroke stroke-width stroke-linecap stroke-linejoin opacity
transform cx cy r rx ry x y x1 y1 x2 y2 points width height viewbox offset stop-color gradientunits
gradienttransform xmlns fill-opacity stroke-opacity clip-path""".split())
# Attribute names that carry a URL: their scheme is checked wherever they appear.
URL_ATTRS = frozenset("href src srcset action formaction poster cite data background ping xlink:href codebase manifest".split())
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Attributes Material's script acts on wherever they are in a page: its components
# (data-md-component="search"...), toggles and state, and copy to clipboard (any element with
# data-clipboard-text copies that text when clicked: a command of the writer's choosing). Only the
# templates write them, on the elements they write them on; content writes none (pymdownx's
# data-tabs, which only links tab labels, is not one).
THEME_HOOKS = ("data-md-", "data-clipboard-", "data-copy", "data-preview")
_NAME = re.compile(r"[a-z][a-z0-9_:.-]*\Z")
_SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=\"\{\{\s*['\"]([^'\"{}]+)['\"]\s*\|\s*url\s*\}\}")


@dataclass(frozen=True)
class Policy:
    tags: frozenset[str]
    attrs: dict[str, frozenset[str]]  # tag → allowed attributes (besides GLOBAL_ATTRS, aria-*, data-*)
    # The script files a page may load (<script src>), from the site's root: those the templates
    # name and mkdocs.yml's extra_javascript, never a file a writer adds under docs/.
    scripts: frozenset[str] = frozenset()
    site_path: str = "/"  # where the site's root is on its host (404 pages address scripts from there)

    def allows_attr(self, tag: str, name: str) -> bool:
        if name in GLOBAL_ATTRS or name.startswith("aria-"):
            return True
        if name.startswith(THEME_HOOKS):
            return name in self.attrs.get(tag, ())
        if name.startswith("data-"):  # content's own data (data-channel, data-label, data-tabs...)
            return True
        return name in self.attrs.get(tag, ()) or (tag in CONTENT_TAGS and name in SVG_ATTRS)


def template_markup(files: Iterable[Path]) -> dict[str, set[str]]:
    """Every element and attribute name the given template files write (Jinja expressions ignored)."""
    found: dict[str, set[str]] = {}
    for file in files:
        _add_markup(found, _without_jinja(file.read_text(encoding="utf-8")))
    return found


class _StartTags(HTMLParser):
    """The start tags a template writes, token by token: a template is a piece of a page (a <td> with
    no table around it), so it is read as written, not as the tree a whole page would make."""

    def __init__(self, found: dict[str, set[str]]) -> None:
        super().__init__(convert_charrefs=False)
        self.found = found

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if _NAME.match(tag):
            self.found.setdefault(tag, set()).update(name for name, _ in attrs if _NAME.match(name))


def _add_markup(found: dict[str, set[str]], text: str) -> None:
    reader = _StartTags(found)
    reader.feed(text)
    reader.close()


def _without_jinja(text: str) -> str:
    # {% if x %}hidden{% endif %} inside a tag must leave "hidden", not "{%"; comments go entirely.
    text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)
    return re.sub(r"\{%.*?%\}|\{\{.*?\}\}", " x ", text, flags=re.S)


def theme_templates(theme_dirs: Iterable[Path]) -> list[Path]:
    """The HTML templates of the theme folders, without Material's icon set (inline SVG, covered by
    the SVG lists above)."""
    return sorted(p for folder in theme_dirs for p in Path(folder).rglob("*.html") if ".icons" not in p.parts)


def build_policy(theme_dirs: Iterable[Path], extra_templates: Iterable[str] = ()) -> Policy:
    templates = theme_templates(theme_dirs)
    found = template_markup(templates)
    for text in extra_templates:  # templates held in Python strings (mkdocs-redirects)
        _add_markup(found, text)
    tags = CONTENT_TAGS | set(found)
    attrs = {tag: frozenset(found.get(tag, set()) | CONTENT_ATTRS.get(tag, set())) for tag in tags}
    return Policy(frozenset(tags), attrs, template_script_files(templates))


def template_script_files(files: Iterable[Path]) -> frozenset[str]:
    """The script files the templates load by name (<script src="{{ 'assets/...js' | url }}">, as
    Material's bundle and our 404 page's script are), by their address from the site's root."""
    return frozenset(name for file in files for name in _SCRIPT_SRC.findall(file.read_text(encoding="utf-8")))


CONTENT_POLICY = Policy(CONTENT_TAGS, {tag: frozenset(names) for tag, names in CONTENT_ATTRS.items()})

"""Markers: HTML comments such as <!-- hc:contact email --> that a build replaces with generated HTML.

They are comments so a page still reads cleanly on GitHub and wherever no hook runs. Every marker in
the hc: namespace must be known; a typo fails the build instead of leaving a silent gap in a page.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .errors import ContentError

_MARKER = re.compile(r"<!--\s*hc:(?P<name>\S*?)(?P<args>(?:\s(?:(?!-->).)*?)?)\s*-->", re.S)
# Anything a writer may have meant as a marker: "hc" then a separator and a name, in any case and
# spacing (<!-- hc-support-methods -->, <!-- hc :contact -->, <!-- HC:Support-Methods -->).
_NEAR = re.compile(r"<!--\s*hc\s*(?:[:\-_.]|\s)\s*(?P<name>[A-Za-z][\w-]*)(?P<rest>(?:(?!-->).)*?)\s*-->", re.S | re.I)
_EXACT = re.compile(r"<!--\s*hc:[a-z]")
_TOKEN = re.compile(r'\s*(?:(?P<key>[a-z][a-z_-]*)="(?P<value>[^"<>]*)"|(?P<word>[a-z0-9][a-z0-9_-]*))(?=\s|$)')


@dataclass(frozen=True)
class Marker:
    name: str
    line: int
    source: str
    words: tuple[str, ...] = ()
    options: dict[str, str] = field(default_factory=dict)


Renderer = Callable[[Marker], str]


def expand_markers(markdown: str, renderers: Mapping[str, Renderer], label: str, first_line: int = 1) -> str:
    """Replace every hc: marker with its renderer's output; `label` and `first_line` place errors."""
    _refuse_near_misses(markdown, renderers, label, first_line)

    def replace(match: re.Match[str]) -> str:
        line = first_line + markdown.count("\n", 0, match.start())
        marker = _parse(match, line, label)
        renderer = renderers.get(marker.name)
        if renderer is None:
            raise ContentError(
                f"{label}:{line}: unknown marker '{_short(marker.source)}';{_did_you_mean(marker.name, renderers)} "
                f"known markers: {', '.join('hc:' + name for name in renderers)}"
            )
        try:
            return renderer(marker)
        except ContentError as error:
            raise ContentError(f"{label}:{line}: {error} (in '{_short(marker.source)}')") from None

    return _each_marker(markdown, replace, label, first_line)


def _each_marker(markdown: str, replace: Callable[[re.Match[str]], str], label: str, first_line: int) -> str:
    """_MARKER applied to one comment at a time: linear in the page, where the pattern over the whole
    page rescanned the rest of it for every unclosed '<!-- hc:'."""
    parts, position = [], 0
    while (start := markdown.find("<!--", position)) >= 0:
        end = markdown.find("-->", start + 4)
        if end < 0:
            if _MARKER.match(markdown[start:start + 200] + " -->"):
                line = first_line + markdown.count("\n", 0, start)
                raise ContentError(f"{label}:{line}: a marker that is never closed; end it with -->")
            break
        match = _MARKER.fullmatch(markdown, start, end + 3)
        if match:
            parts += [markdown[position:start], replace(match)]
            position = end + 3
        else:
            parts.append(markdown[position:end + 3])
            position = end + 3
    return "".join(parts) + markdown[position:]


def mentions_markers(markdown: str) -> bool:
    """Whether the text has anything that is, or looks like, a marker (cheap test before expanding)."""
    return any(_NEAR.fullmatch(comment) for _, comment in _comments(markdown))


def _comments(markdown: str):
    """(offset, text) of every closed <!-- ... --> comment, left to right: linear in the page, where
    one pattern over the whole page rescanned the rest of it for every unclosed '<!-- hc'."""
    position = 0
    while (start := markdown.find("<!--", position)) >= 0:
        end = markdown.find("-->", start + 4)
        if end < 0:
            return
        yield start, markdown[start:end + 3]
        position = end + 3


def _refuse_near_misses(markdown: str, renderers: Mapping[str, Renderer], label: str, first_line: int) -> None:
    """A comment that looks like a marker but is not one would vanish from the page: an error instead."""
    for start, comment in _comments(markdown):
        match = _NEAR.fullmatch(comment)
        if not match or _EXACT.match(comment):
            continue
        line = first_line + markdown.count("\n", 0, start)
        name = match["name"].lower()
        meant = name if name in renderers else (difflib.get_close_matches(name, list(renderers), n=1, cutoff=0.5) or [name])[0]
        fixed = f"<!-- hc:{meant}{' ' + ' '.join(match['rest'].split()) if match['rest'].strip() else ''} -->"
        raise ContentError(
            f"{label}:{line}: '{_short(match[0])}' looks like a marker but is not one, so it would show nothing; "
            f"write '{_short(fixed)}' (hc, a colon, then the lowercase name, no spaces)"
        )


def _did_you_mean(name: str, renderers: Mapping[str, Renderer]) -> str:
    close = difflib.get_close_matches(name.lower(), list(renderers), n=1, cutoff=0.5)
    return f" did you mean 'hc:{close[0]}'?" if close else ""


def first_line_of(source: str, markdown: str) -> int:
    """The file line on which `markdown` (the page body handed to hooks, front matter removed) starts."""
    body = markdown.lstrip()
    position = source.find(body[:200]) if body else -1
    if position < 0:
        return 1
    return source.count("\n", 0, position) + 1 - markdown[: len(markdown) - len(body)].count("\n")


def _parse(match: re.Match[str], line: int, label: str) -> Marker:
    args, words, options, position = match["args"], [], {}, 0
    while position < len(args.rstrip()):
        token = _TOKEN.match(args, position)
        if token is None:
            raise ContentError(
                f"{label}:{line}: cannot read '{_short(args[position:].strip())}' in marker "
                f"'{_short(match[0])}'; write options as name=\"value\" (lowercase name, no quotes or < > in the value)"
            )
        if token["key"]:
            if token["key"] in options:
                raise ContentError(f"{label}:{line}: option '{token['key']}' is given twice in '{_short(match[0])}'")
            options[token["key"]] = token["value"]
        else:
            words.append(token["word"])
        position = token.end()
    return Marker(match["name"], line, match[0], tuple(words), options)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

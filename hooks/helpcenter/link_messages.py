"""MkDocs' messages about links, restated in our form: `docs/<file>:<line>: what is wrong; the fix`.

MkDocs names the page (`Doc file 'ko/support/email.md'`) but not the line, and its path lacks
`docs/`. The line is found in the page's source: the n-th link to the same address in the file is
the n-th message about it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_LINK = re.compile(r"^Doc file '(?P<src>[^']+)' contains (?:a link|an absolute link|an unrecognized relative link|a link to) "
                   r"'(?P<href>[^']*)'(?P<rest>.*)$", re.S)
_FIXES = {
    "is not found among documentation files": "fix the path (it is relative to this file, and ends in .md) or create the page",
    "does not contain an anchor": "link to a heading that exists there (its anchor is shown by the ¶ next to it), or drop the #part",
    "there is no such anchor on this page": "link to a heading that exists on this page, or drop the #part",
    "it was left as is": "link to the page's .md file, relative to this file",
    "which is excluded from the built site": "link to a page that is published",
}


def line_of_link(source: str, href: str, occurrence: int = 0) -> int:
    """The line of the `occurrence`-th (0-based) link to `href` in Markdown `source`; 1 if not found."""
    pattern = re.compile(r"(?:\]\(\s*<?|\]:\s*<?|href=[\"']|\(<)" + re.escape(href) + r"(?=[\s)>\"']|$)", re.M)
    found = [source.count("\n", 0, m.start()) + 1 for m in pattern.finditer(source)]
    if not found:
        found = [n for n, line in enumerate(source.split("\n"), start=1) if href in line]
    return found[min(occurrence, len(found) - 1)] if found else 1


class Restater:
    """Restates link messages for one build; counts repeats of the same link in the same file."""

    def __init__(self, read_source: Callable[[str], str | None]) -> None:
        self.read_source = read_source
        self.seen: dict[tuple[str, str], int] = {}

    def restate(self, message: str) -> str | None:
        """Our form of a MkDocs link message, or None for any other message."""
        match = _LINK.match(message)
        if not match:
            return None
        src, href, rest = match["src"], match["href"], match["rest"].strip(" ,.")
        occurrence = self.seen.get((src, href), 0)
        self.seen[(src, href)] = occurrence + 1
        source = self.read_source(src)
        line = line_of_link(source, href, occurrence) if source is not None else 1
        rest, _, guess = rest.partition(" Did you mean ")
        rest = re.sub(r"^(?:but|it was|which is)\s+", "", rest)
        fix = next((fix for key, fix in _FIXES.items() if key in message), "fix the link")
        if guess:
            fix = f"did you mean '{guess.strip(chr(39) + '?')}'? Otherwise {fix}"
        return f"docs/{src}:{line}: link '{href}': {rest.rstrip('.')}; {fix}"

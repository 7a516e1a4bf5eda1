"""The preview's draft mode: problems a build reports, shown in the pages they are about.

`scripts/serve` builds in draft mode: warnings do not stop the build, and each page carries a banner
listing its own problems (file:line and the fix) in the page's language (its words from
data/ui-text.yml), plus the problems that concern the whole site. A build that cannot finish is replaced by one page saying why, in every
language, so the preview answers instead of hanging. Strict builds never use any of this.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from helpcenter.errors import ContentError
from helpcenter.yamlfile import load_yaml

# Where a message says it is about: our "docs/ko/x.md:12: ..." or MkDocs' "Doc file 'ko/x.md' ...".
_OURS = re.compile(r"\bdocs/(?P<src>[^\s:'\"]+\.md)(?::(?P<line>\d+))?")
_MKDOCS = re.compile(r"\bDoc file '(?P<src>[^']+\.md)'")
START, END = "<!-- hc-draft-problems -->", "<!-- /hc-draft-problems -->"
_BLOCK = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">')
_BODY = re.compile(r"<body[^>]*>")

# The failure page's words when data/ui-text.yml, where every language's are, cannot be read: that
# file may be what stopped the build.
UNREADABLE = {"en": {"failed": "The site could not be built", "retry": "Fix the file and save it: this page updates by itself."}}


@dataclass(frozen=True)
class Problem:
    message: str
    src: str | None  # the page's path under docs/ ("ko/support/email.md"), None for the whole site


def locate(message: str) -> Problem:
    """The page a build message is about, if it names one."""
    match = _OURS.search(message) or _MKDOCS.search(message)
    return Problem(message, match["src"] if match else None)


def banner(own: list[str], site: list[str], words: dict[str, str]) -> str:
    """The banner for one page: its own problems first, then the site's, in `words` (the page's
    language's `draft` block of data/ui-text.yml); empty when there are none."""
    if not own and not site:
        return ""
    parts = [START, '<div class="admonition danger hc-draft-problems" role="alert">']
    for title, messages in ((words["page"], own), (words["site"], site)):
        if messages:
            parts.append(f'<p class="admonition-title">{html.escape(title.format(count=len(messages)))}</p>')
            parts.append("<ul>" + "".join(f"<li><code>{html.escape(m)}</code></li>" for m in messages) + "</ul>")
    parts += [f"<p>{html.escape(words['note'])}</p>", "</div>", END]
    return "".join(parts)


def failure_words(ui_text: Path, languages: list[str]) -> dict[str, dict[str, str]]:
    """Each language's `draft` words, read from data/ui-text.yml without the build (which may have
    failed on that very file); every language the file has when mkdocs.yml could not tell which;
    UNREADABLE when they cannot be had."""
    try:
        data, _ = load_yaml(ui_text, "data/ui-text.yml")
        found = {lang: data[lang]["draft"] for lang in languages or list(data)}
    except (ContentError, TypeError, KeyError):
        return UNREADABLE
    return found if found and all(isinstance(words, dict) and {"failed", "retry"} <= set(words) for words in found.values()) else UNREADABLE


def with_banner(page_html: str, banner_html: str) -> str:
    """The page with `banner_html` at the top of its content (replacing an earlier banner)."""
    page_html = _BLOCK.sub("", page_html)
    if not banner_html:
        return page_html
    anchor = _ARTICLE.search(page_html) or _BODY.search(page_html)
    if anchor is None:
        return banner_html + page_html
    return page_html[: anchor.end()] + banner_html + page_html[anchor.end():]


def failure_page(messages: list[str], words: dict[str, dict[str, str]]) -> str:
    """A whole page saying why the build failed, in every language of `words` (failure_words), the
    first one the page's; it reloads itself every 2 s."""
    items = "".join(f"<li><pre>{html.escape(m)}</pre></li>" for m in messages) or "<li>?</li>"
    sections = "".join(
        f'<section lang="{html.escape(lang)}"><h1>{html.escape(text["failed"])}</h1>'
        f"<p>{html.escape(text['retry'])}</p></section>" for lang, text in words.items()
    )
    first = next(iter(words), "en")
    return (
        '<!doctype html><html lang="{}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">'
        '<meta name="viewport" content="width=device-width,initial-scale=1"><title>{}</title>'
        "<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}}pre{{white-space:pre-wrap;"
        "background:#fdecea;border-left:4px solid #c62828;padding:.75rem}}ul{{list-style:none;padding:0}}</style>"
        "</head><body>{}<ul>{}</ul></body></html>"
    ).format(html.escape(first), html.escape((words.get(first) or UNREADABLE["en"])["failed"]), sections, items)

"""What search engines and link previews read: absolute language alternates and schema.org JSON-LD.

All generated from the site's structure and data, never written by hand in a page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .faq import Question
from .languages import language_root
from .support_data import SupportData


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str  # absolute


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def alternates(page_url: str, lang: str, default: str, languages: Sequence[str], site_url: str) -> dict[str, str]:
    """hreflang → absolute URL of this page in every language, plus x-default (the default language)."""
    path = page_url.removeprefix(language_root(lang, default))
    urls = {other: absolute(site_url, language_root(other, default) + path) for other in languages}
    return {**urls, "x-default": urls[default]}


def breadcrumb_list(crumbs: Iterable[Crumb]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": c.title, "item": c.url} for i, c in enumerate(crumbs, start=1)
        ],
    }


def faq_page(questions: Iterable[Question], lang: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": lang,
        "mainEntity": [
            {"@type": "Question", "name": q.question, "acceptedAnswer": {"@type": "Answer", "text": q.answer}}
            for q in questions
        ],
    }


CONTACT_KINDS = {"phone": "telephone", "email": "email", "url": "url", "hours": "hoursAvailable"}


def organization(data: SupportData, lang: str, name: str, site_url: str, spoken: str) -> dict | None:
    """Organization with a ContactPoint per channel that has verified facts; None when none has.
    `spoken`: the language the channels answer in, claimed for none other: the site's default language
    (mkdocs.yml's i18n settings), the one its readers and the service share."""
    points = []
    for method in data.methods:
        facts = {CONTACT_KINDS[f.kind]: f.value for f in method.contact}
        if facts:
            points.append({"@type": "ContactPoint", "contactType": method.name[lang], "availableLanguage": [spoken], **facts})
    if not points:
        return None
    return {"@context": "https://schema.org", "@type": "Organization", "name": name, "url": site_url, "contactPoint": points}


def script_json(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> block: no '<' at all, so neither '</script' nor
    '<!--' (which changes how the browser finds the end of the block) can appear in it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")

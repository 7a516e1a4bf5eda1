"""A synthetic help center of any size for the build benchmark, made from the real pages' own text.

Sentences, list items, headings and FAQ pairs are taken from docs/ko and docs/en and recombined
with a fixed seed, so the Korean reads like our Korean (what Kiwi and the checks see at scale) and
every run builds the same corpus. Each article has front matter, H2 sections with ids, paragraphs,
lists, a table, an admonition, FAQ details, links to other articles and, in some, our data markers.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from project import ROOT
from writer import set_source_revision

LANGUAGES = ("ko", "en")
# The navigation of a large help center: a tab of topics, each of collapsible groups of articles,
# so a page lists its own group's articles, not all of them (with navigation.prune).
GROUP_SIZE, GROUPS_PER_TOPIC = 25, 10
SECTION = {"ko": "도움말 문서", "en": "Articles"}
TOPIC = {"ko": "주제 {n}", "en": "Topic {n}"}
GROUP = {"ko": "문서 묶음 {n}", "en": "Collection {n}"}
FAQ = {"ko": "자주 묻는 질문", "en": "Frequently asked questions"}
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_HEADING_ID = re.compile(r"\s*\{#[^}]+\}\s*$")


@dataclass
class Pools:
    """The real pages' text, cut into the pieces an article is made of."""

    sentences: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    faq: list[tuple[str, str]] = field(default_factory=list)


def read_pools(docs: Path, lang: str) -> Pools:
    pools = Pools()
    for path in sorted((docs / lang).rglob("*.md")):
        _cut(_body(path.read_text(encoding="utf-8")), pools)
    return pools


def _body(text: str) -> list[str]:
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return [_LINK.sub(r"\1", line.rstrip()) for line in text.splitlines()]


def _cut(lines: list[str], pools: Pools) -> None:
    question, fenced = None, False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced = not fenced  # a code block's lines are examples, not prose to recombine
        elif fenced:
            continue
        elif line.startswith("## "):
            pools.headings.append(_HEADING_ID.sub("", line[3:]).strip())
        elif stripped.startswith('??? question "'):
            question = stripped[len('??? question "'):-1]
        elif question and line.startswith("    ") and stripped:
            pools.faq.append((question, stripped))
            question = None
        elif line.startswith("- ") and "<!--" not in line:
            pools.items.append(line[2:])
        elif stripped and "<!--" not in line and not re.match(r"[#!?|<>`*\d-]|```|\s", line):
            pools.sentences.extend(s for s in re.split(r"(?<=[.?!])\s+", stripped) if len(s) > 10)


def article(pools: Pools, lang: str, number: int, total: int, rng: random.Random) -> str:
    """The Markdown of article `number` (1-based) of `total`, front matter included."""
    title = f"{rng.choice(pools.headings)} {number}"[:60]
    description = _sentence_between(pools, rng, 20, 160)
    front_matter = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndescription: {json.dumps(description, ensure_ascii=False)}\n---\n"
    parts = [front_matter, f"# {title}\n", _paragraph(pools, rng)]
    for section in range(1, rng.randint(3, 5) + 1):
        parts.append(f"## {rng.choice(pools.headings)} {{#s{section}}}\n")
        parts.append(_paragraph(pools, rng))
        parts.append("\n".join(f"- {item}" for item in rng.sample(pools.items, 4)) + "\n")
        if section == 1:
            parts.append(_table(pools, rng))
        if section == 2:
            parts.append(f'!!! tip "{rng.choice(pools.headings)}"\n\n    {_paragraph(pools, rng)}')
            parts.append(_marker(lang, number))
        parts.append(_paragraph(pools, rng))
    parts.append(f"## {FAQ[lang]} {{#faq}}\n")
    for question, answer in rng.sample(pools.faq, 3):
        parts.append(f'??? question "{question}"\n\n    {answer}\n')
    others = sorted({rng.randint(1, total) for _ in range(2)} - {number})
    parts.append("\n".join(f"- [{rng.choice(pools.headings)}]({_path(other, relative_to=number)})" for other in others) + "\n")
    parts.append(f"- [{rng.choice(pools.headings)}](../../faq.md)\n")
    return "\n".join(parts)


def _paragraph(pools: Pools, rng: random.Random) -> str:
    return " ".join(rng.sample(pools.sentences, rng.randint(2, 4))) + "\n"


def _sentence_between(pools: Pools, rng: random.Random, low: int, high: int) -> str:
    return rng.choice([s for s in pools.sentences if low <= len(s) <= high and ":" not in s])


def _table(pools: Pools, rng: random.Random) -> str:
    rows = [f"| {heading} | {item} |" for heading, item in zip(rng.sample(pools.headings, 3), rng.sample(pools.items, 3))]
    return "\n".join(["| | |", "|---|---|", *rows]) + "\n"


def _marker(lang: str, number: int) -> str:
    """Every fifth article carries a data marker, as the support pages of a real help center do."""
    if number % 10 == 0:
        return "<!-- hc:support-methods -->\n"
    if number % 5 == 0:
        return "<!-- hc:contact email -->\n"
    return ""


def _path(number: int, relative_to: int | None = None) -> str:
    group = (number - 1) // GROUP_SIZE + 1
    if relative_to is None:
        return f"library/g{group:03}/a{number:05}.md"
    same = group == (relative_to - 1) // GROUP_SIZE + 1
    return f"a{number:05}.md" if same else f"../g{group:03}/a{number:05}.md"


def write(docs: Path, articles: int, seed: int = 8, sources: Path = ROOT / "docs") -> list[str]:
    """Writes `articles` articles per language under docs/<lang>/library/; returns the nav lines.

    English pages record the revision of their Korean page, as translated pages do.
    """
    pools = {lang: read_pools(sources, lang) for lang in LANGUAGES}
    for number in range(1, articles + 1):
        texts = {lang: article(pools[lang], lang, number, articles, random.Random(f"{seed}-{lang}-{number}")) for lang in LANGUAGES}
        texts["en"] = set_source_revision(texts["en"], texts["ko"])
        for lang, text in texts.items():
            path = docs / lang / _path(number)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return nav(articles)


def nav(articles: int) -> list[str]:
    """The `nav:` entries (Korean titles, two-space indented YAML lines) for the articles."""
    lines = [f"  - {SECTION['ko']}:"]
    for number in range(1, articles + 1):
        group = (number - 1) // GROUP_SIZE
        if (number - 1) % (GROUP_SIZE * GROUPS_PER_TOPIC) == 0:
            lines.append(f"      - {TOPIC['ko'].format(n=group // GROUPS_PER_TOPIC + 1)}:")
        if (number - 1) % GROUP_SIZE == 0:
            lines.append(f"          - {GROUP['ko'].format(n=group + 1)}:")
        lines.append(f"              - {_path(number)}")
    return lines


def nav_translations(articles: int) -> dict[str, str]:
    """Korean nav title → English, for the i18n plugin and the English plain build."""
    groups = (articles + GROUP_SIZE - 1) // GROUP_SIZE
    topics = (groups + GROUPS_PER_TOPIC - 1) // GROUPS_PER_TOPIC
    return {SECTION["ko"]: SECTION["en"],
            **{TOPIC["ko"].format(n=n): TOPIC["en"].format(n=n) for n in range(1, topics + 1)},
            **{GROUP["ko"].format(n=n): GROUP["en"].format(n=n) for n in range(1, groups + 1)}}

"""Load data/topics.yml and choose what an article's "still need help?" block and related links show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .datafile import load_schema, load_validated, require_languages
from .errors import ContentError, raise_problems
from .yamlfile import line_of

MAX_RELATED = 4


@dataclass(frozen=True)
class Topic:
    id: str
    channels: tuple[str, ...]
    note: dict[str, str]


@dataclass(frozen=True)
class Topics:
    default: str
    topics: dict[str, Topic]


def load_topics(path: Path, schema_path: Path, label: str, languages: list[str], channel_ids: Sequence[str]) -> Topics:
    """Read and validate the topics; unknown channels or a missing default name the line to fix."""
    schema = require_languages(load_schema(schema_path), [["$defs", "localizedText"]], languages)
    raw, tree = load_validated(path, schema, label)
    problems = [
        f"{label}:{line_of(tree, ['topics', index, 'channels', position])}: topics[{index}] ({entry['id']}): "
        f"unknown channel '{channel}'; channels in data/support-methods.yml: {', '.join(channel_ids)}"
        for index, entry in enumerate(raw["topics"])
        for position, channel in enumerate(entry["channels"])
        if channel not in channel_ids
    ]
    topics = {entry["id"]: Topic(entry["id"], tuple(entry["channels"]), entry["note"]) for entry in raw["topics"]}
    if raw["default"] not in topics:
        problems.append(f"{label}:{line_of(tree, ['default'])}: default topic '{raw['default']}' is not one of the topics: {', '.join(topics)}")
    raise_problems(problems)
    return Topics(raw["default"], topics)


def topic_of(topics: Topics, page_path: str, declared: str | None) -> Topic:
    """The page's topic: its front matter's, else its folder's, else the default. `page_path` is
    relative to the language folder (payment/errors.md). An unknown declared topic raises."""
    if declared is not None:
        if declared not in topics.topics:
            raise ContentError(f"unknown topic '{declared}'; topics in data/topics.yml: {', '.join(topics.topics)}")
        return topics.topics[declared]
    folder = page_path.rpartition("/")[0].partition("/")[0]
    return topics.topics.get(folder) or topics.topics[topics.default]


def related_paths(page_path: str, declared: Sequence[str] | None, pages: Sequence[str]) -> list[str]:
    """The related articles: the front matter's list, else the other articles of the same folder
    (in `pages` order, the section's index page last), at most MAX_RELATED."""
    if declared is not None:
        return list(declared)
    folder = page_path.rpartition("/")[0]
    siblings = [p for p in pages if p != page_path and p.rpartition("/")[0] == folder and p != "index.md"]
    siblings.sort(key=lambda p: p.endswith("/index.md"))
    return siblings[:MAX_RELATED]


def missing_related(declared: Sequence[str], exists) -> list[str]:
    """Messages for related paths with no page in this language."""
    return [f"related page '{path}' does not exist; write a path like payment/errors.md, relative to the language folder"
            for path in declared if not exists(path)]

"""Load and validate data/facts.yml: product facts with their source, kind of source and check date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .datafile import load_schema, load_validated, require_languages
from .errors import ContentError, raise_problems
from .verified import date_problem
from .yamlfile import line_of

Localized = dict[str, str]


@dataclass(frozen=True)
class Fact:
    id: str
    text: Localized
    source_url: str
    source_title: str
    kind: str
    verified: date
    line: int  # of `verified`, for the messages that ask a writer to re-check it

    @property
    def official(self) -> bool:
        return self.kind == "official"


@dataclass(frozen=True)
class FactData:
    labels: dict[str, Localized]
    count_words: dict[str, list[str]]
    facts: dict[str, Fact]

    def fact(self, fact_id: str) -> Fact:
        if fact_id not in self.facts:
            known = ", ".join(self.facts) or "none yet"
            raise ContentError(f"unknown fact '{fact_id}'; facts in data/facts.yml: {known}")
        return self.facts[fact_id]

    def count_word(self, language: str, count: int) -> str:
        words = self.count_words[language]
        if not 1 <= count <= len(words):
            raise ContentError(f"data/facts.yml has no word for {count} in count_words.{language}; add words up to {count}")
        return words[count - 1]


def load_facts(path: Path, schema_path: Path, label: str, languages: list[str]) -> FactData:
    """Read and validate the facts; a mistake raises ContentError naming the file, line, entry and field."""
    schema = require_languages(load_schema(schema_path), [["$defs", d] for d in ("localizedText", "localizedList")], languages)
    raw, tree = load_validated(path, schema, label)
    facts: dict[str, Fact] = {}
    problems = []
    for index, entry in enumerate(raw["facts"]):
        if entry["id"] in facts:
            problems.append(f"{label}:{line_of(tree, ['facts', index, 'id'])}: facts[{index}] ({entry['id']}): "
                            f"id '{entry['id']}' is used twice; ids must be unique")
        facts[entry["id"]] = _fact(entry, line_of(tree, ["facts", index, "verified"]) or 0)
    raise_problems(problems)
    return FactData(labels=raw["labels"], count_words=raw["count_words"], facts=facts)


def date_problems(data: FactData, label: str, today: date, max_age_days: int) -> list[str]:
    """Messages for facts checked longer ago than the limit, or dated after today."""
    found = (
        date_problem(f"{label}:{fact.line}: facts ({fact.id}): verified", f"the fact '{fact.id}'",
                     fact.verified, fact.source_url, today, max_age_days)
        for fact in data.facts.values()
    )
    return [message for message in found if message]


def _fact(raw: dict[str, Any], line: int) -> Fact:
    return Fact(id=raw["id"], text=raw["text"], source_url=raw["source"]["url"], source_title=raw["source"]["title"],
                kind=raw["kind"], verified=date.fromisoformat(raw["verified"]), line=line)

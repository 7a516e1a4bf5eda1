"""Load and validate data/support-methods.yml: the support channels and their contact facts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .datafile import load_schema, load_validated, require_languages
from .errors import raise_problems
from .verified import date_problem
from .yamlfile import line_of

# Columns the table can show, in their default order; the channel's name always comes first.
COLUMNS = ("best_for", "response", "strengths", "limits", "prepare")

Localized = dict[str, str]
LocalizedList = dict[str, list[str]]


@dataclass(frozen=True)
class Fact:
    kind: str
    value: str
    source: str
    verified: date
    label: Localized | None = None
    line: int = 0  # of `verified` in the data file


@dataclass(frozen=True)
class Method:
    id: str
    page: str
    name: Localized
    best_for: Localized
    response: Localized
    strengths: LocalizedList
    limits: LocalizedList
    prepare: LocalizedList
    where_to_find: Localized
    contact: tuple[Fact, ...]
    page_line: int = 0  # of `page` in the data file


@dataclass(frozen=True)
class SupportData:
    labels: dict[str, Localized]
    methods: tuple[Method, ...]

    def method(self, method_id: str) -> Method | None:
        return next((m for m in self.methods if m.id == method_id), None)

    @property
    def ids(self) -> list[str]:
        return [m.id for m in self.methods]


def load_support_data(path: Path, schema_path: Path, label: str, languages: list[str]) -> SupportData:
    """Read, validate and return the data; any mistake raises ContentError naming file, entry and field."""
    schema = require_languages(load_schema(schema_path), [["$defs", d] for d in ("localizedText", "localizedList")], languages)
    raw, tree = load_validated(path, schema, label)
    problems = _duplicate_ids(raw["methods"], tree, label)
    raise_problems(problems)
    return _build(raw, tree)


def stale_facts(data: SupportData, label: str, today: date, max_age_days: int) -> list[str]:
    """Messages for facts last checked more than `max_age_days` ago, or dated after today."""
    found = (
        date_problem(f"{label}:{fact.line}: {m.id}", f"the {fact.kind} fact '{fact.value}'",
                     fact.verified, fact.source, today, max_age_days)
        for m in data.methods
        for fact in m.contact
    )
    return [message for message in found if message]


def missing_pages(data: SupportData, label: str, language: str, exists: Callable[[str], bool]) -> list[str]:
    """Messages for channels whose `page` has no file in `language`."""
    return [
        f"{label}:{m.page_line}: methods[{index}] ({m.id}): page '{m.page}' does not exist in docs/{language}/; "
        f"fix the path or create the page"
        for index, m in enumerate(data.methods)
        if not exists(m.page)
    ]


def _duplicate_ids(methods: list[dict[str, Any]], tree: Any, label: str) -> list[str]:
    first_seen: dict[str, int] = {}
    problems = []
    for index, method in enumerate(methods):
        if method["id"] in first_seen:
            problems.append(
                f"{label}:{line_of(tree, ['methods', index, 'id'])}: methods[{index}] ({method['id']}): "
                f"id '{method['id']}' is already used by methods[{first_seen[method['id']]}]; ids must be unique"
            )
        first_seen.setdefault(method["id"], index)
    return problems


def _build(raw: dict[str, Any], tree: Any) -> SupportData:
    methods = tuple(
        Method(**{**m, "page_line": line_of(tree, ["methods", i, "page"]) or 0, "contact": tuple(
            _fact(f, line_of(tree, ["methods", i, "contact", j, "verified"]) or 0) for j, f in enumerate(m["contact"])
        )})
        for i, m in enumerate(raw["methods"])
    )
    return SupportData(labels=raw["labels"], methods=methods)


def _fact(raw: dict[str, Any], line: int) -> Fact:
    return Fact(**{**raw, "verified": date.fromisoformat(raw["verified"]), "line": line})

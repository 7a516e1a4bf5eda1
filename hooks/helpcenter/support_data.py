"""Load and validate data/support-methods.yml: the support channels and their contact facts."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema

from .errors import ContentError
from .yamlfile import line_of, load_yaml

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
    raw, tree = load_yaml(path, label)
    schema = _schema_for(json.loads(schema_path.read_text(encoding="utf-8")), languages)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = [_describe(error, raw, tree, label) for error in validator.iter_errors(raw)]
    if not problems:
        problems = _duplicate_ids(raw["methods"], tree, label)
    if problems:
        raise ContentError("\n".join(sorted(set(problems), key=_line_number)))
    return _build(raw)


def stale_facts(data: SupportData, label: str, today: date, max_age_days: int) -> list[str]:
    """Messages for facts last checked more than `max_age_days` ago."""
    return [
        f"{label}: {m.id}: the {fact.kind} fact '{fact.value}' was last verified on "
        f"{fact.verified.isoformat()}, {(today - fact.verified).days} days ago (limit {max_age_days}); "
        f"check it against '{fact.source}' and update 'verified', or remove the fact"
        for m in data.methods
        for fact in m.contact
        if (today - fact.verified).days > max_age_days
    ]


def missing_pages(data: SupportData, label: str, language: str, exists: Callable[[str], bool]) -> list[str]:
    """Messages for channels whose `page` has no file in `language`."""
    return [
        f"{label}: methods[{index}] ({m.id}): page '{m.page}' does not exist in docs/{language}/; "
        f"fix the path or create the page"
        for index, m in enumerate(data.methods)
        if not exists(m.page)
    ]


def _schema_for(schema: dict[str, Any], languages: list[str]) -> dict[str, Any]:
    # Which languages a text needs depends on mkdocs.yml, so the file schema leaves it open
    # and every configured language becomes required here.
    schema = copy.deepcopy(schema)
    for name in ("localizedText", "localizedList"):
        schema["$defs"][name]["required"] = list(languages)
        schema["$defs"][name]["propertyNames"] = {"enum": list(languages)}
    return schema


def _describe(error: jsonschema.ValidationError, raw: Any, tree: Any, label: str) -> str:
    path = list(error.absolute_path)
    line = line_of(tree, path)
    where = _where(path, raw)
    return f"{label}:{line}: {where}{_problem(error, _field(path))}"


def _where(path: list[Any], raw: Any) -> str:
    if len(path) >= 2 and path[0] == "methods" and isinstance(path[1], int):
        entry = raw["methods"][path[1]]
        name = entry.get("id") if isinstance(entry, dict) else None
        return f"methods[{path[1]}] ({name or 'no id'}): "
    return ""


def _field(path: list[Any]) -> str:
    rest = path[2:] if len(path) >= 2 and path[0] == "methods" else path
    text = ""
    for step in rest:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text.lstrip(".")


def _problem(error: jsonschema.ValidationError, field: str) -> str:
    subject = field or "the file"
    instance, kind = error.instance, error.validator
    if kind == "required":
        missing = next(key for key in error.validator_value if key not in instance)
        return f"{_join(field, missing)} is missing"
    if kind == "additionalProperties":
        unknown = sorted(set(instance) - set(error.schema.get("properties", {})))
        return f"unknown key '{unknown[0]}' in {subject}; known keys: {', '.join(error.schema['properties'])}"
    if "propertyNames" in error.schema_path:
        return f"{subject}: '{instance}' is not a site language ({', '.join(error.validator_value)})"
    if kind == "type":
        return f"{subject} must be {_type_words(error.validator_value)}, not {_type_words(type(instance).__name__)}"
    if kind == "format":
        return f"{subject} must be a real date written YYYY-MM-DD, not '{instance}'"
    if kind == "enum":
        return f"{subject} must be one of {', '.join(map(str, error.validator_value))}, not '{instance}'"
    if kind in ("minItems", "minLength"):
        return f"{subject} must not be empty"
    if kind == "pattern":
        return f"{subject} '{instance}' is not allowed: {error.schema.get('description', 'see the schema')}"
    return f"{subject}: {error.message}"


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


_TYPE_WORDS = {"object": "a block of keys", "dict": "a block of keys", "array": "a list", "list": "a list",
               "string": "a text", "str": "a text", "int": "a number", "NoneType": "empty",
               "bool": "true/false", "float": "a number"}


def _type_words(name: str | list[str]) -> str:
    names = [name] if isinstance(name, str) else name
    return " or ".join(_TYPE_WORDS.get(n, n) for n in names)


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


def _line_number(message: str) -> int:
    try:
        return int(message.split(":", 2)[1])
    except (IndexError, ValueError):
        return 0


def _build(raw: dict[str, Any]) -> SupportData:
    methods = tuple(
        Method(**{**m, "contact": tuple(_fact(f) for f in m["contact"])}) for m in raw["methods"]
    )
    return SupportData(labels=raw["labels"], methods=methods)


def _fact(raw: dict[str, Any]) -> Fact:
    return Fact(**{**raw, "verified": date.fromisoformat(raw["verified"])})

"""Page front matter: read it with line numbers and check it against data/front-matter.schema.json."""

from __future__ import annotations

import math
import re
from typing import Any

import jsonschema
import yaml

from .checks.source import FRONT_MATTER, Problem
from .translations import NEW
from .yamlfile import refuse_aliases, where

NAME = "front-matter"
DESCRIPTION = "every page starts with front matter that data/front-matter.schema.json accepts"
SEVERITY = "warning"  # fails strict builds (scripts/check, CI); the preview shows it and keeps serving
MESSAGES = {
    "aliases": "front matter is not valid YAML ({problem})",
    "yaml": "front matter is not valid YAML ({problem}); fix the block between the --- lines",
    "none": "no front matter; start the page with ---, title: ..., description: ..., ---",
    "not a mapping": "front matter must be 'key: value' lines",
    "key": "front matter key {key!r} is not a name; keys are words such as title:",
    "number": "{key}: .nan and .inf are not numbers a page can use; write a number",
    "no revision": "source_revision is missing: after translating, run scripts/mark-translated {path}",
    "new": "a new page, not yet marked as translated: once both languages are written, run scripts/mark-translated {path}",
    "revision in source": "source_revision belongs in translations only; remove it",
}
# libyaml when PyYAML has it: the pure-Python loader was a third of the checks' time.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(text: str) -> tuple[dict[str, Any] | None, dict[str, int]]:
    """The front matter (None if the page has none) and the line of each key."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, {}
    body = match["body"] or ""
    loader = _LOADER(body)
    try:
        tree = loader.get_single_node()
        refuse_aliases(tree)
        data = (loader.construct_document(tree) if tree is not None else None) or {}
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    for number, line in enumerate(body.split("\n"), start=2):
        key = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if key:
            lines.setdefault(key[1], number)
    return data, lines


def alias_problems(path: str, text: str) -> list[Problem]:
    """Aliases in front matter, found before MkDocs' own loader expands them (it has no limit)."""
    match = FRONT_MATTER.match(text)
    if not match or "*" not in (match["body"] or "") or "&" not in (match["body"] or ""):
        return []
    try:
        read(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(path, mark.line + 2 if mark else 2, NAME, MESSAGES["aliases"].format(problem=getattr(error, "problem", error)))]
    return []


def _finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(item) for item in value.values())
    if isinstance(value, list):
        return all(_finite(item) for item in value)
    return True


def check(path: str, text: str, schema: Schema, lang: str, default_lang: str) -> list[Problem]:
    """The page's front matter problems; `schema` as a dict, or compiled once by validator()."""
    try:
        data, lines = read(text)
    except yaml.MarkedYAMLError as error:
        line, problem = where(error)
        return [Problem(path, line + 2 if line is not None else 1, NAME, MESSAGES["yaml"].format(problem=problem))]
    except yaml.YAMLError as error:
        return [Problem(path, 1, NAME, MESSAGES["yaml"].format(problem=error))]
    if data is None:
        return [Problem(path, 1, NAME, MESSAGES["none"])]
    if not isinstance(data, dict):
        return [Problem(path, 2, NAME, MESSAGES["not a mapping"])]
    odd = next((key for key in data if not isinstance(key, str)), None)
    if odd is not None:
        return [Problem(path, 2, NAME, MESSAGES["key"].format(key=odd))]
    infinite = next((key for key in data if not _finite(data[key])), None)
    if infinite is not None:  # .nan passes every minimum and maximum, and is not JSON
        return [Problem(path, lines.get(infinite, 2), NAME, MESSAGES["number"].format(key=infinite))]
    problems = []
    for failure in _validator(schema).iter_errors(data):
        key = str(failure.absolute_path[0]) if failure.absolute_path else _unknown_key(failure)
        problems.append(Problem(path, lines.get(key or "", 1), NAME, _message(failure, key)))
    if lang != default_lang and "source_revision" not in data:
        problems.append(Problem(path, 2, NAME, MESSAGES["no revision"].format(path=path)))
    if lang != default_lang and data.get("source_revision") == NEW:
        problems.append(Problem(path, lines["source_revision"], NAME, MESSAGES["new"].format(path=path)))
    if lang == default_lang and "source_revision" in data:
        problems.append(Problem(path, lines["source_revision"], NAME, MESSAGES["revision in source"]))
    return problems


Schema = dict[str, Any] | jsonschema.Draft202012Validator


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """The schema compiled once, for a build's every page (hooks/content_checks.py keeps it per build)."""
    return jsonschema.Draft202012Validator(schema)


def _validator(schema: Schema) -> jsonschema.Draft202012Validator:
    return schema if isinstance(schema, jsonschema.Draft202012Validator) else validator(schema)


def _unknown_key(error: jsonschema.ValidationError) -> str | None:
    if error.validator == "additionalProperties":
        instance: Any = error.instance  # set on every error a validator yields
        schema: Any = error.schema
        return sorted(set(instance) - set(schema["properties"]))[0]
    return None


def _message(error: jsonschema.ValidationError, key: str | None) -> str:
    # Set on every error a validator yields (typed "or Unset" for errors built by hand).
    instance: Any = error.instance
    expected: Any = error.validator_value
    schema: Any = error.schema
    parent: Any = error.parent.schema if error.parent else {}
    if error.validator == "required":
        missing = next(k for k in expected if k not in instance)
        return f"{missing} is missing from the front matter"
    if error.validator == "additionalProperties":
        return f"unknown front matter key '{key}'; known keys: {', '.join(schema['properties'])}"
    hint = schema.get("description") or parent.get("description")
    value = instance if not isinstance(instance, str) or len(instance) < 40 else instance[:37] + "..."
    if error.validator == "maxLength":
        return f"{key} is {len(instance)} characters, at most {expected}: {hint}"
    if error.validator == "minLength":
        return f"{key} is too short ({len(instance)} characters, at least {expected}): {hint}"
    return f"{key} {value!r} is not allowed: {hint or error.message}"

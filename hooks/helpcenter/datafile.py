"""Read a YAML data file and check it against a JSON Schema, with messages a writer can act on.

Every message names the file and line, the entry (`methods[2] (phone)` for an item of a top-level
list, by its id) and the field, and says what is wrong: `name.en is missing`.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema

from .errors import ContentError
from .yamlfile import line_of, load_yaml


def load_validated(path: Path, schema: dict[str, Any], label: str) -> tuple[Any, Any]:
    """The file's data and its YAML node tree (for line numbers); all schema violations at once
    raise ContentError, in file order."""
    raw, tree = load_yaml(path, label)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = [describe(error, raw, tree, label) for error in validator.iter_errors(raw)]
    if problems:
        raise ContentError("\n".join(sorted(set(problems), key=_line_number)))
    return raw, tree


def describe(error: jsonschema.ValidationError, raw: Any, tree: Any, label: str) -> str:
    path = list(error.absolute_path)
    return f"{label}:{line_of(tree, path) or 1}: {entry_name(path, raw)}{_problem(error, _field(path))}"


def entry_name(path: list[Any], raw: Any) -> str:
    """`methods[2] (phone): ` for a path inside an item of a top-level list, else nothing."""
    if len(path) >= 2 and isinstance(path[1], int) and isinstance(raw, dict):
        entry = raw[path[0]][path[1]]
        name = entry.get("id") if isinstance(entry, dict) else None
        return f"{path[0]}[{path[1]}] ({name or 'no id'}): "
    return ""


def _field(path: list[Any]) -> str:
    rest = path[2:] if len(path) >= 2 and isinstance(path[1], int) else path
    text = ""
    for step in rest:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text.lstrip(".")


def _problem(error: jsonschema.ValidationError, field: str) -> str:
    subject = field or "the file"
    # Set on every error a validator yields (typed "or Unset" for errors built by hand).
    instance: Any = error.instance
    expected: Any = error.validator_value
    schema: Any = error.schema
    kind = error.validator
    if kind == "required":
        missing = next(key for key in expected if key not in instance)
        return f"{_join(field, missing)} is missing"
    if kind == "enum" and "propertyNames" in error.schema_path:
        return f"{subject}: '{instance}' is not a site language ({', '.join(expected)})"
    if kind == "additionalProperties":
        unknown = sorted(set(instance) - set(schema.get("properties", {})))
        return f"unknown key '{unknown[0]}' in {subject}; known keys: {', '.join(schema['properties'])}"
    if kind == "type":
        return f"{subject} must be {_type_words(expected)}, not {_type_words(type(instance).__name__)}"
    if kind == "format":
        return f"{subject} must be a real date written YYYY-MM-DD, not '{instance}'"
    if kind == "enum":
        return f"{subject} must be one of {', '.join(map(str, expected))}, not '{instance}'"
    if kind in ("minItems", "minLength", "minProperties"):
        return f"{subject} must not be empty"
    if kind == "pattern":
        return f"{subject} '{instance}' is not allowed: {schema.get('description', 'see the schema')}"
    return f"{subject}: {error.message}"


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


_TYPE_WORDS = {"object": "a block of keys", "dict": "a block of keys", "array": "a list", "list": "a list",
               "string": "a text", "str": "a text", "int": "a number", "NoneType": "empty",
               "bool": "true/false", "float": "a number"}


def _type_words(name: str | list[str]) -> str:
    names = [name] if isinstance(name, str) else name
    return " or ".join(_TYPE_WORDS.get(n, n) for n in names)


def _line_number(message: str) -> int:
    try:
        return int(message.split(":", 2)[1])
    except (IndexError, ValueError):
        return 0


def require_languages(schema: dict[str, Any], pointers: list[list[str]], languages: list[str]) -> dict[str, Any]:
    """A copy of `schema` in which each object at `pointers` must have exactly the site's languages.

    Which languages exist depends on mkdocs.yml, so schema files leave it open.
    """
    schema = copy.deepcopy(schema)
    for pointer in pointers:
        node = schema
        for key in pointer:
            node = node[key]
        node["required"] = list(languages)
        node["propertyNames"] = {"enum": list(languages)}
    return schema


def language_fields(schema: dict[str, Any], pointers: list[list[str]], languages: list[str], field: str) -> dict[str, Any]:
    """A copy of `schema` in which each object at `pointers` has one required field per site language,
    as the schema's `$defs/<field>` describes it, and `$defs/language` is the site's languages.

    For objects with other keys beside the languages' (a notice's id and dates); objects of only
    languages use require_languages.
    """
    schema = copy.deepcopy(schema)
    schema.setdefault("$defs", {})["language"] = {"enum": list(languages)}
    for pointer in pointers:
        node = schema
        for key in pointer:
            node = node[key]
        node.setdefault("properties", {}).update({lang: {"$ref": f"#/$defs/{field}"} for lang in languages})
        node["required"] = [*node.get("required", []), *languages]
    return schema


def load_schema(path: Path) -> dict[str, Any]:
    label = f"{path.parent.name}/{path.name}"
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(f"{label}: file not found; restore it from git") from None
    except (ValueError, UnicodeDecodeError) as error:
        line = getattr(error, "lineno", 1)
        raise ContentError(f"{label}:{line}: not valid JSON ({getattr(error, 'msg', error)}); restore it from git or fix it") from None
    if not isinstance(schema, dict):
        raise ContentError(f"{label}:1: a schema is a JSON object {{...}}; restore it from git")
    return schema

"""Strict YAML loading that can point a writer at the line of a field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

# libyaml's parser when PyYAML was built with it: several times faster than the pure-Python one.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_Base):  # type: ignore[valid-type,misc]
    """Safe loading, with dates left as strings (the schema checks them) and duplicate keys refused."""


# PyYAML turns 2026-11-24 into a date object and silently drops invalid ones into strings;
# keeping every scalar a string lets the schema's "date" format judge them all the same way.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice in the same block", key_node.start_mark
            )
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

MAX_BYTES = 1_000_000  # data files are a few KB; past this, something is wrong (and slow to load)


def refuse_aliases(node: yaml.Node | None) -> None:
    """Aliases (*name) let a few lines expand into gigabytes (a "billion laughs"): data and front
    matter never need them. The composed tree shares an aliased node, so seeing one twice is an alias."""
    seen, stack = set(), [node] if node is not None else []
    while stack:
        current = stack.pop()
        if id(current) in seen:
            raise yaml.constructor.ConstructorError(None, None, "aliases (*name) are not allowed; write the value out", current.start_mark)
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            stack += [part for pair in current.value for part in pair]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value


def load_yaml(path: Path, label: str) -> tuple[Any, yaml.Node | None]:
    """Return the data and its node tree; `label` is how messages name the file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(f"{label}: file not found; create it or fix the path") from None
    try:
        # Line ends as read_text() gives them (universal newlines), so YAML's lines are the file's.
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        bad_line = data[: error.start].count(b"\n") + 1
        raise ContentError(f"{label}:{bad_line}: not valid UTF-8 (byte {error.start}); save the file as UTF-8") from None
    if len(text) > MAX_BYTES:
        raise ContentError(f"{label}:1: is {len(text):,} characters, more than {MAX_BYTES:,}; split it")
    if text.startswith("\ufeff"):
        raise ContentError(f"{label}:1: starts with a byte-order mark; save it as UTF-8 without BOM")
    loader = _StrictLoader(text)
    try:
        tree = loader.get_single_node()
        refuse_aliases(tree)
        return (loader.construct_document(tree) if tree is not None else None), tree
    except yaml.MarkedYAMLError as error:
        line, problem = where(error)
        raise ContentError(f"{label}{f':{line + 1}' if line is not None else ''}: invalid YAML: {problem}") from None
    finally:
        loader.dispose()


def where(error: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """The 0-based line where a YAML mistake starts, and what it is.

    An unclosed quote or bracket is detected only at the end of the file (or of the next quote);
    the mistake is where it opens, which PyYAML gives as the error's context.
    """
    context, opening = error.context, error.context_mark
    if opening is not None and context and (
            "quoted scalar" in context or "flow" in context or "end of stream" in (error.problem or "")):
        what = context.removeprefix("while scanning ").removeprefix("while parsing ")
        return opening.line, f"{what} starts here and is never closed ({error.problem}); close it on this line"
    mark = error.problem_mark or error.context_mark
    return (mark.line if mark else None), str(error.problem or error.context)


def line_of(node: yaml.Node | None, path: list[str | int]) -> int | None:
    """The 1-based line of the deepest node along `path` that exists."""
    line = None
    for step in path:
        if node is None:
            break
        line = node.start_mark.line + 1
        node = _child(node, step)
    if node is not None:
        line = node.start_mark.line + 1
    return line


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((value for key, value in node.value if key.value == step), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None

"""Content checks: one rule per module, each with a name, what it is for, and messages that say how
to fix the problem. Rules read a page's Markdown source (code masked out, see source.py) and return
Problems with line numbers; hooks/content_checks.py runs them on every page of every build.
"""

from __future__ import annotations

from . import channel_count, contact_facts, fact_statements, glossary, heading_levels, image_alt, invisible_text, unsafe_html
from .source import Problem, Source

RULES = (unsafe_html, invisible_text, image_alt, heading_levels, contact_facts, fact_statements, channel_count, glossary)

__all__ = ["RULES", "Problem", "Source", "run_rules"]


def run_rules(source: Source, **context) -> list[Problem]:
    """Every rule's problems for one page, in line order."""
    problems = [p for rule in RULES for p in rule.check(source, **context)]
    return sorted(problems, key=lambda p: p.line)

"""contact-facts: phone numbers and email addresses appear only through the data file.

A number copied into a page goes stale silently; data/support-methods.yml keeps each fact once,
with its source and the date it was checked.
"""

from __future__ import annotations

import re

from .source import Problem, Source

NAME = "contact-facts"
DESCRIPTION = "phone numbers and email addresses come from data/support-methods.yml, not page text"
SEVERITY = "warning"  # fails strict builds (scripts/check, CI); the preview shows it and keeps serving
_PHONE = re.compile(
    r"(?<![\d-])(?:\+82[ -]?\d{1,2}[ -]?\d{3,4}[ -]?\d{4}|0\d{1,2}-\d{3,4}-\d{4}|1[5-9]\d{2}-\d{4}|080-\d{3,4}-\d{4})(?![\d-])"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_FIX = "contact facts live only in data/support-methods.yml: show them with <!-- hc:contact CHANNEL -->"
MESSAGES = {"phone": f"phone number '{{text}}' in a page; {_FIX}", "email": f"email address '{{text}}' in a page; {_FIX}"}


def check(source: Source, **_) -> list[Problem]:
    problems = [source.problem(number, NAME, MESSAGES["phone"].format(text=match[0])) for number, match in source.matches(_PHONE)]
    if "@" in source.prose_text:  # the address pattern is slow on long pages, and most have no @
        problems += [source.problem(number, NAME, MESSAGES["email"].format(text=match[0])) for number, match in source.matches(_EMAIL)]
    return problems

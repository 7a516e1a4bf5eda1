"""Every content rule, as GitHub Docs declares its linter rules: a name (shown in [brackets] after
each message), what it checks, its severity and its messages.

Severity: "error" stops every build, the preview's too, because MkDocs could not read or should not
publish what follows; "warning" fails strict builds (scripts/check, scripts/build, CI) after listing
every problem, while the preview shows it on the page and keeps serving.
"""

from __future__ import annotations

from types import ModuleType

from . import frontmatter, output_gate, render_budget, translations
from .checks import RULES as PAGE_RULES
from .checks import files, project_files

SEVERITIES = ("error", "warning")
# The output gate reads what the build wrote (hooks/security_headers.py), the others what writers wrote.
ALL: tuple[ModuleType, ...] = (project_files, files, frontmatter, translations, *PAGE_RULES, render_budget, output_gate)


def severity(name: str) -> str:
    """The severity of the rule called `name`; a problem of no rule here is a warning."""
    return next((rule.SEVERITY for rule in ALL if rule.NAME == name), "warning")

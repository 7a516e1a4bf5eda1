"""The redirect map in mkdocs.yml, checked before anything is written: an old address is a page
path inside the site, a target is one of our pages, and a fragment is plain anchor text.

mkdocs-redirects writes the key as a file path (a '../' key writes outside the build folder) and
prints the target into a <script> string and a <meta refresh> unescaped, so both are refused here
unless they are plain paths.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .errors import ContentError

LABEL = "mkdocs.yml: plugins: redirects: redirect_maps"
_SEGMENT = re.compile(r"[\w.-]+\Z")  # letters (any script), digits, _ . -
_FRAGMENT = re.compile(r"[\w-]*\Z")


def check_map(redirects: object) -> dict[str, str]:
    """The map as given, if every key and target is a plain page path; a ContentError otherwise."""
    if not isinstance(redirects, dict):
        raise ContentError(f"{LABEL}: must be 'old/page.md: new/page.md' lines")
    for old, new in redirects.items():
        if not isinstance(old, str) or not isinstance(new, str):
            raise ContentError(f"{LABEL}: '{old}: {new}': both sides must be page paths such as help/contact.md")
        _check_path(old, old, "old address")
        path, _, fragment = new.partition("#")
        _check_path(old, path, "target")
        if not _FRAGMENT.match(fragment):
            raise ContentError(f"{LABEL}: '{old}': the target's anchor '#{fragment}' may hold only letters, digits, - and _")
    return redirects


def _check_path(key: str, path: str, what: str) -> None:
    parts = path.split("/")
    if (not path.endswith(".md") or path.startswith("/") or ":" in path
            or any(part in ("", ".", "..") or not _SEGMENT.match(part) for part in parts)):
        raise ContentError(
            f"{LABEL}: '{key}': the {what} '{path}' must be a page path inside docs/ such as support/methods.md "
            "(no ../, no leading /, no scheme such as https:, only letters, digits, - _ . in names)"
        )


def scripts(template: str, targets: Iterable[str]) -> list[str]:
    """The inline script of every redirect page this build writes (to each of `targets`, the URLs
    its redirect pages send readers to), from the plugin's own template."""
    script = template.partition("<script>")[2].partition("</script>")[0]
    return [script.replace("{url}", url) for url in targets]

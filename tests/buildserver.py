"""What the tests' build server (tests/builds.py) does once, before it forks each build: the imports
and the work every build repeats whatever the project. A mistake here only costs time: a module
that is not imported here is imported by each build itself."""

from __future__ import annotations

import importlib

import material.extensions.emoji
import mkdocs.utils

from tests.paths import ROOT

MODULES = [
    "click", "colorama", "ctypes", "difflib", "jsonschema", "yaml", "jinja2", "babel", "selectolax.lexbor",
    "markdown", *(f"markdown.extensions.{name}" for name in ("abbr", "admonition", "attr_list", "codehilite", "def_list",
                                                               "fenced_code", "md_in_html", "tables")),
    "pygments.formatters.html", "pygments.lexers.special", "pygments.styles.default",
    *(f"pymdownx.{name}" for name in ("details", "highlight", "keys", "quotes", "saneheaders", "slugs", "smartsymbols",
                                      "snippets", "superfences", "tabbed")),
    "mkdocs.config.defaults", "mkdocs.commands.build", "mkdocs.plugins", "mkdocs.structure.files",
    "material.extensions.emoji", "mkdocs_static_i18n.plugin", "mkdocs_redirects.plugin",
    *sorted(f"helpcenter.{path.stem}" for path in (ROOT / "hooks" / "helpcenter").glob("*.py") if path.stem != "__init__"),
]


for name in MODULES:
    # As the forkserver itself does with each name it preloads: a module renamed by an upgrade costs
    # time, not a failed run.
    try:
        importlib.import_module(name)
    except ImportError:
        pass

# The installed themes and plugins, read from every package's metadata (cached by MkDocs and by
# importlib.metadata's folder listings), and the emoji index mkdocs.yml asks for (no custom icons):
# a quarter of a build that fails on its data, each.
mkdocs.utils.get_themes()
material.extensions.emoji._load_twemoji_index(())

"""How each data file is read: data/NAME.yml, validated against data/NAME.schema.json, into the
value the hooks use. BuildState.data(NAME) runs these once per build, whichever hook asks first.

A new data file gets one line here; its schema is data/NAME.schema.json, its label in messages
data/NAME.yml, and its mistakes a ContentError naming the file, line and field.
"""

from __future__ import annotations

from .buildstate import BuildState
from .datafile import load_schema, load_validated, require_languages
from .facts import load_facts
from .notices import load_notices
from .support_data import load_support_data
from .synonyms import load_synonyms
from .terms import load_glossary
from .topics import load_topics

LOADERS = {
    "support-methods": lambda state, path, schema, label: load_support_data(path, schema, label, list(state.languages)),
    "facts": lambda state, path, schema, label: load_facts(path, schema, label, list(state.languages)),
    "topics": lambda state, path, schema, label: load_topics(path, schema, label, list(state.languages),
                                                             state.data("support-methods").ids),
    "notices": lambda state, path, schema, label: load_notices(path, schema, label, list(state.languages)),
    "glossary": lambda state, path, schema, label: load_glossary(path, schema, label, list(state.languages)),
    # The interface's own words, a block per language (overrides/ reads them from config.extra).
    "ui-text": lambda state, path, schema, label: load_validated(
        path, require_languages(load_schema(schema), [[]], list(state.languages)), label)[0],
    # The glossary's pairs are synonyms across the languages (helpcenter.synonyms).
    "search-synonyms": lambda state, path, schema, label: load_synonyms(path, schema, label, list(state.languages),
                                                                        state.data("glossary")["terms"]),
}


def new_state(root, languages: list[str], default: str) -> BuildState:
    return BuildState(root, tuple(languages), default, loaders=LOADERS)

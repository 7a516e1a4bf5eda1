"""The words a language's search knows, sent to the browser on the first search (issue 12, query half).

Placeholder until the query half lands: the contract is `build_vocabulary(texts, lang, synonyms)`,
where `texts` are exactly the analysed texts the engine indexes (Korean morpheme boundaries marked
with search_records.JOINER), returning a JSON-serialisable dict that query.js reads.
"""

from __future__ import annotations


def build_vocabulary(texts: list[str], lang: str, synonyms: dict) -> dict:
    return {"lang": lang, "synonyms": synonyms}

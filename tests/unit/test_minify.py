"""Our scripts are published minified (hooks/helpcenter/minify.py): the published query analysis
reads every query exactly as the commented source does, and the reader downloads less."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml
from helpcenter import minify

from tests.unit.test_query_expand import HARNESS, NODE, vocabulary

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "docs" / "assets" / "javascripts" / "search" / "query.js"
HOSTILE = ["constructor", "__proto__", "x" * 2000, "ㅂㅁㅂㅎ", "결ㅈ", "passwrd", "a/b/c", "\\u0000", "'\"`"]


def _queries(lang: str) -> list[str]:
    """The query set's queries of `lang` with every state a reader passes through while typing them,
    and hostile input."""
    typed = [entry["q"] for entry in yaml.safe_load((ROOT / "tests" / "search" / "queries.yml").read_text(encoding="utf-8"))[lang]]
    return sorted({q[:end] for q in typed for end in range(1, len(q) + 1)} | set(HOSTILE))


def _expand(module: Path, queries: list[str], lang: str) -> list[dict]:
    payload = {"vocab": vocabulary(lang), "lang": lang, "queries": queries, "module": str(module)}
    result = subprocess.run([NODE, str(HARNESS)], input=json.dumps(payload), capture_output=True, text=True, check=True, timeout=120)
    return json.loads(result.stdout)


def test_the_published_query_analysis_reads_every_typed_state_as_the_source_does(tmp_path):
    published = tmp_path / "query.js"
    published.write_text(minify.minified(SOURCE.read_text(encoding="utf-8")), encoding="utf-8")
    for lang in ("ko", "en"):
        queries = _queries(lang)
        assert len(queries) > 100
        assert _expand(published, queries, lang) == _expand(SOURCE, queries, lang)


def test_the_published_scripts_keep_no_comments():
    for script in (ROOT / "docs" / "assets" / "javascripts").rglob("*.js"):
        source = script.read_text(encoding="utf-8")
        published = minify.minified(source)
        assert "// " not in published.replace("://", "") and len(published) < len(source), script

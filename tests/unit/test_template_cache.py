"""Compiled templates kept between builds (hooks/template_cache.py) never show an old template."""

from __future__ import annotations

import jinja2
from template_cache import TemplateCache


def render(templates, cache) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=TemplateCache(str(cache)))
    return env.get_template("page.html").render(title="결제")


def test_an_edited_template_is_compiled_again_not_taken_from_the_cache(tmp_path):
    templates, cache = tmp_path / "overrides", tmp_path / "cache"
    templates.mkdir(), cache.mkdir()
    (templates / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    assert render(templates, cache) == "<h1>결제</h1>"
    assert list(cache.iterdir()), "nothing was kept"
    (templates / "page.html").write_text("<h2>{{ title }} 안내</h2>", encoding="utf-8")
    assert render(templates, cache) == "<h2>결제 안내</h2>"

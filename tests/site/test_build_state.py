"""One build state and an explicit hook order: a running preview sees every edit between builds,
and the order of `hooks:` in mkdocs.yml changes nothing a reader receives."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from helpcenter.pagefind_index import ENGINE_DIR

from tests.conftest import build, copy_project
from tests.html import read, tree_digest

# Two builds in one Python process, as `mkdocs serve` rebuilds: the project's sources are edited
# in between (by the JSON list of [path, old, new] edits given as argv[3]).
TWO_BUILDS = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
project, sites, edits = Path(sys.argv[1]), sys.argv[2].split(","), json.loads(sys.argv[3])
for number, site in enumerate(sites):
    if number:
        for path, old, new in edits:
            file = project / path
            file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=site))
"""


def test_redirects_data_and_synonyms_edited_between_two_builds_of_one_process_all_show(tmp_path):
    project = copy_project(tmp_path / "project")
    redirects = "        contact.md: support/methods.md\n"
    assert redirects in (project / "mkdocs.yml").read_text(encoding="utf-8")
    edits = [
        ["mkdocs.yml", redirects, redirects + "        old-mail.md: support/email.md\n"],
        ["data/support-methods.yml", "en: Email support", "en: Write to us"],
        ["data/search-synonyms.yml", "\nko:\n", "\nko:\n  펭귄메일: [이메일]\n"],
    ]
    for path, old, _ in edits:
        assert old in (project / path).read_text(encoding="utf-8"), path
    sites = [tmp_path / "site-1", tmp_path / "site-2"]
    subprocess.run([sys.executable, "-c", TWO_BUILDS, str(project), ",".join(map(str, sites)), json.dumps(edits)],
                   cwd=project, check=True, capture_output=True, text=True)
    before, after = sites
    assert not (before / "old-mail").exists()
    for lang_root in ("", "en/"):
        page = (after / lang_root / "old-mail" / "index.html").read_text(encoding="utf-8")
        assert "support/email/" in page, f"/{lang_root}old-mail/ does not redirect to the email page"
    assert "Write to us" not in str(read(before, "en/support/methods/"))
    assert "Write to us" in str(read(after, "en/support/methods/"))
    vocabulary = [json.loads((site / ENGINE_DIR / "hc-vocabulary.json").read_text(encoding="utf-8")) for site in sites]
    assert "펭귄메일" not in vocabulary[0]["synonyms"] and vocabulary[1]["synonyms"]["펭귄메일"] == ["이메일"]


def _search_config(site, path: str) -> dict:
    config = read(site, path).select_one("[data-hc-search-config]")
    assert config is not None, f"/{path} has no search box"
    return json.loads(config.get_text())


def test_any_order_of_hooks_builds_the_same_site_and_each_404_searches_its_own_language(tmp_path):
    sites = {}
    for name in ("as-written", "reversed"):
        project = copy_project(tmp_path / name)
        config = (project / "mkdocs.yml").read_text(encoding="utf-8")
        block = re.search(r"\nhooks:\n((?:  (?:- .*|#.*)\n)+)", config)
        hooks = [line for line in block[1].splitlines() if line.startswith("  - ")]
        if name == "reversed":
            config = config.replace(block[0], "\nhooks:\n" + "\n".join(reversed(hooks)) + "\n")
            (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        result = build(project, tmp_path / f"site-{name}", env={"SOURCE_DATE_EPOCH": "1764000000"})
        assert result.returncode == 0, result.stdout + result.stderr
        sites[name] = tmp_path / f"site-{name}"
    for site in sites.values():
        korean, english = _search_config(site, "404.html"), _search_config(site, "en/404.html")
        assert (korean["lang"], english["lang"]) == ("ko", "en")
        assert korean["roots"][korean["lang"]] == "" and english["roots"][english["lang"]] == "en/"
        assert read(site, "404.html").find("html")["lang"] == "ko" and read(site, "en/404.html").find("html")["lang"] == "en"
    written, reordered = tree_digest(sites["as-written"]), tree_digest(sites["reversed"])
    assert sorted(written) == sorted(reordered)
    assert [path for path in written if written[path] != reordered[path]] == []

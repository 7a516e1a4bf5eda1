"""One build state: a running preview sees every edit between builds."""

from __future__ import annotations

import json
import subprocess
import sys

from helpcenter.pagefind_index import ENGINE_DIR

from tests.conftest import copy_project
from tests.html import read

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


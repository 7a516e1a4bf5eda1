"""The preview (scripts/serve, draft mode): it keeps serving whatever a writer saves, shows each
problem on its page with file and line, picks up data, new pages and redirects without a restart,
and after an edit serves exactly what a clean build makes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import urllib.request

from bs4 import BeautifulSoup
from livepreview import fetch, serving, wait_for

from tests.conftest import ROOT, build, copy_project
from tests.html import edit_file, tree_digest

LIVERELOAD = re.compile(r"<script>\s*var livereload = .*?</script>", re.S)


def problems(url: str) -> list[str]:
    return [li.get_text() for li in BeautifulSoup(fetch(url), "html.parser").select(".hc-draft-problems li")]


def test_preview_follows_every_save_and_never_stops_answering(tmp_path):
    """One preview through a writer's session (each start is a whole build): an edit, then serving
    exactly what a clean build makes; mistakes shown on their page; a broken data file; a fix and a
    change to the data; a redirect; a new page."""
    project = copy_project(tmp_path / "project")
    with serving(project, log=tmp_path / "serve.log") as base:
        assert wait_for(base + "payment/errors/", "</html>", 90), "the preview did not come up"
        edit_file(project, "docs/ko/payment/errors.md", "\n## ", "\n결제 화면을 새로 고친 뒤 다시 시도해 보세요.\n\n## ")
        assert wait_for(base + "payment/errors/", "결제 화면을 새로 고친 뒤", 120)
        clean = build(project, tmp_path / "clean", env={"SITE_URL": base})
        assert clean.returncode == 0, clean.stdout + clean.stderr
        files = [path for path in tree_digest(tmp_path / "clean") if path.endswith((".html", ".json", ".xml"))]
        assert any(path.startswith("en/") for path in files)
        for path in files:
            with urllib.request.urlopen(base + path, timeout=10) as response:
                served = LIVERELOAD.sub("", response.read().decode("utf-8"))
            assert served == (tmp_path / "clean" / path).read_text(encoding="utf-8"), f"/{path} differs from a clean build"

        edit_file(project, "docs/ko/support/email.md", "(tips.md", "(tipz.md")
        edit_file(project, "docs/en/support/phone.md", "\n## ", "\n<!-- hc-contact phone -->\n\n## ")
        assert wait_for(base + "support/email/", "hc-draft-problems", 120), "no banner on the page with the broken link"
        (link,) = [p for p in problems(base + "support/email/") if "tipz.md" in p][:1]
        line = int(re.match(r"docs/ko/support/email\.md:(\d+): link 'tipz\.md", link)[1])
        assert "tipz.md" in (project / "docs/ko/support/email.md").read_text(encoding="utf-8").splitlines()[line - 1]
        assert wait_for(base + "en/support/phone/", "hc-draft-problems", 120)
        assert any("write '<!-- hc:contact phone -->'" in p for p in problems(base + "en/support/phone/"))
        assert "1 problem(s) to fix on this page" in fetch(base + "en/support/phone/")
        assert "고칠 점" in fetch(base + "support/email/")  # the Korean page's banner is in Korean

        data = project / "data" / "support-methods.yml"
        good = data.read_text(encoding="utf-8")
        data.write_text(good.replace("  - id: email", '  - id: "email'), encoding="utf-8")
        assert wait_for(base + "support/email/", "could not be built", 120), "a build that cannot finish must say so"
        assert re.search(r"data/support-methods\.yml:\d+: invalid YAML: a quoted scalar starts here", fetch(base + "en/faq/"))
        data.write_text(good.replace("en: Email support", "en: Write to us"), encoding="utf-8")
        assert wait_for(base + "faq/", "md-content", 120), "the site did not come back once the data was fixed"
        assert wait_for(base + "en/support/methods/", "Write to us", 120), "the page did not change after the data file did"

        edit_file(project, "mkdocs.yml", "        contact.md: support/methods.md\n",
                  "        contact.md: support/methods.md\n        mail.md: support/email.md\n")
        assert wait_for(base + "en/mail/", "url=../support/email/", 120), "a redirect added while serving is not served"

        shutil.copytree(ROOT / "scripts", project / "scripts")
        subprocess.run([sys.executable, "scripts/writer.py", "new-page", "support/refunds", "--ko", "환불 문의", "--en", "Refund requests"],
                       cwd=project, check=True, capture_output=True)
        assert wait_for(base + "en/support/refunds/", "hc-draft-problems", 120), "a page made while serving is not served"
        assert any(p.startswith("docs/en/support/refunds.md:3: description 'TODO") for p in problems(base + "en/support/refunds/"))
    assert "docs/ko/support/email.md:" in (tmp_path / "serve.log").read_text(encoding="utf-8")  # and in the terminal

"""Bad input never publishes: each case breaks one thing in a copy of the real project and runs the
publishing build over a previously published site. The build must fail, say which file (and line
or field) in a writer's words, and leave the previous site exactly as it was."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from publish import publish

from tests.bad_input import output_cases
from tests.conftest import build, build_site, copy_project
from tests.html import add_phone_fact, edit_file, tree_digest
from tests.unit.test_properties import ADVERSARIAL_UNITS


def edit(path: str, old: str, new: str):
    return lambda project: edit_file(project, path, old, new)


def add_before_first_h2(path: str, text: str):
    return edit(path, "\n## ", f"\n{text}\n\n## ")


def write(path: str, content: str | bytes):
    def change(project: Path) -> None:
        file = project / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return change


def prepend_bytes(path: str, data: bytes):
    def change(project: Path) -> None:
        file = project / path
        file.write_bytes(data + file.read_bytes())
    return change


def delete(path: str):
    return lambda project: (project / path).unlink()


def symlink(path: str, target: str):
    return lambda project: (project / path).symlink_to(target)


def phone_fact(verified: str):
    return lambda project: add_phone_fact(project, verified)


def product_fact(verified: str):
    return edit("data/facts.yml", "facts: []", (
        "facts:\n  - id: tv-app\n    text: {ko: 예시입니다., en: An example.}\n"
        f"    source: {{url: 'https://example.test/a', title: Example}}\n    kind: official\n    verified: {verified}\n"))


HOSTILE_MIX = "\n\n".join(unit * (3_400 // len(unit)) for unit in ADVERSARIAL_UNITS)
PAGE = "---\ntitle: Extra\ndescription: A page that nobody added to the navigation of the site.\n{extra}---\n\n# Extra\n\nText.\n"
DATA = "data/support-methods.yml"
CASES = {
    # data files
    "data: invalid YAML": (edit(DATA, "  - id: email", "  - id: [email"), r"data/support-methods\.yml:\d+: invalid YAML"),
    "data: duplicate key": (edit(DATA, "    page: support/email.md\n", "    page: support/email.md\n    page: support/phone.md\n"), r"data/support-methods\.yml:\d+: invalid YAML: the key 'page' appears twice"),
    "data: wrong type": (edit(DATA, "      ko:\n        - 시간에 쫓기지 않고 차분하게 설명할 수 있습니다\n", "      ko: 시간에 쫓기지 않고 차분하게 설명할 수 있습니다\n      xx:\n"), r"data/support-methods\.yml:\d+: methods\[1\] \(email\): strengths\.ko must be a list, not a text"),
    "data: missing translation": (edit(DATA, "      en: Phone support\n", ""), r"data/support-methods\.yml:\d+: methods\[2\] \(phone\): name\.en is missing"),
    "data: duplicate id": (edit(DATA, "  - id: phone", "  - id: email"), r"methods\[2\] \(email\): id 'email' is already used by methods\[1\]"),
    "data: unknown key": (edit(DATA, "    page: support/phone.md\n", "    page: support/phone.md\n    hours: 9-18\n"), r"methods\[2\] \(phone\): unknown key 'hours'"),
    "data: date that is not a date": (phone_fact("2026-13-01"), r"methods\[2\] \(phone\): contact\[0\]\.verified must be a real date written YYYY-MM-DD, not '2026-13-01'"),
    "data: HTML in a value": (edit(DATA, "en: Email support", "en: <img src=x onerror=alert(1)>"), r"methods\[1\] \(email\): name\.en '<img src=x onerror=alert\(1\)>' is not allowed: One line of plain text"),
    "data: stale contact fact": (phone_fact("2020-01-01"), r"data/support-methods\.yml:\d+: phone: the phone fact '1234-5678' was last verified on 2020-01-01"),
    "data: synonyms not a list": (edit("data/search-synonyms.yml", "  비번: [비밀번호]", "  비번: 비밀번호"), r"data/search-synonyms\.yml:\d+: ko\.비번 must be a list"),
    "data: glossary term without English": (edit("data/glossary.yml", "  - {ko: 계정, en: account}", "  - {ko: 계정}"), r"data/glossary\.yml:\d+: terms\[\d+\] \(no id\): en is missing"),
    # front matter
    "front matter: invalid YAML": (edit("docs/ko/faq.md", "title: 자주 묻는 질문", "title: [자주 묻는 질문"), r"docs/ko/faq\.md:\d+: front matter is not valid YAML"),
    "front matter: wrong type": (edit("docs/en/faq.md", "title: Frequently asked questions", "title: [Frequently, asked]"), r"docs/en/faq\.md:2: title \['Frequently', 'asked'\] is not allowed"),
    "front matter: missing description": (edit("docs/ko/payment/index.md", "description:", "summary:"), r"docs/ko/payment/index\.md:\d+: (description is missing|unknown front matter key 'summary')"),
    "front matter: description too long": (edit("docs/en/payment/index.md", "description: ", "description: " + "Long " * 40), r"docs/en/payment/index\.md:3: description is \d+ characters, at most 160"),
    "front matter: HTML in the title": (edit("docs/ko/support/phone.md", "title: 전화 상담", "title: 전화 상담</title><script>alert(1)</script>"), r"docs/ko/support/phone\.md:2: title .* is not allowed: The page title"),
    # pages and translations
    "page: missing translation": (delete("docs/en/support/tips.md"), r"docs/ko/support/tips\.md:1: no en version \(docs/en/support/tips\.md\)"),
    "page: missing from the navigation": (lambda p: (write("docs/ko/extra.md", PAGE.format(extra=""))(p), write("docs/en/extra.md", PAGE.format(extra="source_revision: 000000000000\n"))(p)), r"not included in the \"nav\" configuration:\s+- ko/extra\.md"),
    "page: empty": (write("docs/ko/support/tips.md", ""), r"docs/ko/support/tips\.md:1: is empty"),
    "page: very large": (edit("docs/ko/support/tips.md", "\n## ", "\n" + "아주 긴 문단입니다. " * 20000 + "\n\n## "), r"docs/ko/support/tips\.md:1: is [\d,]+ bytes, more than 200,000; split it"),
    # Every kind of 200 KB hostile page at once (tests/unit/test_properties.py times each rule on each
    # kind alone): refused before Markdown reads it, so the build ends in seconds, not hours.
    "page: 200 KB mixing every hostile kind": (edit("docs/ko/support/tips.md", "\n## ", "\n" + HOSTILE_MIX + "\n\n## "),
                                               r"docs/ko/support/tips\.md:\d+: .*rendering this would take minutes.*\[files\]"),
    "page: non-UTF-8 bytes": (prepend_bytes("docs/ko/faq.md", b"---\ntitle: \xff\xfe\n"), r"docs/ko/faq\.md:2: byte \d+ is not UTF-8 text; save the file as UTF-8"),
    "page: byte-order mark": (prepend_bytes("docs/en/faq.md", b"\xef\xbb\xbf"), r"docs/en/faq\.md:1: starts with a byte-order mark"),
    "page: symbolic link out of docs": (symlink("docs/ko/secret.md", "/etc/hostname"), r"docs/ko/secret\.md:1: is a symbolic link \(to /etc/hostname\)"),
    "page: snippet outside its folder": (add_before_first_h2("docs/ko/support/tips.md", '--8<-- "../mkdocs.yml"'), r"docs/ko/support/tips\.md:\d+: includes the snippet \"\.\./mkdocs\.yml\", which is not a file in snippets/"),
    # markers
    "marker: unknown": (add_before_first_h2("docs/ko/support/methods.md", "<!-- hc:tabel -->"), r"docs/ko/support/methods\.md:\d+: unknown marker '<!-- hc:tabel -->'; known markers"),
    "marker: unknown channel": (add_before_first_h2("docs/en/support/phone.md", "<!-- hc:contact fax -->"), r"docs/en/support/phone\.md:\d+: unknown channel 'fax'"),
    "marker: unknown column": (add_before_first_h2("docs/ko/support/methods.md", '<!-- hc:support-methods columns="price" -->'), r"docs/ko/support/methods\.md:\d+: unknown column 'price'; known columns"),
    "marker: hostile arguments": (add_before_first_h2("docs/ko/support/methods.md", '<!-- hc:support-methods columns="<script>alert(1)</script>" -->'), r"docs/ko/support/methods\.md:\d+: cannot read .*write options as name=\"value\""),
    "marker: hostile channel": (add_before_first_h2("docs/ko/support/email.md", '<!-- hc:contact "><script>alert(1)</script> -->'), r"docs/ko/support/email\.md:\d+: cannot read"),
    # links
    "link: broken": (edit("docs/ko/support/email.md", "(tips.md", "(tipz.md"), r"docs/ko/support/email\.md:\d+: link 'tipz\.md"),
    "link: broken anchor": (edit("docs/en/support/email.md", "(tips.md#good-vs-bad)", "(tips.md#nowhere)"), r"docs/en/support/email\.md:\d+: link 'tips\.md#nowhere'.*does not contain an anchor '#nowhere'"),
    "data: verified in the future": (phone_fact("2999-01-01"), r"data/support-methods\.yml:\d+: phone: the verified date 2999-01-01 of the phone fact '1234-5678' is in the future"),
    "marker: near miss": (edit("docs/ko/support/phone.md", "\n## ", "\n<!-- hc-contact phone -->\n\n## "), r"docs/ko/support/phone\.md:\d+: '<!-- hc-contact phone -->' looks like a marker but is not one.*write '<!-- hc:contact phone -->'"),
    "link: redirect to a missing page": (edit("mkdocs.yml", "contact.md: support/methods.md", "contact.md: support/nowhere.md"), r"Redirect target 'ko/support/nowhere\.md' does not exist"),
    # unsafe and inaccessible HTML
    "html: raw script": (add_before_first_h2("docs/ko/support/tips.md", "<script>alert(1)</script>"), r"docs/ko/support/tips\.md:\d+: raw <script> in a page"),
    "html: inline event handler": (add_before_first_h2("docs/en/support/tips.md", '<p onmouseover="alert(1)">hover</p>'), r"docs/en/support/tips\.md:\d+: inline event handler 'onmouseover='"),
    "html: javascript URL": (add_before_first_h2("docs/ko/faq.md", "[여기](javascript:alert(1))"), r"docs/ko/faq\.md:\d+: 'javascript:' URL"),
    "html: iframe": (add_before_first_h2("docs/en/faq.md", '<iframe src="https://example.test"></iframe>'), r"docs/en/faq\.md:\d+: embedded <iframe>"),
    "html: image without alt text": (add_before_first_h2("docs/ko/support/email.md", "![](../assets/favicon.svg)"), r"docs/ko/support/email\.md:\d+: image without alt text"),
    "heading: skipped level": (add_before_first_h2("docs/en/support/phone.md", "#### Deep"), r"docs/en/support/phone\.md:\d+: heading level 4 after level 1 skips a level"),
    "contact fact in a page": (add_before_first_h2("docs/ko/support/phone.md", "고객센터 1588-1234로 전화하세요."), r"docs/ko/support/phone\.md:\d+: phone number '1588-1234' in a page"),
    # product facts (data/facts.yml) and what pages say without them
    "facts: stale verified date": (product_fact("2020-01-01"), r"data/facts\.yml:\d+: facts \(tv-app\): verified: the fact 'tv-app' was last verified on 2020-01-01"),
    "facts: verified date in the future": (product_fact("2999-01-01"), r"data/facts\.yml:\d+: facts \(tv-app\): verified: the verified date 2999-01-01 .* is in the future"),
    "facts: unknown fact marker": (add_before_first_h2("docs/ko/watch/devices.md", "<!-- hc:fact tv-limit -->"), r"docs/ko/watch/devices\.md:\d+: unknown fact 'tv-limit'"),
    "page: menu path": (add_before_first_h2("docs/ko/payment/methods.md", "쿠팡 앱의 마이쿠팡 > 결제수단에서 바꿉니다."), r"docs/ko/payment/methods\.md:\d+: menu path '마이쿠팡 > 결제수단[^']*' written in a page.*data/facts\.yml"),
    "page: refund deadline": (add_before_first_h2("docs/en/payment/cancel-refund.md", "You can get a refund within 7 days."), r"docs/en/payment/cancel-refund\.md:\d+: duration or deadline '7 days'"),
    "page: hand-written channel count": (add_before_first_h2("docs/ko/support/methods.md", "세 가지 창구가 있습니다."), r"docs/ko/support/methods\.md:\d+: '세 가지 창구'.*hc:channel-count"),
    "front matter: unknown topic": (edit("docs/ko/payment/cancel-refund.md", "topic: cancel-refund", "topic: refunds"), r"docs/ko/payment/cancel-refund\.md:\d+: unknown topic 'refunds'"),
    "front matter: missing related page": (edit("docs/en/watch/devices.md", "  - watch/playback.md", "  - watch/nowhere.md"), r"docs/en/watch/devices\.md:\d+: related page 'watch/nowhere\.md' does not exist"),
    # what readers receive (the output gate): constructs the source rules never see
    "output: script from a snippet": (lambda p: (write("snippets/ko/evil.md", "<script>alert(1)</script>\n")(p), add_before_first_h2("docs/ko/support/tips.md", '--8<-- "ko/evil.md"')(p)), r"snippets/ko/evil\.md:1: inline <script> that is not one of the theme's.*\[output-gate\]"),
    "output: attribute list adds onclick": (add_before_first_h2("docs/en/support/tips.md", "Hover me\n{ onclick=\"alert(1)\" }"), r"docs/en/support/tips\.md:\d+: .*onclick"),
    "output: entity-encoded javascript link": (add_before_first_h2("docs/ko/faq.md", "[x][r]\n\n[r]: &#106;avascript:alert(1)"), r"docs/ko/faq\.md:\d+: .*(javascript|'&#106;avascript)"),
    "output: base href": (add_before_first_h2("docs/ko/support/tips.md", '<base href="https://evil.test/">'), r"docs/ko/support/tips\.md:\d+: <base"),
    "output: meta refresh": (add_before_first_h2("docs/en/faq.md", '<meta http-equiv="refresh" content="0;url=https://evil.test">'), r"docs/en/faq\.md:\d+: <meta"),
    "output: form": (add_before_first_h2("docs/ko/support/email.md", '<form action="https://evil.test"><input type="password"></form>'), r"docs/ko/support/email\.md:\d+: <form"),
    "output: style element": (add_before_first_h2("docs/en/support/email.md", "<style>body{display:none}</style>"), r"docs/en/support/email\.md:\d+: <style"),
    "output: multi-line tag with a handler": (add_before_first_h2("docs/ko/support/phone.md", '<p\n  onmouseover="alert(1)">x</p>'), r"docs/ko/support/phone\.md:\d+: inline event handler"),
    "output: HTML file copied as is": (write("docs/assets/evil.html", "<script>alert(1)</script>"), r"docs/assets/evil\.html:1: '\.html' files are not published"),
    "output: SVG with a script": (write("docs/assets/evil.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), r"docs/assets/evil\.svg:1: inline <script>"),
    "output: nav label with markup": (edit("mkdocs.yml", "  - 계정:\n", "  - '<img src=x onerror=alert(1)>':\n"), r"(output-gate|not allowed)"),
    # files from outside the project
    "symlink: static file to .git/config": (symlink("docs/assets/config.css", "../../.git/config"), r"docs/assets/config\.css:1: is a symbolic link"),
    "symlink: folder to the home folder": (symlink("docs/assets/home", "/root"), r"docs/assets/home:1: is a symbolic link"),
    "symlink: snippet": (symlink("snippets/ko-link.md", "/etc/hostname"), r"snippets/ko-link\.md:1: is a symbolic link"),
    "symlink: loop": (symlink("docs/assets/loop", "loop"), r"docs/assets/loop:1: is a symbolic link"),
    # redirects
    "redirect: key with ../": (edit("mkdocs.yml", "contact.md: support/methods.md", "../../escaped.md: support/methods.md"), r"redirect_maps: '\.\./\.\./escaped\.md': the old address"),
    "redirect: target with a scheme": (edit("mkdocs.yml", "contact.md: support/methods.md", "contact.md: https://evil.test/x.md"), r"redirect_maps: 'contact\.md': the target"),
    "redirect: fragment with a quote": (edit("mkdocs.yml", "contact.md: support/methods.md", "contact.md: 'support/methods.md#\\\"+alert(1)+\\\"'"), r"the target's anchor"),
    # bounded work
    "yaml: alias bomb in data": (edit("data/search-synonyms.yml", "  비번: [비밀번호]", "  비번: &a [비밀번호, 비밀번호]\n  비번2: [*a, *a]"), r"data/search-synonyms\.yml:\d+: invalid YAML: aliases"),
    "yaml: alias bomb in front matter": (edit("docs/ko/faq.md", "title: 자주 묻는 질문", "title: 자주 묻는 질문\nx: &a [a, a, a]\ny: [*a, *a, *a]"), r"docs/ko/faq\.md:\d+: front matter is not valid YAML \(aliases"),
    # writer input that used to end in a traceback
    "front matter: template key": (edit("docs/en/faq.md", "title: Frequently asked questions", "title: Frequently asked questions\ntemplate: nowhere.html"), r"docs/en/faq\.md:\d+: template 'nowhere\.html' is not allowed"),
    "front matter: non-string key": (edit("docs/ko/faq.md", "title: 자주 묻는 질문", "title: 자주 묻는 질문\n1: x"), r"docs/ko/faq\.md:2: front matter key 1 is not a name"),
    # issue 13's second red team: what readers receive (tests/bad_input/output_cases.py)
    **output_cases.cases(write, edit, add_before_first_h2),
}


# Cases that fail late share a build: warnings a strict build collects to its end, each in a message
# of its own that names the file and line. A batch's changes are made to one copy of the project,
# published once; each case is still a test of its own, which finds its message, at WARNING or ERROR,
# in one message of that build's log, and builds alone again if another case's change hid it. A case
# that stops the build (an error raised in a page, a data file or mkdocs.yml refused before any page
# is read, the output gate's findings, raised at the end) is built alone. About 1.5 builds' time for
# a batch instead of one build per case.
SHARED = {
    "late-1": ["link: broken anchor", "html: image without alt text", "front matter: unknown topic", "front matter: missing related page",
               "page: refund deadline", "html: iframe", "front matter: invalid YAML", "output: base href", "facts: stale verified date",
               "html: inline event handler", "page: menu path", "contact fact in a page", "data: stale contact fact", "heading: skipped level",
               "link: broken"],
    "late-2": ["front matter: missing description", "front matter: description too long", "front matter: HTML in the title",
               "front matter: wrong type", "html: raw script", "html: javascript URL", "page: hand-written channel count",
               "data: verified in the future", "facts: verified date in the future", "output: style element", "output: form",
               "output: attribute list adds onclick", "output: multi-line tag with a handler", "front matter: non-string key"],
    "late-3": ["front matter: template key", "output: meta refresh", "output: entity-encoded javascript link",
               "output: reference link, mixed case with a tab reference", "page: text-direction override",
               "page: text-direction isolate as a character reference", "page: NUL byte", "page: zero-width space in a heading"],
    "late-4": ["output: script from a snippet", "output: nav label with markup", "output: a writer's script file loaded from a snippet",
               "output: the theme's search worker as a script, from a snippet", "output: referrer policy from a snippet",
               "output: stylesheet link from a snippet", "output: SVG fill from another site, CSS-escaped", "output: image srcset with a data URL",
               "output: emoji shortcode drawn from a CDN", "output: copy-to-clipboard set by an attribute list", "output: theme component from a snippet"],
    "late-5": ["marker: hostile channel", "page: missing from the navigation", "page: missing translation"],
}
BATCH_OF = {case: batch for batch, cases in SHARED.items() for case in cases}
# A message of the log: its level, then its text up to the next message (continuation lines included).
MESSAGE = re.compile(r"^(WARNING|ERROR|INFO|DEBUG) +-  (.*?)(?=^(?:WARNING|ERROR|INFO|DEBUG) +-  |\Z)", re.M | re.S)


def _build(project: Path, target: Path, log: list) -> int:
    build = build_site(project, target)
    log.append(build.log)
    return build.returncode


def test_there_are_at_least_60_cases():
    assert len(CASES) >= 60
    assert set(BATCH_OF) <= set(CASES), set(BATCH_OF) - set(CASES)


@pytest.fixture(scope="session")
def published_digest(published) -> dict[str, str]:
    """What the previous site held, file by file: each case's must be the same after its build."""
    return tree_digest(published.site)


@dataclass
class Attempt:
    project: Path
    site: Path
    code: int
    log: str


def attempt(cases: list[str], published, folder: Path) -> Attempt:
    """The cases' changes made to a copy of the previously published project, then published over a
    copy of that site. pytest-xdist's workers (scripts/test) run several cases' builds at a time."""
    project, site = copy_project(folder / "project", source=published.site.parent / "project"), folder / "site"
    shutil.copytree(published.site, site, symlinks=False)
    for case in cases:
        CASES[case][0](project)
    log: list[str] = []
    code = publish(site, lambda target: _build(project, target, log))
    return Attempt(project, site, code, log[0] if log else "")


def check(case: str, result: Attempt, published_digest: dict[str, str], shared: bool = False) -> None:
    """The build failed, said what the case expects, and left the previous site as it was."""
    project, log = result.project, result.log
    assert result.code != 0, f"{case}: the build passed"
    if shared:
        assert shared_message(case, log), f"{case}: no WARNING or ERROR message says it in:\n{log[-3000:]}"
    else:
        assert re.search(CASES[case][1], log, re.S), f"{case}: message not found in:\n{log[-3000:]}"
    assert tree_digest(result.site) == published_digest
    assert not re.search(r"^\w+ +-  hooks/", log, re.M), f"{case}: one prefix style, no logger names:\n{log[-3000:]}"
    # A link's message names the line that holds the link, as written.
    for file, line, link in re.findall(r"^WARNING -  (docs/\S+?\.md):(\d+): link '([^']+)'", log, re.M):
        assert link in (project / file).read_text(encoding="utf-8").splitlines()[int(line) - 1], f"{case}: {file}:{line}"


def shared_message(case: str, log: str) -> bool:
    """Whether one WARNING or ERROR message of the log says what the case expects (in a shared build,
    a pattern read across several messages could join two cases' words)."""
    return any(level in ("WARNING", "ERROR") and re.search(CASES[case][1], text, re.S) for level, text in MESSAGE.findall(log))


@pytest.mark.parametrize("case", [case for case in CASES if case not in BATCH_OF])
def test_bad_input_fails_clearly_and_keeps_the_previous_site(published, published_digest, case, tmp_path):
    check(case, attempt([case], published, tmp_path), published_digest)


@pytest.fixture(scope="module")
def shared_attempts(published, tmp_path_factory) -> Callable[[str], Attempt]:
    """attempt_of(batch) → the batch's build, made once (pytest-xdist runs a batch on one worker)."""
    made: dict[str, Attempt] = {}

    def attempt_of(batch: str) -> Attempt:
        if batch not in made:
            made[batch] = attempt(SHARED[batch], published, tmp_path_factory.mktemp(batch))
        return made[batch]
    return attempt_of


@pytest.mark.parametrize("case", [pytest.param(case, marks=pytest.mark.xdist_group(f"bad-input-{batch}"))
                                  for batch, cases in SHARED.items() for case in cases])
def test_bad_input_in_a_shared_build_fails_clearly_and_keeps_the_previous_site(shared_attempts, published, published_digest, case, tmp_path):
    result, shared = shared_attempts(BATCH_OF[case]), True
    if not shared_message(case, result.log):  # hidden by another case's change: on its own, as a writer would make it
        result, shared = attempt([case], published, tmp_path), False
    check(case, result, published_digest, shared)


def test_hostile_front_matter_never_reaches_the_html_unescaped(tmp_path):
    """Even in a build that is not strict (mkdocs serve), where the schema only warns."""
    project = copy_project(tmp_path / "project")
    edit("docs/ko/support/phone.md", "title: 전화 상담", 'title: 전화 상담</title><script>alert("t")</script>')(project)
    edit("docs/en/support/phone.md", "description: ", 'description: x" onmouseover="alert(1) <img src=x onerror=alert(2)> & ')(project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("strict: true", "strict: false"), encoding="utf-8")
    build(project, tmp_path / "site", strict=False, check=True)
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")]
    assert not any('<script>alert("t")' in page or 'onmouseover="alert(1)' in page or "<img src=x" in page for page in pages)
    phone = (tmp_path / "site" / "en" / "support" / "phone" / "index.html").read_text(encoding="utf-8")
    assert 'content="x&quot; onmouseover=&quot;alert(1) &lt;img src=x onerror=alert(2)&gt; &amp;' in phone


def test_a_page_of_thousands_of_empty_faq_questions_is_published_inert(tmp_path):
    """Hostile but harmless: each line is an empty question; the build ends (the FAQ scan was
    quadratic) and what it publishes passes the output gate. (3,000 such lines are refused before
    rendering by the files check on inline markup, checks/files.inline_steps.)"""
    project = copy_project(tmp_path / "project")
    add_before_first_h2("docs/ko/faq.md", '??? question "<b>x</b>"\n' * 1500)(project)
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.log[-3000:]
    assert "[output-gate]" not in result.log

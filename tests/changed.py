"""One copy of the real project with one of each ordinary change a writer or maintainer makes, for
the `changed` fixture (tests/conftest.py): a full build takes tens of seconds, so the changes that
must pass are built together once, and each test reads only what its own change shows. A change that
must fail the build needs a build of its own (tests/site/test_bad_input.py)."""

from __future__ import annotations

from pathlib import Path

from tests.html import LANGS, add_phone_fact, edit_file

# The day the notice below is active (2026-11-24): the build's SOURCE_DATE_EPOCH.
NOTICE_DAY = "1795478400"
NOTICE = ("notices:\n  - id: app-update\n    start: 2026-11-01\n    end: 2026-11-30\n    source: test\n"
          "    ko: 앱 업데이트 후 로그인이 안 되면 앱을 다시 시작해 보세요.\n    en: Restart the app if you cannot sign in after the update.\n"
          "    page: account/sign-in.md\n")
PHONE = "1234-5678"
RENAMED_EMAIL = "Email us, we read everything"
FACT = ("facts:\n  - id: tv-app\n    text: {ko: 예시 사실입니다., en: An example fact.}\n"
        "    source: {url: 'https://example.test/report', title: Example report}\n"
        "    kind: press-or-report\n    verified: 2026-11-20\n")
FOURTH = """  - id: chat
    page: support/email.md
    name: {ko: 채팅 상담, en: Chat support}
    best_for: {ko: 채팅으로 물어볼 때, en: Asking in a chat}
    response: {ko: 실시간, en: Real time}
    strengths: {ko: [바로 답을 받습니다], en: [Answers straight away]}
    limits: {ko: [상담 시간에만 됩니다], en: [Only during opening hours]}
    prepare: {ko: [계정 아이디], en: [Your account ID]}
    where_to_find: {ko: 앱의 안내를 확인하세요., en: Check the app.}
    contact: []
"""
# Every Markdown feature and extension the site enables, as a writer would use it.
ORDINARY = """
| 항목 | 값 | 비고 |
|:-----|:--:|-----:|
| 왼쪽 | 가운데 | 오른쪽 |

!!! note "참고"
    안내 문구입니다. ++ctrl+alt+del++ 을 누르세요 :material-account:

??? question "접히는 질문인가요?"
    네, 답은 여기에 있습니다. `<script>`는 코드로 보입니다.

=== "앱"
    앱에서 확인하세요.

=== "웹"
    웹에서 확인하세요.

용어
:   뜻을 설명합니다.

[계정](../account/index.md){ .md-button target="_blank" } 그리고 ![로고](../assets/favicon.svg){ width="40" loading=lazy }

```text
<b>코드 안의 태그</b>
```

*[HTML]: HyperText Markup Language
HTML 약어입니다.
"""


def apply(project: Path) -> None:
    # An active notice linking a page (test_findable, test_reader_extras).
    edit_file(project, "data/notices.yml", "notices: []", NOTICE)
    # A verified phone number: an Organization contact point (test_findable).
    add_phone_fact(project, verified="2026-11-20", value=PHONE)
    # A channel renamed in the data only (test_support_table).
    edit_file(project, "data/support-methods.yml", "en: Email support", f"en: {RENAMED_EMAIL}")
    # A fourth channel, payment recommending email only, a product fact on a page, and an official
    # site (test_next_steps).
    edit_file(project, "data/facts.yml", "facts: []\n", FACT)
    support = project / "data" / "support-methods.yml"
    support.write_text(support.read_text(encoding="utf-8") + FOURTH, encoding="utf-8")
    edit_file(project, "data/topics.yml", "  - id: payment\n    channels: [phone, email]", "  - id: payment\n    channels: [email]")
    for lang in LANGS:
        edit_file(project, f"docs/{lang}/watch/devices.md", "\n## ", "\n<!-- hc:fact tv-app -->\n\n## ")
    edit_file(project, "mkdocs.yml", "official_site: false", "official_site: true")
    # Every ordinary Markdown feature, which the output gate must let through (test_output_gate).
    edit_file(project, "docs/ko/support/tips.md", "\n## ", f"\n{ORDINARY}\n\n## ")
    # A Korean page changed after its translation: the English one shows a notice (test_writer_workflow).
    edit_file(project, "docs/ko/support/email.md", "\n## ", "\n새로 추가한 안내 문단입니다.\n\n## ")

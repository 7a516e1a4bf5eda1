"""A writer's ordinary page passes the output gate: every Markdown feature and extension the site
enables renders to markup the allowlist knows, so an ordinary pull request stays green."""

from __future__ import annotations

from tests.conftest import build_site, copy_project
from tests.html import edit_file

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


def test_every_ordinary_markdown_feature_passes_the_gate(tmp_path):
    project = copy_project(tmp_path / "project")
    edit_file(project, "docs/ko/support/tips.md", "\n## ", f"\n{ORDINARY}\n\n## ")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.log[-3000:]
    page = (tmp_path / "site" / "support" / "tips" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page and "tabbed-set" in page and "twemoji" in page


def test_a_page_the_gate_refused_is_refused_again_by_the_next_build(tmp_path):
    # Verdicts are cached per page text in .cache/: only passing ones, or a writer's second
    # `scripts/build` would publish what the first one refused.
    project = copy_project(tmp_path / "project")
    # A script from a snippet: the source rules do not see it, only the gate does.
    (project / "snippets" / "ko").mkdir(parents=True, exist_ok=True)
    (project / "snippets" / "ko" / "evil.md").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    edit_file(project, "docs/ko/support/tips.md", "\n## ", '\n--8<-- "ko/evil.md"\n\n## ')
    for attempt in ("first", "second"):
        result = build_site(project, tmp_path / f"site-{attempt}")
        assert result.returncode != 0 and "[output-gate]" in result.log, attempt

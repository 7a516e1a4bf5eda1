"""How deeply a page's elements nest, measured before the page is parsed.

An HTML parser looks through the open elements at most start and end tags (is a <p> open? a
button?), so its time grows with the square of the nesting depth: 8,000 nested <div> take Lexbor
0.13 s, 40,000 (a 200 KB page) several seconds, and a build checks thousands of pages. Browsers
cap the depth too (Chromium at 512). This reads the tags once, keeping a stack of open elements
the way tree construction does where it matters for depth, and stops as soon as the limit is passed.
"""

from __future__ import annotations

import re

# Deeper than any page of the site (see MAINTAINERS.md, "Security": the deepest real page and an
# ordinary writer's worst), well under Chromium's 512.
LIMIT = 256
# Pages of fewer tags are parsed without being measured first (however they nest, 4,000 tags take
# the parser at most about 0.05 s), and the gate's walk measures their tree; real pages have 600-1,500.
PARSE_FIRST = 4_000
_VOID = frozenset("area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr".split())
# Closed by their next sibling as often as by an end tag (<li>x<li>y): not counted, so unclosed ones
# never add up. Whatever nests inside them (a list in a list item) still counts.
_IMPLIED = frozenset("p li dt dd option optgroup tr td th tbody thead tfoot caption colgroup rb rt rp rtc".split())
# Their text is not markup: "<" inside them opens no element.
_RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes noscript".split())
_FOREIGN = frozenset({"svg", "math"})
# Inside SVG or MathML, these hold HTML again (the parser's integration points), each in its own
# namespace only (an <mi> in SVG is no integration point).
_INTEGRATION = {"svg": frozenset({"foreignobject", "desc", "title"}), "math": frozenset("mi mo mn ms mtext annotation-xml".split())}
# HTML start tags that end SVG or MathML content: the parser closes the foreign elements first.
_BREAKOUT = frozenset("""b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li
listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var""".split())
# A comment, or a tag up to its ">" ([^<>]: a tag never runs past the next "<", so a page of unclosed
# "<" is read in one pass).
# End tags that close every element opened inside them (the others, such as </b> or </form>, may
# leave those open: not closing them here only overestimates).
_CLOSES_INSIDE = frozenset("""address article aside blockquote button center details dialog dir div dl fieldset figcaption
figure footer header hgroup listing main menu nav ol pre search section summary ul table applet marquee object
h1 h2 h3 h4 h5 h6 html body""".split())
_FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
_TOKEN = re.compile(r"<(?:(!--)|(/?)([A-Za-z][^\s/<>]*)[^<>]*?(/?)>)")
_RAW_END = {name: re.compile(f"</{name}", re.I) for name in _RAW_TEXT}


def depth(text: str, limit: int = LIMIT) -> int:
    """The deepest nesting of elements in `text`, or the first depth past `limit`."""
    return deepest(text, limit)[0]


def deepest(text: str, limit: int = LIMIT) -> tuple[int, str]:
    """depth() and the start tag that reached it, as written (for finding it in the page's source)."""
    stack: list[tuple[str, str]] = []  # open elements: name, and the namespace of its children ("" for HTML)
    counts: dict[str, int] = {}
    position, deepest_depth, reached = 0, 0, ""
    while (token := _TOKEN.search(text, position)) is not None:
        position = token.end()
        comment, closing, name, self_closing = token.groups()
        if comment:
            end = text.find("-->", position)
            position = len(text) if end < 0 else end + 3
            continue
        name = name.lower()
        if closing and name in ("p", "br") and stack and stack[-1][1]:
            _leave_foreign(stack, counts)  # </p> and </br> end SVG or MathML content too
        if closing:
            # An end tag with nothing to close is ignored, as the parser does; one whose element is
            # not the innermost closes what is inside it only for block elements (formatting
            # elements and forms leave their content open).
            if counts.get(name) and (stack[-1][0] == name or name in _CLOSES_INSIDE):
                # Formatting elements closed this way are opened again at the next text (the
                # parser's active formatting elements): they stay counted.
                kept = []
                while (popped := stack.pop())[0] != name:
                    if popped[0] in _FORMATTING:
                        kept.append(popped)
                    else:
                        counts[popped[0]] -= 1
                counts[name] -= 1
                stack.extend(reversed(kept))
            continue
        namespace = stack[-1][1] if stack else ""
        if namespace and name in _BREAKOUT:
            _leave_foreign(stack, counts)
            namespace = ""
        foreign = bool(namespace)
        if name in _VOID or name in _IMPLIED or (self_closing and (foreign or name in _FOREIGN)):
            continue
        if name == "plaintext" and not foreign:
            break  # the rest of the page is text
        if name in _RAW_TEXT and not foreign:
            end_tag = _RAW_END[name].search(text, position)
            position = len(text) if end_tag is None else end_tag.end()
            continue
        if name in _FOREIGN:
            namespace = name
        elif name in _INTEGRATION.get(namespace, ()):
            namespace = ""
        stack.append((name, namespace))
        counts[name] = counts.get(name, 0) + 1
        if len(stack) > deepest_depth:
            deepest_depth, reached = len(stack), token[0]
            if deepest_depth > limit:
                break
    return deepest_depth, reached


def _leave_foreign(stack: list[tuple[str, str]], counts: dict[str, int]) -> None:
    """Close the open SVG or MathML elements, as the parser does at an HTML tag that ends them."""
    while stack and stack[-1][1]:
        counts[stack.pop()[0]] -= 1

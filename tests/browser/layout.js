// What a reader sees, measured in the page: used by tests/browser/test_layout.py.
// Every function returns a list of problems, each naming the element and what is wrong.
window.hcLayout = (function () {
  var HANGUL_RUN = /[\uAC00-\uD7A3]{2,}/g;

  function describe(element) {
    var text = (element.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return element.tagName.toLowerCase() + (element.className && typeof element.className === "string" ? "." + element.className.trim().split(/\s+/).join(".") : "") + (text ? " \"" + text + "\"" : "");
  }

  // Laid out and shown: not display:none, invisible, transparent or inside something [hidden]
  // (the theme fades some controls out instead of removing them: the back-to-top button).
  function visible(element) {
    var style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.display === "none" || style.opacity === "0") return false;
    if (element.closest("[hidden]")) return false;
    var rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  }

  // A run of Hangul syllables laid out on more than one line, although it would fit on one: a word
  // broken inside (헬/프, 재설/정). Ranges over the element's text nodes, so a word split across
  // inline elements counts too; text in different blocks (list items, cells) never joins.
  function brokenHangulWords(selector) {
    var problems = [];
    document.querySelectorAll(selector).forEach(function (element) {
      if (!visible(element)) return;
      var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      var nodes = [], text = "", node, previousBlock = null;
      while ((node = walker.nextNode())) {
        var block = blockOf(node);
        if (previousBlock && block !== previousBlock) text += "\n";
        previousBlock = block;
        nodes.push([node, text.length]);
        text += node.data;
      }
      var width = element.getBoundingClientRect().width;
      var match;
      HANGUL_RUN.lastIndex = 0;
      while ((match = HANGUL_RUN.exec(text))) {
        var range = document.createRange();
        var start = locate(nodes, match.index), end = locate(nodes, match.index + match[0].length);
        range.setStart(start[0], start[1]);
        range.setEnd(end[0], end[1]);
        var rects = Array.prototype.filter.call(range.getClientRects(), function (r) { return r.width > 0; });
        if (rects.length < 2) continue;
        var lines = new Set(rects.map(function (r) { return Math.round(r.bottom); }));
        var wordWidth = rects.reduce(function (sum, r) { return sum + r.width; }, 0);
        if (lines.size > 1 && wordWidth < width) problems.push(match[0] + " broken inside " + describe(element));
      }
    });
    return problems;
  }

  function blockOf(node) {
    for (var e = node.parentElement; e; e = e.parentElement) {
      if (getComputedStyle(e).display !== "inline") return e;
    }
    return null;
  }

  function locate(nodes, offset) {
    for (var i = nodes.length - 1; i >= 0; i--) {
      if (offset >= nodes[i][1]) return [nodes[i][0], Math.min(offset - nodes[i][1], nodes[i][0].data.length)];
    }
    return [nodes[0][0], 0];
  }

  // Anything drawn past the right or left edge of the screen, except inside a box that scrolls on
  // purpose (code blocks, wide tables) and the theme's off-screen drawer and search overlay.
  function overflowing() {
    var width = document.documentElement.clientWidth, problems = [];
    document.querySelectorAll("body *").forEach(function (element) {
      if (element.closest(".md-sidebar, .md-search, .md-tooltip, .md-dialog, .md-skip, [hidden]")) return;
      if (!visible(element) || insideScroller(element)) return;
      var rect = element.getBoundingClientRect();
      if (rect.width <= 1 && rect.height <= 1) return;  // visually hidden (screen-reader text)
      if (rect.right > width + 1 || rect.left < -1) problems.push(describe(element) + " spans " + Math.round(rect.left) + "–" + Math.round(rect.right) + " px of " + width);
    });
    return problems;
  }

  function insideScroller(element) {
    for (var parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      var overflow = getComputedStyle(parent).overflowX;
      if (overflow === "auto" || overflow === "scroll" || overflow === "hidden") return true;
    }
    return false;
  }

  // Controls a reader taps: at least 44 × 44 CSS px (links inside running text are exempt).
  function smallTargets(selector, minimum) {
    var problems = [];
    document.querySelectorAll(selector).forEach(function (element) {
      // The closed drawer and search overlay are laid out off-screen; they are checked open elsewhere.
      if (element.closest(".md-sidebar, .md-search__inner") || !visible(element)) return;
      var rect = element.getBoundingClientRect();
      if (rect.height < minimum - 0.5 || rect.width < minimum - 0.5) problems.push(describe(element) + " is " + Math.round(rect.width) + "×" + Math.round(rect.height) + " px");
    });
    return problems;
  }

  function parse(colour) {
    var m = colour.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    var parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
  }

  function luminance(c) {
    var channel = function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  }

  function background(element) {
    var layers = [];
    for (var e = element; e; e = e.parentElement) {
      var c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    var result = {r: 255, g: 255, b: 255};
    layers.reverse().forEach(function (c) {
      result = {r: c.r * c.a + result.r * (1 - c.a), g: c.g * c.a + result.g * (1 - c.a), b: c.b * c.a + result.b * (1 - c.a)};
    });
    return result;
  }

  // Text (or, for an SVG, its fill) against the background actually behind it.
  function contrast(selector, minimum) {
    var problems = [];
    document.querySelectorAll(selector).forEach(function (element) {
      if (!visible(element)) return;
      var style = getComputedStyle(element);
      var fg = parse(element instanceof SVGElement ? style.fill : style.color);
      if (!fg) return;
      var bg = background(element);
      var l1 = luminance(fg), l2 = luminance(bg);
      var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      if (ratio < minimum) problems.push(describe(element) + " has contrast " + ratio.toFixed(2) + ":1");
    });
    return problems;
  }

  return {brokenHangulWords: brokenHangulWords, overflowing: overflowing, smallTargets: smallTargets, contrast: contrast};
})();

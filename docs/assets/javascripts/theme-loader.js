// Material's script (its ~114 KB bundle) starts after the page's first paint instead of at the end
// of parsing. Run there, it was one long task on a phone: the bundle's evaluation plus the first
// layout of the whole page, which its components force by measuring the header and content
// (Lighthouse: 100-260 ms of Total Blocking Time). After the paint, the page is laid out already and
// the bundle runs in a task of its own. Until it runs, everything a reader reaches works without it:
// links, the navigation drawer and search box (checkboxes), FAQ answers (<details>), our search
// (search.js). What it would change late in what is painted first is done here, before the paint:
// the "js" class the theme's stylesheet reads, and the colour palette (MAINTAINERS.md, "Design").
(function () {
  "use strict";
  var loader = document.currentScript;
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  showPalette();

  // The palette the reader chose before (the theme keeps it in localStorage, and its inline script
  // has applied its colours already), else the first whose media query matches, as the bundle picks
  // it; "(prefers-color-scheme)" follows the system's light or dark setting. Only that palette's
  // toggle button is shown.
  function showPalette() {
    var inputs = Array.prototype.slice.call(document.querySelectorAll("input[name=__palette]"));
    if (!inputs.length) return;
    var saved = window.__md_get ? window.__md_get("__palette") : null;
    var index = saved && typeof saved.index === "number" ? saved.index
      : inputs.findIndex(function (input) { return matchMedia(input.getAttribute("data-md-color-media")).matches; });
    index = Math.max(0, Math.min(index, inputs.length - 1));
    inputs.forEach(function (input, i) {
      if (input.nextElementSibling instanceof HTMLElement) input.nextElementSibling.hidden = i !== index;
    });
    if (saved) return;
    var chosen = inputs[index], colours = chosen;
    if (chosen.getAttribute("data-md-color-media") === "(prefers-color-scheme)") {
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      colours = document.querySelector("[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']") || chosen;
    }
    document.body.setAttribute("data-md-color-media", chosen.getAttribute("data-md-color-media"));
    ["scheme", "primary", "accent"].forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, colours.getAttribute("data-md-color-" + key));
    });
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    var bundle = document.createElement("script");
    bundle.src = loader.getAttribute("data-hc-theme-script");
    // The bundle starts its components on DOMContentLoaded, which has passed by now; it is handed
    // the document as its instant navigation does after loading a page, in a task of its own (the
    // bundle's evaluation and its components' start are each a long task on a phone; one after the
    // other they were one longer task). Should the bundle run before that event after all, the
    // event starts it.
    bundle.onload = function () {
      setTimeout(function () {
        if (document.readyState !== "loading" && window.document$) window.document$.next(document);
        root.setAttribute("data-hc-theme", "started");
      }, 0);
    };
    document.body.appendChild(bundle);
  }
  // After the next frame is painted; a tab in the background paints no frame, so a timer too.
  requestAnimationFrame(function () { setTimeout(start, 0); });
  setTimeout(start, 1000);
})();

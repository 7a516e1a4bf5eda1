// The home page's search box is a label for Material's search toggle. A label neither reacts to
// the keyboard nor moves focus into the search field, so both are done here.
(function () {
  function openSearch(event) {
    var target = event.target instanceof Element && event.target.closest("[data-hc-open-search]");
    if (!target) return;
    if (event.type === "keydown") {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      target.click();
      return;
    }
    window.setTimeout(function () {
      var input = document.querySelector("input.md-search__input");
      if (input) input.focus();
    }, 50);
  }
  document.addEventListener("click", openSearch);
  document.addEventListener("keydown", openSearch);
})();

// "Was this page helpful? Yes": a thank-you, nothing sent anywhere (no analytics on this site).
document.addEventListener("click", function (event) {
  var yes = event.target instanceof Element && event.target.closest("[data-hc-feedback-yes]");
  if (!yes) return;
  var box = yes.closest(".hc-feedback");
  box.querySelector(".hc-feedback__answers").hidden = true;
  box.querySelector(".hc-feedback__thanks").hidden = false;
});

// The theme's search dialog has no accessible name (axe and Lighthouse: "ARIA dialog elements must
// have accessible names"); it takes the name of its own search field, in the page's language.
(function () {
  var dialog = document.querySelector(".md-search[role=dialog]");
  var input = document.querySelector(".md-search__input[aria-label]");
  if (dialog && input && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
})();

// "No > report": the public report link carries the page (already in its href, from the template)
// and, as the reader types, their words; nothing else from the page or the browser.
document.addEventListener("input", function (event) {
  var words = event.target instanceof HTMLTextAreaElement && event.target.closest("[data-hc-feedback-words]");
  if (!words) return;
  var link = words.closest(".hc-feedback__report").querySelector("[data-hc-feedback-report]");
  var url = new URL(link.href);
  var page = (link.dataset.hcPageLine = link.dataset.hcPageLine || url.searchParams.get("body"));
  url.searchParams.set("body", page + words.value);
  link.href = url.toString();
});

// The palette switch (overrides/partials/palette.html): Material's behaviour without its start-up
// cost. The theme's own component marked the whole page as switching, set the palette again and
// read the header's computed colour as it started, three restyles of the page in the task
// Lighthouse counts as blocking; here an attribute is written only when its value changes, and the
// header's colour is read once the page has been styled. The choice is stored as the theme stores
// it, so its inline script in the header applies it before the next page's first paint.
(function () {
  var box = document.querySelector("[data-hc-palette]");
  if (!box || typeof __md_get !== "function") return;
  var inputs = Array.prototype.slice.call(box.querySelectorAll("input[name=__palette]"));
  var light = matchMedia("(prefers-color-scheme: light)");
  var stored = __md_get("__palette");
  var index = stored && typeof stored.index === "number" ? stored.index : inputs.findIndex(function (input) {
    return matchMedia(input.getAttribute("data-md-color-media")).matches;
  });
  index = Math.max(0, Math.min(index, inputs.length - 1));
  var themeColour, colourScheme;

  // The browser's own parts (address bar, scroll bars) in the header's colour and the page's scheme.
  // The color-scheme tag is left out while it would say "light", the default: adding it restyles
  // the whole page.
  function metaTags() {
    var style = getComputedStyle(document.querySelector("[data-md-component=header]"));
    themeColour = themeColour || document.head.appendChild(Object.assign(document.createElement("meta"), { name: "theme-color" }));
    themeColour.content = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3).map(function (value) {
      return (+value).toString(16).padStart(2, "0");
    }).join("");
    if (colourScheme || style.colorScheme !== "light") {
      colourScheme = colourScheme || document.head.appendChild(Object.assign(document.createElement("meta"), { name: "color-scheme" }));
      colourScheme.content = style.colorScheme;
    }
  }

  function colours(input) {
    var media = input.getAttribute("data-md-color-media");
    var source = media !== "(prefers-color-scheme)" ? input : box.querySelector(light.matches
      ? "[data-md-color-media='(prefers-color-scheme: light)']" : "[data-md-color-media='(prefers-color-scheme: dark)']");
    return {
      media: media,
      scheme: source.getAttribute("data-md-color-scheme"),
      primary: source.getAttribute("data-md-color-primary"),
      accent: source.getAttribute("data-md-color-accent")
    };
  }

  function apply(switching) {
    var color = colours(inputs[index]);
    var body = document.body;
    var changed = Object.keys(color).filter(function (key) { return body.getAttribute("data-md-color-" + key) !== color[key]; });
    // No transitions while the colours change (the theme's stylesheet reads this attribute).
    if (switching && changed.length) body.setAttribute("data-md-color-switching", "");
    changed.forEach(function (key) { body.setAttribute("data-md-color-" + key, color[key]); });
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label instanceof HTMLElement) label.hidden = i !== index;
    });
    __md_set("__palette", { index: index, color: color });
    // Once the browser is idle the page has been styled: reading the header's colour costs nothing then.
    (window.requestIdleCallback || setTimeout)(function () {
      body.removeAttribute("data-md-color-switching");
      metaTags();
    });
  }

  box.addEventListener("change", function (event) {
    index = inputs.indexOf(event.target);
    apply(true);
  });
  // Enter on the focused switch moves to the next palette, as in the theme.
  box.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var next = inputs[(index + 1) % inputs.length];
    next.click();
    next.focus();
  });
  // The automatic palette follows the system's setting when it changes.
  light.addEventListener("change", function () { apply(true); });
  apply(false);
})();

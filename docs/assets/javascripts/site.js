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

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

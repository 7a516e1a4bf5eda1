// The home page's search box is a label for Material's search toggle; labels do not react to
// the keyboard, so Enter and Space open the search here too.
document.addEventListener("keydown", function (event) {
  var target = event.target;
  if (!(target instanceof Element) || !target.hasAttribute("data-hc-open-search")) return;
  if (event.key !== "Enter" && event.key !== " ") return;
  event.preventDefault();
  target.click();
});

// The root 404.html holds every language's text (overrides/404.html); show the one whose folder
// the missing address is in. The site's own path comes from this script's address, so it works at
// a domain's root and under a project path (GitHub Pages) alike. An external file, not an inline
// script: the Content-Security-Policy allows no inline script it has not hashed.
(function () {
  var script = document.currentScript;
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.hc-404[data-hc-root]"));
  if (!script || sections.length < 2) return;
  var base = new URL("../../", script.src).pathname;
  var path = decodeURI(window.location.pathname);
  var here = path.indexOf(base) === 0 ? path.slice(base.length) : path.replace(/^\//, "");
  // The language whose folder is the longest prefix of the address; the default language's is "".
  var best = null;
  sections.forEach(function (section) {
    var root = section.getAttribute("data-hc-root");
    if (here.indexOf(root) === 0 && (!best || root.length > best.getAttribute("data-hc-root").length)) best = section;
  });
  if (!best) return;
  sections.forEach(function (section) { section.hidden = section !== best; });
  var lang = best.getAttribute("lang");
  document.documentElement.lang = lang;
  document.title = best.querySelector("h1").textContent + " - " + best.getAttribute("data-hc-site");
  document.querySelectorAll(".md-header__topic:first-child .md-ellipsis").forEach(function (title) {
    title.textContent = best.getAttribute("data-hc-site");
  });
})();

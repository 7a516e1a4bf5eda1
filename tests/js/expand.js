// Runs HCQuery.expand in node for the Python tests and scripts: reads {vocab, lang, queries} as
// JSON on stdin, writes one expansion per query as JSON on stdout. `module` (optional) names another
// copy of query.js to run, such as the minified one the site publishes. With `titles` instead of
// `queries`, writes what each title means in readers' words (HCQuery.meanings).
"use strict";
const path = require("path");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { vocab, lang, queries, titles, module, ready } = JSON.parse(input);
  const query = require(module || path.join(__dirname, "..", "..", "docs", "assets", "javascripts", "search", "query.js"));
  if (ready) query.ready(vocab, lang);
  const out = titles ? titles.map((t) => query.meanings(t, vocab)) : queries.map((q) => query.expand(q, vocab, lang));
  process.stdout.write(JSON.stringify(out));
});

// Runs HCQuery.expand in node for the Python tests and scripts: reads {vocab, lang, queries} as
// JSON on stdin, writes one expansion per query as JSON on stdout. `module` (optional) names another
// copy of query.js to run, such as the minified one the site publishes.
"use strict";
const path = require("path");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { vocab, lang, queries, module } = JSON.parse(input);
  const { expand } = require(module || path.join(__dirname, "..", "..", "docs", "assets", "javascripts", "search", "query.js"));
  process.stdout.write(JSON.stringify(queries.map((q) => expand(q, vocab, lang))));
});

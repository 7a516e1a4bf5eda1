// Runs HCQuery.expand in node for the Python tests and scripts: reads {vocab, lang, queries} as
// JSON on stdin, writes one expansion per query as JSON on stdout.
"use strict";
const path = require("path");
const { expand } = require(path.join(__dirname, "..", "..", "docs", "assets", "javascripts", "search", "query.js"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { vocab, lang, queries } = JSON.parse(input);
  process.stdout.write(JSON.stringify(queries.map((q) => expand(q, vocab, lang))));
});

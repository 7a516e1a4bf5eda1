// Pagefind, run in a worker of search.js's own, so that each engine query reaches the page as its
// first records only. Pagefind's own worker answered the page with every record that matched (2,000+
// for a common word at 1,000 articles, each with all its word locations); copying them into the page
// and wrapping each took a phone about 40 ms a keystroke (CPU 4x), for the ten the list shows.
// Pagefind runs in the thread that loads it when that thread has no window: it starts no worker
// of its own here.
"use strict";

var pagefind = null;
// The records of the latest engine queries, by query and id, for their texts: search.js asks for a
// record's text by its id and the query that found it, and keeps as many queries (ANSWERS).
var found = new Map();
var QUERIES = 40;

function remember(text, results) {
  var byId = new Map();
  results.forEach(function (result) { byId.set(result.id, result); });
  found.delete(text);
  found.set(text, byId);
  if (found.size > QUERIES) found.delete(found.keys().next().value);
}

function search(text, keep) {
  return pagefind.search(text).then(function (answer) {
    var results = ((answer && answer.results) || []).slice(0, keep);
    remember(text, results);
    return results.map(function (result) {
      return { id: result.id, words: result.words || [], titled: (result.matchedMetaFields || []).indexOf("title") >= 0 };
    });
  });
}

// A record's text: only what search.js reads of it. A query forgotten here (search.js may keep a
// query a little longer) is searched again, which finds the same records.
function data(id, text, keep) {
  var known = found.get(text);
  var ready = known && known.has(id) ? Promise.resolve(known) : search(text, keep).then(function () { return found.get(text); });
  return ready.then(function (byId) {
    var result = byId && byId.get(id);
    if (!result) throw new Error("no such record");
    return result.data();
  }).then(function (record) {
    // Composed here, off the page's thread: the index holds Hangul decomposed (pagefind_index), two
    // or three characters a syllable, so the page copied and recomposed each record's whole text.
    return { meta: record.meta, content: String(record.content || "").normalize("NFC"), anchors: record.anchors };
  });
}

var operations = {
  init: function (args) {
    return import(args.engine).then(function (module) {
      pagefind = module;
      return pagefind.options(args.options);
    }).then(function () { return pagefind.init(); });
  },
  search: function (args) { return search(args.text, args.keep); },
  // Several records' texts, each answered on its own: one record gone does not fail the others.
  data: function (args) {
    return Promise.all((args.records || []).map(function (record) {
      return data(record.id, record.text, args.keep).then(function (value) {
        return { value: value };
      }, function (error) {
        return { error: String((error && error.message) || error) };
      });
    }));
  },
  preload: function (args) { return pagefind.preload(args.text); },
};

self.addEventListener("message", function (event) {
  var call = event.data || {};
  var operation = Object.prototype.hasOwnProperty.call(operations, call.op) ? operations[call.op] : null;
  Promise.resolve().then(function () {
    if (!operation) throw new Error("unknown operation");
    return operation(call.args || {});
  }).then(function (value) {
    self.postMessage({ id: call.id, value: value === undefined ? null : value });
  }, function (error) {
    self.postMessage({ id: call.id, error: String((error && error.message) || error) });
  });
});

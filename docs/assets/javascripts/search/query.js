// Placeholder until the query half of issue 12 lands: the query as typed, every word unknown to
// the engine (known: true), so only the engine's results decide what is shown. Contract: HCQuery.expand(raw, vocab, lang) → {query, words: [{typed, matched, known}], foreign}.
(function () {
  "use strict";
  function expand(raw, vocab, lang) {
    var words = String(raw).trim().split(/\s+/).filter(Boolean).map(function (typed) {
      return { typed: typed, matched: [typed], known: true };
    });
    var latin = /[a-z]/i.test(raw), hangul = /[\uac00-\ud7a3\u3131-\u318e]/.test(raw);
    return { query: String(raw).trim(), words: words, foreign: lang === "ko" ? latin && !hangul : hangul };
  }
  window.HCQuery = { expand: expand };
})();

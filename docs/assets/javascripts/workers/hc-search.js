// Material's search worker, with queries prepared the way the index was (hooks/language_search.py).
//
// The Korean index splits words at morpheme boundaries ("결제가" is indexed as "결제" + "가"). A query
// gets the same treatment here: each run of Hangul is cut into the longest words the index (and the
// synonym list) knows, so "비밀번호재설정" searches "비밀번호 재설정"; particles and endings cut off a
// word are dropped ("결제가" searches "결제"). Words from data/search-synonyms.yml are added ("비번"
// also searches "비밀번호"). Material's worker is loaded unchanged; only its messages are rewritten.
(function () {
  "use strict";
  var HANGUL_RUN = /[\uac00-\ud7a3]+/g;
  var HAS_HANGUL = /[\uac00-\ud7a3]/;
  var LONGEST_WORD = 12;
  var vocabulary = new Set();
  var functionWords = new Set();
  var synonyms = {};

  var materialListener = null;
  var addEventListener = self.addEventListener;
  self.addEventListener = function (type, listener, options) {
    if (type === "message" && materialListener === null) {
      materialListener = listener;
      return;
    }
    addEventListener.call(self, type, listener, options);
  };
  importScripts(new URL(self.location.href).searchParams.get("material"));
  self.addEventListener = addEventListener;

  function learn(index) {
    var separator = new RegExp(index.config.separator, "u");
    synonyms = index.config.synonyms || {};
    functionWords = new Set(index.config.function_words || []);
    vocabulary = new Set(Object.keys(synonyms));
    index.docs.forEach(function (doc) {
      (doc.title + " " + doc.text).toLowerCase().split(separator).forEach(function (word) {
        (word.match(HANGUL_RUN) || []).forEach(function (run) { vocabulary.add(run); });
      });
    });
  }

  // Fewest unknown characters first, then fewest pieces: known words are kept whole.
  function split(run, wholeAllowed) {
    var best = [{ unknown: 0, pieces: 0, from: -1 }];
    for (var end = 1; end <= run.length; end++) {
      best[end] = null;
      for (var start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
        var known = vocabulary.has(run.slice(start, end)) && (wholeAllowed || end - start < run.length);
        if (!known && end - start > 1) continue;
        var candidate = { unknown: best[start].unknown + (known ? 0 : 1), pieces: best[start].pieces + 1, from: start };
        var current = best[end];
        if (!current || candidate.unknown < current.unknown ||
            (candidate.unknown === current.unknown && candidate.pieces < current.pieces)) {
          best[end] = candidate;
        }
      }
    }
    var pieces = [];
    for (var at = run.length; at > 0; at = best[at].from) pieces.unshift(run.slice(best[at].from, at));
    return { pieces: pieces, unknown: best[run.length].unknown };
  }

  // The analyzer does not always cut a compound the same way ("고객지원" in one sentence, "고객" +
  // "지원" in another), so a known compound also searches its known parts.
  function segment(run) {
    var pieces = split(run, true).pieces;
    var topical = pieces.filter(function (piece) { return !functionWords.has(piece); });
    var words = topical.length ? topical : pieces;
    var parts = [];
    words.forEach(function (word) {
      var alternative = word.length > 2 ? split(word, false) : null;
      if (alternative && alternative.unknown === 0) parts = parts.concat(alternative.pieces);
    });
    return { words: words, parts: parts };
  }

  // The reader's own words weigh more than words added for them (synonyms, parts of compounds,
  // stems); lunr boosts are whole numbers, so the added words keep weight 1 and the typed ones get 4.
  // Material appends "*" (a prefix match) to every term without a boost, so the boost also decides
  // the matching: a typed word keeps its prefix match ("비밀" finds "비밀번호") except a one-syllable
  // Korean piece such as "안" or "요", which must match exactly or it finds every "안내" and "요청",
  // unless it ends a query still being typed.
  var TYPED = "^4";

  function weigh(words, typing) {
    return words.map(function (word, i) {
      var last = typing && i === words.length - 1;
      if (/[*~^:+\-]/.test(word)) return word;
      if (word.length === 1 && HAS_HANGUL.test(word) && !last) return word + "^1";
      return word + "*" + TYPED;
    });
  }

  function isStopWord(word) {
    return /^[a-z]+$/.test(word) && self.lunr.stopWordFilter && !self.lunr.stopWordFilter(new self.lunr.Token(word));
  }

  function stem(word) {
    return /^[a-z]{4,}$/.test(word) && self.lunr.stemmer ? self.lunr.stemmer(new self.lunr.Token(word)).toString() : word;
  }

  function addTo(list, word) {
    if (list.indexOf(word) < 0) list.push(word);
  }

  function prepare(query) {
    var typing = !/\s$/.test(query);
    var typed = [];
    var parts = [];
    query.trim().toLowerCase().split(/\s+/).filter(Boolean).forEach(function (word) {
      var segmented = word.replace(HANGUL_RUN, function (run) {
        var result = segment(run);
        parts = parts.concat(result.parts);
        return " " + result.words.join(" ") + " ";
      });
      segmented.trim().split(/\s+/).filter(Boolean).forEach(function (piece) { typed.push(piece); });
    });
    // With Material's "*", a stop word such as "in" or "to" would match every "information" and "today".
    var topical = typed.filter(function (word) { return !isStopWord(word); });
    var words = topical.length ? topical : typed;
    // What the reader meant, at full weight: the words, their synonyms, and their English stems
    // (Material's "*" makes lunr skip its stemmer, so "tips*" would miss the indexed stem "tip").
    var meant = words.slice();
    words.forEach(function (word) {
      // Own keys only: "constructor" or "__proto__" typed by a reader are words, not Object's members.
      (Object.prototype.hasOwnProperty.call(synonyms, word) ? synonyms[word] : []).forEach(function (phrase) {
        phrase.toLowerCase().split(/\s+/).forEach(function (w) { addTo(meant, w); });
      });
      if (stem(word) !== word) addTo(meant, stem(word));
    });
    var fallback = parts.filter(function (w, i) { return meant.indexOf(w) < 0 && parts.indexOf(w) === i; });
    return weigh(meant, typing && meant.length === words.length).concat(fallback).join(" ");
  }

  addEventListener.call(self, "message", function (event) {
    var message = event.data;
    if (message && message.type === 0) learn(message.data);
    if (message && message.type === 2 && typeof message.data === "string") {
      message = { type: 2, data: prepare(message.data) };
    }
    materialListener({ data: message });
  });
})();

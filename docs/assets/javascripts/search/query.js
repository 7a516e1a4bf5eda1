// What the reader meant, from what they typed: HCQuery.expand(raw, vocab, lang).
//
// Readers type Korean as a phone keyboard shows it mid-word (결ㅈ, 로긍, 빔), as initial consonants
// only (ㅂㅁㅂㅎ), without spaces (비밀번호재설정), with particles and endings (결제가 왜 안 되죠),
// one or two keystrokes off (결졔, 환뷸, passwrd), as loanwords (페이먼트) or in the other language.
// The search engine only matches whole words and their prefixes, so each typed word is turned here
// into the words the pages use, from the vocabulary that hooks/helpcenter/search_vocab.py builds
// from the same analysed texts the engine indexes (words ranked by frequency, synonyms, particles
// and endings, words that carry no topic). Pure and synchronous; never throws; no build step.
//
// How, in short (MAINTAINERS.md, "Search: query analysis", says more):
// - each run of Hangul is a list of elements: a syllable, or a lone consonant that stands for any
//   syllable starting with it; the last syllable typed may still grow (빔 → 비 + ㅁ…, 메 → 멜);
// - a run is cut into vocabulary words by the cheapest path (known words cheap, particles only
//   after a word, single unknown syllables dear), so an unknown word stays one unknown word;
// - what is left unknown is compared with the vocabulary in keystrokes on the 2-beolsik (Korean)
//   and QWERTY keyboards, where a shift slip or a neighbouring key costs less than any other key.
(function (root) {
  "use strict";

  var SYLLABLE_FIRST = 0xac00;
  var SYLLABLE_LAST = 0xd7a3;
  var INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
  var MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
  var FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";
  // A compound vowel or final consonant is typed as two keys; while typing, the first may still
  // become the compound (고 → 과, 갈 → 갉).
  var COMPOUNDS = {
    "ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ", "ㅟ": "ㅜㅣ", "ㅢ": "ㅡㅣ",
    "ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ",
    "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ"
  };
  // The QWERTY key of each jamo on the standard 2-beolsik keyboard (upper case: with shift).
  var KEYS = {
    "ㅂ": "q", "ㅈ": "w", "ㄷ": "e", "ㄱ": "r", "ㅅ": "t", "ㅛ": "y", "ㅕ": "u", "ㅑ": "i", "ㅐ": "o",
    "ㅔ": "p", "ㅁ": "a", "ㄴ": "s", "ㅇ": "d", "ㄹ": "f", "ㅎ": "g", "ㅗ": "h", "ㅓ": "j", "ㅏ": "k",
    "ㅣ": "l", "ㅋ": "z", "ㅌ": "x", "ㅊ": "c", "ㅍ": "v", "ㅠ": "b", "ㅜ": "n", "ㅡ": "m",
    "ㅃ": "Q", "ㅉ": "W", "ㄸ": "E", "ㄲ": "R", "ㅆ": "T", "ㅒ": "O", "ㅖ": "P"
  };
  var ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
  var ROW_OFFSET = [0, 0.25, 0.75];

  var NEGATIONS = ["안", "못"];
  var MAX_TOKENS = 24;       // a 2,000-character paste is cut, not analysed to the end
  var MAX_ELEMENTS = 32;     // per run of Hangul; the rest of a longer run is one unknown word
  var LONGEST_WORD = 12;     // syllables
  var POSSESSIVES = new Set(["my", "your", "his", "her", "our", "their"]); // whose phone: "on her phone"
  var ALTERNATIVES = 3;      // matched terms kept per word

  // Costs of the cheapest cut (lower is better). A known word costs 1 whatever its length, so
  // fewer, longer words win; a particle only after something; an unknown syllable costs most.
  var COST = {
    word: 1, particle: 0.5, stop: 1, single: 3, prefix: 1.5, prefixInside: 2.5,
    guess: 0.25, pending: 0.2, rare: 0.2, unknown: 6
  };

  // How much of a word is the analysis's guess rather than what was typed: a word completed from a
  // keystroke state or initial consonants, one key off, or a key added or left out (`guess` on a
  // word; none when typed as the pages spell it).
  var GUESS = { completed: 1, typo: 2, loose: 3 };
  // How much a guessed word counts as not found, for "most of the query's words are unknown".
  var DOUBT = [0, 0.5, 0.5, 1];

  var prepared = typeof WeakMap === "function" ? new WeakMap() : null;

  // ---------------------------------------------------------------- Hangul

  function isSyllable(code) {
    return code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST;
  }

  function parts(ch) {
    var code = ch.charCodeAt(0) - SYLLABLE_FIRST;
    return { l: Math.floor(code / 588), v: Math.floor((code % 588) / 28), t: code % 28 };
  }

  function compose(l, v, t) {
    return String.fromCharCode(SYLLABLE_FIRST + l * 588 + v * 28 + t);
  }

  function initialOf(ch) {
    var code = ch.charCodeAt(0);
    if (isSyllable(code)) return INITIALS.charAt(parts(ch).l);
    return INITIALS.indexOf(ch) >= 0 ? ch : "";
  }

  // Initial consonants as readers type them without shift: ㄲ ㄸ ㅃ ㅆ ㅉ as ㄱ ㄷ ㅂ ㅅ ㅈ (ㅂㄱㄱ for
  // 바꾸기). Words are looked up by these plain initials.
  var PLAIN = { "ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ" };

  function plain(initial) {
    return PLAIN[initial] || initial;
  }

  function initials(word) {
    var out = "";
    for (var i = 0; i < word.length; i++) out += plain(initialOf(word.charAt(i)));
    return out;
  }

  function isHangulChar(ch) {
    var code = ch.charCodeAt(0);
    return isSyllable(code) || (code >= 0x3131 && code <= 0x3163);
  }

  function jamoKeys(jamo) {
    var split = COMPOUNDS[jamo] || jamo;
    var out = "";
    for (var i = 0; i < split.length; i++) out += KEYS[split.charAt(i)] || "";
    return out;
  }

  // The keys of each initial, medial and final, by its index in a syllable.
  var INITIAL_KEYS = INITIALS.split("").map(jamoKeys);
  var MEDIAL_KEYS = MEDIALS.split("").map(jamoKeys);
  var FINAL_KEYS = FINALS.split("").map(jamoKeys);

  // The keys a reader presses for a word: 결제 → "rufwp"; Latin letters are their own keys.
  function keystrokes(word) {
    var out = "";
    for (var i = 0; i < word.length; i++) {
      var code = word.charCodeAt(i) - SYLLABLE_FIRST;
      if (code >= 0 && code <= SYLLABLE_LAST - SYLLABLE_FIRST) {
        out += INITIAL_KEYS[(code / 588) | 0] + MEDIAL_KEYS[((code % 588) / 28) | 0] + FINAL_KEYS[code % 28];
      } else {
        var ch = word.charAt(i);
        out += KEYS[ch] || COMPOUNDS[ch] ? jamoKeys(ch) : ch;
      }
    }
    return out;
  }

  // What slipping from one key onto another costs, by lower-case key code: a shift slip (ㅔ/ㅖ, s/S)
  // half a key, a neighbouring key one, any other key two (as much as leaving one out and adding
  // another).
  var NEIGHBOURS = new Uint8Array(128 * 128);
  (function () {
    var place = {};
    ROWS.forEach(function (row, r) {
      for (var c = 0; c < row.length; c++) place[row.charCodeAt(c)] = [r, c + ROW_OFFSET[r]];
    });
    Object.keys(place).forEach(function (a) {
      Object.keys(place).forEach(function (b) {
        var pa = place[a];
        var pb = place[b];
        if (a !== b && Math.abs(pa[0] - pb[0]) <= 1 && Math.abs(pa[1] - pb[1]) <= 1) NEIGHBOURS[a * 128 + Number(b)] = 1;
      });
    });
  })();

  // On the phone keypad many Koreans type on (천지인) two consonants share a key, a tap apart:
  // ㅇ/ㅁ, ㄱ/ㅋ, ㅅ/ㅎ, ㅈ/ㅊ, ㄷ/ㅌ, ㅂ/ㅍ (도욤 for 도용); and a vowel is built of strokes (ㅣ, ㆍ, ㅡ), so
  // one stroke more or less is another vowel: ㅣ/ㅓ, ㅡ/ㅗ, ㅓ/ㅔ (해컹 for 해킹), the others of that kind
  // being neighbouring keys already. In a short Hangul word (one slip allowed) such a slip costs
  // what a neighbouring key's does; here by the keys of the two-set keyboard words are spelt in.
  // Not ㄴ/ㄹ, which share a key too: as a last consonant they are two endings of one verb (바뀐,
  // 바뀔), which the verb's stem reads.
  var KEYPAD = new Uint8Array(NEIGHBOURS);
  ["da", "rz", "tg", "wc", "ex", "qv", "lj", "mh", "jp"].forEach(function (pair) {
    var a = pair.charCodeAt(0);
    var b = pair.charCodeAt(1);
    KEYPAD[a * 128 + b] = KEYPAD[b * 128 + a] = 1;
  });

  function lower(code) {
    return code >= 65 && code <= 90 ? code + 32 : code;
  }

  function substitution(a, b, near) {
    if (a === b) return 0;
    var la = lower(a);
    var lb = lower(b);
    if (la === lb) return 0.5;
    return la < 128 && lb < 128 && near[la * 128 + lb] ? 1 : 2;
  }

  var LONGEST_KEYS = 48;
  var rows = [new Float64Array(LONGEST_KEYS + 1), new Float64Array(LONGEST_KEYS + 1), new Float64Array(LONGEST_KEYS + 1)];

  // Keystroke distance with transpositions, giving up once it exceeds `limit`. A key left out or
  // added costs `gap` (1 unless given); `near`, the keys one slip apart (NEIGHBOURS unless given).
  function distance(a, b, limit, gap, near) {
    gap = gap || 1;
    near = near || NEIGHBOURS;
    if (Math.abs(a.length - b.length) * gap > limit) return limit + 1;
    if (a.length > LONGEST_KEYS || b.length > LONGEST_KEYS) return limit + 1;
    var before = rows[0];
    var previous = rows[1];
    var current = rows[2];
    for (var j = 0; j <= b.length; j++) previous[j] = j * gap;
    for (var i = 1; i <= a.length; i++) {
      current[0] = i * gap;
      var rowMin = current[0];
      var ai = a.charCodeAt(i - 1);
      for (j = 1; j <= b.length; j++) {
        var bj = b.charCodeAt(j - 1);
        var cost = Math.min(previous[j] + gap, current[j - 1] + gap, previous[j - 1] + substitution(ai, bj, near));
        if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) cost = Math.min(cost, before[j - 2] + 1);
        current[j] = cost;
        if (cost < rowMin) rowMin = cost;
      }
      if (rowMin > limit) return limit + 1;
      var spare = before;
      before = previous;
      previous = current;
      current = spare;
    }
    return previous[b.length];
  }

  // ---------------------------------------------------------------- vocabulary

  // A list's Hangul entries, in order, and its Latin ones as a set.
  function byScript(value) {
    var out = { hangul: [], latin: new Set() };
    splitList(value).forEach(function (word) {
      if (/[\uac00-\ud7a3]/.test(word)) out.hangul.push(word);
      else out.latin.add(word);
    });
    return out;
  }

  function splitList(value) {
    if (Array.isArray(value)) return value.filter(function (w) { return typeof w === "string" && w; });
    return typeof value === "string" ? value.split(/\s+/).filter(Boolean) : [];
  }

  function byMeaning(keys, synonyms, rank) {
    function use(key) {
      var ranks = (synonyms.get(key) || []).map(function (w) { return rank.has(w) ? rank.get(w) : Infinity; });
      return Math.min.apply(null, ranks.concat([Infinity]));
    }
    return keys.map(function (key, i) { return { key: key, use: use(key), at: i }; })
      .sort(function (a, b) { return a.use - b.use || a.at - b.at; })
      .map(function (entry) { return entry.key; });
  }

  function prepare(vocab) {
    if (vocab === null || typeof vocab !== "object") vocab = {};
    var cached = prepared && prepared.get(vocab);
    if (cached) return cached;
    var words = splitList(vocab.words).map(function (w) { return w.toLowerCase(); });
    var synonyms = new Map();
    var phrases = []; // a question's words ("어디 문의"), and the pages' words that answer it
    var rawSynonyms = vocab.synonyms !== null && typeof vocab.synonyms === "object" ? vocab.synonyms : {};
    Object.keys(rawSynonyms).forEach(function (key) {
      var values = splitList(rawSynonyms[key]).map(function (v) { return v.toLowerCase(); });
      var asked = key.toLowerCase().split(" ").filter(Boolean);
      if (values.length && asked.length > 1) phrases.push({ words: asked, values: values });
      else if (values.length) synonyms.set(key.toLowerCase(), values);
    });
    var rank = new Map();
    words.forEach(function (w, i) { if (!rank.has(w)) rank.set(w, i); });
    // What readers type (the synonyms' keys) and what it means (their values): the topics readers
    // have in mind, which initial consonants most likely stand for.
    var readerWords = new Set();
    synonyms.forEach(function (values, key) {
      readerWords.add(key);
      values.forEach(function (value) { value.split(" ").forEach(function (w) { readerWords.add(w); }); });
    });
    // The synonyms' keys a title may say (meanings): two syllables or three letters and more.
    var titleKeys = [];
    synonyms.forEach(function (_, key) {
      var hangul = /^[\uac00-\ud7a3]+$/.test(key);
      if (hangul ? key.length > 1 : /^[a-z0-9']{3,}$/.test(key)) titleKeys.push({ word: key, hangul: hangul });
    });
    var particles = new Set(splitList(vocab.particles));
    var weak = new Set(splitList(vocab.weak));
    var actions = new Set(splitList(vocab.actions));
    // The help desk's names and their words, as the analysis may cut them (고객 센터: 고객, 센터).
    var helpDesk = new Set();
    splitList(vocab.helpdesk).forEach(function (name) {
      name = name.toLowerCase();
      name.split(" ").concat([name]).forEach(function (w) { helpDesk.add(w); });
    });
    var stop = new Set(splitList(vocab.stop));
    var service = new Set(splitList(vocab.service));
    var outside = splitList(vocab.outside);
    var features = splitList(vocab.features);
    // Hangul faults start a word (안나와요), Latin ones are whole words (not); so do the words that
    // say something works (멀쩡한데, fine).
    var faults = byScript(vocab.faults);
    // Words a Hangul run can be cut into: the pages' words, the synonyms' keys, particles, stop words.
    var hangul = [];
    var seen = new Set();
    function addHangul(w) {
      if (!seen.has(w) && /^[\uac00-\ud7a3]+$/.test(w) && w.length <= LONGEST_WORD) {
        seen.add(w);
        hangul.push(w);
      }
    }
    words.forEach(addHangul);
    particles.forEach(addHangul);
    // Words the pages use side by side (재+설정): typed whole (재설정), they search both.
    var compounds = new Map();
    splitList(vocab.compounds).forEach(function (pair) {
      var halves = pair.toLowerCase().split("+");
      if (halves.length === 2 && halves[0] && halves[1]) compounds.set(halves[0] + halves[1], halves[0] + " " + halves[1]);
    });
    compounds.forEach(function (_, joined) { addHangul(joined); });
    synonyms.forEach(function (_, key) { addHangul(key); });
    stop.forEach(addHangul);
    // On a site whose pages are not in Hangul (the English one) its Hangul words are the synonyms'
    // keys in the file's order, with no use to rank them: read from initials or half typed, the key
    // whose meaning the pages use most comes first (ㅂㅂ is 비번, password, before 버벅, playback).
    if (!words.some(function (w) { return /[\uac00-\ud7a3]/.test(w); })) hangul = byMeaning(hangul, synonyms, rank);
    // Words by their initials (ㄱㅈ: 결제, 계정), and by their first initial for prefixes; both in
    // the order of use, most used first.
    var byInitials = new Map();
    var byFirst = new Map();
    hangul.forEach(function (w) {
      var key = initials(w);
      if (!byInitials.has(key)) byInitials.set(key, []);
      byInitials.get(key).push(w);
      if (!byFirst.has(key.charAt(0))) byFirst.set(key.charAt(0), []);
      byFirst.get(key.charAt(0)).push([key, w]);
    });
    var result = {
      lang: typeof vocab.lang === "string" ? vocab.lang : "",
      complete: vocab.complete === true,
      rank: rank, synonyms: synonyms, titleKeys: titleKeys, phrases: phrases, helpDesk: helpDesk, compounds: compounds, particles: particles, stop: stop, weak: weak, actions: actions,
      service: service, outside: outside, features: features, faults: faults, works: byScript(vocab.works), readerWords: readerWords,
      places: new Set(splitList(vocab.places)), channels: new Set(splitList(vocab.channels)),
      // The service's full name (쿠팡플레이, coupangplay), not the company's alone (쿠팡).
      fullName: splitList(vocab.service).sort(function (a, b) { return b.length - a.length; })[0] || "",
      prices: splitList(vocab.prices), plans: new Set(splitList(vocab.plans)),
      hangul: hangul, hangulSet: seen, byInitials: byInitials, byFirst: byFirst,
      // Latin words for completions and typos: the pages' and the synonyms' (password on the Korean site).
      latin: Array.from(new Set(words.concat(Array.from(synonyms.keys())))).filter(function (w) {
        return /^[a-z0-9][a-z0-9'.-]*$/.test(w);
      }),
      keys: null,
      memo: new Map()
    };
    if (prepared) prepared.set(vocab, result);
    return result;
  }

  // Up to COST.rare more for rarer words: between two readings, the words the pages use more win
  // (로긍: 로그인 rather than 로그 + ㅇ).
  function rarity(v, word) {
    var rank = v.rank.has(word) ? v.rank.get(word) : v.rank.size;
    return COST.rare * Math.log(rank + 2) / Math.log(v.rank.size + 2);
  }

  function readerRarity(v, word) {
    return !v.rank.has(word) && v.synonyms.has(word) ? 0 : rarity(v, word);
  }

  function known(v, word) {
    return v.rank.has(word) || v.synonyms.has(word) || v.compounds.has(word);
  }

  // The terms to search for a word the vocabulary knows: the word if the pages use it, then what
  // the synonyms map it to (a loanword, an everyday word, the other language).
  function termsFor(v, word) {
    var terms = [];
    if (v.rank.has(word)) terms.push(word);
    (v.synonyms.get(word) || []).forEach(function (t) { if (terms.indexOf(t) < 0) terms.push(t); });
    if (!v.rank.has(word) && v.compounds.has(word)) terms.push(v.compounds.get(word));
    return terms;
  }

  // The vocabulary's keystrokes, by their number (built once: see ready).
  function typoKeys(v) {
    if (!v.keys) {
      v.keys = [];
      v.byKeys = new Map();
      v.hangul.concat(v.latin).forEach(function (w) {
        if (v.stop.has(w) || v.particles.has(w) || w.length < 2) return;
        var keys = keystrokes(w);
        if (keys.length > LONGEST_KEYS) return;
        (v.keys[keys.length] = v.keys[keys.length] || []).push([w, keys]);
        if (/^[\uac00-\ud7a3]/.test(w) && !v.byKeys.has(keys)) v.byKeys.set(keys, w);
      });
    }
    return v.keys;
  }

  // Answers kept per vocabulary: each keystroke reads the whole query again, and only its last word
  // changed. Emptied when full.
  function remembered(v, key, compute) {
    if (v.memo.has(key)) return v.memo.get(key);
    if (v.memo.size > 2000) v.memo.clear();
    var value = compute();
    v.memo.set(key, value);
    return value;
  }

  // Vocabulary words one or two keystrokes from `typed`: one for short words, two from seven keys.
  // In a short Korean word a key left out or added makes another real syllable (신청, 시청), so there
  // only a slip onto a neighbouring or shifted key counts.
  // When that finds nothing, a key added or left out counts too (해쥐 → 해지), but such a guess is
  // less certain (`loose`): it may be a word the pages never use.
  function correct(v, typed) {
    return remembered(v, "typo " + typed, function () {
      var keys = keystrokes(typed);
      var strict = keys.length < 7 && /[\uac00-\ud7a3]/.test(typed);
      var found = corrections(v, keys, typed, strict ? 2 : 1);
      if (found.length || !strict) return found;
      return corrections(v, keys, typed, 1).map(function (f) { f.loose = true; return f; });
    });
  }

  // The vocabulary words `typed` is one slip from (a key off, added or left out): surer than a
  // loose or two-slip reading.
  function slips(v, typed) {
    return correct(v, typed).filter(function (f) { return f.d <= 1 && !f.loose; });
  }

  function corrections(v, keys, typed, gap) {
    if (keys.length < 4 || keys.length > LONGEST_KEYS) return [];
    var limit = keys.length >= 7 ? 2 : 1;
    var found = [];
    var near = limit === 1 && /[\uac00-\ud7a3]/.test(typed) ? KEYPAD : NEIGHBOURS;
    var byLength = typoKeys(v);
    for (var length = keys.length - Math.floor(limit / gap); length <= keys.length + limit / gap; length++) {
      (byLength[length] || []).forEach(function (entry) {
        var d = distance(keys, entry[1], limit, gap, near);
        if (d <= limit) found.push({ word: entry[0], d: d, rank: v.rank.has(entry[0]) ? v.rank.get(entry[0]) : 1e9 });
      });
    }
    found.sort(function (a, b) {
      return a.d - b.d || Math.abs(a.word.length - typed.length) - Math.abs(b.word.length - typed.length) || a.rank - b.rank;
    });
    return found.slice(0, ALTERNATIVES);
  }

  // ---------------------------------------------------------------- cutting a run of Hangul

  // Each character typed: a syllable, or a lone consonant standing for any syllable it begins;
  // `at` is where it was typed in the run.
  function elements(run) {
    var out = [];
    for (var i = 0; i < run.length; i++) {
      var ch = run.charAt(i);
      if (isSyllable(ch.charCodeAt(0))) {
        var p = parts(ch);
        out.push({ ch: ch, l: p.l, v: p.v, t: p.t, at: i });
      } else {
        var split = COMPOUNDS[ch] || ch;
        for (var k = 0; k < split.length; k++) {
          var l = INITIALS.indexOf(split.charAt(k));
          if (l >= 0) out.push({ ch: split.charAt(k), l: l, v: -1, t: -1, at: i });
        }
      }
    }
    return out;
  }

  function extendsTo(typed, actual, table) {
    if (typed === actual) return true;
    var compound = COMPOUNDS[table.charAt(actual)];
    return Boolean(compound) && compound.charAt(0) === table.charAt(typed);
  }

  // Does the syllable `ch` of a word fit element `e`? An open element is the last one typed: its
  // vowel or final consonant may still grow (고 → 과, 메 → 멜).
  function fits(e, ch, open) {
    if (e.v < 0) return plain(initialOf(ch)) === plain(e.ch);
    if (!open) return ch === e.ch;
    if (!isSyllable(ch.charCodeAt(0))) return false;
    var p = parts(ch);
    if (p.l !== e.l) return false;
    if (e.t === 0) return extendsTo(e.v, p.v, MEDIALS);
    return p.v === e.v && extendsTo(e.t, p.t, FINALS);
  }

  function fitsWord(els, from, to, word, prefix) {
    if (prefix ? word.length < to - from : word.length !== to - from) return false;
    for (var i = from; i < to; i++) {
      if (!fits(els[i], word.charAt(i - from), prefix && i === to - 1)) return false;
    }
    return true;
  }

  function keyOf(els, from, to) {
    var key = "";
    for (var i = from; i < to; i++) key += plain(INITIALS.charAt(els[i].l));
    return key;
  }

  function topical(v, word) {
    return !v.stop.has(word) && !v.particles.has(word);
  }

  // Up to ALTERNATIVES of the `count` candidates that `fitting(i)` accepts (it returns the word or
  // null), in the candidates' order (most used first). From two keys typed on, the words readers
  // type and the topics they map to come first: ㅅㅊ is 신청 before 설치, ㅂㄱㄱ is 바꾸기 before
  // 비공개. One key says too little to prefer a topic.
  function readersFirst(v, count, keys, fitting) {
    var topics = [];
    var others = [];
    for (var i = 0; i < count && topics.length < ALTERNATIVES && (keys > 1 || others.length < ALTERNATIVES); i++) {
      var word = fitting(i);
      if (word && topical(v, word)) (keys > 1 && v.readerWords.has(word) ? topics : others).push(word);
    }
    return topics.concat(others).slice(0, ALTERNATIVES);
  }

  // Words with these initials that fit the elements exactly (a lone consonant fits any syllable).
  function exactWords(v, els, from, to) {
    var candidates = v.byInitials.get(keyOf(els, from, to)) || [];
    return readersFirst(v, candidates.length, to - from, function (i) {
      return fitsWord(els, from, to, candidates[i], false) ? candidates[i] : null;
    });
  }

  // Words that begin with the elements, the last one open.
  function prefixWords(v, els, from, to) {
    var key = keyOf(els, from, to);
    var list = v.byFirst.get(key.charAt(0)) || [];
    return longerFirst(v, readersFirst(v, list.length, to - from, function (i) {
      return list[i][0].lastIndexOf(key, 0) === 0 && fitsWord(els, from, to, list[i][1], true) ? list[i][1] : null;
    }));
  }

  // A one-syllable word that completes what is being typed is mostly a morpheme the pages join to
  // another word (별 of 기기별): the longer words come first (카드 벼 is 카드 변경, not 카드 별),
  // unless it is used several times as often as they are (as in startedBy).
  function longerFirst(v, words) {
    var longer = words.filter(function (w) { return w.length > 1; });
    if (!longer.length) return words;
    var lead = words.filter(function (w) { return w.length === 1 && usage(v, w) * MORE_USED < usage(v, longer[0]); });
    return lead.concat(longer, words.filter(function (w) { return w.length === 1 && lead.indexOf(w) < 0; }));
  }

  // The cheapest cut of a run's elements into pieces {from, to, kind, words}; best[k] is the
  // cheapest cut of the first k elements.
  function cut(v, els, typing) {
    var n = els.length;
    var best = [{ cost: 0, from: -1 }];
    for (var end = 1; end <= n; end++) {
      best[end] = null;
      for (var start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
        if (best[start]) consider(v, els, start, end, typing, best);
      }
    }
    var pieces = [];
    for (var at = n; at > 0; at = best[at].from) pieces.unshift(best[at].piece);
    return { pieces: pieces, cost: best[n].cost, best: best, els: els };
  }

  function offer(best, start, end, kind, words, cost) {
    var total = best[start].cost + cost;
    if (!best[end] || total < best[end].cost) {
      best[end] = { cost: total, from: start, piece: { from: start, to: end, kind: kind, words: words } };
    }
  }

  function consider(v, els, start, end, typing, best) {
    var n = els.length;
    var length = end - start;
    var text = textOf(els, start, end);
    var lone = /[\u3131-\u314e]/.test(text);
    var afterSyllable = start > 0 && els[start - 1].v >= 0;
    if (!lone && v.hangulSet.has(text)) {
      if (v.stop.has(text)) offer(best, start, end, "stop", [], COST.stop);
      else if (v.particles.has(text)) {
        // The same particle twice is the word the two make, when the pages use it (다른기기 is 다른 +
        // 기기, not 다른 + 기 + 기; 들어가지지가 keeps its 지 + 지), and 래 (want to, told to) follows
        // only a stem's ㄹ or vowel (바꿀래, 하래; not 원래).
        var before = best[start].piece;
        var twice = before && before.kind === "particle" && textOf(els, before.from, before.to) === text &&
          v.hangulSet.has(text + text);
        var wanting = text !== "래" || (start > 0 && /^[ ㄹ]$/.test(FINALS.charAt(els[start - 1].t)));
        if (!twice && wanting) {
          offer(best, start, end, "particle", [], start > 0 ? COST.particle : COST.single);
        }
      }
      // A reader's word the pages do not use (a synonym's key: 에러), typed out, is not rare to
      // readers: it costs what the pages' most used word does, so that it is not read as the
      // particles it may be cut into (에 + 러).
      else if (length > 1 || n === 1 || v.synonyms.has(text)) offer(best, start, end, "word", [text], COST.word + readerRarity(v, text));
      else offer(best, start, end, "word", [text], COST.single + rarity(v, text));
    } else if (lone) {
      // Initial consonants: a one-syllable word only as part of a longer run (ㅈㅅㅈ → 재 설정).
      // Each lone consonant leaves the word less certain (ㄱㅈ: 결제, 계정, 과정…).
      var found = exactWords(v, els, start, end);
      // Still typing: the consonant may begin a longer word (재ㅅ: 재생, or 재설정 half typed).
      if (end === n && typing && found.length) {
        prefixWords(v, els, start, end).forEach(function (w) { if (found.indexOf(w) < 0) found.push(w); });
        found = found.slice(0, ALTERNATIVES);
      }
      var guessed = els.slice(start, end).filter(function (e) { return e.v < 0; }).length;
      if (found.length) offer(best, start, end, "word", found, (length > 1 ? COST.word : COST.single) + COST.guess * guessed + rarity(v, found[0]));
    }
    if (end === n && (typing || start === 0) && (length > 1 || !lone)) {
      var prefix = prefixWords(v, els, start, end);
      if (prefix.length) offer(best, start, end, "prefix", prefix, (typing ? COST.prefix : COST.prefixInside) + rarity(v, prefix[0]));
    }
    // The consonant just typed for the next syllable, with nothing to complete yet (결젱 → 결제);
    // after a syllable read alone as a word that it continues into a longer one, that word is being
    // typed (끊ㄱ: 끊기, 끊김, not 끊 and a word to come; a particle stays one: 더요ㅇ).
    if (end === n && typing && length === 1 && lone && afterSyllable && !continues(v, els, start, best)) {
      offer(best, start, end, "pending", [], COST.pending);
    }
    if (length === 1) offer(best, start, end, "unknown", [], COST.unknown);
  }

  function continues(v, els, start, best) {
    var before = best[start] && best[start].piece;
    return Boolean(before) && before.to - before.from === 1 && before.kind !== "particle" && before.kind !== "stop" &&
      prefixWords(v, els, start - 1, start + 1).length > 0;
  }

  // The last syllable typed may carry the first consonant of the next one (로긍 is 로그 + ㅇ…), and a
  // lone consonant typed after a syllable may be that syllable's final one (헤ㄹ is 헬…: some
  // keyboards show it apart until the next key).
  function readings(els) {
    var out = [els];
    var last = els[els.length - 1];
    var before = els[els.length - 2];
    var joined = last && last.v < 0 && before && before.v >= 0 && before.t === 0 ? FINALS.indexOf(last.ch) : -1;
    if (joined > 0) {
      out.push(els.slice(0, -2).concat([{ ch: compose(before.l, before.v, joined), l: before.l, v: before.v, t: joined, at: before.at }]));
    }
    if (!last || last.v < 0 || last.t <= 0) return out;
    var final = FINALS.charAt(last.t);
    var split = COMPOUNDS[final] || final;
    var keep = split.length === 2 ? FINALS.indexOf(split.charAt(0)) : 0;
    var moved = split.charAt(split.length - 1);
    var l = INITIALS.indexOf(moved);
    if (l < 0) return out;
    var rest = els.slice(0, -1);
    rest.push({ ch: compose(last.l, last.v, keep), l: last.l, v: last.v, t: keep, at: last.at },
      { ch: moved, l: l, v: -1, t: -1, at: last.at });
    out.push(rest);
    return out;
  }

  function textOf(els, from, to) {
    var out = "";
    for (var i = from; i < to; i++) out += els[i].ch;
    return out;
  }

  // What the reader typed for elements from..to (빔 for the reading 비 + ㅁ).
  function typedOf(run, els, from, to) {
    return run.slice(els[from].at, els[to - 1].at + 1);
  }

  // A run of Hangul as words: {typed, matched, known} each; particles, endings and stop words left out.
  function hangulWords(v, run, typing) {
    var all = elements(run);
    if (!all.length) return [];
    var els = all.slice(0, MAX_ELEMENTS);
    var whole = textOf(els, 0, els.length);
    var longer = typing && all.length === 1 && els[0].v >= 0 ? startedBy(v, whole) : [];
    if (longer.length) return [{ typed: run, matched: expandTerms(v, longer), known: true, guess: GUESS.completed }];
    if (known(v, whole) && topical(v, whole)) return [{ typed: run, matched: termsFor(v, whole), known: true }];
    // Each reading, cut or read as one mistyped word, whichever costs less.
    var best = null;
    (typing && all.length === els.length ? readings(els) : [els]).forEach(function (reading, i) {
      var result = cut(v, reading, typing);
      // Another reading is there to complete a word (로긍 → 로그인); one of only particles, stop
      // words and verb stems (더용 as 더 + 요 + ㅇ, 오ㄹ as 올) completes nothing.
      if (i > 0 && !completesWord(v, result)) return;
      var option = mistyped(v, run, result) || { cost: result.cost, result: result };
      if (!best || option.cost < best.cost) best = option;
    });
    var words = best.words || gather(v, run, best.result);
    // Mid-word, a reading of only stop words and a pending consonant (해ㅈ: 해 + ㅈ…) loses to the
    // word being typed (해지).
    if (typing && !words.length && all.length === els.length) {
      var typed = prefixWords(v, els, 0, els.length);
      if (typed.length) return [{ typed: run, matched: expandTerms(v, typed), known: true, guess: GUESS.completed }];
    }
    if (all.length > els.length) words.push({ typed: run.slice(els[els.length - 1].at + 1), matched: [], known: false });
    return words;
  }

  // One syllable being typed is the start of a longer word more often than a word of its own, as one
  // or two Latin letters are (latinWords): 결 of 결제, 환 of 환불. The pages' morphemes make many a
  // syllable a word (결 of 해결), and the engine searches a word's every continuation: a common
  // syllable was the costliest query a reader types (every word starting with it, an index chunk of
  // its own) for a list the next key replaced. Its continuations the pages use several times as
  // often as the syllable alone (ranks as a measure of use) are searched instead: not for a
  // syllable that is a word of its own as often (앱; 명 of 몇 명, beside 명세서).
  function startedBy(v, syllable) {
    var own = v.rank.has(syllable) ? v.rank.get(syllable) : Infinity;
    var list = v.byFirst.get(plain(INITIALS.charAt(parts(syllable).l))) || [];
    return readersFirst(v, list.length, 1, function (i) {
      var word = list[i][1];
      var rank = v.rank.has(word) ? v.rank.get(word) : Infinity;
      return word.length > 1 && word.charAt(0) === syllable && rank * MORE_USED < own ? word : null;
    });
  }
  var MORE_USED = 4;

  // The run, less the particles it ends with, as one mistyped word (결졔가 → 결제), if that costs
  // less than the best cut: one key off costs about as much as a stray syllable.
  // A run of only particles and stop words is tried whole (기이 → 기기, 로고인 → 로그인): it costs
  // little only when it reads as real endings (했는데, 뭐예요), and a particle cannot begin a word.
  // A run read as stop words and a one-syllable completion (해 + 자…, 더 + 용…) says less than one
  // word one key off (해지, 도용), whatever the costs.
  function mistyped(v, run, result) {
    var pieces = result.pieces;
    var end = pieces.length;
    while (end > 1 && hasContent(result) && (pieces[end - 1].kind === "particle" || pieces[end - 1].kind === "pending")) end--;
    var to = pieces[end - 1].to;
    var cost = result.best[to].cost;
    var flimsy = pieces.slice(0, end).every(function (p) {
      return p.kind === "stop" || p.kind === "particle" || (p.kind === "prefix" && p.to - p.from === 1);
    });
    if (cost <= COST.word + 0.5) return null;
    var text = textOf(result.els, 0, to);
    if (/[\u3131-\u314e]/.test(text)) return null;
    var fixed = correct(v, text);
    if (!fixed.length) return mistypedHalf(v, run, result, to, cost);
    var typed = COST.word + 2 * fixed[0].d;
    if (flimsy && fixed[0].d <= 1 && !fixed[0].loose) typed = Math.min(typed, cost - COST.pending);
    if (typed >= cost) return mistypedHalf(v, run, result, to, cost);
    return { cost: typed + result.cost - cost, words: [typo(typedOf(run, result.els, 0, to), v, fixed)] };
  }

  // Two words run together, one of them one key off (게정도용: 계정 + 도용, 계정도욕: 계정 + 도용),
  // when that costs less than the best cut, which found stray syllables and some other word inside
  // (게 + 정도 + 용). Each half is two syllables or more; the other half is a word the pages use,
  // not a verb's stem (보내기전 is 보내 + 기 + 전, not 보내 and 기존 mistyped).
  function mistypedHalf(v, run, result, to, cost) {
    var els = result.els;
    var best = null;
    function pair(wrongFrom, wrongTo, rightFrom, rightTo) {
      var wrong = textOf(els, wrongFrom, wrongTo);
      var right = textOf(els, rightFrom, rightTo);
      if (!v.hangulSet.has(right) || v.stop.has(right) || v.particles.has(right) || v.weak.has(right) ||
          v.hangulSet.has(wrong)) return;
      var fixed = slips(v, wrong);
      var total = 2 * COST.word + 2 + rarity(v, right);
      if (!fixed.length || total >= cost || (best && total >= best.total)) return;
      var halves = [{ from: wrongFrom, word: typo(typedOf(run, els, wrongFrom, wrongTo), v, fixed) },
        { from: rightFrom, word: { typed: typedOf(run, els, rightFrom, rightTo), matched: termsFor(v, right), known: true } }];
      halves.sort(function (a, b) { return a.from - b.from; });
      best = { total: total, words: halves.map(function (half) { return half.word; }) };
    }
    for (var cut = 2; cut <= to - 2; cut++) {
      pair(0, cut, cut, to);
      pair(cut, to, 0, cut);
    }
    return best && { cost: best.total + result.cost - cost, words: best.words };
  }

  function completesWord(v, result) {
    return result.pieces.some(function (p) {
      return p.kind === "unknown" || ((p.kind === "word" || p.kind === "prefix") && p.words.some(function (w) { return !v.weak.has(w); }));
    });
  }

  function hasContent(result) {
    return result.pieces.some(function (p) { return p.kind === "word" || p.kind === "prefix" || p.kind === "unknown"; });
  }

  // Pieces into words: single syllables next to each other join (an unknown word is never cut into
  // stray syllables), and what stays unknown is tried as a typo of a vocabulary word.
  function gather(v, run, result) {
    var pieces = result.pieces;
    var els = result.els;
    var groups = [];
    pieces.forEach(function (piece, i) {
      var single = piece.to - piece.from === 1;
      // A particle ends a word: one that begins the run, or comes right before an unknown piece, is
      // that word's first syllable (로+켓배송 is 로켓배송, 쿠팡+이+츠 is 쿠팡 + 이츠).
      var next = pieces[i + 1];
      var begins = piece.kind === "particle" && single && (piece.from === 0 || (next && next.kind === "unknown"));
      // So is a one-syllable stop word that begins a run before one stray syllable of the pages'
      // (주+문 is the unknown 주문, not the stop word 주 and 문); a reader's word after it stays (내+돈).
      begins = begins || (piece.kind === "stop" && single && piece.from === 0 && pieces.length === 2
        && (next.kind === "word" || next.kind === "prefix") && next.to - next.from === 1 && els[next.from].v >= 0
        && !next.words.some(function (w) { return v.readerWords.has(w) || v.weak.has(w); }));
      var stray = piece.kind === "unknown" || (single && pieces.length > 1 && (piece.kind === "word" || piece.kind === "prefix" || begins));
      var last = groups[groups.length - 1];
      // A particle right after an unknown piece is part of that unknown word (디바+이+스 is 디바이스,
      // not an unknown 디바, the subject particle 이 and an unknown 스).
      if (last && last.stray && (stray || (piece.kind === "particle" && single && last.unknown))) {
        // Where the word ended before a particle joined it: a typo is then read without it
        // (재셍이안됨: 재셍 is 재생, 재셍이 is no word one key off).
        last.bare = stray ? 0 : last.to;
        last.to = piece.to;
        last.kind = "unknown";
        last.unknown = true;
      } else {
        groups.push({ from: piece.from, to: piece.to, kind: piece.kind, words: piece.words, stray: stray, unknown: piece.kind === "unknown" });
      }
    });
    var words = [];
    groups.forEach(function (g) {
      if (g.kind === "particle" || g.kind === "stop" || g.kind === "pending") return;
      var typed = typedOf(run, els, g.from, g.to);
      if (!g.unknown) {
        var word = { typed: typed, matched: expandTerms(v, g.words), known: true };
        if (g.kind === "prefix" || /[\u3131-\u314e]/.test(textOf(els, g.from, g.to))) word.guess = GUESS.completed;
        words.push(word);
        return;
      }
      var text = textOf(els, g.from, g.to);
      var fixed = /[\u3131-\u314e]/.test(text) ? [] : correct(v, text);
      if (!fixed.length && g.bare) {
        fixed = correct(v, textOf(els, g.from, g.bare));
        if (fixed.length) typed = typedOf(run, els, g.from, g.bare);
      }
      words.push(fixed.length ? typo(typed, v, fixed) : { typed: typed, matched: [], known: false });
    });
    return words;
  }

  // A word read as a typo of vocabulary words: less certain than one typed right (a loose guess
  // least), which ranking, the fallbacks and the no-results decision take into account.
  function typo(typed, v, fixed) {
    return { typed: typed, matched: expandTerms(v, fixed.map(function (f) { return f.word; })), known: true, guess: fixed[0].loose ? GUESS.loose : GUESS.typo };
  }

  function expandTerms(v, words) {
    var terms = [];
    words.forEach(function (w) {
      termsFor(v, w).forEach(function (t) { if (terms.indexOf(t) < 0) terms.push(t); });
    });
    return terms.slice(0, ALTERNATIVES + 2);
  }

  // English typed with the keyboard left in Korean mode (ㅔ묘ㅡ둣 is payment, ㅊ뭋디 cancel): a run
  // the Hangul analysis finds nothing sure in whose keys spell a word the vocabulary knows.
  function koreanMode(v, run, words) {
    if (words.some(function (w) { return w.known && !w.guess; })) return words;
    var keys = keystrokes(run).toLowerCase();
    if (keys.length < 4 || !/^[a-z]+$/.test(keys) || !(known(v, keys) || englishStem(v, keys))) return words;
    return latinWords(v, keys, false);
  }

  // ---------------------------------------------------------------- Latin letters and digits

  // The service's name run together with the rest (coupangplayhelp) is its name, spaced as the
  // pages write it (coupang play), as when typed apart: not "play", a word of the playback pages.
  function withServiceName(v, pieces) {
    var out = [];
    for (var i = 0; i < pieces.length; i++) {
      var both = i + 1 < pieces.length && v.service.has(pieces[i] + pieces[i + 1]);
      out.push(both ? pieces[i] + " " + pieces[++i] : pieces[i]);
    }
    return out;
  }

  function latinWords(v, token, typing) {
    if (v.stop.has(token)) return [];
    // A generic word the pages do not use ("issue" where they say "problem") narrows nothing: read as
    // a typo or the start of a longer word it became another word (issuer), which the pages share
    // by chance.
    if ((v.actions.has(token) || v.weak.has(token)) && !known(v, token)) return [];
    // A count (2번, 3 times) carries no topic; a longer number may be an error code the pages list.
    if (/^[0-9]+$/.test(token)) return token.length < 3 ? [] : [{ typed: token, matched: [token], known: true }];
    var completions = typing ? startingWith(v, token) : [];
    // One or two letters being typed are the start of a longer word more often than a rare word of
    // their own (the p of payment, not the p a page has): the engine would also search every word
    // starting with them, thousands of records at 1,000 articles.
    if (token.length <= 2 && completions.length && completions[0] !== token) return [completed(v, token, completions)];
    if (known(v, token)) return [{ typed: token, matched: termsFor(v, token), known: true }];
    var stem = englishStem(v, token);
    if (stem) return [{ typed: token, matched: termsFor(v, stem), known: true }];
    if (completions.length) return [completed(v, token, completions)];
    // Korean typed with the keyboard left in English mode: dlapdlf is 이메일.
    typoKeys(v);
    var korean = v.byKeys.get(token);
    if (korean && token.length >= 3) return [{ typed: token, matched: termsFor(v, korean), known: true, korean: true }];
    var romanised = fromRomanised(v, token);
    if (romanised) return romanised;
    // Words run together (helpcenter, paymentfailed, iforgotmypassword) are read as those words,
    // each with its synonyms: read as one phrase, "paymentfailed" lost failed's synonym error, and
    // with it the page titled "Fix payment errors".
    var pieces = runTogether(v, token);
    // A known word one key off (adress: address) is a surer reading than three pieces or more
    // (ad + re + ss).
    if (pieces && pieces.length > 2 && slips(v, token).length) pieces = null;
    if (pieces) {
      return withServiceName(v, pieces).reduce(function (out, piece, i, all) {
        if (piece.indexOf(" ") > 0) return out.concat([{ typed: piece, matched: [piece], known: true }]);
        return v.stop.has(piece) ? out : out.concat(latinWords(v, piece, typing && i === all.length - 1));
      }, []).map(function (word) {
        return Object.assign({}, word, { guess: Math.max(word.guess || 0, GUESS.typo) });
      });
    }
    // A word cut short before the next (passw rese, subscr cancel): read as the words it starts,
    // as the word being typed is, when it is no known word one key off. A word whose continuations
    // are only its own endings is whole (finish, finished), one the pages do not use.
    // (A word being typed had its continuations looked up above: none, or it would have returned.)
    var started = token.length < SHORTENED ? [] : (typing ? completions : startingWith(v, token)).filter(function (w) {
      return !/^(?:s|es|d|ed|ing|er|ers)$/.test(w.slice(token.length));
    });
    if (started.length && !slips(v, token).length) return [completed(v, token, started)];
    var fixed = correct(v, token);
    // A function word mistyped ("workng", "becuase") is still one, not an unknown word that makes
    // the query unanswerable ("chromcast not workng").
    if (!fixed.length && mistypedStop(v, token)) return [];
    return [fixed.length ? typo(token, v, fixed) : { typed: token, matched: [], known: false }];
  }

  function startingWith(v, token) {
    return v.latin.filter(function (w) { return w.lastIndexOf(token, 0) === 0 && !v.stop.has(w); }).slice(0, ALTERNATIVES);
  }
  var SHORTENED = 5; // letters: fewer start too many words (acc: account, access) or are words (auto)

  // Korean written in Latin letters as the Revised Romanization spells it (gyeolje, bimilbeonho
  // chatgi, haeji): read back into Hangul and analysed as Hangul. English words rarely read as
  // Korean at all (c, f, q, v, x, z and most consonant clusters spell nothing); so that one that
  // does stays unknown, each word of the reading must be one the vocabulary spells so, of two
  // syllables or more or a verb's stem (찾기: 찾), and the words at least half the reading (바나나,
  // banana, cut into stray known syllables, is no reading).
  function fromRomanised(v, token) {
    if (token.length < 3 || token.length > RUN_TOGETHER) return null;
    var readings = unromanise(token);
    for (var i = 0; i < readings.length; i++) {
      if (v.stop.has(readings[i])) return [];
      if (readings[i].length < 2) continue; // bat, mat, sat: English more likely than 받, 맛, 샀
      var words = hangulWords(v, readings[i], false);
      var covered = words.reduce(function (n, w) { return n + w.typed.length; }, 0);
      if (words.length && covered * 2 >= readings[i].length && words.every(function (w) {
        return w.known && !w.guess && (w.typed.length > 1 || v.weak.has(w.matched[0]));
      })) {
        return words.map(function (w) { return Object.assign({}, w, { korean: true }); });
      }
    }
    return null;
  }

  // An unknown Latin word that reads as Korean spelt out and has a vowel only Korean spells so (eo,
  // eu, ae, wae …: andwae, haeyo, koopeul) is a Korean word the vocabulary lacks, most often an
  // ending or a verb ("koopeul login andwae"): like an unknown verb form, it does not count towards
  // "most words unknown". English words (banana, good, mobile) have none of these vowels.
  function romanisedKorean(typed) {
    return /^[a-z]+$/.test(typed) && /eo|eu|ae|ui|oe|wa|wo|we|wi|ya|yo|yu|ye/.test(typed) && unromanise(typed).length > 0;
  }

  // Syllable by syllable: an initial consonant (none before a vowel), the longest vowel, and a
  // final consonant only where no vowel follows it (bimil-beon-ho, han-geul). A final t is any of
  // seven consonants (찻, 찾, 찼 ...): each is a reading, the first two such finals only.
  var ROMAN_INITIALS = [["kk", 1], ["tt", 4], ["pp", 8], ["ss", 10], ["jj", 13], ["ch", 14], ["g", 0], ["n", 2], ["d", 3],
    ["r", 5], ["l", 5], ["m", 6], ["b", 7], ["s", 9], ["j", 12], ["k", 15], ["t", 16], ["p", 17], ["h", 18]];
  var ROMAN_VOWELS = [["yae", 3], ["yeo", 6], ["wae", 10], ["ae", 1], ["ya", 2], ["eo", 4], ["ye", 7], ["wa", 9], ["oe", 11],
    ["yo", 12], ["wo", 14], ["we", 15], ["wi", 16], ["yu", 17], ["eu", 18], ["ui", 19], ["a", 0], ["e", 5], ["o", 8], ["u", 13], ["i", 20]];
  var ROMAN_FINALS = [["ng", 21], ["k", 1], ["g", 1], ["n", 4], ["t", -1], ["d", 7], ["l", 8], ["m", 16], ["p", 17], ["b", 17]];
  var T_FINALS = [19, 22, 7, 20, 23, 25, 27]; // ㅅ ㅈ ㄷ ㅆ ㅊ ㅌ ㅎ

  function unromanise(token) {
    function at(list, i) {
      for (var k = 0; k < list.length; k++) if (token.substr(i, list[k][0].length) === list[k][0]) return list[k];
      return null;
    }
    var out = [""];
    var open = 0;
    for (var i = 0; i < token.length;) {
      var initial = at(ROMAN_VOWELS, i) ? ["", 11] : at(ROMAN_INITIALS, i);
      var vowel = initial && at(ROMAN_VOWELS, i + initial[0].length);
      if (!vowel) return [];
      i += initial[0].length + vowel[0].length;
      var final = at(ROMAN_FINALS, i);
      var next = final && i + final[0].length;
      if (final && (next === token.length || !at(ROMAN_VOWELS, next))) i = next;
      else final = null;
      var base = SYLLABLE_FIRST + (initial[1] * 21 + vowel[1]) * 28;
      var finals = !final ? [0] : final[1] >= 0 ? [final[1]] : open++ < 2 ? T_FINALS : [T_FINALS[0]];
      out = out.reduce(function (all, start) {
        return all.concat(finals.map(function (t) { return start + String.fromCharCode(base + t); }));
      }, []);
    }
    return out;
  }

  // The function word of four letters or more that a Latin token is one key off ("workng": working),
  // or "" when it is none.
  function mistypedStop(v, token) {
    return remembered(v, "stop " + token, function () {
      var keys = keystrokes(token);
      if (keys.length < 5) return "";
      if (!v.stopKeys) {
        v.stopKeys = [];
        v.stop.forEach(function (w) { if (/^[a-z']{4,}$/.test(w)) v.stopKeys.push([w, keystrokes(w)]); });
      }
      var near = v.stopKeys.filter(function (stop) { return Math.abs(stop[1].length - keys.length) <= 1 && distance(keys, stop[1], 1, 1) <= 1; });
      return near.length ? near[0][0] : "";
    });
  }

  // The fewest words a Latin token is made of, each one the vocabulary knows or a stop word: two
  // known words (paymentfailed), three or more with one among them (howtocancel), or a stop word of
  // four letters or more and a known word (cantsignin), or a known word of four letters or more
  // and a stop word of three or more (chargedbut). A real word the vocabulary lacks is rarely a
  // short stop word and one known word (inform is not in + form); null when the token is none of
  // these.
  function runTogether(v, token) {
    if (token.length > RUN_TOGETHER) return null;
    var best = [[]];
    for (var end = 1; end <= token.length; end++) {
      best[end] = null;
      for (var start = Math.max(0, end - LONGEST_LATIN); start < end; start++) {
        var piece = token.slice(start, end);
        // A generic action the pages do not use is still a word (loginissue: login + issue).
        var fits = v.stop.has(piece) || v.actions.has(piece) || (piece.length > 1 && known(v, piece));
        if (fits && best[start] && (!best[end] || best[start].length + 1 < best[end].length)) best[end] = best[start].concat([piece]);
      }
    }
    var pieces = best[token.length];
    var content = pieces ? pieces.filter(function (p) { return !v.stop.has(p); }).length : 0;
    var spelt = content === 1 && pieces.length === 2 && (v.stop.has(pieces[0]) ? pieces[0].length >= 4 :
      pieces[0].length >= 4 && pieces[1].length >= 3);
    return content >= 2 || (content === 1 && pieces.length >= 3) || spelt ? pieces : null;
  }
  var RUN_TOGETHER = 48;  // letters: longer is a paste, not words run together
  var LONGEST_LATIN = 20; // letters of one word

  function completed(v, token, completions) {
    return { typed: token, matched: expandTerms(v, completions), known: true, guess: GUESS.completed };
  }

  // The vocabulary word an inflected English word comes from: logging → log, charging → charge,
  // tries → try, cancelled → cancel.
  function englishStem(v, token) {
    var bare = token.replace(/(?:ing|ed|es|s)$/, "");
    if (bare === token || bare.length < 3) return null;
    var candidates = [bare, bare + "e"];
    if (/([b-df-hj-np-tv-z])\1$/.test(bare)) candidates.push(bare.slice(0, -1));
    if (/ies$/.test(token)) candidates.push(token.slice(0, -3) + "y");
    for (var i = 0; i < candidates.length; i++) {
      if (candidates[i].length > 2 && known(v, candidates[i])) return candidates[i];
    }
    return null;
  }

  // ---------------------------------------------------------------- the query

  // Words as typed: split at spaces and punctuation, and where Hangul meets Latin (TV로그인).
  function tokens(raw) {
    var text = raw.normalize ? raw.normalize("NFC") : raw;
    text = text.toLowerCase().slice(0, 400);
    // Laughter and tears (ㅋㅋㅋ, ㅎㅎ, ㅠㅠ, ㅜㅜ) are no initials: ㅋㅋㅋㅋ read as 쿠키 found the
    // pages about cookies. Blanked, not cut, so every word keeps its place in the text.
    text = text.replace(/([\u314b\u314e\u3160\u315c])\1+/g, function (run) { return run.replace(/./g, " "); });
    var out = [];
    var re = /[\uac00-\ud7a3\u3131-\u3163]+|[a-z0-9]+(?:['’][a-z]+)*/g;
    var m;
    while ((m = re.exec(text)) !== null && out.length < MAX_TOKENS) {
      out.push({ text: m[0].replace(/’/g, "'"), end: m.index + m[0].length, hangul: isHangulChar(m[0].charAt(0)) });
    }
    return { list: out, text: text };
  }

  // Words the reader spaced apart that the vocabulary knows as one (비밀 번호, 자주 묻는 질문, sign in),
  // or, at the end of a query being typed, as the start of a synonym (sign i on the Korean site).
  // The service's name in words (coupang play) is one word too, so its words are no topics of their
  // own: "play" of "coupang play customer service" found the playback page.
  function join(v, list, typing) {
    list = negations(list);
    var out = [];
    for (var i = 0; i < list.length; i++) {
      var joined = null;
      for (var span = Math.min(4, list.length - i); span > 1 && !joined; span--) {
        var group = list.slice(i, i + span);
        var text = group.map(function (t) { return t.text; }).join("");
        var sameScript = group.every(function (t) { return t.hangul === group[0].hangul; });
        var started = typing && i + span === list.length && !group[0].hangul && !known(v, group[0].text) && startsSynonym(v, text);
        var service = sameScript && !known(v, text) && v.service.has(text);
        if (sameScript && (known(v, text) || started || service)) {
          joined = { text: text, end: group[span - 1].end, hangul: group[0].hangul };
          if (service) joined.service = group.map(function (t) { return t.text; }).join(" ");
          i += span - 1;
        }
      }
      out.push(joined || list[i]);
    }
    return out;
  }

  // "안 나와요" is read as "안나와요": the rules write a negation apart from its verb, many readers
  // join them, and the synonyms know such symptoms as one word (안나와).
  function negations(list) {
    var out = [];
    for (var i = 0; i < list.length; i++) {
      var next = list[i + 1];
      if (NEGATIONS.indexOf(list[i].text) >= 0 && next && next.hangul) {
        out.push({ text: list[i].text + next.text, end: next.end, hangul: true });
        i++;
      } else {
        out.push(list[i]);
      }
    }
    return out;
  }

  function startsSynonym(v, text) {
    var found = false;
    v.synonyms.forEach(function (_, key) { found = found || (key.length > text.length && key.lastIndexOf(text, 0) === 0); });
    return found;
  }

  function isForeign(text, lang) {
    var hangul = (text.match(/[\uac00-\ud7a3\u3131-\u3163]/g) || []).length;
    var latin = (text.match(/[a-z]/g) || []).length;
    if (lang === "ko") return latin > 0 && hangul === 0;
    return hangul > 0 && hangul >= latin;
  }

  function expand(raw, vocab, lang) {
    try {
      return expandUnsafe(typeof raw === "string" ? raw : String(raw == null ? "" : raw), vocab, lang);
    } catch (error) {
      return { query: "", topics: [], typedTopics: [], symptoms: [], actions: [], words: [], foreign: false, readings: [], fallback: [], unanswerable: false };
    }
  }

  function expandUnsafe(raw, vocab, lang) {
    var v = prepare(vocab);
    var site = typeof lang === "string" && lang ? lang : v.lang;
    var parsed = tokens(raw);
    var typing = !/\s$/.test(raw) && raw.length <= 400;
    var list = join(v, parsed.list, typing && parsed.list.length > 0 && parsed.list[parsed.list.length - 1].end === parsed.text.length);
    var words = [];
    list.forEach(function (token, i) {
      var last = typing && i === list.length - 1 && token.end === parsed.text.length;
      // The service's name typed apart (coupang play) is read apart from the same letters run together.
      var found = remembered(v, (last ? "typing " : "typed ") + (token.service ? "named " : "") + token.text, function () {
        // The service's name spaced as the pages write it (coupang play): searched as typed.
        if (token.service) return [{ typed: token.service, matched: [token.service], known: true }];
        if (token.hangul) return koreanMode(v, token.text, hangulWords(v, token.text, last));
        return latinWords(v, token.text, last);
      });
      // "on my phone", "on her phone" is where it happens, not the phone support the pages' "phone" names.
      if (token.text === "phone" && i > 0 && POSSESSIVES.has(list[i - 1].text)) return;
      // 이 typed apart is "this" (이 드라마만), not the start of 이메일; inside a word it may be a
      // particle or part of an unknown word (디바이스), so it is no stop word.
      if (token.text === "이" && i < list.length - 1) return;
      words = words.concat(found);
    });
    words = words.map(function (w, i) { return w.guess && w.matched.length > 1 ? besideNeighbours(v, w, words[i - 1], words[i + 1]) : w; });
    // An unknown word is searched as typed only when the vocabulary left rare words out: the engine
    // may know it. With every indexed word in the vocabulary, it could only match by accident.
    // The engine requires every word it knows, so a verb or adjective stem (바꾸, 늦) is searched
    // only when the query has nothing else: "카드 바꾸고 싶어요" is about cards.
    var strong = [];
    var weak = [];
    // "It doesn't work" (안돼요, 안됨: 오류) ranks the pages but is not required of them: a page
    // says it in its own words ("로그인이 안 될 때", "TV에서 로그인이 안 되면"), and "티비 로그인
    // 안됨" asked every page for 오류, which the devices page never says.
    var soft = [];
    var others = new Map(); // a query word may be "constructor": no plain object
    var guesses = new Map();
    var doubt = 0;
    var counted = 0;
    function isWeak(term) { return weakTerm(v, term); }
    // Verbs and adjectives count only in a query of nothing else ("몇명까지 같이 볼수있나요").
    var nounless = !words.some(function (w) { return w.known && w.matched.some(function (t) { return !isWeak(t); }); });
    words.forEach(function (w) {
      // A verb stem with a noun among its synonyms is searched as that noun (바꾸 → 변경, 끄 → 해지).
      var term = w.known ? (w.matched.filter(function (t) { return !isWeak(t); })[0] || w.matched[0])
        : (!v.complete && w.typed.length > 1 && !/[\u3131-\u3163]/.test(w.typed) ? w.typed : "");
      var list = isWeak(term) ? weak : symptom(v, w) ? soft : strong;
      if (term && list.indexOf(term) < 0) list.push(term);
      if (term && w.known) others.set(term, w.matched.filter(function (t) { return t !== term && !isWeak(t); }).slice(0, 2));
      if (term) guesses.set(term, Math.max(guesses.get(term) || 0, w.known ? w.guess || 0 : GUESS.loose));
      var weight = realWord(w, isWeak(term), nounless);
      counted += weight;
      if (weight) doubt += w.known && !names(v, w) ? DOUBT[w.guess || 0] : 1;
    });
    // The service's own name is what every page is about, not a word every page has: with other
    // words it is not searched ("쿠팡플레이 결제가 안돼요" is about payment errors; "쿠플만 끊겨요"
    // about the symptom).
    var unnamed = strong.filter(function (t) { return !serviceTerm(v, t); });
    var terms = unnamed.length ? unnamed : soft.length ? soft : weak.length ? weak : strong;
    // So is the help desk, on every support page: beside a topic readers ask about, the topic is
    // searched ("email customer service": the email page, not every page naming customer service;
    // "고객지원은 어떤 일을 하나요" is about the help desk).
    var asking = terms.filter(function (t) { return !v.helpDesk.has(t); });
    if (asking.some(function (t) { return !v.actions.has(t) && readersTopic(v, t); })) terms = asking;
    var anyKnown = words.some(function (w) { return w.known; });
    var topics = topicsOf(v, terms, others);
    var asked = question(v, parsed.list, words);
    if (asked) return answerTo(v, asked, words, parsed.text, site);
    var outside = mentions(parsed.list, v.outside);
    var feature = mentions(parsed.list, v.features, true);
    var fails = (outside || feature) && failing(v, parsed.list);
    return {
      // Most of the reader's real words (verbs and adjectives aside) are unknown, only guesses, or
      // the service's own name, which every page is about: whatever the rest matches is not an
      // answer ("쿠팡이츠 배달 늦음", "쿠팡 로켓배송 언제 와요").
      // A query that names another service or Coupang's shopping ("넷플릭스 가격") is not ours either,
      // unless it says ours fails beside it ("넷플릭스는 잘 되는데 쿠플만 끊겨요": the other service's
      // name is then no unknown word either).
      // So is how to use a feature the pages do not document ("자막 크기 키우기"), unless the query
      // says it fails ("자막이 안 나와요": a playback problem).
      unanswerable: !(outside && fails && (namesInFull(v, words) || othersWork(v, parsed.list))) &&
        ((words.some(function (w) { return !w.known; }) && doubt * 2 > counted) || outside || (feature && !fails) ||
         priceQuestion(v, parsed.list, words)),
      query: anyKnown ? terms.join(" ") : "",
      // What the query is about, without the generic actions (변경, 확인, change): a page titled
      // with only an action the reader named ("결제 수단 확인·변경") is not the page about their
      // object ("비밀번호 변경").
      topics: anyKnown ? topics : [],
      // The topics of the words typed as the pages spell them: a title naming one of these is a
      // surer match than one naming a guess (환불 요쳥: 환불 was typed, 요청 is a correction) or
      // what a synonym made of the reader's words (로그인이 안돼요: 로그인 was typed, 오류 is what
      // 안돼요 means).
      // A word typed in the other language counts as its translation typed ("login 안됨": 로그인).
      typedTopics: anyKnown ? topicsOf(v, terms.filter(function (t) {
        return !guesses.get(t) && (typedAsIs(parsed.text, t) || translated(words, t, site));
      }), new Map()) : [],
      // The symptoms said with a negation, not searched (안돼요: 오류): among titles that name a
      // topic, one that also names the symptom comes first (로그인 안됨: 로그인이 안 될 때).
      symptoms: anyKnown ? soft.filter(function (t) { return terms.indexOf(t) < 0; }) : [],
      // The generic actions the query names: when no title names a topic ("카드 변경": no page is
      // titled 카드), the page titled with the action is the best left (결제 수단 확인·변경).
      actions: anyKnown ? actionsOf(v, terms, others) : [],
      words: words,
      // Korean typed in English mode is not the other language.
      foreign: isForeign(parsed.text, site) && !words.some(function (w) { return w.korean; }),
      readings: anyKnown ? otherReadings(terms, others) : [],
      fallback: anyKnown ? fallback(v, terms, guesses, others) : []
    };
  }

  // How much a word counts among the query's real words, for "most words unknown": a verb or
  // adjective not at all beside a noun, and half in a query of nothing else ("무빙 다시보기" is a
  // show's name and "watch again": mostly the unknown name); an unknown word that reads as a verb
  // form or as a Korean ending spelt out not at all.
  function realWord(w, weak, nounless) {
    if (!w.known) return verbForm(w.typed) || romanisedKorean(w.typed) || adverb(w.typed) ? 0 : 1;
    if (!weak) return 1;
    return nounless ? 0.5 : 0;
  }

  // An unknown English word in -ly (constantly, randomly, suddenly) says how something happens, as
  // a verb form does, not what the query is about: "bufering constantly" asks about buffering.
  function adverb(typed) {
    return /^[a-z]{3,}ly$/.test(typed);
  }

  // An unknown word that reads as a verb or adjective form (떠요, 막혀요, 빠져, and 간, 준, 햇 cut
  // from 빠져나간거, 깔아준, 해지햇는데: the vocabulary knows only the pages' verbs) says what happens, not
  // what the query is about: like a known verb, it does not count towards "most words unknown".
  // Unknown nouns (손흥민 경기 중계) still do.
  function verbForm(typed) {
    if (!/^[\uac00-\ud7a3]+$/.test(typed)) return false;
    // A sound or motion word says how, as a verb does (뚝뚝 끊겨요, 버벅버벅): its syllables twice.
    if (/^(.+)\1$/.test(typed)) return true;
    // One syllable is what the cut left of a longer word (간, 짐, 니 of 되더니, 햇 of 해지햇는데): an
    // unknown word of its own stays whole (손흥민), so a lone syllable is a verb's ending or form.
    // So is a word ending as only verbs do: a plan or contrast (볼건데), a noun form (똑같음), the
    // past (지웠), "only" after a verb (돌기만), a plain ending (돌아).
    return typed.length === 1 || /[요져워려해돼봐데음아]$/.test(typed) || /(?:기만|[았었였웠했됐])$/.test(typed);
  }

  // "It doesn't work" (안 되다, 못 되다 in any form: 안돼요, 안됨, 안될; 불가) says only that something
  // fails; 안 나와요 or 안 봐져요 say what fails (playback), and stay searched.
  function symptom(v, w) {
    return w.known && !w.guess && /^([안못][되돼됨될됐됩]|불가)/.test(w.typed) && v.synonyms.has(w.typed);
  }

  // Whether the query says that something works (유튜브는 멀쩡한데, 잘 되는데, youtube works fine;
  // not "isn't working"): beside another service and a failure, the failure is ours.
  function othersWork(v, list) {
    return list.some(function (token, i) {
      var next = list[i + 1];
      if (token.hangul) {
        var text = token.text === "잘" && next ? token.text + next.text : token.text;
        return v.works.hangul.some(function (word) { return text.lastIndexOf(word, 0) === 0; });
      }
      var before = list[i - 1];
      return v.works.latin.has(token.text) && !(before && v.faults.latin.has(before.text));
    });
  }

  // Is the word one of the service's own names (쿠팡, Coupang Play)?
  function names(v, w) {
    return w.matched.length > 0 && w.matched.every(function (t) { return serviceTerm(v, t); });
  }

  // Whether the query names the service in full, not only the company (쿠팡이츠 is Coupang's too):
  // beside another service it says which one fails ("넷플릭스는 되는데 쿠플만 끊겨요").
  function namesInFull(v, words) {
    return Boolean(v.fullName) && words.some(function (w) {
      return w.matched.some(function (t) { return t.replace(/\s+/g, "") === v.fullName; });
    });
  }

  // A verb or adjective stem (바꾸, 늦): searched only when the query has nothing else.
  function weakTerm(v, term) {
    return v.weak.has(term.split(" ")[0]);
  }

  // Whether a word as typed names one of `names` (the vocabulary's `outside` or `features`): a Latin
  // word starting with one (netflix's), a Hangul run containing one (넷플릭스는, 쿠팡로켓배송:
  // readers leave spaces out).
  // With `pairs`, a name of three characters or more also counts typed as two words (시청 기록, two
  // step, 2 step: a number is a word of its own), two characters or more of it in each: a feature's
  // name. Across two words a shorter name is mostly chance (중 계정 is no 중계), and so are a
  // plural's s (episode stops is no episodes) and another service's name (watch anything is no
  // Watcha).
  function mentions(list, names, pairs) {
    return list.some(function (token, i) {
      var next = pairs && list[i + 1];
      var pair = next && { text: token.text + next.text, hangul: next.hangul };
      return names.some(function (name) {
        if (where(token, name) >= 0) return true;
        var at = pair && name.length >= 3 ? where(pair, name) : -1;
        return at >= 0 && at < token.text.length && at + name.length - token.text.length >= 2;
      });
    });
  }

  function where(token, name) {
    if (token.hangul) return token.text.indexOf(name);
    return token.text.lastIndexOf(name, 0) === 0 ? 0 : -1;
  }

  // Whether the query asks what the service costs (search_vocab.PRICES): it names a price and no
  // word a page answers but the plan it asks about, the service's name and verbs.
  function priceQuestion(v, list, words) {
    var priced = list.some(function (token, i) {
      if (token.hangul && /얼마나/.test(token.text)) return false;
      var next = list[i + 1];
      return (token.text === "how" && next && next.text === "much") ||
        v.prices.some(function (name) { return where(token, name) >= 0; });
    });
    return priced && words.every(function (w) {
      return !w.known || names(v, w) || v.plans.has(w.typed) || w.matched.every(function (t) {
        return v.plans.has(t) || weakTerm(v, t) || v.prices.some(function (name) { return t.lastIndexOf(name, 0) === 0; });
      });
    });
  }

  // Whether the query says that something fails: a word that is one of the vocabulary's `faults`
  // (not, missing) or, in Hangul, starts with one (안나와요, 깨져요), also right after a feature
  // and its particle in a run typed without spaces (자막이안나와요).
  function failing(v, list) {
    return list.some(function (token, i) {
      if (!token.hangul) return v.faults.latin.has(token.text);
      // 못 ...게 says what a setting is for (애들 못보게, 못 보게 하려면), not that something fails.
      var next = list[i + 1];
      if (/^못.*게$/.test(token.text) || (token.text === "못" && next && next.hangul && /게$/.test(next.text))) return false;
      var rests = [token.text];
      v.features.forEach(function (name) {
        var at = where(token, name);
        if (at >= 0) rests.push(token.text.slice(at + name.length).replace(/^[이가은는도을를]/, ""));
      });
      return rests.some(function (rest) {
        return v.faults.hangul.some(function (fault) { return rest.lastIndexOf(fault, 0) === 0; });
      });
    });
  }

  function serviceTerm(v, term) {
    return v.service.has(term.replace(/\s+/g, ""));
  }

  // The phrase of the vocabulary the query asks ("어디로 문의해야 하나요", "문의는 어디로": 어디 문의),
  // if each of its words starts a word of the query, in any order, and every word the reader typed
  // about something is one of the phrase's ("결제 문의는 어디로" is about payment, not about which
  // channel; the service's name is about nothing: "쿠팡 플레이 고객센터 번호"). Compared as typed,
  // spaces aside: the phrase is in the reader's words (call center, 고객센터 번호), which synonyms
  // may have replaced. A word read from initials, half typed or mistyped counts as the word it reads
  // as (ㄱㄱㅅㅌ ㅈㅎㅂㅎ, 고객센ㅌ 전화번ㅎ); a phrase typed without spaces (고객센터전화번호) counts
  // as its words, whichever way the run was cut.
  function question(v, list, words) {
    function compact(text) { return text.toLowerCase().replace(/\s+/g, ""); }
    function said(w) { return compact(w.guess && w.matched.length ? w.matched[0] : w.typed); }
    // A word also counts as what it means (acct: account), so a phrase needs no spelling of each;
    // a guessed word as what it reads as and as typed (process, read as prices, is still process);
    // an English word in -ing also as its verb (changing: change).
    function forms(w) {
      var ways = [said(w)].concat(w.guess ? [compact(w.typed)] : w.matched.map(unnamed));
      return /^[a-z]{3,}[^e]ing$/.test(ways[0]) ? ways.concat([ways[0].slice(0, -3) + "e"]) : ways;
    }
    // 쿠팡계정 is about 계정: the service's name is what every page is about.
    function unnamed(term) {
      var rest = term.split(" ").filter(function (part) { return !serviceTerm(v, part); });
      return compact(rest.length ? rest.join(" ") : term);
    }
    var typed = list.map(function (t) { return compact(t.text); });
    // A function word mistyped still asks the phrase (somone logged in: someone log).
    list.forEach(function (t) {
      var stop = !t.hangul && !known(v, t.text) ? mistypedStop(v, t.text) : "";
      if (stop) typed.push(stop);
    });
    words.forEach(function (w) { typed = typed.concat(forms(w)); });
    // "It doesn't work" (symptom) says what every problem says, and the help desk is what every
    // support question names ("best way to contact customer support"): neither is what it is about,
    // nor is where it happens (앱에선, the app says: search_vocab.PLACES).
    // A guessed word is about what it reads as first (sup: support), not its other readings.
    var about = words.filter(function (w) {
      return w.known && !names(v, w) && !symptom(v, w) && (w.guess ? w.matched.slice(0, 1) : w.matched).some(function (t) {
        return !weakTerm(v, t) && !v.actions.has(t) && !v.helpDesk.has(t) && !v.places.has(t);
      });
    }).map(forms);
    // A phrase with the service's name in it asks for something named after the service (coupang
    // help: the help center itself), so the help desk typed beside it is something else asked
    // ("what can coupang play support help with" is about the help desk).
    var desk = words.filter(function (w) {
      return w.known && !names(v, w) && w.matched.some(function (t) { return v.helpDesk.has(t); });
    }).map(forms);
    // Typed without spaces, in any order (문의어디로해야돼: 어디 문의).
    function runTyped(phrase) {
      return phrase.words.length > 1 && list.some(function (t) {
        return t.hangul && phrase.words.every(function (word) { return t.text.indexOf(word) >= 0; }) &&
          phrase.words.join("").length <= t.text.length;
      });
    }
    function covers(phrase, ways) {
      return ways.some(function (t) {
        return (phrase.run && phrase.words.join("").indexOf(t) >= 0) ||
          phrase.words.some(function (word) { return t.lastIndexOf(word, 0) === 0 || word.lastIndexOf(t, 0) === 0; });
      });
    }
    // A phrase word that is the service's name is that name, not the start of a longer one (쿠팡
    // of 쿠팡 아이디 is not 쿠플, read as 쿠팡플레이).
    function says(t, word) { return serviceTerm(v, word) ? t === word : t.lastIndexOf(word, 0) === 0; }
    // The phrases the query asks, each with whether it was typed as one run (looked for once).
    var asked = [];
    v.phrases.forEach(function (phrase) {
      var run = runTyped(phrase);
      if (run || phrase.words.every(function (word) { return typed.some(function (t) { return says(t, word); }); })) {
        asked.push({ words: phrase.words, values: phrase.values, run: run });
      }
    });
    // Phrases asked with the same answer explain a query together ("best way to contact, email or
    // phone": "best contact" and "email phone" are both the channel comparison).
    // Two support channels typed side by side ask which of them, whatever the question is about
    // ("환불은 이메일이랑 전화 중 어디가 나아요", "email or phone for a billing problem"); not a
    // word that only means one (상담원 한테 메일: 상담원 is no choice of the phone).
    var spelt = list.map(function (t) { return compact(t.text); });
    function channel(word) { return v.channels.has(word) && spelt.some(function (t) { return says(t, word); }); }
    for (var i = 0; i < asked.length; i++) {
      var kin = asked.filter(function (p) { return p.values[0] === asked[i].values[0]; });
      var between = asked[i].words.filter(channel).length > 1;
      var toCover = asked[i].words.some(function (word) { return serviceTerm(v, word); }) ? about.concat(desk) : about;
      if (between || toCover.every(function (ways) { return kin.some(function (p) { return covers(p, ways); }); })) return asked[i];
    }
    return null;
  }

  // A phrase's answer: its first value is the query, the others are its other readings.
  function answerTo(v, phrase, words, text, site) {
    var terms = [phrase.values[0]];
    var topics = topicsOf(v, terms, new Map());
    return {
      query: terms[0], topics: topics, typedTopics: topics,
      actions: actionsOf(v, terms, new Map()), words: words, foreign: isForeign(text, site), unanswerable: false,
      readings: phrase.values.slice(1), fallback: [], phrase: true
    };
  }

  // The query with one word read another way the analysis also found (메일: the pages say both 메일
  // and 이메일; 결ㅈ: 결제 or 결정), tried before leaving a word out: the engine has no "or".
  function otherReadings(terms, others) {
    var out = [];
    terms.forEach(function (term, i) {
      (others.get(term) || []).forEach(function (other) {
        var query = terms.slice(0, i).concat([other], terms.slice(i + 1)).join(" ");
        if (out.indexOf(query) < 0) out.push(query);
      });
    });
    return out;
  }

  // Whether `term` is what a word the reader typed in the other language means (login on the Korean
  // site: 로그인): a translation, as sure as the word typed as the pages spell it.
  function translated(words, term, site) {
    return words.some(function (w) { return w.known && !w.guess && w.matched.indexOf(term) >= 0 && isForeign(w.typed, site); });
  }

  // Whether the reader typed `term` as the pages spell it, spaces aside.
  function typedAsIs(text, term) {
    return text.toLowerCase().replace(/\s+/g, "").indexOf(term.toLowerCase().replace(/\s+/g, "")) >= 0;
  }

  // The words of the terms and of their other readings, generic actions left out.
  function topicsOf(v, terms, others) {
    return wordsOf(terms, others).filter(function (w) { return !v.actions.has(w); });
  }

  function actionsOf(v, terms, others) {
    return wordsOf(terms, others).filter(function (w) { return v.actions.has(w); });
  }

  // A term of several words stays one topic (재 설정, sign in), and a Korean one also names its first
  // word: a title with 결제 is about 결제 내역, a title with only 센터 (온라인 헬프 센터) is not about
  // 고객 센터 (the last word of a Korean compound is the general one). A first word of one syllable
  // (비 of 비 공개) is in too many titles' words to name a topic.
  function wordsOf(terms, others) {
    var words = [];
    var readings = terms.slice();
    terms.forEach(function (t) { readings = readings.concat(others.get(t) || []); });
    readings.forEach(function (term) {
      var first = term.split(" ")[0];
      var parts = /[\uac00-\ud7a3]/.test(term) && first.length > 1 ? [term, first] : [term];
      parts.forEach(function (w) { if (w && words.indexOf(w) < 0) words.push(w); });
    });
    return words;
  }

  // Queries to try, in order, when `query` finds too little: each leaves out one of its words, the
  // most guessed and then the most used first (the engine requires every word it knows, and a
  // reader's word may be on every page but the one they need: "compare support options" where the
  // page says "methods"; ㅅㅊ read as 시청 is a guess, 환불 typed whole is not).
  // Each is followed by its other readings through the reader's own words (not guesses, whose
  // readings are many): "billing problem" without "problem" is "billing", which two pages mention in
  // passing, and "payment", which the payment pages are about.
  function fallback(v, terms, guesses, others) {
    if (terms.length < 2) return [];
    // A generic action or the help desk itself first (비밀번호 변경: the reset page says 재설정,
    // not 변경; 고객센터 이메일 주소: the email page), then the most guessed word, then the most used.
    function generic(t) { return v.actions.has(t) || v.helpDesk.has(t) ? 1 : 0; }
    var order = terms.slice().sort(function (a, b) {
      return generic(b) - generic(a) || (guesses.get(b) || 0) - (guesses.get(a) || 0) || usage(v, a) - usage(v, b);
    });
    var out = [];
    subsets(v, terms, order, guesses).forEach(function (rest) {
      var typed = new Map(rest.filter(function (t) { return !guesses.get(t); }).map(function (t) { return [t, others.get(t) || []]; }));
      [rest.join(" ")].concat(otherReadings(rest, typed)).forEach(function (query) {
        if (out.indexOf(query) < 0) out.push(query);
      });
    });
    return out;
  }

  // The terms each fallback keeps: all but one, in `order` of what to leave out first. A long
  // question ("결제일 전날 카드사에서 승인 거절 문자가 왔는데 한도는 남아 있거든요") leaving out
  // one word still asks for five or more, which no page has: it keeps pairs of its three words most
  // about the help center's topics instead. A topic is a word the synonyms point readers to (오류,
  // 카드사, 로그인): a question's rarest words are more often its story (전날, 남아, fine) than its
  // topic.
  function subsets(v, terms, order, guesses) {
    function weight(t) {
      return (readersTopic(v, t) ? 4 : 0) + (v.actions.has(t) ? 0 : 2) + (guesses.get(t) ? 0 : 1);
    }
    var kept = terms.slice().sort(function (a, b) { return weight(b) - weight(a) || usage(v, b) - usage(v, a); });
    // Then the two words most about a topic alone: "refund reqeust form" has no page with any two
    // of its words, and the cancelling page says refund.
    var singles = terms.length > 2 ? [[kept[0]], [kept[1]]] : [];
    var pairs = terms.length < LONG_QUERY ? order.map(function (left) { return terms.filter(function (t) { return t !== left; }); })
      : [[kept[0], kept[1]], [kept[0], kept[2]], [kept[1], kept[2]]].map(function (pair) {
        return terms.filter(function (t) { return pair.indexOf(t) >= 0; });
      });
    return pairs.concat(singles);
  }
  var LONG_QUERY = 5; // terms

  // Whether a term is one of the topics readers have in mind: every word of it is a synonym's key
  // or what one means (오류, 카드사, 로그인).
  function readersTopic(v, term) {
    return term.split(" ").every(function (w) { return v.readerWords.has(w); });
  }

  // A guessed word's readings, those the pages use beside the reader's neighbouring words first:
  // the vocabulary's pairs of neighbouring words (compounds) say which (비밀번호 재ㅅ: 재+설정
  // follows 비밀번호 in the pages, 재생 does not).
  function besideNeighbours(v, w, before, after) {
    function firstPart(t) { return (v.compounds.get(t) || t).split(" ")[0]; }
    function lastPart(t) { var p = (v.compounds.get(t) || t).split(" "); return p[p.length - 1]; }
    function paired(a, b) { return v.compounds.get(a + b) === a + " " + b; }
    function fits(t) {
      return (before && before.known && before.matched.some(function (b) { return paired(lastPart(b), firstPart(t)); }))
        || (after && after.known && after.matched.some(function (a) { return paired(lastPart(t), firstPart(a)); }));
    }
    // Only a reading the keys typed can spell moves up, not what a later reading means: ㅈㅅ beside
    // 오류 stays 재생 오류, although the pages pair 로그인 (which 접속, a later reading, means) with it.
    function spelt(t) {
      var first = w.typed.charAt(0);
      return isHangulChar(first) ? plain(initialOf(t.charAt(0))) === plain(initialOf(first)) : t.charAt(0) === first;
    }
    var beside = w.matched.filter(function (t) { return spelt(t) && fits(t); });
    if (!beside.length || beside.length === w.matched.length) return w;
    return Object.assign({}, w, { matched: beside.concat(w.matched.filter(function (t) { return beside.indexOf(t) < 0; })) });
  }

  function usage(v, term) {
    var word = term.split(" ")[0];
    return v.rank.has(word) ? v.rank.get(word) : v.rank.size;
  }

  // The synonyms' meanings of the readers' words a page's title says ("로그인이 안 될 때" says 안될,
  // which readers mean as 오류), so that ranking reads a title in the readers' words as it reads
  // the query: the sign-in page is titled with 로그인 오류 as surely as the payment-errors page is
  // with 결제 오류. Only words of two syllables or three letters and more count: a one-syllable
  // key (돈, 폰) is part of too many other words.
  function meanings(title, vocab) {
    var v = prepare(vocab);
    var text = String(title == null ? "" : title).toLowerCase().normalize("NFC");
    var compact = text.replace(/\s+/g, "");
    var latin = " " + text.replace(/[^a-z0-9']+/g, " ") + " ";
    var out = [];
    v.titleKeys.forEach(function (key) {
      var said = key.hangul ? compact.indexOf(key.word) >= 0 : latin.indexOf(" " + key.word + " ") >= 0;
      if (said) v.synonyms.get(key.word).forEach(function (value) { if (out.indexOf(value) < 0) out.push(value); });
    });
    return out;
  }

  // What a reader's first mistyped or half-typed long word would otherwise wait for, done while the
  // engine loads (search.js): the vocabulary's keystroke table, and one reading of such a word. A
  // browser runs code's first passes several times slower than later ones: at CPU 4x the first
  // half-typed word of three syllables (비밀번) took 20-27 ms to read, the next ones 1-5 ms. The
  // word read is one no reader types (a long word's syllables backwards), and what it read is
  // forgotten: only the compiled code stays.
  function ready(vocab, lang) {
    var v = prepare(vocab);
    typoKeys(v);
    var long = v.hangul.filter(function (w) { return w.length >= 4; })[0];
    if (long) expand(long.split("").reverse().join(""), vocab, lang);
    v.memo.clear();
  }

  var api = { expand: expand, meanings: meanings, ready: ready, keystrokes: keystrokes, initials: initials, distance: distance };
  root.HCQuery = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : typeof window !== "undefined" ? window : this);

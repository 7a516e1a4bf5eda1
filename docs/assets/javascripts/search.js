// Search in Material's search box and result list, on a Pagefind index per language
// (hooks/language_search.py). Nothing is downloaded while a reader only reads: the engine, the
// query analysis (search/query.js) and the vocabulary load when the search box is first opened,
// focused or typed in, and the engine then fetches only the index chunks a query needs.
// Indexed text is only ever shown through textContent, never parsed as HTML.
(function () {
  "use strict";
  var box = document.querySelector("[data-hc-search]");
  if (!box) return;
  var settings = JSON.parse(box.querySelector("[data-hc-search-config]").textContent);
  var text = settings.text;
  var input = box.querySelector("input.md-search__input");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var themeConfig = JSON.parse(document.getElementById("__config").textContent);
  var siteRoot = new URL(themeConfig.base.replace(/\/?$/, "/"), location.href);
  var lang = settings.lang;
  var other = Object.keys(settings.roots).filter(function (l) { return l !== lang; })[0];
  var MAX_QUERY = 200; // characters; a longer paste is cut, never an error
  // Fewer results than this: the query's fallbacks are tried, and a foreign-script query also
  // searches the other language.
  var FEW = 3;
  // Records loaded for another reading of the whole query: short FAQ answers often come first.
  var READING = 5;
  var SHOWN = 10;
  // Records whose text (a fragment each, 2-4 KiB at 1,000 articles) is fetched before the list is
  // first shown: a phone's screen (390 x 844) holds six results and part of a seventh. The rest of
  // the SHOWN are fetched when the reader scrolls to the end of the list: a reader whose answer is
  // on the first screen never pays for them.
  var FIRST = 7;
  var EXCERPT_WORDS = 24;
  // Records kept of each engine query (more than the whole query, its readings and fallbacks can
  // show together), and how many engine queries are kept for the next keystrokes.
  var KEPT = 40;
  var ANSWERS = 40;
  var TEXTS = 200;
  // Pagefind's defaults favour short records strongly (pageLength 0.75): every short FAQ answer
  // sharing one word outranked the page whose title matched. Measured on tests/search/queries.yml.
  // An FAQ question is meta `question`, not `title` (pagefind_index.engine_html), and counts as
  // much as a title (Pagefind's default weight).
  var RANKING = { pageLength: 0.1, termFrequency: 0.5, metaWeights: { title: 5, question: 5 } };
  // The index's Korean morpheme marks, next to Hangul: a particle or ending is a word of its own
  // after a space and a caret (pagefind_index.JOINER: "결제 ^가"), a compound's parts are joined by a
  // caret (COMPOUND_JOINER: "고객^지원"). The reader sees each word whole.
  var JOINER = /([\uac00-\ud7a3])\s?\^(?=\S)|\s?\^(?=[\uac00-\ud7a3])/g;
  var engines = {};
  var latest = 0;
  var answered = false; // a search of this page view has shown its results

  function languageRoot(l) { return new URL(settings.roots[l], siteRoot); }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  var queryModule = null;
  function analysis() {
    if (!queryModule) {
      queryModule = window.HCQuery ? Promise.resolve() : loadScript(new URL("assets/javascripts/search/query.js", siteRoot).href);
      queryModule.catch(function () { queryModule = null; });
    }
    return queryModule;
  }

  // A language's engine and vocabulary, loaded once; a failed load is retried on the next query.
  function engine(l) {
    if (!engines[l]) {
      var dir = new URL(settings.engine + "/", languageRoot(l));
      var tag = String(Date.now());
      warm(dir, tag, settings.wasm && settings.wasm[l]);
      var options = { excerptLength: 0, ranking: RANKING, metaCacheTag: tag };
      engines[l] = Promise.all([
        searcher(new URL("pagefind.js", dir).href, options),
        Promise.all([
          fetch(new URL(settings.vocabulary, dir)).then(function (response) { return response.ok ? response.json() : {}; }),
          analysis(),
        ]).then(function (vocab) { return prepared(vocab[0], l); }),
      ]).then(function (loaded) {
        return { engine: loaded[0], vocab: loaded[1], lang: l, answers: new Map(), texts: new Map() };
      });
      engines[l].catch(function () { delete engines[l]; });
    }
    return engines[l];
  }

  // The engine, in a worker of ours (search/worker.js) that answers each engine query with its
  // first KEPT records only; where a module worker cannot start, in the page (Pagefind then starts
  // a worker of its own, which answers with every record). Either way: search(text) gives records
  // ({id, words, titled, data()}), preload(text) fetches a query's index chunks.
  function searcher(pagefindUrl, options) {
    return inWorker(pagefindUrl, options).catch(function () { return inPage(pagefindUrl, options); });
  }

  function inWorker(pagefindUrl, options) {
    var worker = new Worker(new URL("assets/javascripts/search/worker.js", siteRoot), { type: "module" });
    var calls = new Map();
    var next = 0;
    function call(op, args) {
      return new Promise(function (resolve, reject) {
        calls.set(++next, { resolve: resolve, reject: reject });
        worker.postMessage({ id: next, op: op, args: args });
      });
    }
    worker.addEventListener("message", function (event) {
      var pending = calls.get(event.data && event.data.id);
      if (!pending) return;
      calls.delete(event.data.id);
      if (event.data.error !== undefined) pending.reject(new Error(event.data.error));
      else pending.resolve(event.data.value);
    });
    // A worker that cannot start (no module workers) or dies fails every call waiting on it.
    worker.addEventListener("error", function () {
      calls.forEach(function (pending) { pending.reject(new Error("search worker failed")); });
      calls.clear();
    });
    // Records' texts asked for together (a screen's seven) go to the worker in one message: a
    // message each cost the page and the worker about a millisecond apiece at CPU 4x, and the
    // worker began each fragment's fetch only once it had read the messages before.
    var asked = [];
    function data(id, text) {
      return new Promise(function (resolve, reject) {
        if (!asked.length) Promise.resolve().then(askTogether);
        asked.push({ id: id, text: text, resolve: resolve, reject: reject });
      });
    }
    function askTogether() {
      var batch = asked;
      asked = [];
      var records = batch.map(function (one) { return { id: one.id, text: one.text }; });
      call("data", { records: records, keep: KEPT }).then(function (answers) {
        batch.forEach(function (one, i) {
          var answer = answers[i] || { error: "no answer" };
          if (answer.error !== undefined) one.reject(new Error(answer.error));
          else one.resolve(answer.value);
        });
      }, function (error) {
        batch.forEach(function (one) { one.reject(error); });
      });
    }
    return call("init", { engine: pagefindUrl, options: options }).then(function () {
      return {
        search: function (text) {
          return call("search", { text: text, keep: KEPT }).then(function (records) {
            return records.map(function (record) {
              record.data = function () { return data(record.id, text); };
              return record;
            });
          });
        },
        preload: function (text) { return call("preload", { text: text }); },
      };
    }, function (error) {
      worker.terminate();
      throw error;
    });
  }

  function inPage(pagefindUrl, options) {
    return import(pagefindUrl).then(function (pagefind) {
      return pagefind.options(options).then(function () { return pagefind.init(); }).then(function () {
        return {
          search: function (text) {
            return pagefind.search(text).then(function (answer) {
              // The same fields as search/worker.js gives, the text composed as it composes it.
              // Pagefind frees a record's text once its result object is gone, so the record keeps
              // it (`result`).
              return ((answer && answer.results) || []).slice(0, KEPT).map(function (result) {
                function data() {
                  return result.data().then(function (record) {
                    return { meta: record.meta, content: String(record.content || "").normalize("NFC"), anchors: record.anchors };
                  });
                }
                return { id: result.id, words: result.words || [], titled: (result.matchedMetaFields || []).indexOf("title") >= 0, data: data, result: result };
              });
            });
          },
          preload: function (text) { return pagefind.preload(text); },
        };
      });
    });
  }

  // The query analysis readies its tables from the vocabulary on its first use, which takes a
  // phone several tenths of a second: done here, while the engine's WebAssembly is still arriving,
  // rather than on the first query, where it held up the reader's keystrokes and the search alike.
  function prepared(vocab, l) {
    expand("", vocab, l);
    try { window.HCQuery.ready(vocab, l); } catch (error) { /* readied by the first mistyped word instead */ }
    return vocab;
  }

  // The search worker fetches Pagefind's script, which fetches its entry file, then its metadata and
  // WebAssembly, each after the one before: on a phone network every step is a round trip (0.56 s
  // on Slow 4G). The same files are fetched here at once, beside the worker's script, so that the
  // engine finds them in the browser's cache. The entry file's address carries a tag fresh for each
  // page view (as Pagefind's own does), so an entry of an earlier build is never used. The WebAssembly, the
  // largest of them, is fetched at once when the build named it (`wasm`, from
  // pagefind_index.wasm_file), not a round trip later, after the entry file.
  function warm(dir, tag, wasm) {
    function get(name) {
      return fetch(new URL(name, dir)).then(function (response) { return response.ok ? response : Promise.reject(response.status); });
    }
    function drain(response) { return response.arrayBuffer(); }
    var ignore = function () { /* the engine fetches it itself */ };
    get("pagefind.js").then(drain).catch(ignore);
    if (wasm) get(wasm).then(drain).catch(ignore);
    get("pagefind-entry.json?ts=" + tag).then(function (response) { return response.json(); }).then(function (entry) {
      var index = entryIndex(entry && entry.languages);
      if (!index) return;
      get("pagefind." + index.hash + ".pf_meta").then(drain).catch(ignore);
      var named = "wasm." + (index.wasm || "unknown") + ".pagefind";
      if (named !== wasm) get(named).then(drain).catch(ignore);
    }).catch(ignore);
  }

  // The index Pagefind picks from its entry file: the page's language, else the largest.
  function entryIndex(languages) {
    if (!languages || typeof languages !== "object") return null;
    var pageLang = (document.documentElement.getAttribute("lang") || "unknown").toLowerCase();
    var own = languages[pageLang] || languages[pageLang.split("-")[0]];
    if (own) return own;
    return Object.keys(languages).map(function (key) { return languages[key]; })
      .sort(function (a, b) { return b.page_count - a.page_count; })[0] || null;
  }

  function expand(raw, vocab, l) {
    try {
      var expanded = window.HCQuery.expand(raw, vocab, l);
      if (expanded && typeof expanded.query === "string" && Array.isArray(expanded.words)) return expanded;
    } catch (error) { /* the query as typed is still searched */ }
    return { query: raw, words: [{ typed: raw, matched: [raw], known: true }], foreign: false };
  }

  function search(loaded, raw, id) {
    var expanded = expand(raw, loaded.vocab, loaded.lang);
    // Most of the reader's real words are unknown: whatever the rest matches is not an answer.
    if (!expanded.query.trim() || expanded.unanswerable) {
      return Promise.resolve({ expanded: expanded, results: [], later: [] });
    }
    var readings = (expanded.readings || []).filter(function (text) { return !narrower(text, expanded.query); });
    var typing = midWord(raw, expanded);
    var queries = [{ text: expanded.query, records: SHOWN }]
      .concat(readings.map(function (text) { return { text: text, records: READING, typing: typing }; }))
      .concat((expanded.fallback || []).map(function (text) { return { text: text, records: FEW }; }));
    return gather(loaded, queries, { records: [], later: [] }, 0, id, expanded.topics).then(function (found) {
      var results = ranked(found.records, expanded, raw).slice(0, SHOWN);
      return { raw: raw, expanded: expanded, results: results, later: found.later.slice(0, SHOWN - results.length) };
    });
  }

  // The reader is still typing the last word, which the analysis completed (결제 수: 수단 or 순서).
  // Another completion is then searched as a reading only when the whole query found fewer than
  // FEW records: each is an engine query of a common word (0.1-0.3 s at 1,000 articles), and the
  // next keys decide between them. COMPLETED is query.js's mark of such a word (GUESS.completed).
  var COMPLETED = 1;
  function midWord(raw, expanded) {
    var last = expanded.words[expanded.words.length - 1];
    return !/\s$/.test(raw) && Boolean(last) && last.guess === COMPLETED;
  }

  // Whether every record `reading` finds is one `query` finds too: the engine extends each word of a
  // query to every indexed word it starts (change to changed and changes) and requires each, so a
  // reading in which every word of the query starts a word finds nothing the query does not. "chang"
  // read as changed or changes, "change paym" as change payments or change payment method: each was
  // one more engine query (0.1-0.3 s at 1,000 articles) for records the whole query had found.
  function narrower(reading, query) {
    var words = reading.toLowerCase().split(/\s+/);
    return query.toLowerCase().split(/\s+/).every(function (word) {
      return words.some(function (w) { return w.lastIndexOf(word, 0) === 0; });
    });
  }

  // An FAQ question is a short record, so one shared word ranks it high, above the page that
  // answers. Pages whose title has a word of the query come first, then the rest: a title match
  // outranks an FAQ question or a page that only shares words. A title match of the whole query
  // outranks one of a fallback; when no record's title names a topic, the whole query's best
  // record leads (a fallback's titled page beats it: 비밀번호 변경 finds the reset page through the
  // fallback 비밀번호, and the whole query only pages sharing both words). Within each tier: a
  // title naming a word the reader typed before one naming only a guess
  // (a typo's correction, a completion) or a synonym's meaning, then a title naming more of the
  // query's topics (티비 로그인: 기기·TV에서 로그인 before 로그인이 안 될 때), then a title that is
  // exactly the words typed (payment: the Payment hub), then one saying more of them, then the whole query's
  // records, then each fallback's, in the engine's order. When no title names a topic, a title naming the query's action counts
  // ("카드 변경": 결제 수단 확인·변경).
  function ranked(found, expanded, raw) {
    var topics = expanded.topics;
    var typedTopics = expanded.typedTopics || [];
    var symptoms = expanded.symptoms || [];
    var asTyped = typedWords(raw);
    // A question phrase's answer is what was asked, in the pages' words (payment topics: payment).
    var asked = expanded.phrase ? typedWords(expanded.query) : asTyped;
    var rows = found.map(function (f, i) {
      var count = titleMatch(f.data, topics);
      // How many topics the title names, read in the readers' words too (`means`), and the
      // symptoms the reader said (안돼요: 오류): for ordering titles that already name a topic, not
      // for which do (안 될 names 오류 in every error query).
      var says = count > 0 ? named(f.data.means || titleOf(f.data), topics.concat(symptoms)) : count;
      var faq = f.data.meta && f.data.meta.kind === "faq";
      return { f: f, i: i, titled: count > 0, typed: count > 0 && typedTopics.length > 0 && titleMatch(f.data, typedTopics) > 0, named: says,
               exact: !faq && count > 0 && titledExactly(f.data, asked),
               echoed: faq ? 0 : named(titleOf(f.data), asTyped) };
    });
    var actions = expanded.actions || [];
    // The page titled with the action must still be about a topic: "billing problem" found the
    // playback page ("Fix playback problems") only through its fallback "problem".
    if (actions.length && !rows.some(function (r) { return r.titled; })) {
      rows.forEach(function (r) { r.titled = titleMatch(r.f.data, actions) > 0 && (!topics.length || named(r.f.data.content, topics) > 0); });
    }
    var whole = rows.filter(function (r) { return r.f.level === 0; });
    var lead = rows.some(function (r) { return r.titled; }) ? null : whole[0];
    rows.forEach(function (r) { r.tier = r === lead || (r.f.level === 0 && r.titled) ? 0 : r.titled ? 1 : 2; });
    return rows.sort(function (a, b) {
      return a.tier - b.tier || b.typed - a.typed || b.named - a.named || b.exact - a.exact || b.echoed - a.echoed ||
        a.f.level - b.f.level || a.i - b.i;
    }).map(function (r) { return r.f.data; });
  }

  // The title names what the query is about (query.js `topics`, generic actions left out): a topic
  // anywhere in a Korean title, spaces aside (메일 in 이메일 문의, 재 설정 in 비밀번호 재설정), an
  // English word at the start of a title's word, English words together as words, the last one
  // maybe plural (payment error in "Fix payment errors"; sign in, not signing). Without topics,
  // the engine's match of a title word decides. Returns how many of `topics` the title names
  // (without topics, 1 when the engine matched a title word).
  function titleMatch(result, topics) {
    if (result.meta && result.meta.kind === "faq") return 0;
    if (!topics || !topics.length) {
      var words = titleWords(result);
      return (result.locations || []).some(function (at) { return at < words; }) ? 1 : 0;
    }
    return named(titleOf(result), topics);
  }

  // Whether the title is the words the reader typed, no more and no fewer: the page named exactly
  // what was asked ("payment": the Payment hub before "Fix payment errors" and "Check or change
  // your payment method", which name it too). The title's words are read as the typed ones are.
  function titledExactly(result, typed) {
    var words = typedWords(readable(titleOf(result)));
    return words.length === typed.length && words.every(function (word) { return typed.indexOf(word) >= 0; });
  }

  // The reader's words as typed, the ones the analysis leaves out included ("can't sign in": the
  // title "When you can't sign in" says can't, "A sign-in … you didn't make" does not). Between two
  // titles naming the query's topics alike, the one that says more of the reader's own words first.
  function typedWords(raw) {
    return String(raw || "").toLowerCase().normalize("NFC").replace(/’/g, "'").split(/[\s.,!?·]+/).filter(function (word) {
      return word.length > 1 || /[\uac00-\ud7a3]/.test(word);
    }).map(function (word) { return CONTRACTIONS[word] || word; });
  }
  // As titles write them: "cannot log in" and "cant sign in" say the "can't" of "When you can't sign in".
  var CONTRACTIONS = { cannot: "can't", cant: "can't", dont: "don't", didnt: "didn't", doesnt: "doesn't", wont: "won't", isnt: "isn't" };

  // How many of `topics` an indexed text names, as titleMatch reads a title.
  function named(indexed, topics) {
    var text = readable(indexed).toLowerCase();
    var latin = " " + text.replace(/[^a-z0-9']+/g, " ") + " ";
    var compact = text.replace(/\s+/g, "");
    return topics.filter(function (topic) {
      if (/[\uac00-\ud7a3]/.test(topic)) return compact.indexOf(topic.replace(/\s+/g, "")) >= 0;
      if (topic.indexOf(" ") > 0) return [" ", "s ", "es "].some(function (end) { return latin.indexOf(" " + topic + end) >= 0; });
      return topic.length > 2 && latin.indexOf(" " + topic) >= 0;
    }).length;
  }

  function titleWords(result) {
    return String(titleOf(result) || "").split(/\s+/).length;
  }

  // A record's address relative to its language's root: the page's, spaced in the index
  // (pagefind_index.spaced_url), and an FAQ question's anchor, the id of its first element.
  function address(record) {
    var page = String((record.meta && record.meta.url) || "").replace(/ /g, "").normalize("NFC").replace(/^\//, "");
    var anchor = record.meta && record.meta.kind === "faq" && record.anchors && record.anchors[0];
    return anchor ? page + "#" + anchor.id : page;
  }

  // A page's title, or an FAQ record's question.
  function titleOf(result) {
    return result.meta && (result.meta.title || result.meta.question);
  }

  // What a page's title names for ranking: its words, and what readers mean by those of them that
  // are readers' words (query.js `meanings`: 안 될 is 오류).
  function meant(record, vocab) {
    var title = readable(titleOf(record));
    var meanings = [];
    try { meanings = window.HCQuery.meanings(title, vocab); } catch (error) { /* the title as written */ }
    return [title].concat(meanings).join(" ");
  }

  // The engine requires every word. When the whole query finds fewer than FEW records, or no page
  // with a query word in its title, the query read another way (a word's other reading: 메일 or
  // 이메일) and then the query analysis's fallbacks (fewer of its words: query.js `fallback`) are tried in turn,
  // and their first new records are added: a reader's extra word ("forgot my password help") must
  // not hide the page that answers. Only a few records of each are loaded (READING, FEW), so a
  // relaxed query costs a few small fragments.
  // `found`: the records fetched so far, and `later`, the whole query's records whose text waits
  // for the reader to scroll (FIRST).
  function gather(loaded, queries, found, level, id, topics) {
    var records = found.records;
    var enough = records.length >= FEW && records.some(function (f) { return titleMatch(f.data, topics) > 0; });
    // A query the reader has typed past is not relaxed further: its results will not be shown.
    if (!queries.length || enough || id !== latest) return Promise.resolve(found);
    if (queries[0].typing && records.length >= FEW) return gather(loaded, queries.slice(1), found, level + 1, id, topics);
    return answers(loaded, queries[0].text).then(function (answer) {
      // Typed past while the engine searched: its records' fragments would be fetched for nothing.
      if (id !== latest) return found;
      var seen = new Set(records.concat(found.later).map(function (f) { return f.id; }));
      var unseen = answer.filter(function (result) { return !seen.has(result.id); });
      // A reading or fallback brings only a few records: those whose title has a query word first
      // ("billing problem" read as "payment problem": the engine ranks the support pages, which
      // say both words often, above the payment pages titled with one).
      var more = (level > 0 ? titledFirst(unseen) : unseen).slice(0, queries[0].records);
      // With no page title naming a query word (a half-typed word, 이메일 for 메일), the ranking
      // needs every title: all are fetched at once, not one screen and then the rest.
      var now = level === 0 && more.some(function (result) { return result.titled; }) ? firstScreen(more) : more;
      var waiting = more.filter(function (result) { return now.indexOf(result) < 0; });
      return Promise.all(now.map(function (result) { return withData(result, level); })).then(function (fetched) {
        // No title on the first screen names the query (이메일 문의 for 메일, which the engine
        // does not count as a title match): the ranking needs the others' titles now.
        if (!waiting.length || fetched.some(function (f) { return titleMatch(f.data, topics) > 0; })) {
          return { records: records.concat(fetched), later: found.later.concat(waiting) };
        }
        return Promise.all(waiting.map(function (result) { return withData(result, level); })).then(function (rest) {
          return { records: records.concat(fetched, rest), later: found.later };
        });
      });
    }).then(function (next) { return gather(loaded, queries.slice(1), next, level + 1, id, topics); });
  }

  function withData(result, level) {
    return result.data().then(function (data) { return { id: result.id, data: data, level: level }; });
  }

  // The whole query's records fetched before the list is shown: those with a query word in their
  // title first (the engine says so without the text; the ranking puts them first), then in the
  // engine's order.
  function firstScreen(results) {
    return results.length <= FIRST ? results : titledFirst(results).slice(0, FIRST);
  }

  function titledFirst(results) {
    return results.filter(function (result) { return result.titled; })
      .concat(results.filter(function (result) { return !result.titled; }));
  }

  // The engine's first records for an engine query, kept for the next keystrokes: most keystrokes
  // read to a query already searched (결제 수 and 결제 수단 both search 결제 수단; a fallback
  // comes back at every keystroke), and the engine answers a common word with every record that
  // has it (1,200+ at 1,000 articles), which costs more than anything else in a keystroke. Only
  // the first KEPT records reach the page (searcher), and each record's text is asked for once
  // (recordText). The oldest queries are forgotten past ANSWERS.
  function answers(loaded, text) {
    return remembered(loaded.answers, text, ANSWERS, function () {
      return loaded.engine.search(text).then(function (records) {
        return records.map(function (record) { return kept(record, loaded); });
      });
    });
  }

  // A promise kept in `memory` (a Map, oldest first) under `key`, made once; a failed one is
  // forgotten, so that it is made again. Past `limit` entries the oldest is forgotten.
  function remembered(memory, key, limit, make) {
    var known = memory.get(key);
    if (known) {
      memory.delete(key);
      memory.set(key, known);
      return known;
    }
    var made = make();
    made.catch(function () { if (memory.get(key) === made) memory.delete(key); });
    memory.set(key, made);
    if (memory.size > limit) memory.delete(memory.keys().next().value);
    return made;
  }

  // A record with its text. The engine rewrites a record's match locations at every text it gives,
  // whichever query found it, so the locations are this query's own (`words`).
  function kept(record, loaded) {
    var data = null;
    function load() {
      return recordText(loaded, record).then(function (text) {
        return { meta: text.meta, content: text.content, locations: record.words, address: text.address, means: text.means };
      }, function (error) {
        data = null; // fetched again next time
        throw error;
      });
    }
    return { id: record.id, words: record.words, titled: record.titled, data: function () { return data || (data = load()); } };
  }

  // A record's text, asked for once whichever query finds it: its id is its fragment's hash, so the
  // text is the same for every query. Each key of 결제 오류 finds mostly the records the key before
  // found. Asking the worker again for each (a round trip; Pagefind rebuilding its excerpt and
  // sub-results; the text composed and its titles' meanings read again) made a keystroke's median
  // 19 ms and its p95 100 at 1,000 articles (CPU 4x), against 15 and 93 with this. TEXTS records
  // are about 0.7 MiB (1,800 characters a record on average).
  function recordText(loaded, record) {
    return remembered(loaded.texts, record.id, TEXTS, function () {
      return record.data().then(function (fetched) {
        // The text comes composed (searcher), so an excerpt splits it as it is.
        return { meta: fetched.meta, content: fetched.content, address: address(fetched), means: meant(fetched, loaded.vocab) };
      });
    });
  }

  // One search at a time, and then only the latest query: a reader types faster than a phone
  // searches, and every keystroke's search running side by side made the last one wait behind all
  // the others (seconds at 1,000 articles). A keystroke during a search only marks the box as
  // changed; when the search ends, the box as it is then is searched.
  var running = false;
  var changed = false;
  var lastKey = 0;
  // A keystroke within this many milliseconds of the one before belongs to the same burst of typing
  // (a Korean syllable is two to four keys).
  var TYPING_MS = 300;

  function run() {
    latest++;
    lastKey = performance.now();
    if (running) {
      changed = true;
      preload(input.value.slice(0, MAX_QUERY));
      return;
    }
    var raw = input.value.slice(0, MAX_QUERY);
    if (!raw.trim()) {
      clear(settings.placeholder);
      return;
    }
    running = true;
    answer(raw, latest).then(function () {
      running = false;
      if (changed) {
        changed = false;
        run();
      }
    });
  }

  // Resolves with `value` once the reader has paused typing (no keystroke for TYPING_MS), and
  // at least after the keystrokes already typed have reached the box. Only for the page view's first
  // search: the engine is often ready before the reader's first syllable is done (the box was
  // focused first), and that syllable (결 of 결제 오류) was then searched to the end, the costliest
  // query there is (every word starting with it) and an index chunk of its own (23 KiB at 1,000
  // articles), while the query typed meanwhile waited behind it. Later keystrokes go straight to
  // the engine: a pause there let the browser paint first, 50-190 ms per keystroke (CPU 4x).
  function afterTyping(value) {
    return new Promise(function (resolve) {
      function check() {
        var left = lastKey + TYPING_MS - performance.now();
        if (left > 0) window.setTimeout(check, left);
        else resolve(value);
      }
      window.setTimeout(check, 0);
    });
  }

  // While a search runs, the index chunks of the query the box holds now are fetched beside it
  // (Pagefind's preload: the chunks only, nothing ranked), so the search that follows does not wait
  // a round trip for them. A state already typed past by the time the engine is ready is skipped,
  // and so is one whose last word is still being typed (결제 오, "payment fa"): the chunks of its
  // completion (오, faq) were a reader's first search's only waste, 9-16 KiB at 1,000 articles.
  function preload(raw) {
    var loading = engines[lang];
    if (!loading || !raw.trim()) return;
    loading.then(function (own) {
      if (input.value.slice(0, MAX_QUERY) !== raw) return;
      var expanded = expand(raw, own.vocab, own.lang);
      if (midWord(raw, expanded)) return;
      if (expanded.query.trim() && !own.answers.has(expanded.query)) return own.engine.preload(expanded.query);
    }).catch(function () { /* the search itself fetches what it needs */ });
  }

  // Searches `raw` and shows its results, unless the box changed meanwhile; never rejects.
  function answer(raw, id) {
    if (!engines[lang]) clear(text.loading);
    var starting = !answered;
    return engine(lang).then(function (own) { return starting ? afterTyping(own) : own; }).then(function (own) {
      if (id !== latest) return;
      return search(own, raw, id).then(function (mine) {
        if (id !== latest) return;
        if (!mine.expanded.foreign || mine.results.length >= FEW || !other) return render(raw, mine, []);
        return engine(other).then(function (theirs) { return search(theirs, raw, id); }).then(function (their) {
          if (id === latest) return render(raw, mine, their.results);
        }, function () {
          if (id === latest) return render(raw, mine, []);
        });
      });
    }).catch(function () {
      if (id === latest) clear(text.failed);
    });
  }

  function clear(message) {
    meta.textContent = message;
    onScreen = null;
    if (watching) watching.disconnect();
    list.replaceChildren();
    list.removeAttribute("data-hc-results-for");
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  // Whether words[i] (NFC) is a morpheme the index joined to the word before it: a caret, then the
  // morpheme, with Hangul on one side of the cut (pagefind_index.JOINER).
  function joined(words, i) {
    var word = words[i];
    return i > 0 && word.length > 1 && word.charAt(0) === "^" &&
      (/[\uac00-\ud7a3]/.test(word.charAt(1)) || /[\uac00-\ud7a3]$/.test(words[i - 1]));
  }

  // Indexed Korean is decomposed (NFD, see pagefind_index.py) and carries morpheme joiners.
  function readable(indexed) {
    return String(indexed || "").normalize("NFC").replace(JOINER, "$1");
  }

  // The densest run of matched words after the title, with the matches in <mark>. The index
  // repeats a page's section headings after its text (pagefind_index.engine_html): meta `words`
  // says where the text the reader sees ends.
  function excerpt(result) {
    var words = String(result.content || "").split(/[\r\n\s]+/);
    var shown = Number(result.meta && result.meta.words);
    if (shown > 0 && shown < words.length) words = words.slice(0, shown);
    var skip = titleWords(result);
    var matches = (result.locations || []).filter(function (at) { return at >= skip && at < words.length; });
    var start = skip;
    if (matches.length) start = Math.max(skip, matches[Math.floor(matches.length / 2)] - EXCERPT_WORDS / 2);
    while (start > skip && joined(words, start)) start--; // a word's first morpheme
    var end = start;
    for (var count = 0; end < words.length && (count < EXCERPT_WORDS || joined(words, end)); end++) {
      if (!joined(words, end)) count++;
    }
    var marked = new Set(matches);
    var paragraph = element("p");
    // Unmarked words as one text node up to the next mark: a node per word made the list a few
    // hundred nodes for the phone to lay out at each keystroke.
    var text = "";
    words.slice(start, end).forEach(function (word, i) {
      var part = i > 0 && joined(words, start + i);
      if (part) word = word.slice(1);
      text += part ? "" : i ? " " : start > skip ? "… " : "";
      if (!marked.has(start + i)) {
        text += readable(word);
        return;
      }
      if (text) paragraph.appendChild(document.createTextNode(text));
      paragraph.appendChild(element("mark", "", readable(word)));
      text = "";
    });
    text += end < words.length ? " …" : "";
    if (text) paragraph.appendChild(document.createTextNode(text));
    return paragraph;
  }

  function item(result, l) {
    var li = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = new URL(result.address, languageRoot(l)).href;
    link.tabIndex = -1;
    var article = element("article", "md-search-result__article md-typeset");
    article.appendChild(element("div", "md-search-result__icon md-icon"));
    var title = element("h1", "", readable(titleOf(result)));
    if (result.meta && result.meta.kind === "faq") title.prepend(element("span", "hc-search-kind", "FAQ"));
    if (l !== lang) {
      link.hreflang = l;
      link.lang = l;
      title.prepend(element("span", "hc-search-lang", text.other_label));
    }
    article.appendChild(title);
    article.appendChild(excerpt(result));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function helpLinks(raw) {
    var panel = element("li", "hc-search-empty");
    panel.appendChild(element("p", "hc-search-empty__title", text.none.replace("{query}", raw.trim())));
    panel.appendChild(element("p", "", text.help));
    var links = element("ul", "hc-search-empty__links");
    text.links.forEach(function (pair) {
      var a = element("a", "", pair[0]);
      var target = pair[1].charAt(0) === "@" ? pair[1].slice(1) : null;
      a.href = target ? languageRoot(target).href : new URL(pair[1], languageRoot(lang)).href;
      if (target) a.hreflang = target;
      var li = element("li");
      li.appendChild(a);
      links.appendChild(li);
    });
    panel.appendChild(links);
    return panel;
  }

  function count(n) {
    return n === 1 ? settings.one : settings.many.replace("#", String(n));
  }

  // What a list shows: each record with its highlighted words, or the no-results panel naming the
  // query. Most keystrokes end on the list already shown (결제 and "결제 ", a word typed on to the
  // completion already searched), which is then left as it is: rebuilding it cost a phone a
  // layout of the whole list and moved a reader's place in it.
  var onScreen = null;
  function shown(raw, mine, foreign) {
    if (!mine.results.length && !foreign.length) return "none " + raw.trim();
    return JSON.stringify([mine.results, foreign].map(function (results) {
      return results.map(function (result) { return [result.address, result.locations]; });
    }).concat([mine.later.map(function (result) { return [result.id, result.words]; })]));
  }

  function render(raw, mine, foreign) {
    answered = true;
    var showing = shown(raw, mine, foreign);
    var complete = Promise.resolve();
    if (showing !== onScreen) {
      onScreen = showing;
      draw(raw, mine.results, foreign, mine.later.length);
      if (watching) watching.disconnect();
      if (mine.later.length && endInView()) complete = showMore(mine, showing);
      else if (mine.later.length) moreOnScroll(mine, showing);
    }
    // Which query these results answer, so tests (and assistive tooling) can tell them from the
    // results of a half-typed query still on screen.
    return complete.then(function () { list.setAttribute("data-hc-results-for", input.value); });
  }

  function draw(raw, own, foreign, waiting) {
    var items = own.map(function (result) { return item(result, lang); });
    if (foreign.length) {
      items.push(element("li", "hc-search-other", text.other));
      items = items.concat(foreign.map(function (result) { return item(result, other); }));
    }
    if (!own.length && !foreign.length) {
      meta.textContent = text.none.replace("{query}", raw.trim());
      items = [helpLinks(raw)];
    } else {
      meta.textContent = count(own.length + waiting + foreign.length);
    }
    list.replaceChildren.apply(list, items);
  }

  // The rest of the whole query's records (FIRST), once the reader scrolls to the end of the list,
  // ranked among themselves, after the records already shown and before the other language's.
  // The reader sees the end of the list once half its last item is on screen (whole, it may stay a
  // fraction of a pixel short). A list whose end is already in view (a tall screen) gets the rest
  // before it counts as shown.
  var END_SEEN = 0.5;
  var watching = null;
  function moreOnScroll(mine, showing) {
    var first = true;
    var observer = new IntersectionObserver(function (entries) {
      // The first report is the list as drawn, which endInView() has judged already; and a report
      // queued before a newer list replaced this one is not about the list on screen.
      var drawn = first;
      first = false;
      if (drawn || observer !== watching || !entries.some(function (entry) { return entry.intersectionRatio >= END_SEEN; })) return;
      observer.disconnect();
      watching = null;
      showMore(mine, showing);
    }, { threshold: [END_SEEN, 1] });
    watching = observer;
    observer.observe(list.lastElementChild);
  }

  function endInView() {
    var wrap = list.closest(".md-search__scrollwrap") || document.documentElement;
    var bottom = Math.min(wrap.getBoundingClientRect().bottom, window.innerHeight);
    var last = list.lastElementChild.getBoundingClientRect();
    return bottom - last.top >= last.height * END_SEEN;
  }

  function showMore(mine, showing) {
    return Promise.all(mine.later.map(function (result) { return withData(result, 0); })).then(function (fetched) {
      if (onScreen !== showing) return;
      var items = ranked(fetched, mine.expanded, mine.raw).map(function (result) { return item(result, lang); });
      var foreign = list.querySelector(".hc-search-other");
      items.forEach(function (node) { list.insertBefore(node, foreign); });
    }, function () { /* the next search fetches them again */ });
  }

  // As in Material: focusing the box opens the search overlay (on wide screens the box is always
  // shown in the header), and starts loading the engine while the reader types.
  function open() {
    if (!toggle.checked) toggle.checked = true;
    engine(lang).catch(function () { /* shown when a query is run */ });
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", run);
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector(".md-search-result__link");
    if (first) first.click();
  });
  box.querySelector("button[type=reset]").addEventListener("click", function () {
    window.setTimeout(function () { run(); input.focus(); });
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) window.setTimeout(function () { input.focus(); }, 50);
  });

  // Keys as in Material: "/", "s" or "f" open search; Escape closes; arrows move through results.
  document.addEventListener("keydown", function (event) {
    var typing = event.target instanceof HTMLElement && (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
    if (!toggle.checked) {
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[/sf]$/.test(event.key)) {
        event.preventDefault();
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
      }
      return;
    }
    if (event.key === "Escape") {
      toggle.checked = false;
      input.blur();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      if (!links.length) return;
      event.preventDefault();
      var at = links.indexOf(document.activeElement) + (event.key === "ArrowDown" ? 1 : -1);
      if (at < 0) input.focus();
      else links[Math.min(at, links.length - 1)].focus();
    }
  });
})();

/*
 * Kochbuch: full-text search for the HTML edition (assets/search.js).
 *
 * Plain ES2017, no dependencies, no network requests beyond the site's own files. The index lies in
 * fragments in assets/suche/ (see WebSearchIndex.swift): the search page loads meta-<hash>.js, and
 * a search loads the few other fragments it needs by adding <script src> elements (which works
 * from file://, where Chromium refuses fetch). Each fragment calls kochbuchSuche.push([name, data]).
 *
 * Canonical terms (identical to the Swift side, see SITE.md):
 *   tokens (runs of letters and digits, length >= 2) -> lowercase -> fold (ß, umlauts, accents,
 *   ae/oe/ue) -> Snowball German stemmer (the Snowball 2.x "german" algorithm, as libstemmer 2.2.0).
 *
 * In the browser it drives suche.html (only when #suche-eingabe exists).
 * In node: module.exports = { canonical, tokens, stem, fold, parseQuery, openStore, register, search,
 * more, suggest }; the caller loads the fragments (Tests/Tools/search-harness.js).
 */
(function () {
  "use strict";

  var GLOBAL = typeof window !== "undefined" ? window
    : (typeof globalThis !== "undefined" ? globalThis : {});

  var MAX_QUERY_LENGTH = 500;
  var SNIPPET_WIDTH = 160;
  var FACTOR = { exact: 1, head: 0.6, modifier: 0.25, prefix: 0.8 };
  var LAW_WEIGHT = 3;             // a law name alone: documents citing the law
  var MATCHED_MIN_SCORE = 0.01;
  var PAGE_SIZE = 10;             // results shown at first, and more at each "Weitere Treffer"
  var INPUT_DELAY = 50;           // ms after the last keystroke before searching
  var MAX_ROUNDS = 24;            // rounds of loading fragments for one search

  var MSG_EMPTY = "Bitte geben Sie einen Suchbegriff ein.";
  var MSG_ONLY_EXCLUDED = "Bitte geben Sie mindestens einen Suchbegriff ohne vorangestelltes Minuszeichen ein.";
  var MSG_NO_INDEX = "Der Suchindex konnte nicht geladen werden.";
  var MSG_FAILED = "Die Suche konnte nicht ausgeführt werden.";

  // ---------------------------------------------------------------------------------------------
  // Small helpers

  function toStr(value) {
    if (typeof value === "string") return value;
    if (value === null || value === undefined) return "";
    try { return String(value); } catch (e) { return ""; }
  }

  function own(object, key) {
    if (object === null || typeof object !== "object") return undefined;
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  function plainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
  }

  function stringList(value) {
    if (!Array.isArray(value)) return [];
    var out = [];
    for (var i = 0; i < value.length; i++) if (typeof value[i] === "string") out.push(value[i]);
    return out;
  }

  function nfc(s) {
    try { return s.normalize("NFC"); } catch (e) { return s; }
  }

  function nfd(s) {
    try { return s.normalize("NFD"); } catch (e) { return s; }
  }

  function makeRegExp(unicodeSource, fallbackSource, flags) {
    try { return new RegExp(unicodeSource, flags + "u"); } catch (e) { return new RegExp(fallbackSource, flags); }
  }

  // Letters and digits. Swift's Character.isLetter is "first scalar is Alphabetic", isNumber is
  // "has a numeric type"; combining marks belong to the grapheme of the letter before them.
  var FALLBACK_WORD = "0-9A-Za-z\\u00AA\\u00B2\\u00B3\\u00B5\\u00B9\\u00BA\\u00BC-\\u00BE\\u00C0-\\u00D6" +
    "\\u00D8-\\u00F6\\u00F8-\\u02C1\\u02C6-\\u02D1\\u02E0-\\u02E4\\u0300-\\u036F\\u0370-\\u0374" +
    "\\u0376-\\u037D\\u0386-\\u03FF\\u0400-\\u0481\\u0483-\\u052F\\u1E00-\\u1FFF";
  var TOKEN_RE = makeRegExp("[\\p{Alphabetic}\\p{N}][\\p{Alphabetic}\\p{N}\\p{M}]*",
    "[" + FALLBACK_WORD + "]+", "g");
  var WORD_CHAR_RE = makeRegExp("^[\\p{Alphabetic}\\p{N}\\p{M}]$", "^[" + FALLBACK_WORD + "]$", "");
  var NON_WORD_RE = makeRegExp("[^\\p{Alphabetic}\\p{N}\\p{M}]+", "[^" + FALLBACK_WORD + "]+", "g");
  var MARK_RE = makeRegExp("^\\p{M}$", "^[\\u0300-\\u036F]$", "");
  var NON_ASCII_RE = /[^\x00-\x7f]/;
  var SPACE_RE = /\s/;

  function isWordChar(ch) {
    return typeof ch === "string" && ch.length > 0 && WORD_CHAR_RE.test(ch);
  }

  /** Length in user-perceived characters (code points that are not combining marks). */
  function charCount(token) {
    if (token.length > 6) return 7;              // long enough, whatever it contains
    var n = 0;
    var chars = Array.from(token);
    for (var i = 0; i < chars.length; i++) if (!MARK_RE.test(chars[i])) n++;
    return n;
  }

  /** Lowercase without changing the string's length (offsets stay valid). */
  function lowerKeepingOffsets(s) {
    var lower = s.toLowerCase();
    if (lower.length === s.length) return lower;
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var l = s[i].toLowerCase();
      out += l.length === 1 ? l : s[i];
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Snowball German stemmer (Snowball 2.x "german", as libstemmer 2.2.0)

  var VOWELS = "aeiouy\u00e4\u00f6\u00fc";
  var S_ENDING = "bdfghklmnrt";
  var ST_ENDING = "bdfghklmnt";
  var STEP1 = ["ern", "em", "er", "en", "es", "e", "s"];          // longest first
  var STEP2 = ["est", "en", "er", "st"];
  var STEP3 = ["isch", "lich", "heit", "keit", "end", "ung", "ig", "ik"];

  function isVowel(ch) { return ch !== undefined && ch.length === 1 && VOWELS.indexOf(ch) >= 0; }
  function inSet(set, ch) { return ch !== undefined && ch.length === 1 && set.indexOf(ch) >= 0; }

  function endsWith(chars, suffix) {
    var n = chars.length, m = suffix.length;
    if (m > n) return false;
    for (var i = 0; i < m; i++) if (chars[n - m + i] !== suffix[i]) return false;
    return true;
  }

  function longestSuffix(chars, list) {
    for (var i = 0; i < list.length; i++) if (endsWith(chars, list[i])) return list[i];
    return null;
  }

  /**
   * stem(word: string) -> string. The Snowball German stem of a lowercase word. Works on code points
   * (like libstemmer with UTF-8). Expects folded input, but accepts any string.
   */
  function stem(word) {
    var w = toStr(word);
    if (w.indexOf("\u00df") >= 0) w = w.replace(/\u00df/g, "ss");
    var s = Array.from(w);
    var i;

    // prelude: u and y between vowels become U and Y (consonants from here on)
    for (i = 0; i + 2 < s.length; i++) {
      if (isVowel(s[i]) && isVowel(s[i + 2])) {
        if (s[i + 1] === "u") s[i + 1] = "U";
        else if (s[i + 1] === "y") s[i + 1] = "Y";
      }
    }

    // mark_regions: R1 after the first non-vowel following a vowel (at least 3 letters), R2 likewise after R1
    var n = s.length;
    var p1 = n, p2 = n;
    if (n >= 3) {
      var c = 0;
      while (c < n && !isVowel(s[c])) c++;
      if (c < n) {
        c++;
        while (c < n && isVowel(s[c])) c++;
        if (c < n) {
          c++;
          p1 = c;
          while (c < n && !isVowel(s[c])) c++;
          if (c < n) {
            c++;
            while (c < n && isVowel(s[c])) c++;
            if (c < n) p2 = c + 1;
          }
          if (p1 < 3) p1 = 3;
        }
      }
    }

    // step 1
    var suffix = longestSuffix(s, STEP1);
    var start;
    if (suffix !== null) {
      start = s.length - suffix.length;
      if (start >= p1) {
        if (suffix === "em" || suffix === "ern" || suffix === "er") {
          s.length = start;
        } else if (suffix === "e" || suffix === "en" || suffix === "es") {
          s.length = start;
          if (endsWith(s, "niss")) s.length -= 1;
        } else if (start >= 1 && inSet(S_ENDING, s[start - 1])) { // "s"
          s.length = start;
        }
      }
    }

    // step 2
    suffix = longestSuffix(s, STEP2);
    if (suffix !== null) {
      start = s.length - suffix.length;
      if (start >= p1) {
        if (suffix === "st") {
          if (start >= 1 && inSet(ST_ENDING, s[start - 1]) && start - 1 - 3 >= 0) s.length = start;
        } else {
          s.length = start;
        }
      }
    }

    // step 3: d-suffixes
    suffix = longestSuffix(s, STEP3);
    if (suffix !== null) {
      start = s.length - suffix.length;
      if (start >= p2) {
        if (suffix === "end" || suffix === "ung") {
          s.length = start;
          if (endsWith(s, "ig")) {
            var ig = s.length - 2;
            if (ig >= p2 && !(ig >= 1 && s[ig - 1] === "e")) s.length = ig;
          }
        } else if (suffix === "ig" || suffix === "ik" || suffix === "isch") {
          if (!(start >= 1 && s[start - 1] === "e")) s.length = start;
        } else if (suffix === "lich" || suffix === "heit") {
          s.length = start;
          if (endsWith(s, "er") || endsWith(s, "en")) {
            if (s.length - 2 >= p1) s.length -= 2;
          }
        } else { // "keit"
          s.length = start;
          var cut = endsWith(s, "lich") ? 4 : (endsWith(s, "ig") ? 2 : 0);
          if (cut > 0 && s.length - cut >= p2) s.length -= cut;
        }
      }
    }

    // postlude
    for (i = 0; i < s.length; i++) {
      switch (s[i]) {
        case "U": s[i] = "u"; break;
        case "Y": s[i] = "y"; break;
        case "\u00e4": s[i] = "a"; break;
        case "\u00f6": s[i] = "o"; break;
        case "\u00fc": s[i] = "u"; break;
        default: break;
      }
    }
    return s.join("");
  }

  // ---------------------------------------------------------------------------------------------
  // Folding, tokens, canonical terms

  /**
   * fold(text: string) -> string. Lowercase; ß -> ss; ä/ö/ü and other accented letters lose their
   * accents; then ae -> a, oe -> o, ue -> u (not after q). "Bürgerportal", "Buergerportal" -> "burgerportal".
   */
  function fold(text) {
    var s = nfc(toStr(text)).toLowerCase();
    if (NON_ASCII_RE.test(s)) {
      s = s.replace(/\u00df/g, "ss").replace(/\u00e4/g, "a").replace(/\u00f6/g, "o").replace(/\u00fc/g, "u");
      if (NON_ASCII_RE.test(s)) s = nfd(s).replace(/[\u0300-\u036f]/g, "");
    }
    if (s.indexOf("e") >= 0) {
      s = s.replace(/([aou])e/g, function (m, vowel, offset, whole) {
        return vowel === "u" && offset > 0 && whole.charAt(offset - 1) === "q" ? m : vowel;
      });
    }
    return s;
  }

  /** Token spans {text, start, end} (UTF-16 offsets) of the tokens of length >= 2. */
  function tokenSpans(text) {
    var s = toStr(text);
    var out = [];
    var re = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);
    var m;
    while ((m = re.exec(s)) !== null) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      if (charCount(m[0]) >= 2) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  /** tokens(text: string) -> string[]: the surface tokens (letters and digits, length >= 2). */
  function tokens(text) {
    return tokenSpans(text).map(function (t) { return t.text; });
  }

  var wordCache = new Map();

  /** {folded, term} of one token, cached. */
  function wordInfo(token) {
    var info = wordCache.get(token);
    if (info === undefined) {
      var folded = fold(token);
      info = { folded: folded, term: stem(folded) };
      if (wordCache.size > 60000) wordCache.clear();
      wordCache.set(token, info);
    }
    return info;
  }

  /** canonical(text: string) -> string[]: the canonical terms of a text, in order. "E-Akte" -> ["akt"]. */
  function canonical(text) {
    return tokens(text).map(function (t) { return wordInfo(t).term; });
  }

  /** The folded text used for phrase checks: folded, runs of non-letters collapsed to one space. */
  function phraseText(text) {
    return fold(text).replace(NON_WORD_RE, " ").trim();
  }


  // ---------------------------------------------------------------------------------------------
  // The index: fragments, loaded as a query needs them
  //
  // A search runs against the fragments loaded so far. Whatever it needs and does not find loaded
  // it names (need); the search is then run again once those are loaded, until nothing is missing.
  // So it computes exactly what it would compute on the whole index, from the few fragments the
  // query touches. A run that missed something is never shown.

  var FORMAT = 2;
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var ALPHABET_VALUES = (function () {
    var table = [];
    for (var i = 0; i < 128; i++) table.push(-1);
    for (var k = 0; k < ALPHABET.length; k++) table[ALPHABET.charCodeAt(k)] = k;
    return table;
  })();
  var NO_COMPOUNDS = { heads: [], modifiers: [] };

  function number(value, fallback) {
    var n = Number(value);
    return isFinite(n) ? n : fallback;
  }

  /** The numbers of a compact string: base-32 digits, most significant first, all but the last + 32. */
  function decodeNumbers(text) {
    var s = toStr(text), out = [], value = 0;
    for (var i = 0; i < s.length; i++) {
      var code = s.charCodeAt(i);
      var digit = code < 128 ? ALPHABET_VALUES[code] : -1;
      if (digit < 0) continue;
      if (digit >= 32) value = value * 32 + digit - 32;
      else { out.push(value * 32 + digit); value = 0; }
    }
    return out;
  }

  /** Postings [[document, title, summary, body], ...] of a compact string (WebSearchFragments.Postings). */
  function decodePostings(text) {
    var n = decodeNumbers(text), out = [], doc = -1, i = 0;
    while (i + 1 < n.length) {
      doc += n[i++] + 1;
      var a = n[i++];
      var title = a % 4 >= 2 ? n[i++] : 0;
      var summary = a % 2 === 1 ? n[i++] : 0;
      out.push([doc, title, summary, Math.floor(a / 4)]);
    }
    return out;
  }

  /** Rows [[document, value], ...] of a compact string (WebSearchFragments.values). */
  function decodeValues(text) {
    var n = decodeNumbers(text), out = [], doc = -1;
    for (var i = 0; i + 1 < n.length; i += 2) {
      doc += n[i] + 1;
      out.push([doc, n[i + 1]]);
    }
    return out;
  }

  /** Where a pair occurs: Map document -> [title positions, summary positions, body positions] (WebSearchIndex.Merged.Positions). */
  function decodePositions(text) {
    var n = decodeNumbers(text), out = new Map(), doc = -1, i = 0;
    while (i < n.length) {
      doc += n[i++] + 1;
      var fields = [];
      for (var f = 0; f < 3; f++) {
        var count = n[i++] || 0, list = [], previous = -1;
        for (var k = 0; k < count && i < n.length; k++) {
          previous += n[i++] + 1;
          list.push(previous);
        }
        fields.push(list);
      }
      out.set(doc, fields);
    }
    return out;
  }

  function postingList(record) {
    if (!record.list) record.list = decodePostings(record.enc);
    return record.list;
  }

  function valueList(record) {
    if (!record.list) record.list = decodeValues(record.enc);
    return record.list;
  }

  /** The bucket of the word pair "a b": FNV-1a over its UTF-16 code units (WebSearchFragments.bucket). */
  function pairBucket(key, buckets) {
    var h = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      h = (h ^ key.charCodeAt(i)) >>> 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % buckets;
  }

  /**
   * openStore(meta: object, load: (file: string, done: () => void) => void) -> store
   * The index described by the meta fragment's data; `load` runs the fragment `file` (a name in the
   * fragments' folder), which hands its data to register(store, entry), and then calls done.
   */
  function openStore(meta, load) {
    var m = plainObject(meta);
    var weights = plainObject(m.weights);
    var p = {
      load: typeof load === "function" ? load : null,
      version: number(m.version, 0),
      count: Math.max(0, Math.floor(number(m.count, 0))),
      total: number(m.total, 0),
      lengths: decodeNumbers(m.lengths),
      weights: {
        title: number(weights.title, 5),
        summary: number(weights.summary, 3),
        body: number(weights.body, 1)
      },
      laws: plainObject(m.laws),
      rules: prepareRules(plainObject(m.rules)),
      citationKeys: stringList(m.citations),
      citationIndex: new Map(),
      termFragments: stringList(m.terms),
      compoundFragments: stringList(m.compounds),
      prefixIndex: new Map(),
      pairBuckets: Math.max(0, Math.floor(number(m.pairs, 0))),
      titlePairBuckets: Math.max(0, Math.floor(number(m.titlePairs, 0))),
      positionBuckets: Math.max(0, Math.floor(number(m.positions, 0))),
      vocabularyRanges: Array.isArray(m.vocabulary) ? m.vocabulary : [],
      exceptions: stringList(m.exceptions),
      files: plainObject(m.files),
      group: Math.max(1, Math.floor(number(m.group, 16))),
      documentGroup: Math.max(1, Math.floor(number(m.documentGroup, 64))),
      loaded: new Set(),
      failed: new Set(),
      waiting: new Map(),
      missing: null,
      needs: 0,
      fetched: [],
      terms: new Map(),
      fragmentTerms: [],
      compounds: new Map(),
      compoundPostings: new Map(),
      pairs: new Map(),
      titlePairs: new Map(),
      positions: new Map(),
      aggregates: new Map(),
      citations: new Map(),
      vocabulary: [],
      docs: new Map(),
      stats: null,
      phraseTexts: new Map(),
      titleDocs: new Map(),
      words: new Map(),
      lawMatcher: undefined,
      citationKeyMap: null,
      ranking: null
    };
    p.citationKeys.forEach(function (key, i) { p.citationIndex.set(key, i); });
    stringList(m.prefixes).forEach(function (prefix, i) { p.prefixIndex.set(prefix, i); });
    if (p.termFragments.length === 0) p.termFragments = [""];
    if (p.compoundFragments.length === 0) p.compoundFragments = [""];
    return p;
  }

  /** register(store, [name, data]): takes in the data of a fragment ("t12", "d345", ...). */
  function register(p, entry) {
    if (!p || !Array.isArray(entry) || typeof entry[0] !== "string") return;
    var name = entry[0], data = entry[1];
    var family = name.charAt(0), index = Number(name.slice(1));
    if (p.loaded.has(name) || !(index >= 0) || Math.floor(index) !== index) return;
    var object = plainObject(data);
    switch (family) {
      case "t": {
        var keys = [];
        Object.keys(object).forEach(function (key) {
          var record = object[key];
          if (!Array.isArray(record)) return;
          keys.push(key);
          p.terms.set(key, { display: toStr(record[0]), enc: toStr(record[1]), compounds: record[2] === 1, list: null });
        });
        p.fragmentTerms[index] = keys;
        break;
      }
      case "k":
        Object.keys(object).forEach(function (key) {
          var record = plainObject(object[key]);
          p.compounds.set(key, { heads: stringList(record.h), modifiers: stringList(record.m) });
          var lists = plainObject(record.p);
          Object.keys(lists).forEach(function (compound) {
            if (!p.compoundPostings.has(compound)) p.compoundPostings.set(compound, { enc: toStr(lists[compound]), list: null });
          });
        });
        break;
      case "p":
      case "q":
      case "r":
        Object.keys(object).forEach(function (key) {
          (family === "p" ? p.pairs : family === "q" ? p.titlePairs : p.positions).set(key, { enc: toStr(object[key]), list: null });
        });
        break;
      case "a":
        p.aggregates.set(toStr(object.prefix), { enc: toStr(object.postings), list: null });
        break;
      case "c":
        p.citations.set(index, decodeValues(object.weights));
        break;
      case "v":
        (Array.isArray(data) ? data : []).forEach(function (item) {
          if (!Array.isArray(item) || typeof item[0] !== "string" || !item[0]) return;
          var shown = item[0];
          p.vocabulary.push({ fragment: index, shown: shown, term: typeof item[1] === "string" ? item[1] : fold(shown),
            frequency: number(item[2], 0) });
        });
        break;
      case "d":
        p.docs.set(index, object);
        break;
      default:
        return;
    }
    p.loaded.add(name);
  }

  /** The file of a fragment: its name and the hash of its group (as the meta fragment lists them). */
  function fragmentFile(p, name) {
    var family = name.charAt(0), index = Number(name.slice(1));
    var hashes = stringList(own(p.files, family));
    var hash = hashes[Math.floor(index / (family === "d" ? p.documentGroup : p.group))];
    return hash && /^[0-9a-f]+$/.test(hash) ? name + "-" + hash + ".js" : null;
  }

  /** Notes a fragment the running search needs and has not got. */
  function need(p, name) {
    if (p.missing && !p.loaded.has(name)) {
      p.missing.add(name);
      p.needs++;
    }
  }

  /** How often the running search needed what it has not got (compare before and after a step). */
  function missingCount(p) {
    return p.missing ? p.needs : 0;
  }

  /** Loads the fragments; done(error) when all have come (or one could not be loaded). */
  function fetchFragments(p, names, done) {
    var left = names.length, failed = false;
    if (left === 0) { done(null); return; }
    function finished(ok) {
      if (!ok) failed = true;
      left--;
      if (left === 0) done(failed ? new Error(MSG_NO_INDEX) : null);
    }
    names.forEach(function (name) {
      if (p.loaded.has(name)) { finished(true); return; }
      if (p.failed.has(name)) { finished(false); return; }
      var waiting = p.waiting.get(name);
      if (waiting) { waiting.push(finished); return; }
      p.waiting.set(name, [finished]);
      var file = fragmentFile(p, name);
      var settled = false;
      function settle() {
        if (settled) return;
        settled = true;
        var ok = p.loaded.has(name);
        if (!ok) p.failed.add(name);
        var callbacks = p.waiting.get(name) || [];
        p.waiting.delete(name);
        callbacks.forEach(function (callback) { callback(ok); });
      }
      if (!file || !p.load) { settle(); return; }
      p.fetched.push(file);
      try { p.load(file, settle); } catch (e) { settle(); }
    });
  }

  /** Runs attempt() until it has all it needs, loading what each run names; then done(its value). */
  function drive(p, attempt, done) {
    var rounds = 0;
    function again() {
      p.missing = new Set();
      p.needs = 0;
      var value;
      try { value = attempt(); } catch (e) { value = emptyResult(MSG_FAILED); }
      var names = Array.from(p.missing);
      p.missing = null;
      if (names.length === 0) { done(value); return; }
      rounds++;
      if (rounds > MAX_ROUNDS) { done(emptyResult(MSG_FAILED)); return; }
      fetchFragments(p, names, function (error) {
        if (error) done(emptyResult(MSG_NO_INDEX));
        else again();
      });
    }
    again();
  }

  /** The fragment of a sorted list of first keys (the first "") that holds `key`. */
  function fragmentOf(keys, key) {
    var low = 0, high = keys.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (keys[middle] <= key) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The record of a term (display form, postings, whether it has compounds), or null. */
  function termRecord(p, term) {
    var record = p.terms.get(term);
    if (record) return record;
    need(p, "t" + fragmentOf(p.termFragments, term));
    return null;
  }

  /** The query rules the index carries (the same lists the command line uses, see QueryRules.swift). */
  function prepareRules(rules) {
    return {
      stopwords: new Set(stringList(rules.stopwords)),
      particles: stringList(rules.particles),
      synonyms: plainObject(rules.synonyms)
    };
  }

  /**
   * The plain words of a query after the rules of QueryRules.swift: a separable verb put together
   * ("führe … ein" → "einführe"), question and function words dropped (unless nothing else is
   * left), each word once, with the words the book's synonyms add.
   */
  function applyRules(p, words) {
    var rules = p.rules;
    var list = words.map(function (w) { return { text: w.text, term: w.term, start: w.start, end: w.end }; });
    if (list.length >= 2) {
      var particle = fold(list[list.length - 1].text);
      if (rules.particles.indexOf(particle) >= 0) {
        for (var i = list.length - 2; i >= 0; i--) {
          if (rules.stopwords.has(fold(list[i].text))) continue;
          var joined = particle + list[i].text.toLowerCase();
          var term = canonical(joined)[0];
          if (term && postings(p, term).length > 0) {
            list[i] = { text: joined, term: term, start: list[i].start, end: list[i].end };
            list.pop();
            break;
          }
        }
      }
    }
    var content = list.filter(function (w) { return !rules.stopwords.has(fold(w.text)); });
    var kept = content.length > 0 ? content : list;
    var seen = new Set();
    return kept.filter(function (w) {
      if (seen.has(w.term)) return false;
      seen.add(w.term);
      w.alternatives = stringList(own(rules.synonyms, w.term));
      return true;
    });
  }

  function validDoc(p, d) {
    return typeof d === "number" && d >= 0 && d < p.count && Math.floor(d) === d;
  }

  /** A document's display data (id, title, url, themenfeld, laws, summary, text), or null while not loaded. */
  function docData(p, d) {
    var doc = p.docs.get(d);
    if (doc) return doc;
    if (validDoc(p, d)) need(p, "d" + d);
    return null;
  }

  function docField(doc, name) {
    return doc && typeof doc[name] === "string" ? doc[name] : "";
  }

  function postings(p, term) {
    var record = termRecord(p, term);
    return record ? postingList(record) : [];
  }

  /** The compounds with the term as head and as modifier (whose postings come with them). */
  function compoundsOf(p, term) {
    var record = termRecord(p, term);
    if (!record || !record.compounds) return NO_COMPOUNDS;
    var compounds = p.compounds.get(term);
    if (compounds) return compounds;
    need(p, "k" + fragmentOf(p.compoundFragments, term));
    return NO_COMPOUNDS;
  }

  function compoundPostings(p, compound) {
    var record = p.compoundPostings.get(compound);
    return record ? postingList(record) : [];
  }

  /** The documents with the term in their title. */
  function titleDocs(p, term) {
    var docs = p.titleDocs.get(term);
    if (docs) return docs;
    docs = new Set();
    var record = termRecord(p, term);
    if (!record) return docs;
    postingList(record).forEach(function (posting) { if (posting[1] > 0) docs.add(posting[0]); });
    p.titleDocs.set(term, docs);
    return docs;
  }

  /**
   * The postings of two terms side by side: [[document, title, summary, body], ...] (counts of the
   * pair in each field), or with `titleOnly` [[document, title count], ...] of the titles holding it.
   */
  function pairPostings(p, a, b, titleOnly) {
    var key = a + " " + b;
    var record = (titleOnly ? p.titlePairs : p.pairs).get(key);
    if (record) return titleOnly ? valueList(record) : postingList(record);
    var buckets = titleOnly ? p.titlePairBuckets : p.pairBuckets;
    if (buckets > 0) need(p, (titleOnly ? "q" : "p") + pairBucket(key, buckets));
    return [];
  }

  /** The terms of the fragments holding every term that starts with `prefix` (and maybe others), or null while any is missing. */
  function termsFrom(p, prefix) {
    var keys = p.termFragments, first = fragmentOf(keys, prefix), last = first;
    while (last + 1 < keys.length && keys[last + 1].indexOf(prefix) === 0) last++;
    var out = [], complete = true;
    for (var i = first; i <= last; i++) {
      if (!p.loaded.has("t" + i)) { need(p, "t" + i); complete = false; continue; }
      var terms = p.fragmentTerms[i] || [];
      for (var k = 0; k < terms.length; k++) out.push(terms[k]);
    }
    return complete ? out : null;
  }

  /** The vocabulary of the fragments whose ranges `wanted` accepts, or null while any is missing. */
  function vocabulary(p, wanted) {
    var fragments = new Set(), complete = true;
    p.vocabularyRanges.forEach(function (range, i) {
      if (!Array.isArray(range) || range.length < 10 || !wanted(range.map(function (n) { return number(n, 0); }))) return;
      if (!p.loaded.has("v" + i)) { need(p, "v" + i); complete = false; return; }
      fragments.add(i);
    });
    if (!complete) return null;
    return p.vocabulary.filter(function (entry) { return fragments.has(entry.fragment); });
  }

  /** Whether [low, high] and [from, to] overlap. */
  function overlaps(low, high, from, to) {
    return low <= to && high >= from;
  }

  function countDigits(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) { var c = text.charCodeAt(i); if (c >= 48 && c <= 57) n++; }
    return n;
  }

  /** The order of the terms in the whole index's display table (integer-like keys first, as JavaScript orders them). */
  function displayOrder(x, y) {
    function arrayIndex(key) { return /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295 ? Number(key) : -1; }
    var i = arrayIndex(x.term), j = arrayIndex(y.term);
    if (i >= 0 || j >= 0) return i >= 0 && j >= 0 ? i - j : (i >= 0 ? -1 : 1);
    return x.term < y.term ? -1 : (x.term > y.term ? 1 : 0);
  }

  // BM25 as SQLite FTS5 computes it for the command line's index (fts5_aux.c, bm25()): the same
  // numbers from the same counts, so the browser ranks exactly as `kochbuch search` does.
  var BM25_K1 = 1.2, BM25_B = 0.75;

  function corpusStats(p) {
    if (!p.stats) p.stats = { rows: p.count, avgdl: p.count > 0 ? p.total / p.count : 1 };
    return p.stats;
  }

  function idf(p, hits) {
    var rows = corpusStats(p).rows;
    var value = Math.log((rows - hits + 0.5) / (hits + 0.5));
    return value <= 0 ? 1e-6 : value;
  }

  /** One phrase's part of a document's score: its weighted frequency and inverse document frequency. */
  function bm25Part(p, d, frequency, inverse) {
    var length = number(p.lengths[d], 0);
    return inverse * ((frequency * (BM25_K1 + 1.0)) /
      (frequency + BM25_K1 * (1 - BM25_B + BM25_B * length / corpusStats(p).avgdl)));
  }

  /** Scores of the documents matching any of the terms, like FTS5's `"a" OR "b"`: each term a phrase (postings from `lookup`). */
  function rankTerms(p, terms, lookup) {
    var scores = new Map();
    terms.forEach(function (term) {
      var list = lookup(p, term).filter(function (posting) { return Array.isArray(posting) && validDoc(p, posting[0]); });
      if (list.length === 0) return;
      var inverse = idf(p, list.length);
      list.forEach(function (posting) {
        var frequency = p.weights.title * number(posting[1], 0) + p.weights.summary * number(posting[2], 0) +
          p.weights.body * number(posting[3], 0);
        scores.set(posting[0], (scores.get(posting[0]) || 0) + bm25Part(p, posting[0], frequency, inverse));
      });
    });
    scores.forEach(function (score, d) { scores.set(d, Math.max(score, MATCHED_MIN_SCORE)); });
    return scores;
  }

  /** Where the pair "a b" occurs (decodePositions), or null while its fragment is missing. */
  function pairPositions(p, a, b) {
    var key = a + " " + b;
    var record = p.positions.get(key);
    if (record) {
      if (!record.list) record.list = decodePositions(record.enc);
      return record.list;
    }
    var name = "r" + pairBucket(key, Math.max(1, p.positionBuckets));
    if (p.positionBuckets > 0 && !p.loaded.has(name)) { need(p, name); return null; }
    return new Map();
  }

  function containsSorted(list, value) {
    var low = 0, high = list.length - 1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (list[middle] === value) return true;
      if (list[middle] < value) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  /** Scores of the documents holding the terms side by side, like FTS5's `"a b"`; only in the title with `titleOnly`. */
  function rankPhrase(p, sequence, titleOnly) {
    var frequencies = new Map();
    if (sequence.length === 2 || sequence.length === 1) {
      // The pair's counts per field are its occurrences there (one term: the term's own).
      var rows = sequence.length === 2 ? pairPostings(p, sequence[0], sequence[1], titleOnly) : postings(p, sequence[0]);
      rows.forEach(function (row) {
        if (!validDoc(p, row[0])) return;
        if (titleOnly) {
          if (row[1] > 0) frequencies.set(row[0], p.weights.title * row[1]);
          return;
        }
        var frequency = p.weights.title * row[1];
        frequency += p.weights.summary * row[2] + p.weights.body * row[3];
        if (row[1] + row[2] + row[3] > 0) frequencies.set(row[0], frequency);
      });
    } else if (sequence.length > 2) {
      // The phrase occurs where its first pair does and each next pair one word further on, in one field.
      var maps = [], complete = true;
      for (var k = 0; k + 1 < sequence.length; k++) {
        var positions = pairPositions(p, sequence[k], sequence[k + 1]);
        if (positions === null) complete = false;
        else maps.push(positions);
      }
      if (complete) {
        maps[0].forEach(function (first, d) {
          if (!validDoc(p, d)) return;
          var rest = maps.slice(1).map(function (m) { return m.get(d); });
          if (rest.some(function (fields) { return !fields; })) return;
          var counts = [0, 0, 0];
          for (var field = 0; field < 3; field++) {
            first[field].forEach(function (i) {
              if (rest.every(function (fields, n) { return containsSorted(fields[field], i + n + 1); })) counts[field]++;
            });
          }
          var frequency = p.weights.title * counts[0];
          if (!titleOnly) frequency += p.weights.summary * counts[1] + p.weights.body * counts[2];
          var any = counts[0] + (titleOnly ? 0 : counts[1] + counts[2]);
          if (any > 0) frequencies.set(d, frequency);
        });
      }
    }
    var scores = new Map();
    var inverse = idf(p, frequencies.size);
    frequencies.forEach(function (frequency, d) { scores.set(d, Math.max(bm25Part(p, d, frequency, inverse), MATCHED_MIN_SCORE)); });
    return scores;
  }

  /**
   * Scores of the documents with a term starting with `prefix`, like FTS5's `"prefix" *`: one phrase
   * for all such terms. A prefix of very many terms comes with its documents' summed frequencies.
   */
  function rankPrefix(p, prefix) {
    var frequencies = new Map();
    var matched = [];
    var aggregate = p.prefixIndex.get(prefix);
    if (aggregate !== undefined) {
      var record = p.aggregates.get(prefix);
      if (!record) need(p, "a" + aggregate);
      else valueList(record).forEach(function (row) { if (validDoc(p, row[0])) frequencies.set(row[0], row[1]); });
    } else {
      (termsFrom(p, prefix) || []).forEach(function (t) {
        if (t.indexOf(prefix) !== 0) return;
        matched.push(t);
        postings(p, t).forEach(function (posting) {
          if (!Array.isArray(posting) || !validDoc(p, posting[0])) return;
          var frequency = p.weights.title * number(posting[1], 0) + p.weights.summary * number(posting[2], 0) +
            p.weights.body * number(posting[3], 0);
          frequencies.set(posting[0], (frequencies.get(posting[0]) || 0) + frequency);
        });
      });
    }
    var scores = new Map();
    var inverse = idf(p, frequencies.size);
    frequencies.forEach(function (frequency, d) { scores.set(d, Math.max(bm25Part(p, d, frequency, inverse), MATCHED_MIN_SCORE)); });
    return { scores: scores, terms: matched };
  }

  /**
   * The documents with a term that starts with `prefix` or whose display form does (as `-prefix*`
   * excludes them). A term whose display form starts with the prefix and it does not is shorter than
   * the prefix (a stem is the start of its folded word) or among the index's exceptions.
   */
  function prefixDocuments(p, prefix) {
    var docs = new Set();
    if (!prefix) return [];
    function add(t) { postings(p, t).forEach(function (posting) { if (validDoc(p, posting[0])) docs.add(posting[0]); }); }
    function shownStarts(t) {
      var record = termRecord(p, t);
      return !!(record && record.display && fold(record.display).indexOf(prefix) === 0);
    }
    var aggregate = p.prefixIndex.get(prefix);
    if (aggregate !== undefined) {
      var record = p.aggregates.get(prefix);
      if (!record) need(p, "a" + aggregate);
      else valueList(record).forEach(function (row) { if (validDoc(p, row[0])) docs.add(row[0]); });
    } else {
      (termsFrom(p, prefix) || []).forEach(function (t) { if (t.indexOf(prefix) === 0 || shownStarts(t)) add(t); });
    }
    for (var k = 1; k < prefix.length; k++) {
      if (shownStarts(prefix.slice(0, k))) add(prefix.slice(0, k));
    }
    p.exceptions.forEach(function (t) { if (t.indexOf(prefix) !== 0 && shownStarts(t)) add(t); });
    return Array.from(docs);
  }

  /** The weight of each document citing a law or section, as `SearchIndex.citingRecipes` gives it. */
  function citationWeights(p, key) {
    var weights = new Map();
    var index = p.citationIndex.get(key);
    if (index === undefined) return weights;
    var rows = p.citations.get(index);
    if (!rows) { need(p, "c" + index); return weights; }
    rows.forEach(function (row) { if (validDoc(p, row[0])) weights.set(row[0], number(row[1], 0) / 10); });
    return weights;
  }

  function docPhraseText(p, d) {
    var text = p.phraseTexts.get(d);
    if (text === undefined) {
      var doc = docData(p, d);
      if (!doc) return null;
      var raw = docField(doc, "text") ||
        [docField(doc, "title"), docField(doc, "summary")].join("\n");
      text = phraseText(raw);
      p.phraseTexts.set(d, text);
    }
    return text;
  }

  function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\\/-]/g, "\\$&");
  }

  /** Law names (aliases) and the regular expressions recognising citations, or null. */
  function lawMatcher(p) {
    if (p.lawMatcher !== undefined) return p.lawMatcher;
    var byAlias = new Map();
    function add(alias, id) {
      var key = toStr(alias).toLowerCase().replace(/\s+/g, " ").trim();
      if (key && id && !byAlias.has(key)) byAlias.set(key, id);
    }
    Object.keys(p.laws).forEach(function (alias) {
      var id = p.laws[alias];
      if (typeof id === "string") { add(alias, id); add(id, id); }
    });
    p.citationKeys.forEach(function (key) {
      var law = key.split(":")[0];
      add(law, law);
    });
    if (byAlias.size === 0) { p.lawMatcher = null; return null; }
    var aliases = Array.from(byAlias.keys()).sort(function (a, b) { return b.length - a.length || (a < b ? -1 : 1); });
    var alternation = "(" + aliases.map(function (a) {
      return escapeRegExp(a).replace(/ /g, "\\s+");
    }).join("|") + ")";
    var section = "(\\d+[a-z]?)(?![a-z0-9])";
    var detail = "(?:\\s*(?:abs\\.?|absatz|satz|s\\.|nr\\.?)\\s*\\d+[a-z]?(?![a-z0-9]))*";
    p.lawMatcher = {
      byAlias: byAlias,
      // § 6 EGovG, §6 egovg, § 6 Abs. 2 EGovG
      before: new RegExp("\u00a7+\\s*" + section + detail + "\\s*" + alternation, "g"),
      // EGovG § 6, EGovG:6
      after: new RegExp(alternation + "\\s*(?::|\u00a7+)\\s*" + section, "g"),
      // EGovG
      alone: new RegExp(alternation, "g")
    };
    return p.lawMatcher;
  }

  function lawId(matcher, aliasText) {
    return matcher.byAlias.get(aliasText.toLowerCase().replace(/\s+/g, " ").trim()) || null;
  }

  /** Citations found in a (lowercased) string: [{start, end, law, section, alias}] (section null: law alone). */
  function findCitations(matcher, text, includeAlone) {
    var found = [];
    var work = text;
    function blank(start, end) {
      work = work.slice(0, start) + " ".repeat(end - start) + work.slice(end);
    }
    function scan(re, kind) {
      var hits = [];
      var m;
      re.lastIndex = 0;
      while ((m = re.exec(work)) !== null) {
        var start = m.index, end = m.index + m[0].length;
        var alias = kind === "after" || kind === "alone" ? m[1] : m[2];
        var sectionText = kind === "before" ? m[1] : (kind === "after" ? m[2] : null);
        var aliasStart = kind === "before" ? end - alias.length : start;
        var aliasEnd = aliasStart + alias.length;
        var okBefore = aliasStart === 0 || !isWordChar(work[aliasStart - 1]) || kind === "before";
        var okAfter = aliasEnd >= work.length || !isWordChar(work[aliasEnd]) || kind === "after";
        var id = lawId(matcher, alias);
        if (okBefore && okAfter && id) {
          hits.push({ start: start, end: end, law: id, section: sectionText, alias: alias });
          re.lastIndex = end;
        } else {
          re.lastIndex = m.index + 1;
        }
      }
      hits.forEach(function (h) { blank(h.start, h.end); found.push(h); });
    }
    scan(matcher.before, "before");
    scan(matcher.after, "after");
    if (includeAlone) scan(matcher.alone, "alone");
    return found;
  }

  /** The documents citing a law or section (the key's case as written does not matter). */
  function citationDocs(p, key) {
    var real = p.citationIndex.has(key) ? key : undefined;
    if (real === undefined) {
      if (!p.citationKeyMap) {
        p.citationKeyMap = new Map();
        p.citationKeys.forEach(function (k) { p.citationKeyMap.set(k.toLowerCase(), k); });
      }
      real = p.citationKeyMap.get(key.toLowerCase());
    }
    return real === undefined ? [] : Array.from(citationWeights(p, real).keys());
  }

  // ---------------------------------------------------------------------------------------------
  // Query parsing

  var QUOTES = "\"\u201e\u201c\u201d\u00ab\u00bb";
  var MINUS = "-\u2212";

  function isQuote(ch) { return ch !== undefined && QUOTES.indexOf(ch) >= 0; }
  function isMinus(ch) { return ch !== undefined && MINUS.indexOf(ch) >= 0; }
  function isSpaceOrStart(text, i) { return i < 0 || SPACE_RE.test(text[i]); }

  function wordClause(raw, token, start, negate) {
    var info = wordInfo(token);
    return { type: "word", text: raw.slice(start, start + token.length), term: info.term,
      folded: info.folded, start: start, end: start + token.length, negate: negate };
  }

  /**
   * parseQuery(query: string, store?: object) -> {query, clauses}
   * clause types: word {term, text, start, end}, prefix {prefix, text}, phrase {phrase, words[], text},
   * citation {law, section, key, terms[], text}, law {law, terms[], text},
   * group {items[]} (an excluded chunk of several words). Every clause has `negate`.
   */
  function parseQuery(query, store) {
    var raw = toStr(query).slice(0, MAX_QUERY_LENGTH);
    try { raw = nfc(raw); } catch (e) { /* keep */ }
    var lc = lowerKeepingOffsets(raw);
    var work = lc;
    var clauses = [];
    function blank(start, end) {
      work = work.slice(0, start) + " ".repeat(Math.max(0, end - start)) + work.slice(end);
    }

    // 1. "phrases" (an unbalanced quote is closed at the end)
    var i = 0;
    while (i < lc.length) {
      if (!isQuote(lc[i])) { i++; continue; }
      var j = i + 1;
      while (j < lc.length && !isQuote(lc[j])) j++;
      var from = i, negate = false;
      if (i > 0 && isMinus(lc[i - 1]) && isSpaceOrStart(lc, i - 2)) { negate = true; from = i - 1; }
      var content = raw.slice(i + 1, j);
      var phrase = phraseText(content);
      var words = tokenSpans(content).map(function (t) {
        return wordClause(raw, t.text, i + 1 + t.start, false);
      });
      // A phrase of one word is that word (as the command line reads it): "E-Akte" is Akte.
      if (words.length === 1 && !negate) {
        clauses.push(words[0]);
      } else if (phrase && words.length > 0) {
        clauses.push({ type: "phrase", text: content, phrase: phrase, words: words, negate: negate });
      }
      blank(from, Math.min(j + 1, lc.length));
      i = j + 1;
    }

    // 2. law citations and law names
    var matcher = store ? lawMatcher(store) : null;
    if (matcher) {
      findCitations(matcher, work, true).forEach(function (c) {
        var negated = c.start > 0 && isMinus(work[c.start - 1]) && isSpaceOrStart(work, c.start - 2);
        var terms = canonical(c.alias);
        var text = raw.slice(c.start, c.end);
        if (c.section) {
          var section = c.section.toLowerCase();
          clauses.push({ type: "citation", text: text, law: c.law, section: section,
            key: c.law + ":" + section, terms: terms, negate: negated });
        } else {
          clauses.push({ type: "law", text: text, law: c.law, terms: terms, start: c.start, end: c.end,
            negate: negated });
        }
        blank(negated ? c.start - 1 : c.start, c.end);
      });
    }

    // 3. words, prefixes*, -exclusions; everything that is not a letter or digit separates
    var chunkRe = /\S+/g;
    var m;
    while ((m = chunkRe.exec(work)) !== null) {
      var chunk = m[0];
      var k = 0, excluded = false;
      while (k < chunk.length && isMinus(chunk[k])) { excluded = true; k++; }
      var items = [];
      tokenSpans(chunk.slice(k)).forEach(function (t) {
        var start = m.index + k + t.start;
        var end = start + t.text.length;
        if (work[end] === "*") {
          items.push({ type: "prefix", text: raw.slice(start, end), prefix: fold(t.text),
            start: start, end: end, negate: false });
        } else {
          items.push(wordClause(raw, t.text, start, false));
        }
      });
      if (items.length === 0) continue;
      if (excluded) {
        if (items.length === 1) { items[0].negate = true; clauses.push(items[0]); }
        else clauses.push({ type: "group", text: raw.slice(m.index, m.index + chunk.length), items: items, negate: true });
      } else {
        items.forEach(function (item) { clauses.push(item); });
      }
    }

    // the same word twice counts once
    var seen = new Set();
    clauses = clauses.filter(function (c) {
      var key = (c.negate ? "-" : "+") + c.type + ":" +
        (c.type === "word" ? c.term : c.type === "prefix" ? c.prefix : c.type === "phrase" ? c.phrase :
          c.type === "citation" ? c.key : c.type === "law" ? c.law : c.text);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { query: raw, clauses: clauses };
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluation and scoring

  /** The source of a regular expression finding "§ 6", "§§ 6", "§6" (not "§ 60") in a text. */
  function sectionPattern(section) {
    return "\u00a7\u00a7?\\s*" + escapeRegExp(section) + "(?![0-9A-Za-z\u00c0-\u024f])";
  }

  // A clause's match: scores per document number, plus what to highlight in snippets
  // (canonical terms, folded prefixes, and regular expressions for citations like "§ 6").
  function emptyMatch() { return { scores: new Map(), terms: new Set(), prefixes: [], patterns: [] }; }

  function evalWordTerm(p, term, cache) {
    var cached = cache.get(term) || p.words.get(term);
    if (cached) return cached;
    var before = missingCount(p);
    var match = emptyMatch();
    // Compounds with the term as head, then as modifier: each list one OR-expression, as the command line ranks them.
    var compounds = compoundsOf(p, term);
    if (missingCount(p) !== before) {
      // Its fragments are still missing: nothing to score yet (this run is not shown).
      match.partial = true;
      return match;
    }
    rankTerms(p, [term], postings).forEach(function (score, d) { match.scores.set(d, score); });
    match.terms.add(term);
    [[compounds.heads, FACTOR.head], [compounds.modifiers, FACTOR.modifier]].forEach(function (pair) {
      if (pair[0].length === 0) return;
      var found = rankTerms(p, pair[0], compoundPostings);
      if (found.size > 0) pair[0].forEach(function (c) { match.terms.add(c); });
      found.forEach(function (score, d) { match.scores.set(d, (match.scores.get(d) || 0) + score * pair[1]); });
    });
    // Computed from fragments still missing: the search runs again.
    match.partial = missingCount(p) !== before;
    cache.set(term, match);
    // A match made from fragments all loaded stays as it is: kept for the next runs and searches.
    if (!match.partial) {
      if (p.words.size > 500) p.words.clear();
      p.words.set(term, match);
    }
    return match;
  }

  function intersectMatches(matches) {
    var result = emptyMatch();
    if (matches.length === 0) return result;
    var smallest = matches.reduce(function (a, b) { return b.scores.size < a.scores.size ? b : a; });
    smallest.scores.forEach(function (_, d) {
      var total = 0;
      for (var i = 0; i < matches.length; i++) {
        var s = matches[i].scores.get(d);
        if (s === undefined) return;
        total += s;
      }
      result.scores.set(d, total);
    });
    matches.forEach(function (mt) {
      mt.terms.forEach(function (t) { result.terms.add(t); });
      result.prefixes = result.prefixes.concat(mt.prefixes);
      result.patterns = result.patterns.concat(mt.patterns);
    });
    return result;
  }

  /** The match of a word, a law name or an excluded group (see excludedDocuments for the other clauses). */
  function evalClause(p, clause, cache) {
    var match;
    switch (clause.type) {
      case "word":
        return evalWordTerm(p, clause.term, cache);

      case "law": {
        // the law's name as words, or any document citing the law
        match = clause.terms.length > 0
          ? intersectMatches(clause.terms.map(function (t) { return evalWordTerm(p, t, cache); }))
          : emptyMatch();
        var scores = new Map(match.scores);
        citationDocs(p, clause.law).forEach(function (d) {
          scores.set(d, (scores.get(d) || 0) + LAW_WEIGHT);
        });
        return { scores: scores, terms: match.terms, prefixes: match.prefixes, patterns: match.patterns };
      }

      case "group":
        return intersectMatches(clause.items.map(function (item) { return evalClause(p, item, cache); }));

      default:
        return emptyMatch();
    }
  }

  /**
   * The documents an excluded phrase, citation, prefix or law name removes from the results
   * (`candidates`: the documents found). A phrase is looked for in the candidates' text, once the
   * ranking has all it needs.
   */
  function excludedDocuments(p, clause, cache, candidates) {
    switch (clause.type) {
      case "phrase": {
        var found = [];
        if (missingCount(p) > 0) return found;
        candidates.forEach(function (_, d) {
          var text = docPhraseText(p, d);
          if (text !== null && text.indexOf(clause.phrase) >= 0) found.push(d);
        });
        return found;
      }
      case "citation":
        return citationDocs(p, clause.key);
      case "prefix":
        return prefixDocuments(p, clause.prefix);
      default:
        return Array.from(evalClause(p, clause, cache).scores.keys());
    }
  }

  var collator = null;
  try { collator = typeof Intl !== "undefined" ? new Intl.Collator("de") : null; } catch (e) { collator = null; }

  function compareTitles(a, b) {
    if (collator) return collator.compare(a, b);
    return a < b ? -1 : (a > b ? 1 : 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Snippets

  function isHit(token, terms, prefixes) {
    var info = wordInfo(token);
    if (terms.has(info.term)) return true;
    for (var i = 0; i < prefixes.length; i++) if (info.folded.indexOf(prefixes[i]) === 0) return true;
    return false;
  }

  /** Ranges [start, end] of the hits in a text, sorted and merged; with `first` only the anchor. */
  function hitRanges(text, match, first) {
    var ranges = [];
    var m, re;
    for (var i = 0; i < match.patterns.length; i++) {
      try { re = new RegExp(match.patterns[i], "gi"); } catch (e) { continue; }
      while ((m = re.exec(text)) !== null) {
        if (m[0].length === 0) { re.lastIndex++; continue; }
        ranges.push([m.index, m.index + m[0].length]);
        if (first) break;
      }
    }
    // The first citation ("§ 6") is the better anchor than the first mention of the law's name.
    if (first && ranges.length > 0) {
      ranges.sort(function (a, b) { return a[0] - b[0]; });
      return ranges.slice(0, 1);
    }
    if (match.terms.size > 0 || match.prefixes.length > 0) {
      re = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);
      while ((m = re.exec(text)) !== null) {
        if (m[0].length === 0) { re.lastIndex++; continue; }
        if (charCount(m[0]) >= 2 && isHit(m[0], match.terms, match.prefixes)) {
          ranges.push([m.index, m.index + m[0].length]);
          if (first) break;
        }
      }
    }
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return first ? merged.slice(0, 1) : merged;
  }

  function pushPiece(pieces, text, mark) {
    if (!text) return;
    var last = pieces[pieces.length - 1];
    if (last && !last.mark && !mark) last.text += text;
    else pieces.push({ text: text, mark: mark });
  }

  /** [{text, mark}]: a window of about SNIPPET_WIDTH characters of the text around the first hit. */
  function snippet(doc, match) {
    var text = docField(doc, "text") || docField(doc, "summary") || docField(doc, "title");
    // The title is shown as the result's link: the snippet starts after it, if there is more.
    var title = docField(doc, "title");
    if (title && text.indexOf(title) === 0 && /\S/.test(text.slice(title.length))) {
      text = text.slice(title.length).replace(/^\s+/, "");
    }
    if (!text) return [];
    var firstHit = hitRanges(text, match, true)[0];
    var first = firstHit ? firstHit[0] : -1;
    var firstEnd = firstHit ? firstHit[1] : -1;

    var start = 0;
    if (first >= 0) {
      start = Math.max(0, first - Math.floor(SNIPPET_WIDTH * 0.3));
      if (start > 0) {
        var k = start;
        while (k < first && !SPACE_RE.test(text[k])) k++;
        start = k < first ? k + 1 : first;
      }
    }
    var end = Math.min(text.length, start + SNIPPET_WIDTH);
    if (firstEnd > end) end = firstEnd;
    if (end < text.length) {
      var e = end;
      while (e > start && !SPACE_RE.test(text[e])) e--;
      if (e > start && e >= firstEnd && e - start > SNIPPET_WIDTH / 2) end = e;
    }
    // never split a surrogate pair
    if (start > 0 && /[\udc00-\udfff]/.test(text[start])) start--;
    if (end < text.length && /[\udc00-\udfff]/.test(text[end])) end++;

    var part = text.slice(start, end);
    var pieces = [];
    if (start > 0) pushPiece(pieces, "\u2026 ", false);
    var cursor = 0;
    hitRanges(part, match, false).forEach(function (r) {
      pushPiece(pieces, part.slice(cursor, r[0]).replace(/\s+/g, " "), false);
      pushPiece(pieces, part.slice(r[0], r[1]).replace(/\s+/g, " "), true);
      cursor = r[1];
    });
    pushPiece(pieces, part.slice(cursor).replace(/\s+/g, " "), false);
    if (end < text.length) pushPiece(pieces, " \u2026", false);
    if (pieces.length > 0 && !pieces[0].mark) pieces[0].text = pieces[0].text.replace(/^\s+/, "");
    var lastPiece = pieces[pieces.length - 1];
    if (lastPiece && !lastPiece.mark) lastPiece.text = lastPiece.text.replace(/\s+$/, "");
    return pieces.filter(function (piece) { return piece.text.length > 0; });
  }

  // ---------------------------------------------------------------------------------------------
  // Suggestions

  /** Optimal string alignment distance (Levenshtein plus transpositions), or max + 1 when larger. */
  function editDistance(a, b, max) {
    var n = a.length, m = b.length;
    if (Math.abs(n - m) > max) return max + 1;
    if (n === 0) return m;
    if (m === 0) return n;
    var prev2 = null, prev = new Array(m + 1), row = new Array(m + 1);
    var j;
    for (j = 0; j <= m; j++) prev[j] = j;
    for (var i = 1; i <= n; i++) {
      row[0] = i;
      var best = row[0];
      for (j = 1; j <= m; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        row[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      var spare = prev2 || new Array(m + 1);
      prev2 = prev;
      prev = row;
      row = spare;
    }
    return prev[m];
  }

  function maxDistance(length) {
    if (length <= 3) return 1;
    if (length >= 10) return 3;
    return 2;
  }

  /**
   * suggest(index: object, word: string, limit = 3) -> string[]: the `display` words nearest to
   * the word (edit distance <= 2, <= 3 for words of 10 or more letters, <= 1 for 3 letters).
   */
  /**
   * suggest(store, word: string, limit = 3) -> string[]: the `display` words nearest to
   * the word (edit distance <= 2, <= 3 for words of 10 or more letters, <= 1 for 3 letters).
   * Empty while the vocabulary it needs is not loaded (search loads it).
   */
  function suggest(p, word, limit) {
    try {
      var max = typeof limit === "number" && limit > 0 ? Math.floor(limit) : 3;
      var folded = fold(word).replace(NON_WORD_RE, "");
      if (charCount(folded) < 3) return [];
      var term = stem(folded);
      var a = Array.from(folded), aTerm = Array.from(term);
      var limitDistance = maxDistance(a.length);
      // Only words that can be that near: lengths within the limit, and as many digits give or take
      // (an edit changes the number of digits by one at most).
      var digits = countDigits(folded), termDigits = countDigits(term);
      var entries = vocabulary(p, function (r) {
        return (overlaps(r[2], r[3], a.length - limitDistance, a.length + limitDistance) &&
                overlaps(r[6], r[7], digits - limitDistance, digits + limitDistance)) ||
          (overlaps(r[4], r[5], aTerm.length - limitDistance, aTerm.length + limitDistance) &&
           overlaps(r[8], r[9], termDigits - limitDistance, termDigits + limitDistance));
      });
      if (entries === null) return [];
      // In the order of the whole index's table, which the stable sort below keeps among equals.
      entries.sort(displayOrder);
      var candidates = [];
      entries.forEach(function (entry) {
        var t = entry.term;
        if (t === term) return;
        var d = editDistance(a, Array.from(fold(entry.shown)), limitDistance);
        if (d > limitDistance) {
          var dt = editDistance(aTerm, Array.from(t), limitDistance);
          if (dt > limitDistance) return;
          d = dt;
        }
        if (d === 0) return;
        candidates.push({ shown: entry.shown, distance: d, frequency: entry.frequency });
      });
      candidates.sort(function (x, y) {
        return x.distance - y.distance || y.frequency - x.frequency || compareTitles(x.shown, y.shown);
      });
      var out = [], seen = new Set();
      for (var i = 0; i < candidates.length && out.length < max; i++) {
        var key = fold(candidates[i].shown);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(candidates[i].shown);
      }
      return out;
    } catch (e) {
      return [];
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Search

  function shortQuery(q) {
    var s = q.replace(/\s+/g, " ").trim();
    return s.length > 80 ? s.slice(0, 79) + "\u2026" : s;
  }

  function joinGerman(list) {
    if (list.length <= 1) return list.join("");
    return list.slice(0, -1).join(", ") + " oder " + list[list.length - 1];
  }

  function emptyResult(message) {
    return { results: [], suggestions: [], suggestionQueries: [], message: message };
  }

  /**
   * search(store, query: string, options?: {snippets?: boolean, shown?: number}, done(result))
   *   result: {results: [{doc, number, score, snippet: [{text, mark}]}], suggestions: string[],
   *            suggestionQueries: string[], message: string}
   * Loads the fragments the query needs, then calls done (at once when all are loaded). All results
   * are ranked; the first `shown` (10) come with their document and snippet, more(...) adds more.
   * Never throws. suggestionQueries[i] is the query with the unmatched word replaced by suggestions[i].
   */
  function search(store, query, options, done) {
    var settings = options || {};
    drive(store, function () { return searchUnsafe(store, query, settings); }, done);
  }

  /** more(store, result, count, done(result)): the next `count` results of a search get their document and snippet. */
  function more(store, result, count, done) {
    drive(store, function () {
      var from = 0;
      while (from < result.results.length && result.results[from].doc) from++;
      showDocuments(store, result, from, from + Math.max(1, count), result.snippets !== false);
      return result;
    }, done);
  }

  /** Documents and snippets for the results from `from` to `to`. */
  function showDocuments(p, result, from, to, snippets) {
    var shown = result.results.slice(from, Math.min(to, result.results.length));
    var docs = shown.map(function (r) { return docData(p, r.number); });
    if (missingCount(p) > 0) return;
    shown.forEach(function (r, n) {
      r.doc = docs[n];
      if (snippets) {
        try { r.snippet = snippet(r.doc, result.match); } catch (e) { r.snippet = []; }
      }
    });
  }

  /**
   * The scores of a query's positive clauses, computed as SearchIndex+Query.swift computes them:
   * citations (weight x 10, required), the plain words after the query rules (a document missing
   * one ranks lower: coverage squared), a bonus for two words side by side in a title, twice the
   * score for a title holding every word, then phrases (x 1.5) and prefixes (x 0.8), both required.
   */
  function rankQuery(p, positive, cache) {
    var scores = new Map();
    var candidates = null;
    var match = emptyMatch();
    function narrow(keys) {
      var next = new Set();
      keys.forEach(function (d) { if (candidates === null || candidates.has(d)) next.add(d); });
      candidates = next;
    }
    function add(map, factor) {
      map.forEach(function (score, d) { scores.set(d, (scores.get(d) || 0) + score * factor); });
    }
    var required = [], requiredMatches = [];
    positive.filter(function (c) { return c.type === "citation"; }).forEach(function (c) {
      var weights = citationWeights(p, c.key);
      narrow(Array.from(weights.keys()));
      add(weights, 10);
      c.terms.forEach(function (t) { match.terms.add(t); });
      match.patterns.push(sectionPattern(c.section));
      required.push(c);
      requiredMatches.push({ scores: weights });
    });

    // Plain words and law names, in the order written.
    var plain = positive.filter(function (c) { return c.type === "word" || (c.type === "law" && c.terms.length > 0); })
      .map(function (c) {
        return c.type === "word" ? c : { type: "word", text: c.text, term: c.terms[0], start: c.start, end: c.end, law: c.law };
      })
      .sort(function (a, b) { return a.start - b.start; });
    var lawOf = new Map();
    plain.forEach(function (w) { if (w.law) lawOf.set(w.term, w.law); });
    var understood = applyRules(p, plain);
    var corrections = [];
    var groups = understood.map(function (w) {
      var before = missingCount(p);
      var partial = false;
      function wordMatch(term, law) {
        var base = evalWordTerm(p, term, cache);
        if (base.partial) partial = true;
        var found = { scores: new Map(base.scores), terms: new Set(base.terms) };
        if (law) citationWeights(p, law).forEach(function (weight, d) { found.scores.set(d, (found.scores.get(d) || 0) + weight * 3); });
        return found;
      }
      var group = wordMatch(w.term, lawOf.get(w.term) || (own(p.laws, w.text.toLowerCase()) ? p.laws[w.text.toLowerCase()] : null));
      w.alternatives.forEach(function (alternative) {
        var other = wordMatch(alternative, null);
        other.scores.forEach(function (score, d) { group.scores.set(d, Math.max(group.scores.get(d) || 0, score * 0.9)); });
        other.terms.forEach(function (t) { group.terms.add(t); });
      });
      // A word that matches nothing (as far as all its fragments tell) is searched as the nearest word.
      if (group.scores.size === 0 && !/[0-9]/.test(w.text) && !partial && missingCount(p) === before) {
        var corrected = nearestWord(p, w.text);
        var term = corrected ? canonical(corrected)[0] : null;
        if (term) {
          var found = wordMatch(term, own(p.laws, corrected.toLowerCase()) ? p.laws[corrected.toLowerCase()] : null);
          if (found.scores.size > 0) {
            corrections.push({ written: w.text, searched: corrected });
            group = found;
          }
        }
      }
      w.match = group;
      return group;
    });
    if (missingCount(p) > 0) {
      // The words' fragments are still missing: name the others this query needs, and score next time.
      var words = understood.map(function (w) { return w.term; });
      for (var n = 0; n + 1 < words.length; n++) pairPostings(p, words[n], words[n + 1], true);
      positive.forEach(function (c) {
        if (c.type === "phrase") {
          var terms = c.words.map(function (w) { return w.term; });
          if (terms.length === 2) pairPostings(p, terms[0], terms[1], false);
          for (var k = 0; terms.length > 2 && k + 1 < terms.length; k++) pairPositions(p, terms[k], terms[k + 1]);
        } else if (c.type === "prefix") {
          rankPrefix(p, c.prefix);
        }
      });
      return { match: emptyMatch(), corrections: corrections, understood: understood, required: [], requiredMatches: [] };
    }
    if (groups.length > 0) {
      var held = new Map(), total = new Map();
      groups.forEach(function (g) {
        g.scores.forEach(function (score, d) {
          held.set(d, (held.get(d) || 0) + 1);
          total.set(d, (total.get(d) || 0) + score);
        });
        g.terms.forEach(function (t) { match.terms.add(t); });
      });
      narrow(Array.from(held.keys()));
      total.forEach(function (score, d) {
        var coverage = held.get(d) / groups.length;
        scores.set(d, (scores.get(d) || 0) + score * coverage * coverage);
      });
      var terms = understood.map(function (w) { return w.term; });
      for (var k = 0; k + 1 < terms.length; k++) add(rankPhrase(p, [terms[k], terms[k + 1]], true), 2);
      if (understood.length >= 2) {
        // A title holding every word (or one of its alternatives): from the postings' title counts.
        scores.forEach(function (score, d) {
          if (understood.every(function (w) {
            return titleDocs(p, w.term).has(d) || w.alternatives.some(function (a) { return titleDocs(p, a).has(d); });
          })) scores.set(d, score * 2);
        });
      }
    }
    positive.filter(function (c) { return c.type === "phrase"; }).forEach(function (c) {
      var found = rankPhrase(p, c.words.map(function (w) { return w.term; }), false);
      narrow(Array.from(found.keys()));
      add(found, 1.5);
      c.words.forEach(function (w) { match.terms.add(w.term); });
      required.push(c);
      requiredMatches.push({ scores: found });
    });
    positive.filter(function (c) { return c.type === "prefix"; }).forEach(function (c) {
      var found = rankPrefix(p, c.prefix);
      narrow(Array.from(found.scores.keys()));
      add(found.scores, 0.8);
      match.prefixes.push(c.prefix);
      required.push(c);
      requiredMatches.push({ scores: found.scores });
    });
    (candidates || new Set()).forEach(function (d) { match.scores.set(d, scores.get(d) || 0); });
    return { match: match, corrections: corrections, understood: understood, required: required, requiredMatches: requiredMatches };
  }

  /** The book's word nearest to a misspelt one, as SearchIndex.suggest finds it (within 2 edits, 3 for long words); null while its vocabulary is not loaded. */
  function nearestWord(p, word) {
    var folded = fold(word);
    var length = Array.from(word).length;
    var limit = Array.from(folded).length > 8 ? 3 : 2;
    var best = null, bestDistance = Infinity;
    var a = Array.from(folded);
    // Only words that can be that near: lengths within the limits, and no more digits than edits.
    var digits = countDigits(folded);
    var entries = vocabulary(p, function (r) {
      return overlaps(r[0], r[1], length - 2, length + 2) && overlaps(r[2], r[3], a.length - limit, a.length + limit) &&
        overlaps(r[6], r[7], digits - limit, digits + limit);
    });
    (entries || []).forEach(function (entry) {
      var shown = entry.shown;
      var shownLength = Array.from(shown).length;
      if (shownLength < length - 2 || shownLength > length + 2) return;
      var distance = editDistance(a, Array.from(fold(shown)), limit);
      if (distance <= limit && (distance < bestDistance || (distance === bestDistance && shown < best))) {
        best = shown;
        bestDistance = distance;
      }
    });
    return entries === null ? null : best;
  }

  function searchUnsafe(p, query, options) {
    if (!p || p.version !== FORMAT) return emptyResult(MSG_NO_INDEX);
    var parsed = parseQuery(query, p);
    var raw = parsed.query;
    var positive = parsed.clauses.filter(function (c) { return !c.negate; });
    var negative = parsed.clauses.filter(function (c) { return c.negate; });
    if (positive.length === 0) return emptyResult(negative.length > 0 ? MSG_ONLY_EXCLUDED : MSG_EMPTY);

    var cache = new Map();
    // The same query ranked with all its fragments before (in an earlier run or search): as it was.
    var ranked = p.ranking && p.ranking.query === raw ? p.ranking.ranked : rankQuery(p, positive, cache);
    var combined = ranked.match;
    var corrections = ranked.corrections;
    var understood = ranked.understood;
    var required = ranked.required;
    var matches = ranked.requiredMatches;
    var excluded = new Set();
    negative.forEach(function (c) {
      if (c.type === "word") { postings(p, c.term).forEach(function (posting) { excluded.add(posting[0]); }); return; }
      if (c.type === "group") {
        c.items.forEach(function (item) {
          var term = item.type === "word" ? item.term : canonical(item.text)[0];
          if (term) postings(p, term).forEach(function (posting) { excluded.add(posting[0]); });
        });
        return;
      }
      excludedDocuments(p, c, cache, combined.scores).forEach(function (d) { excluded.add(d); });
    });

    var order;
    if (p.ranking && p.ranking.query === raw) {
      order = p.ranking.order;
    } else {
      order = [];
      combined.scores.forEach(function (score, d) {
        if (excluded.has(d) || !validDoc(p, d)) return;
        order.push({ number: d, score: score });
      });
      // Equal scores by folded title, as the command line sorts them (its recipes' sort key): the
      // documents are numbered in that order (WebSearchIndex), so their numbers sort them alike.
      order.sort(function (a, b) { return b.score - a.score || a.number - b.number; });
      if (missingCount(p) > 0) return emptyResult(MSG_FAILED);
      p.ranking = { query: raw, ranked: ranked, order: order };
    }
    var results = order.map(function (r) { return { doc: null, number: r.number, score: r.score, snippet: [] }; });
    var result = { results: results, suggestions: [], suggestionQueries: [], corrections: corrections, message: "",
      match: combined, snippets: options.snippets !== false };
    var first = typeof options.shown === "number" && options.shown >= 0 ? options.shown : PAGE_SIZE;
    showDocuments(p, result, 0, first, result.snippets);

    var shown = shortQuery(raw);
    if (results.length > 0) {
      var said = results.length + " Treffer f\u00fcr \u201e" + shown + "\u201c";
      if (corrections.length > 0) {
        said = results.length + " Treffer: Ergebnisse f\u00fcr " + corrections.map(function (c) {
          return "\u201e" + c.searched + "\u201c (statt \u201e" + c.written + "\u201c)";
        }).join(", ");
      }
      result.message = said;
      return result;
    }

    // No results: suggestions for the words that match nothing on their own.
    var suggestions = [], suggestionQueries = [], seen = new Set();
    var unmatched = [];
    understood.forEach(function (w) { if (w.match.scores.size === 0) unmatched.push(w); });
    required.forEach(function (c, n) {
      if (c.type === "phrase" && matches[n].scores.size === 0) {
        c.words.forEach(function (w) { if (evalWordTerm(p, w.term, cache).scores.size === 0) unmatched.push(w); });
      }
    });
    unmatched.forEach(function (w) {
      suggest(p, w.text, 3).forEach(function (s) {
        var key = fold(s);
        if (seen.has(key)) return;
        seen.add(key);
        suggestions.push(s);
        suggestionQueries.push((raw.slice(0, w.start) + s + raw.slice(w.end)).replace(/\s+/g, " ").trim());
      });
    });
    var message = "Keine Treffer f\u00fcr \u201e" + shown + "\u201c.";
    if (suggestions.length > 0) message += " Meinten Sie: " + joinGerman(suggestions) + "?";
    return { results: [], suggestions: suggestions, suggestionQueries: suggestionQueries, message: message };
  }

  // ---------------------------------------------------------------------------------------------
  // The search page

  function safeDecode(s) {
    try { return decodeURIComponent(s); } catch (e) {
      return s.replace(/(%[0-9a-fA-F]{2})+/g, function (m) {
        try { return decodeURIComponent(m); } catch (e2) { return m; }
      });
    }
  }

  function safeEncode(s) {
    try { return encodeURIComponent(s); } catch (e) {
      return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "\ufffd"));
    }
  }

  function queryParameter(search) {
    var parts = toStr(search).replace(/^\?/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      var key = safeDecode((eq < 0 ? parts[i] : parts[i].slice(0, eq)).replace(/\+/g, " "));
      if (key === "q") return safeDecode((eq < 0 ? "" : parts[i].slice(eq + 1)).replace(/\+/g, " "));
    }
    return "";
  }

  function safeHref(url, fallback) {
    var u = toStr(url);
    if (!u || /^[a-z][a-z0-9+.\-]*:/i.test(u) || /^\/\//.test(u)) return fallback;
    return u;
  }

  /** Runs fragments as scripts from `folder` (which works from file:// as over HTTP). */
  function scriptLoader(document, folder) {
    return function (file, done) {
      var script = document.createElement("script");
      function finish() {
        script.onload = null;
        script.onerror = null;
        if (script.parentNode) script.parentNode.removeChild(script);
        done();
      }
      script.onload = finish;
      script.onerror = finish;
      script.src = folder + file;
      (document.head || document.documentElement).appendChild(script);
    };
  }

  /** The folder of the fragments: where the page's meta fragment lies. */
  function fragmentFolder(document, root) {
    var scripts = document.getElementsByTagName("script");
    for (var i = 0; i < scripts.length; i++) {
      var src = scripts[i].getAttribute("src") || "";
      var at = src.search(/meta-[0-9a-f]+\.js$/);
      if (at >= 0) return src.slice(0, at);
    }
    return root + "assets/suche/";
  }

  function initPage() {
    var document = GLOBAL.document;
    if (!document) return;
    var input = document.getElementById("suche-eingabe");
    if (!input) return;
    var form = document.getElementById("suche-form");
    var status = document.getElementById("suche-status");
    var list = document.getElementById("suche-ergebnisse");
    var root = (document.body && document.body.getAttribute("data-root")) || "";
    var timer = null;
    var lastQuery = null;
    var store = null;
    var generation = 0;
    var moreButton = null;

    function openPageStore() {
      if (!store && pageMeta) {
        store = openStore(pageMeta, scriptLoader(document, fragmentFolder(document, root)));
        pageStore = store;
      }
      return store;
    }

    function clear(element) {
      while (element && element.firstChild) element.removeChild(element.firstChild);
    }

    function text(value) { return document.createTextNode(value); }

    function element(name, className, content) {
      var el = document.createElement(name);
      if (className) el.className = className;
      if (content !== undefined) el.textContent = content;
      return el;
    }

    function setStatus(nodes) {
      if (!status) return;
      clear(status);
      nodes.forEach(function (node) { status.appendChild(typeof node === "string" ? text(node) : node); });
    }

    function suggestionLink(label, query) {
      var a = element("a", "search-suggestion", label);
      a.setAttribute("href", root + "suche.html?q=" + safeEncode(query));
      a.addEventListener("click", function (event) {
        try {
          event.preventDefault();
          input.value = query;
          run(query, true, true);
          input.focus();
        } catch (e) { /* the link still works without script */ }
      });
      return a;
    }

    function renderResult(result) {
      var doc = result.doc || {};
      var id = docField(doc, "id");
      var li = element("li", "search-hit");
      var link = element("a", "search-hit-title", docField(doc, "title") || id);
      link.setAttribute("href", root + safeHref(doc.url, "rezepte/" + id + ".html"));
      li.appendChild(link);

      var meta = element("p", "search-meta");
      var parts = [];
      if (id) parts.push(element("span", "search-id", id));
      var themenfeld = docField(doc, "themenfeld");
      if (themenfeld) parts.push(element("span", "search-themenfeld", "Themenfeld: " + themenfeld));
      var laws = stringList(doc.laws);
      if (laws.length > 0) parts.push(element("span", "search-laws", laws.join(", ")));
      parts.forEach(function (part, n) {
        if (n > 0) meta.appendChild(text(" \u00b7 "));
        meta.appendChild(part);
      });
      if (parts.length > 0) li.appendChild(meta);

      if (result.snippet && result.snippet.length > 0) {
        var p = element("p", "search-snippet");
        result.snippet.forEach(function (piece) {
          p.appendChild(piece.mark ? element("mark", null, piece.text) : text(piece.text));
        });
        li.appendChild(p);
      }
      return li;
    }

    function renderMore(result) {
      if (moreButton && moreButton.parentNode) moreButton.parentNode.removeChild(moreButton);
      moreButton = null;
      var shown = 0;
      while (shown < result.results.length && result.results[shown].doc) shown++;
      var left = result.results.length - shown;
      if (!list || left <= 0) return;
      var button = element("button", "search-more", "Weitere " + Math.min(left, PAGE_SIZE) + " Treffer anzeigen");
      button.setAttribute("type", "button");
      button.addEventListener("click", function () {
        var mine = generation;
        button.disabled = true;
        more(store, result, PAGE_SIZE, function () {
          if (mine !== generation) return;
          var fragment = document.createDocumentFragment(), firstLink = null;
          for (var i = shown; i < result.results.length && result.results[i].doc; i++) {
            var item = renderResult(result.results[i]);
            if (!firstLink) firstLink = item.querySelector("a");
            fragment.appendChild(item);
          }
          list.appendChild(fragment);
          renderMore(result);
          if (firstLink) firstLink.focus();
        });
      });
      list.parentNode.insertBefore(button, list.nextSibling);
      moreButton = button;
    }

    function render(result) {
      clear(list);
      if (result.results.length === 0 && result.suggestions.length > 0) {
        var nodes = [result.message.split(" Meinten Sie:")[0] + " Meinten Sie: "];
        result.suggestions.forEach(function (s, n) {
          if (n > 0) nodes.push(n === result.suggestions.length - 1 ? " oder " : ", ");
          nodes.push(suggestionLink(s, result.suggestionQueries[n] || s));
        });
        nodes.push("?");
        setStatus(nodes);
      } else {
        setStatus([result.message]);
      }
      if (!list) return;
      var fragment = document.createDocumentFragment();
      result.results.forEach(function (r) { if (r.doc) fragment.appendChild(renderResult(r)); });
      list.appendChild(fragment);
      renderMore(result);
    }

    function updateLocation(q) {
      try {
        var history = GLOBAL.history, location = GLOBAL.location;
        if (!history || typeof history.replaceState !== "function" || !location) return;
        var file = toStr(location.pathname).replace(/^.*\//, "") || "suche.html";
        var trimmed = q.trim();
        history.replaceState(history.state, "", file + (trimmed ? "?q=" + safeEncode(trimmed) : ""));
      } catch (e) { /* file:// or a sandbox: the URL just stays as it is */ }
    }

    function run(q, updateUrl, force) {
      try {
        var query = toStr(q);
        if (!force && query === lastQuery) return;
        lastQuery = query;
        var mine = ++generation;
        if (!openPageStore()) {
          clear(list);
          setStatus([MSG_NO_INDEX]);
          return;
        }
        if (list) list.setAttribute("aria-busy", "true");
        search(store, query, { shown: PAGE_SIZE }, function (result) {
          // A newer query is under way: this answer is not shown.
          if (mine !== generation) return;
          try {
            if (list) list.removeAttribute("aria-busy");
            render(result);
            if (updateUrl) updateLocation(query);
          } catch (e) {
            try { setStatus([MSG_FAILED]); } catch (e2) { /* nothing left to do */ }
          }
        });
      } catch (e) {
        try { setStatus([MSG_FAILED]); } catch (e2) { /* nothing left to do */ }
      }
    }

    input.addEventListener("input", function () {
      // An answer to what was typed before is no longer shown.
      generation++;
      lastQuery = null;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(function () { timer = null; run(input.value, true, false); }, INPUT_DELAY);
    });
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (timer !== null) { clearTimeout(timer); timer = null; }
        run(input.value, true, true);
      });
    }

    var initial = "";
    try { initial = queryParameter(GLOBAL.location ? GLOBAL.location.search : ""); } catch (e) { initial = ""; }
    if (initial) input.value = initial;
    run(input.value || "", false, true);
  }

  // ---------------------------------------------------------------------------------------------

  var api = {
    canonical: canonical,
    tokens: tokens,
    stem: stem,
    fold: fold,
    parseQuery: parseQuery,
    openStore: openStore,
    register: register,
    search: search,
    more: more,
    suggest: suggest,
    PAGE_SIZE: PAGE_SIZE
  };

  // In a page, fragments hand their data to kochbuchSuche.push: the meta fragment (which may run
  // before this script) and those the store loads.
  var pageMeta = null;
  var pageStore = null;
  function receive(entry) {
    if (!Array.isArray(entry)) return;
    if (entry[0] === "meta") pageMeta = entry[1];
    else if (pageStore) register(pageStore, entry);
  }

  if (typeof module !== "undefined" && module) {
    module.exports = api;
  } else {
    GLOBAL.KochbuchSuche = api;
    var early = GLOBAL.kochbuchSuche;
    GLOBAL.kochbuchSuche = { push: function () { for (var i = 0; i < arguments.length; i++) receive(arguments[i]); } };
    if (Array.isArray(early)) early.forEach(receive);
    // The fragments this page loaded, for measurements.
    api.fetched = function () { return pageStore ? pageStore.fetched.slice() : []; };
  }

  if (GLOBAL.document && typeof GLOBAL.document.getElementById === "function") {
    try {
      if (GLOBAL.document.readyState === "loading") {
        GLOBAL.document.addEventListener("DOMContentLoaded", function () {
          try { initPage(); } catch (e) { /* never break the page */ }
        });
      } else {
        initPage();
      }
    } catch (e) { /* never break the page */ }
  }
})();
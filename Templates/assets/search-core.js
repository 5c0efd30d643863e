/* Gazette search: the part that needs no page. Folds and splits words exactly as the index builder
 * does (Sources/GazetteCore/Search/TextFolding.swift and Tokenizer.swift), reads only the index files
 * a query needs, ranks and makes snippets. Works as a plain <script> (GazetteSearch.open) and under
 * Node (module.exports), given a function that loads an index file by its path. */
(function (root) {
  "use strict";
  var stem = typeof module === "object" && module.exports ? require("./search-stem.js").stem : root.GazetteSearch.stem;

  var WEIGHT = { title: 4, meta: 1.5, body: 1, strong: 0.5 };
  /** A completion of the word being typed counts for less than the word itself. */
  var PREFIX_WEIGHT = 0.7, MAX_COMPLETIONS = 3, MIN_PREFIX = 3, MAX_WORDS = 8, MAX_WORD_BYTES = 64;

  /* Folding: the same classes as TextFolding.Kind. */
  var SEP = 0, IGNORE = 1, APOS = 2;
  var SPECIAL = { 0xDF: "ss", 0x1E9E: "ss", 0xC6: "ae", 0xE6: "ae", 0x152: "oe", 0x153: "oe", 0xD8: "o", 0xF8: "o",
    0x110: "d", 0x111: "d", 0x141: "l", 0x142: "l", 0x126: "h", 0x127: "h", 0xDE: "th", 0xFE: "th", 0xD0: "d", 0xF0: "d", 0x131: "i" };
  var LATIN = {};
  [[0xC0, 0x24F], [0x1E00, 0x1EFF]].forEach(function (range) {
    for (var cp = range[0]; cp <= range[1]; cp++) {
      var ch = String.fromCodePoint(cp);
      if (/[\p{Lu}\p{Ll}\p{Lt}]/u.test(ch)) LATIN[cp] = SPECIAL[cp] || ch.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase();
    }
  });
  function classify(ch, cp) {
    if (cp < 0x80) {
      if (cp >= 0x61 && cp <= 0x7A || cp >= 0x30 && cp <= 0x39) return ch;
      if (cp >= 0x41 && cp <= 0x5A) return String.fromCharCode(cp | 0x20);
      return cp === 0x27 ? APOS : SEP;
    }
    if (cp === 0x2018 || cp === 0x2019) return APOS;
    if (cp === 0xAD || cp === 0x200C || cp === 0x200D || cp === 0x640) return IGNORE;
    if (LATIN[cp]) return LATIN[cp];
    if (/\p{Mn}/u.test(ch)) return IGNORE;
    if (/[\p{L}\p{Mc}\p{Nd}]/u.test(ch)) return ch.toLowerCase();
    return SEP;
  }

  function utf8Length(s) {
    var n = 0;
    for (var ch of s) { var cp = ch.codePointAt(0); n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }
    return n;
  }

  /** The words of `text`: each {folded, term, start, end}, `start`/`end` in the text's UTF-16 units. */
  function tokenize(text) {
    var words = [], word = "", letters = true, start = -1, end = 0, i = 0;
    function flush() {
      if (word) {
        var w = letters ? word : word.replace(/'/g, "");
        w = w.replace(/^'+|'+$/g, "");
        if (w && utf8Length(w) <= MAX_WORD_BYTES) words.push({ folded: w, term: letters ? stem(w) : w, start: start, end: end });
      }
      word = ""; letters = true; start = -1;
    }
    for (var ch of text) {
      var c = classify(ch, ch.codePointAt(0));
      if (c === SEP) flush();
      else {
        if (start < 0) start = i;
        end = i + ch.length;
        if (c === APOS) word += "'";
        else if (c !== IGNORE) {
          word += c;
          if (letters && !/^[a-z]+$/.test(c)) letters = false;
        }
      }
      i += ch.length;
    }
    flush();
    return words;
  }

  /** Code point order, which is the UTF-8 byte order the index is sorted in. */
  function compare(a, b) {
    var ia = a[Symbol.iterator](), ib = b[Symbol.iterator]();
    for (;;) {
      var x = ia.next(), y = ib.next();
      if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
      var d = x.value.codePointAt(0) - y.value.codePointAt(0);
      if (d) return d;
    }
  }

  /* Posting sets: see PostingSet.swift. */
  function readVarint(bytes, at) {
    var value = 0, scale = 1, b;
    do { b = bytes[at.i++]; value += (b & 0x7F) * scale; scale *= 128; } while (b >= 0x80);
    return value;
  }
  function readSet(bytes, at) {
    var n = readVarint(bytes, at), ids = new Array(n);
    if (n === 0) return ids;
    if (bytes[at.i++] === 0) {
      for (var k = 0, id = 0; k < n; k++) { id += readVarint(bytes, at); ids[k] = id; }
      return ids;
    }
    var start = readVarint(bytes, at), length = readVarint(bytes, at), j = 0;
    for (var b = 0; b < length; b++) {
      var byte = bytes[at.i + b];
      for (var bit = 0; byte; bit++, byte >>= 1) if (byte & 1) ids[j++] = start + 8 * b + bit;
    }
    at.i += length;
    return ids;
  }

  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  /**
   * Opens an index. `load(path)` resolves an index file ("meta.json", "terms/0.json", "postings/0.bin",
   * "docs/0.json") to its text (.json) or bytes (a Uint8Array, .bin), with `version` the build's fingerprint.
   */
  function open(load) {
    var cache = new Map();
    function file(path, version) {
      if (!cache.has(path)) {
        cache.set(path, Promise.resolve(load(path, version)).then(function (data) {
          return path.endsWith(".bin") ? new Uint8Array(data) : JSON.parse(data);
        }));
      }
      return cache.get(path);
    }
    return file("meta.json").then(function (meta) {
      if (meta.format !== 1) throw new Error("this search index has format " + meta.format + ", the script reads format 1");
      return new Engine(meta, function (path) { return file(path, meta.build); });
    });
  }

  function Engine(meta, file) { this.meta = meta; this.file = file; }

  /** The number of the terms file whose range holds `term`. */
  Engine.prototype.fileOf = function (term) {
    var first = this.meta.terms, lo = 0, hi = first.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (compare(first[mid], term) <= 0) lo = mid; else hi = mid - 1; }
    return lo;
  };

  /** Entries `[term, df, file, offset, length]` of the terms files that can hold `term` and, when
   * `prefix`, terms that start with it (at most three files, usually one). */
  Engine.prototype.entries = function (term, prefix) {
    var self = this, first = this.meta.terms;
    if (!first.length) return Promise.resolve([]);
    var numbers = [this.fileOf(term)];
    if (prefix) {
      var p = this.fileOf(prefix);
      if (numbers.indexOf(p) < 0) numbers.push(p);
      if (p + 1 < first.length && first[p + 1].startsWith(prefix) && numbers.length < 3) numbers.push(p + 1);
    }
    return Promise.all(numbers.map(function (k) { return self.file("terms/" + k + ".json"); }))
      .then(function (lists) { return [].concat.apply([], lists); });
  };

  /** The four sets of a term: title, meta, body, strong; decoded once per page view. */
  Engine.prototype.postings = function (entry) {
    var decoded = this.decoded || (this.decoded = new Map()), key = entry[2] + ":" + entry[3];
    if (!decoded.has(key)) {
      decoded.set(key, this.file("postings/" + entry[2] + ".bin").then(function (bytes) {
        var at = { i: entry[3] };
        return [readSet(bytes, at), readSet(bytes, at), readSet(bytes, at), readSet(bytes, at)];
      }));
    }
    return decoded.get(key);
  };

  var node = typeof module === "object" && module.exports;
  var api = node ? {} : root.GazetteSearch;
  Object.assign(api, { stem: stem, open: open, tokenize: tokenize, compare: compare, escapeHTML: escapeHTML, Engine: Engine,
    WEIGHT: WEIGHT, PREFIX_WEIGHT: PREFIX_WEIGHT, MAX_COMPLETIONS: MAX_COMPLETIONS, MIN_PREFIX: MIN_PREFIX, MAX_WORDS: MAX_WORDS });
  if (node) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);

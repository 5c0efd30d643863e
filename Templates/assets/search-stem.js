/* Gazette search: English stemming, the Porter2 algorithm as Snowball 3 defines it.
 * The same rules as Sources/GazetteCore/Search/Stemmer.swift, so that a query's words become the
 * index's terms; both are checked against Tests/search/fixtures/stems.tsv.
 * Works as a plain <script> (sets GazetteSearch.stem) and under Node (module.exports). */
(function (root) {
  "use strict";

  function grouping(letters) { return new Set(letters.split("")); }
  var V = grouping("aeiouy"), V_WXY = grouping("aeiouywxY"), AEO = grouping("aeo"), VALID_LI = grouping("cdeghkmnrt");

  /* Snowball's string machine over an array of letters; see SnowballCursor.swift. */
  function Cursor(word) {
    this.s = word.split(""); this.cursor = 0; this.limit = this.s.length;
    this.lb = 0; this.bra = 0; this.ket = this.s.length;
  }
  Cursor.prototype = {
    inG: function (g) { if (this.cursor >= this.limit || !g.has(this.s[this.cursor])) return false; this.cursor++; return true; },
    inGB: function (g) { if (this.cursor <= this.lb || !g.has(this.s[this.cursor - 1])) return false; this.cursor--; return true; },
    outGB: function (g) { if (this.cursor <= this.lb || g.has(this.s[this.cursor - 1])) return false; this.cursor--; return true; },
    goInG: function (g) { while (this.cursor < this.limit) { if (!g.has(this.s[this.cursor])) return true; this.cursor++; } return false; },
    goOutG: function (g) { while (this.cursor < this.limit) { if (g.has(this.s[this.cursor])) return true; this.cursor++; } return false; },
    goOutGB: function (g) { while (this.cursor > this.lb) { if (g.has(this.s[this.cursor - 1])) return true; this.cursor--; } return false; },
    /* Whether `t` is at `at` (no slicing: stemming runs for every word of every snippet). */
    has: function (t, at) {
      for (var k = 0; k < t.length; k++) if (this.s[at + k] !== t[k]) return false;
      return true;
    },
    eqB: function (t) {
      if (this.cursor - this.lb < t.length || !this.has(t, this.cursor - t.length)) return false;
      this.cursor -= t.length; return true;
    },
    letterB: function (c) { if (this.cursor <= this.lb || this.s[this.cursor - 1] !== c) return false; this.cursor--; return true; },
    among: function (list) {
      var best = null;
      for (var i = 0; i < list.length; i++) {
        var e = list[i];
        if (this.limit - this.cursor >= e[0].length && (!best || e[0].length > best[0].length) &&
            this.has(e[0], this.cursor)) best = e;
      }
      if (!best) return 0;
      this.cursor += best[0].length; return best[1];
    },
    amongB: function (list) {
      var best = null;
      for (var i = 0; i < list.length; i++) {
        var e = list[i];
        if (this.cursor - this.lb >= e[0].length && (!best || e[0].length > best[0].length) &&
            this.has(e[0], this.cursor - e[0].length)) best = e;
      }
      if (!best) return 0;
      this.cursor -= best[0].length; return best[1];
    },
    sliceFrom: function (t) {
      var adjustment = t.length - (this.ket - this.bra);
      Array.prototype.splice.apply(this.s, [this.bra, this.ket - this.bra].concat(t.split("")));
      this.limit += adjustment;
      if (this.cursor >= this.ket) this.cursor += adjustment; else if (this.cursor > this.bra) this.cursor = this.bra;
      this.ket = this.bra + t.length;
    },
    del: function () { this.sliceFrom(""); }
  };

  var REGION_PREFIXES = [["arsen", -1], ["commun", -1], ["emerg", -1], ["gener", -1], ["inter", -1], ["later", -1], ["organ", -1], ["past", -1], ["univers", -1]];
  var S1A_APOS = [["'", 1], ["'s'", 1], ["'s", 1]];
  var S1A = [["ied", 2], ["s", 3], ["ies", 2], ["sses", 1], ["ss", -1], ["us", -1]];
  var S1B_EXCEED = [["succ", 1], ["proc", 1], ["exc", 1]];
  var S1B_ING = [["even", 2], ["cann", 2], ["inn", 2], ["earr", 2], ["herr", 2], ["out", 2], ["y", 1]];
  var S1B = [["", -1], ["ed", 2], ["eed", 1], ["ing", 3], ["edly", 2], ["eedly", 1], ["ingly", 2]];
  var S1B_END = [["", 3], ["bb", 2], ["dd", 2], ["ff", 2], ["gg", 2], ["bl", 1], ["mm", 2], ["nn", 2], ["pp", 2], ["rr", 2], ["at", 1], ["tt", 2], ["iz", 1]];
  var S2 = [["anci", 3], ["enci", 2], ["ogi", 14], ["li", 16], ["bli", 12], ["abli", 4], ["alli", 8], ["fulli", 9], ["lessli", 15],
    ["ousli", 10], ["entli", 5], ["aliti", 8], ["biliti", 12], ["iviti", 11], ["tional", 1], ["ational", 7], ["alism", 8], ["ation", 7],
    ["ization", 6], ["izer", 6], ["ator", 7], ["iveness", 11], ["fulness", 9], ["ousness", 10], ["ogist", 13]];
  var S2_TO = { 1: "tion", 2: "ence", 3: "ance", 4: "able", 5: "ent", 6: "ize", 7: "ate", 8: "al", 9: "ful", 10: "ous", 11: "ive", 12: "ble", 13: "og", 15: "less" };
  var S3 = [["icate", 4], ["ative", 6], ["alize", 3], ["iciti", 4], ["ical", 4], ["tional", 1], ["ational", 2], ["ful", 5], ["ness", 5]];
  var S4 = [["ic", 1], ["ance", 1], ["ence", 1], ["able", 1], ["ible", 1], ["ate", 1], ["ive", 1], ["ize", 1], ["iti", 1], ["al", 1],
    ["ism", 1], ["ion", 2], ["er", 1], ["ous", 1], ["ant", 1], ["ent", 1], ["ment", 1], ["ement", 1]];
  var S5 = [["e", 1], ["l", 2]];
  var EXCEPTIONS = [["andes", -1], ["atlas", -1], ["bias", -1], ["cosmos", -1], ["early", 6], ["gently", 4], ["howe", -1], ["idly", 3],
    ["news", -1], ["only", 7], ["singly", 8], ["skies", 2], ["skis", 1], ["sky", -1], ["ugly", 5]];
  var EXCEPTION_STEMS = ["ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl"];

  function stem(word) {
    if (!/^[a-z']+$/.test(word)) return word;
    var z = new Cursor(word), yFound = false, p1, p2;
    function r1() { return p1 <= z.cursor; }
    function r2() { return p2 <= z.cursor; }
    function shortV() {
      var saved = z.limit - z.cursor;
      if (z.outGB(V_WXY) && z.inGB(V) && z.outGB(V)) return true;
      z.cursor = z.limit - saved;
      if (z.outGB(V) && z.inGB(V) && z.cursor <= z.lb) return true;
      z.cursor = z.limit - saved;
      return z.eqB("past");
    }

    // exception1: whole irregular words
    z.bra = z.cursor;
    var found = z.among(EXCEPTIONS);
    if (found !== 0) {
      z.ket = z.cursor;
      if (z.cursor >= z.limit) { if (found > 0) z.sliceFrom(EXCEPTION_STEMS[found - 1]); return z.s.join(""); }
    }
    z.cursor = 0;
    if (z.limit < 3) return word;

    // prelude
    if (z.cursor < z.limit && z.s[z.cursor] === "'") { z.bra = z.cursor; z.cursor++; z.ket = z.cursor; z.del(); }
    z.cursor = 0;
    if (z.cursor < z.limit && z.s[z.cursor] === "y") { z.bra = z.cursor; z.cursor++; z.ket = z.cursor; z.sliceFrom("Y"); yFound = true; }
    z.cursor = 0;
    for (;;) {
      var start = z.cursor, hit = false;
      for (;;) {
        var here = z.cursor;
        if (z.inG(V)) {
          z.bra = z.cursor;
          if (z.cursor < z.limit && z.s[z.cursor] === "y") { z.cursor++; z.ket = z.cursor; z.cursor = here; hit = true; break; }
        }
        z.cursor = here;
        if (z.cursor >= z.limit) break;
        z.cursor++;
      }
      if (!hit) { z.cursor = start; break; }
      z.sliceFrom("Y"); yFound = true;
    }
    z.cursor = 0;

    // mark_regions
    p1 = z.limit; p2 = z.limit;
    (function () {
      if (z.among(REGION_PREFIXES) === 0) {
        z.cursor = 0;
        if (!z.goOutG(V)) return; z.cursor++;
        if (!z.goInG(V)) return; z.cursor++;
      }
      p1 = z.cursor;
      if (!z.goOutG(V)) return; z.cursor++;
      if (!z.goInG(V)) return; z.cursor++;
      p2 = z.cursor;
    })();
    z.cursor = 0;
    z.lb = z.cursor;
    z.cursor = z.limit;

    var steps = [step1a, step1b, step1c, step2, step3, step4, step5];
    for (var s = 0; s < steps.length; s++) {
      var saved = z.limit - z.cursor;
      steps[s]();
      z.cursor = z.limit - saved;
    }
    z.cursor = z.lb;
    var out = z.s.join("");
    return yFound ? out.replace(/Y/g, "y") : out;

    function step1a() {
      var saved = z.limit - z.cursor;
      z.ket = z.cursor;
      if (z.amongB(S1A_APOS) === 0) z.cursor = z.limit - saved; else { z.bra = z.cursor; z.del(); }
      z.ket = z.cursor;
      var f = z.amongB(S1A);
      if (f === 0) return;
      z.bra = z.cursor;
      if (f === 1) z.sliceFrom("ss");
      else if (f === 2) z.sliceFrom(z.cursor - 2 >= z.lb ? "i" : "ie");
      else if (f === 3) {
        if (z.cursor <= z.lb) return;
        z.cursor--;
        if (!z.goOutGB(V)) return;
        z.cursor--;
        z.del();
      }
    }

    function step1b() {
      z.ket = z.cursor;
      var f = z.amongB(S1B);
      z.bra = z.cursor;
      var beforeSuffix = z.limit - z.cursor, remove = false;
      if (f === 1) {
        var saved = z.limit - z.cursor;
        if (r1()) {
          var here = z.limit - z.cursor;
          if (!(z.amongB(S1B_EXCEED) !== 0 && z.cursor <= z.lb)) { z.cursor = z.limit - here; z.sliceFrom("ee"); }
        }
        z.cursor = z.limit - saved;
      } else if (f === 2) {
        remove = true;
      } else if (f === 3) {
        f = z.amongB(S1B_ING);
        if (f === 0) remove = true;
        else if (f === 1) {
          var h = z.limit - z.cursor;
          if (z.outGB(V) && z.cursor <= z.lb) { z.cursor = z.limit - h; z.bra = z.cursor; z.sliceFrom("ie"); } else remove = true;
        } else if (z.cursor > z.lb) remove = true;
      }
      if (!remove) return;
      z.cursor = z.limit - beforeSuffix;
      var at = z.limit - z.cursor;
      if (!z.goOutGB(V)) return;
      z.cursor = z.limit - at;
      z.del();
      z.ket = z.cursor; z.bra = z.cursor;
      var end = z.limit - z.cursor;
      var e = z.amongB(S1B_END);
      if (e === 1) { z.sliceFrom("e"); return; }
      if (e === 2) {
        var k = z.limit - z.cursor;
        if (z.inGB(AEO) && z.cursor <= z.lb) return;
        z.cursor = z.limit - k;
      } else {
        if (z.cursor !== p1) return;
        var m = z.limit - z.cursor;
        if (!shortV()) return;
        z.cursor = z.limit - m;
        z.sliceFrom("e");
        return;
      }
      z.cursor = z.limit - end;
      z.ket = z.cursor;
      if (z.cursor <= z.lb) return;
      z.cursor--; z.bra = z.cursor; z.del();
    }

    function step1c() {
      z.ket = z.cursor;
      if (!(z.letterB("y") || z.letterB("Y"))) return;
      z.bra = z.cursor;
      if (!z.outGB(V) || z.cursor <= z.lb) return;
      z.sliceFrom("i");
    }

    function step2() {
      z.ket = z.cursor;
      var f = z.amongB(S2);
      if (f === 0) return;
      z.bra = z.cursor;
      if (!r1()) return;
      if (S2_TO[f]) z.sliceFrom(S2_TO[f]);
      else if (f === 14) { if (z.letterB("l")) z.sliceFrom("og"); }
      else if (z.inGB(VALID_LI)) z.del();
    }

    function step3() {
      z.ket = z.cursor;
      var f = z.amongB(S3);
      if (f === 0) return;
      z.bra = z.cursor;
      if (!r1()) return;
      if (f === 1) z.sliceFrom("tion");
      else if (f === 2) z.sliceFrom("ate");
      else if (f === 3) z.sliceFrom("al");
      else if (f === 4) z.sliceFrom("ic");
      else if (f === 5) z.del();
      else if (r2()) z.del();
    }

    function step4() {
      z.ket = z.cursor;
      var f = z.amongB(S4);
      if (f === 0) return;
      z.bra = z.cursor;
      if (!r2()) return;
      if (f === 2 && !(z.letterB("s") || z.letterB("t"))) return;
      z.del();
    }

    function step5() {
      z.ket = z.cursor;
      var f = z.amongB(S5);
      if (f === 0) return;
      z.bra = z.cursor;
      if (f === 1) {
        if (!r2()) {
          if (!r1()) return;
          var saved = z.limit - z.cursor;
          if (shortV()) return;
          z.cursor = z.limit - saved;
        }
        z.del();
      } else if (r2() && z.letterB("l")) z.del();
    }
  }

  /** Stems by word: the same few thousand words come back in every snippet. */
  var cache = new Map();
  function cachedStem(word) {
    var s = cache.get(word);
    if (s === undefined) {
      if (cache.size > 50000) cache.clear();
      s = stem(word);
      cache.set(word, s);
    }
    return s;
  }

  var api = { stem: cachedStem };
  if (typeof module === "object" && module.exports) module.exports = api;
  else (root.GazetteSearch = root.GazetteSearch || {}).stem = cachedStem;
})(typeof globalThis !== "undefined" ? globalThis : this);

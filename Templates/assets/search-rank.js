/* Gazette search: turning a query into ranked results with snippets. Extends the Engine of
 * search-core.js; docs/search.md explains the ranking. */
(function (root) {
  "use strict";
  var node = typeof module === "object" && module.exports;
  var G = node ? require("./search-core.js") : root.GazetteSearch;
  var Engine = G.Engine;
  // In the order of a term's posting sets.
  var FIELD_WEIGHTS = [G.WEIGHT.title, G.WEIGHT.meta, G.WEIGHT.body, G.WEIGHT.strong];
  function length(s) { return Array.from(s).length; }

  /** The query's words, each a group of index entries that stand for it: the word's own term and,
   * for the word still being typed, the most frequent terms it could become. */
  Engine.prototype.plan = async function (text) {
    var words = G.tokenize(text).slice(0, G.MAX_WORDS);
    var typing = /[\p{L}\p{N}\p{M}'\u2019]$/u.test(text);
    var groups = [], seen = new Set();
    for (var k = 0; k < words.length; k++) {
      var word = words[k];
      var prefix = typing && k === words.length - 1 && length(word.folded) >= G.MIN_PREFIX ? word.folded : null;
      var entries = await this.entries(word.term, prefix);
      var group = { word: word, prefix: prefix, terms: [] };
      var exact = entries.find(function (e) { return e[0] === word.term; });
      if (exact) group.terms.push({ entry: exact, weight: 1 });
      if (prefix) {
        var shortest = Math.max(G.MIN_PREFIX, length(prefix) - 3);
        entries.filter(function (e) {
          return e[0] !== word.term && e[0][0] !== "#" &&
            (e[0].startsWith(prefix) || (prefix.startsWith(e[0]) && length(e[0]) >= shortest));
        }).sort(function (a, b) { return b[1] - a[1] || G.compare(a[0], b[0]); })
          .slice(0, G.MAX_COMPLETIONS)
          .forEach(function (e) { group.terms.push({ entry: e, weight: G.PREFIX_WEIGHT }); });
      }
      // A letter or two still being typed that is no word yet would make every result fail: leave it out.
      if (!group.terms.length && typing && k === words.length - 1 && !prefix) continue;
      var key = group.terms.map(function (t) { return t.entry[0]; }).sort().join(" ") || "\u0000" + word.term;
      if (!seen.has(key)) { seen.add(key); groups.push(group); }
    }
    return groups;
  };

  /**
   * Ranked results for `text`. `options`: `topic` (a slug), `year`, `offset`, `limit` (10).
   * Resolves to {total, mode ("all", "some" or "none"), years: [[year, count]], results: [...]}.
   */
  Engine.prototype.search = async function (text, options) {
    options = options || {};
    var meta = this.meta, n = meta.count, self = this;
    var groups = await this.plan(text);
    var outcome = { query: text, groups: groups, total: 0, mode: "none", years: [], results: [] };
    if (!groups.length || !n) return outcome;

    function idf(df) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }
    var score = new Float64Array(n), matched = new Uint8Array(n), best = new Float64Array(n), termScore = new Float64Array(n);
    for (var g = 0; g < groups.length; g++) {
      best.fill(0);
      var touched = [];
      // A completion of the word being typed never weighs more than the word itself, however rare it is.
      var cap = groups[g].terms.length && groups[g].terms[0].weight === 1 ? idf(groups[g].terms[0].entry[1]) : Infinity;
      for (var t = 0; t < groups[g].terms.length; t++) {
        var term = groups[g].terms[t], sets = await this.postings(term.entry);
        var weight = term.weight * Math.min(cap, idf(term.entry[1]));
        sets.forEach(function (ids, f) { for (var i = 0; i < ids.length; i++) termScore[ids[i]] += FIELD_WEIGHTS[f]; });
        for (var f = 0; f < 3; f++) {
          var ids = sets[f];
          for (var i = 0; i < ids.length; i++) {
            var id = ids[i], v = termScore[id] * weight;
            if (v > best[id]) best[id] = v;
            termScore[id] = 0;
          }
          touched.push(ids);
        }
      }
      for (var s = 0; s < touched.length; s++) {
        for (var j = 0; j < touched[s].length; j++) {
          var d = touched[s][j];
          if (best[d] > 0) { score[d] += best[d]; matched[d]++; best[d] = 0; }
        }
      }
    }

    var low = 0, high = n;
    if (options.year) {
      var range = meta.years.find(function (y) { return y[0] === Number(options.year); });
      low = range ? range[1] : 0; high = range ? range[2] : 0;
    }
    var allowed = null;
    if (options.topic) {
      var entries = await this.entries("#" + options.topic, null);
      var topic = entries.find(function (e) { return e[0] === "#" + options.topic; });
      allowed = new Uint8Array(n);
      if (topic) (await this.postings(topic))[2].forEach(function (id) { allowed[id] = 1; });
    }
    var need = groups.length, ids = [], some = [];
    for (var id = 0; id < n; id++) {
      if (!matched[id] || (allowed && !allowed[id])) continue;
      if (matched[id] === need) ids.push(id); else some.push(id);
    }
    outcome.mode = ids.length ? "all" : some.length ? "some" : "none";
    if (!ids.length) ids = some;
    // Years are ranges of ids, newest first, and ids are in ascending order here: one pass counts them.
    outcome.years = meta.years.map(function (y) { return [y[0], 0]; });
    for (var at = 0, y = 0; at < ids.length; at++) {
      while (y < meta.years.length && ids[at] >= meta.years[y][2]) y++;
      if (y < meta.years.length && ids[at] >= meta.years[y][1]) outcome.years[y][1]++;
    }
    ids = ids.filter(function (id) { return id >= low && id < high; });
    // Most query words first, then the score (title matches weigh most), then the newest: ids count from the newest.
    ids.sort(function (a, b) { return matched[b] - matched[a] || score[b] - score[a] || a - b; });
    outcome.total = ids.length;
    var page = ids.slice(options.offset || 0, (options.offset || 0) + (options.limit || 10));
    var match = matcher(groups);
    outcome.results = await Promise.all(page.map(function (id) {
      return self.file("docs/" + Math.floor(id / meta.chunk) + ".json").then(function (chunk) {
        return self.result(id, chunk[id % meta.chunk], match, score[id]);
      });
    }));
    return outcome;
  };

  /** One result as a page shows it; the `…HTML` fields have the matched words in <mark> (`match`: see `matcher`). */
  Engine.prototype.result = function (id, doc, match, score) {
    var topics = this.meta.topics;
    return {
      id: id, title: doc[0], url: doc[1], date: doc[2], iso: doc[3], dateline: doc[5], score: score,
      topics: doc[4].map(function (t) {
        var name = topics[t][0];
        return { name: name, slug: topics[t][1], url: topics[t][2], nameHTML: mark(name, match, 0, name.length) };
      }),
      titleHTML: mark(doc[0], match, 0, doc[0].length),
      datelineHTML: mark(doc[5], match, 0, doc[5].length),
      snippetHTML: snippet([doc[6], doc[7]].filter(Boolean), match)
    };
  };

  /** Whether a word of a text is one the query asked for. */
  function matcher(groups) {
    var terms = new Set(), prefixes = [];
    groups.forEach(function (g) {
      terms.add(g.word.term);
      g.terms.forEach(function (t) { terms.add(t.entry[0]); });
      if (g.prefix) prefixes.push(g.prefix);
    });
    return function (word) {
      return terms.has(word.term) || prefixes.some(function (p) { return word.folded.startsWith(p); });
    };
  }

  /** The text between `start` and `end`, HTML-escaped, with the matched words marked. */
  function mark(text, match, start, end) {
    var html = "", at = start;
    G.tokenize(text.slice(start, end)).forEach(function (w) {
      if (!match(w)) return;
      html += G.escapeHTML(text.slice(at, start + w.start)) + "<mark>" + G.escapeHTML(text.slice(start + w.start, start + w.end)) + "</mark>";
      at = start + w.end;
    });
    return html + G.escapeHTML(text.slice(at, end));
  }

  var SNIPPET = 220;

  /** About SNIPPET characters of whichever text matches the most query words, around the first match. */
  function snippet(texts, match) {
    var bestText = texts[0] || "", bestHits = [], bestCount = 0;
    texts.forEach(function (text) {
      var hits = G.tokenize(text).filter(match);
      var count = new Set(hits.map(function (w) { return w.term; })).size;
      if (count > bestCount) { bestText = text; bestHits = hits; bestCount = count; }
    });
    var text = bestText, start = 0, end = text.length;
    if (text.length > SNIPPET) {
      if (bestHits.length && bestHits[0].start > SNIPPET / 3) {
        start = text.lastIndexOf(" ", bestHits[0].start - 40) + 1;
      }
      end = start + SNIPPET < text.length ? text.lastIndexOf(" ", start + SNIPPET) : text.length;
      if (end <= start) end = Math.min(text.length, start + SNIPPET);
    }
    return (start > 0 ? "…" : "") + mark(text, match, start, end) + (end < text.length && !text.endsWith("…") ? " …" : "");
  }

  if (node) module.exports = G;
})(typeof globalThis !== "undefined" ? globalThis : this);

/* Gazette search: the /search/ page. Results appear as the reader types; the query, topic and year
 * stay in the address so a search can be shared. Needs search-stem.js, search-core.js, search-rank.js. */
(function () {
  "use strict";
  var G = window.GazetteSearch, form = document.querySelector(".search-form");
  if (!G || !form || !G.Engine.prototype.search) return;
  var input = form.elements.q, topicSelect = form.elements.topic, yearSelect = form.elements.year;
  var status = document.querySelector(".search-status"), list = document.querySelector(".search-results");
  var more = document.querySelector(".search-more"), noScript = document.querySelector(".search-nojs");
  var folder = form.getAttribute("data-index").replace(/meta\.json$/, "");
  var PAGE = 10, shown = PAGE, engine = null, sequence = 0, timer = 0;
  if (noScript) noScript.hidden = true;

  function load(path, version) {
    var url = folder + path + (version ? "?v=" + version : "");
    return fetch(url, path === "meta.json" ? { cache: "no-cache" } : {}).then(function (response) {
      if (!response.ok) throw new Error(url + " answered " + response.status);
      return path.endsWith(".bin") ? response.arrayBuffer() : response.text();
    });
  }

  function option(value, label) {
    var o = document.createElement("option");
    o.value = value; o.textContent = label;
    return o;
  }

  function fillFilters(meta) {
    meta.topics.map(function (t) { return t; })
      .sort(function (a, b) { return a[0].localeCompare(b[0]); })
      .forEach(function (t) { topicSelect.appendChild(option(t[1], t[0] + " (" + t[3] + ")")); });
    meta.years.forEach(function (y) { yearSelect.appendChild(option(String(y[0]), String(y[0]))); });
    form.querySelector(".search-filters").hidden = false;
  }

  function readAddress() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    topicSelect.value = params.get("topic") || "";
    yearSelect.value = params.get("year") || "";
  }

  function writeAddress() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    if (topicSelect.value) params.set("topic", topicSelect.value);
    if (yearSelect.value) params.set("year", yearSelect.value);
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  function item(r) {
    var li = document.createElement("li");
    li.className = "story-item";
    var topics = r.topics.map(function (t) {
      return '<a href="' + G.escapeHTML(t.url) + '">' + t.nameHTML + "</a>";
    }).join(", ");
    li.innerHTML = "<article>" +
      // dir="auto": an Urdu or Arabic headline or snippet reads right to left.
      '<h2 dir="auto"><a href="' + G.escapeHTML(r.url) + '">' + r.titleHTML + "</a></h2>" +
      '<p class="meta"><time datetime="' + G.escapeHTML(r.iso) + '">' + G.escapeHTML(r.date) + "</time>" +
      (r.dateline ? ' · <span class="dateline">' + r.datelineHTML + "</span>" : "") +
      (topics ? ' · <span class="result-topics">' + topics + "</span>" : "") + "</p>" +
      '<p class="summary" dir="auto">' + r.snippetHTML + "</p></article>";
    return li;
  }

  function run() {
    var query = input.value, mine = ++sequence;
    writeAddress();
    if (!query.trim()) {
      list.replaceChildren(); more.hidden = true; status.textContent = "";
      return;
    }
    engine.search(query, { topic: topicSelect.value, year: yearSelect.value, limit: shown }).then(function (outcome) {
      if (mine !== sequence) return;
      list.replaceChildren.apply(list, outcome.results.map(item));
      var counts = new Map(outcome.years);
      Array.prototype.forEach.call(yearSelect.options, function (o) {
        if (o.value) o.textContent = o.value + (counts.get(Number(o.value)) ? " (" + counts.get(Number(o.value)) + ")" : "");
      });
      var n = outcome.total, words = "“" + query.trim() + "”";
      status.textContent = !outcome.groups.length ? "Keep typing…" : n === 0 ? "No articles match " + words + "." :
        (outcome.mode === "some" ? "No article has every word of " + words + "; " + n + (n === 1 ? " has" : " have") + " some of them." :
          n + (n === 1 ? " article matches " : " articles match ") + words + ".");
      more.hidden = outcome.results.length >= n;
    }).catch(function (error) {
      if (mine === sequence) status.textContent = "Search failed: " + error.message;
    });
  }

  function soon() {
    shown = PAGE;
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  status.textContent = "Loading the search index…";
  G.open(load).then(function (opened) {
    engine = opened;
    fillFilters(engine.meta);
    readAddress();
    status.textContent = "";
    input.addEventListener("input", soon);
    topicSelect.addEventListener("change", soon);
    yearSelect.addEventListener("change", soon);
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
    more.addEventListener("click", function () { shown += PAGE; run(); });
    if (!input.value) input.focus();
    run();
  }).catch(function (error) {
    status.textContent = "Search is not available: " + error.message;
    if (noScript) noScript.hidden = false;
  });
})();

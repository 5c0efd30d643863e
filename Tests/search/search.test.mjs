// Runs the browser's search scripts, as a built site ships them, against that site's index.
// SearchScriptTests.swift builds the fixture archive (SearchFixture.swift) and runs
// `node --test` on this file with GAZETTE_SEARCH_OUTPUT naming the site's Output folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const output = process.env.GAZETTE_SEARCH_OUTPUT;
if (!output || !fs.existsSync(path.join(output, "search/meta.json"))) {
  throw new Error("GAZETTE_SEARCH_OUTPUT must name the Output folder of a built site with a search index; " +
    "run this through `swift test --filter SearchScriptTests`");
}
const require = createRequire(import.meta.url);
const G = require(path.join(output, "assets/search-rank.js"));
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

/** An engine over the site's files that counts the bytes it reads. */
async function openIndex() {
  const read = { bytes: 0, files: [] };
  const engine = await G.open((file) => {
    const data = fs.readFileSync(path.join(output, "search", file));
    read.bytes += data.length;
    read.files.push(file);
    return file.endsWith(".bin") ? data : data.toString("utf8");
  });
  return { engine, read };
}
const shared = await openIndex();
const titles = async (query, options) => (await shared.engine.search(query, options)).results.map((r) => r.title);

const FLOODS = "Floods hit Karachi as monsoon rains intensify";
const SINDH = "Sindh villages under water after flood";
const FLOODWATER = "Floodwater recedes, farmers count losses";
const BUDGET = "Budget talks stall in Islamabad";
const URDU = "کراچی میں شدید بارش سے سیلاب";

function lines(file) {
  return fs.readFileSync(path.join(fixtures, file), "utf8").split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));
}

test("the script stems every word of the shared list as the index does", () => {
  const rows = lines("stems.tsv");
  assert.ok(rows.length > 2000);
  const wrong = rows.filter(([word, stem]) => G.stem(word) !== stem);
  assert.deepEqual(wrong.slice(0, 10), []);
});

test("the script folds and splits text as the index does", () => {
  for (const [text, terms] of lines("tokens.tsv")) {
    assert.equal(G.tokenize(text).map((w) => w.term).join(" "), terms, text);
  }
});

test("title matches come first, then newer articles; the word being typed also finds its completions", async () => {
  assert.deepEqual(await titles("flood"), [FLOODS, SINDH, FLOODWATER, BUDGET]);
  assert.deepEqual(await titles("flood "), [FLOODS, SINDH, BUDGET]);
  assert.deepEqual(await titles("Floods"), [FLOODS, SINDH, BUDGET]);
  assert.deepEqual(await titles("karachi"), [FLOODS, "Port expands its <container> terminal"]);
  assert.deepEqual(await titles("economy"), ["Economy grows despite inflation", BUDGET]);
  assert.deepEqual(await titles("pakis"), ["Pakistan beat India in Lahore", FLOODS]);
  assert.deepEqual(await titles("roared"), ["Pakistan beat India in Lahore"]);
});

test("every word must match; when none has all of them, those with some", async () => {
  const all = await shared.engine.search("floods karachi");
  assert.equal(all.mode, "all");
  assert.deepEqual(all.results.map((r) => r.title), [FLOODS]);
  const some = await shared.engine.search("floods zzzz");
  assert.equal(some.mode, "some");
  assert.deepEqual(some.results.map((r) => r.title), [FLOODS, SINDH, BUDGET]);
  const none = await shared.engine.search("zzzz");
  assert.equal(none.mode, "none");
  assert.equal(none.total, 0);
  assert.equal((await shared.engine.search("  ")).total, 0);
  // A short word still being typed is left out until it is a word or long enough to complete.
  assert.deepEqual(await titles("monsoon fl"), [FLOODS]);
  assert.equal((await shared.engine.search("fl")).groups.length, 0);
  assert.equal((await shared.engine.search("fl ")).mode, "none");
});

test("Urdu words are found as they are written", async () => {
  assert.deepEqual(await titles("سیلاب"), [URDU]);
  assert.deepEqual(await titles("کراچی میں"), [URDU]);
  const [result] = (await shared.engine.search("سیلاب")).results;
  assert.ok(result.titleHTML.includes("<mark>سیلاب</mark>"), result.titleHTML);
  assert.deepEqual(result.topics.map((t) => t.name), ["پاکستان"]);
});

test("results narrow by topic and by year", async () => {
  assert.deepEqual(await titles("karachi", { topic: "climate" }), [FLOODS]);
  assert.deepEqual(await titles("flood", { year: 2023 }), [SINDH]);
  assert.deepEqual(await titles("flood", { year: "2025", topic: "economy" }), [BUDGET]);
  assert.deepEqual(await titles("flood", { topic: "no-such-topic" }), []);
  const outcome = await shared.engine.search("flood");
  assert.deepEqual(outcome.years.filter(([, n]) => n), [[2025, 3], [2023, 1]]);
});

test("results show headline, date, topics and a snippet with the matched words marked", async () => {
  const [first] = (await shared.engine.search("monsoon")).results;
  assert.equal(first.title, FLOODS);
  assert.equal(first.url, "/2025/08/20/floods-karachi/");
  assert.equal(first.date, "20 August 2025");
  assert.equal(first.iso, "2025-08-20");
  assert.deepEqual(first.topics.map((t) => [t.name, t.url]), [["Pakistan", "/topics/pakistan/"], ["Climate", "/topics/climate/"]]);
  assert.equal(first.dateline, "KARACHI");
  const [flood] = (await shared.engine.search("karachi climate")).results;
  assert.equal(flood.datelineHTML, "<mark>KARACHI</mark>");
  assert.deepEqual(flood.topics.map((t) => t.nameHTML), ["Pakistan", "<mark>Climate</mark>"]);
  assert.ok(first.snippetHTML.startsWith("<mark>Monsoon</mark> rains flooded"), first.snippetHTML);
  assert.ok(first.titleHTML.includes("<mark>monsoon</mark>"), first.titleHTML);
  const [port] = (await shared.engine.search("container")).results;
  assert.equal(port.titleHTML, "Port expands its &#60;<mark>container</mark>&#62; terminal");
});

test("pages of results", async () => {
  const first = await shared.engine.search("flood", { limit: 2 });
  const second = await shared.engine.search("flood", { limit: 2, offset: 2 });
  assert.equal(first.total, 4);
  assert.deepEqual([...first.results, ...second.results].map((r) => r.title), [FLOODS, SINDH, FLOODWATER, BUDGET]);
});

test("a query reads only the index files it needs", async () => {
  const { engine, read } = await openIndex();
  assert.deepEqual(read.files, ["meta.json"]);
  await engine.search("flood");
  assert.ok(read.files.every((f) => /^(meta\.json|terms\/\d+\.json|postings\/\d+\.bin|docs\/\d+\.json)$/.test(f)), read.files.join());
  assert.ok(read.bytes > 0 && read.bytes < 500_000);
});

test("an index of another format is refused with a clear error", async () => {
  await assert.rejects(G.open(() => JSON.stringify({ format: 99 })), /format 99/);
});

// Measures what queries download from a built site's search index, each from a cold cache.
//   node Tests/search/query-bytes.mjs SITE/Output [queries]
// Queries: the 300 most frequent terms' words typed whole and as 3-letter prefixes, 300 two- and
// three-word queries from headlines, the same with topic and year filters, and whole typing sessions
// (every keystroke of a query, sharing one cache as the page does). Prints the distribution and the worst.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const output = path.resolve(process.argv[2] || "Output");
const G = createRequire(import.meta.url)(path.join(output, "assets/search-rank.js"));
const folder = path.join(output, "search");
const read = (file) => fs.readFileSync(path.join(folder, file));

async function measure(run) {
  let bytes = 0;
  const files = new Set();
  const engine = await G.open((file) => {
    const data = read(file);
    bytes += data.length;
    files.add(file);
    return file.endsWith(".bin") ? data : data.toString("utf8");
  });
  await run(engine);
  return { bytes, files: files.size };
}

const meta = JSON.parse(read("meta.json"));
const entries = meta.terms.flatMap((_, k) => JSON.parse(read(`terms/${k}.json`)));
const frequent = entries.filter((e) => !e[0].startsWith("#")).sort((a, b) => b[1] - a[1]).slice(0, 300);
// Words that stem to the frequent terms, from headlines and snippets.
let seed = 1;
const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const headlines = [];
for (let k = 0; k < 60; k++) {
  const chunk = JSON.parse(read(`docs/${random(Math.ceil(meta.count / meta.chunk))}.json`));
  for (const doc of chunk) headlines.push(doc[0]);
}
const wordOf = new Map();
for (const line of headlines) for (const w of G.tokenize(line)) if (!wordOf.has(w.term)) wordOf.set(w.term, line.slice(w.start, w.end));
const words = frequent.map((e) => wordOf.get(e[0]) || e[0]);

const queries = [];
for (const w of words) queries.push([w, {}], [w + " ", {}], [w.slice(0, 3), {}]);
for (let k = 0; k < 300; k++) {
  const ws = G.tokenize(headlines[random(headlines.length)]).map((w) => w.folded);
  const n = 2 + random(2), start = random(Math.max(1, ws.length - n));
  queries.push([ws.slice(start, start + n).join(" "), {}]);
}
for (let k = 0; k < 100; k++) {
  const topic = meta.topics[random(Math.min(20, meta.topics.length))][1];
  const year = meta.years[random(meta.years.length)][0];
  queries.push([words[random(words.length)] + " " + words[random(words.length)], k % 2 ? { topic } : { year }]);
}

const results = [];
for (const [query, options] of queries) {
  const m = await measure((engine) => engine.search(query, options));
  results.push({ query, options, ...m });
}
const sessions = [];
for (let k = 0; k < 40; k++) {
  const text = G.tokenize(headlines[random(headlines.length)]).slice(0, 3).map((w) => w.folded).join(" ");
  const m = await measure(async (engine) => { for (let i = 1; i <= text.length; i++) await engine.search(text.slice(0, i)); });
  sessions.push({ query: text + " (typed key by key)", ...m });
}

const kB = (b) => (b / 1000).toFixed(1) + " kB";
const summary = (list, label) => {
  const sorted = [...list].sort((a, b) => a.bytes - b.bytes);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].bytes;
  const worst = sorted[sorted.length - 1];
  console.log(`${label}: ${list.length}, median ${kB(at(0.5))}, 95th ${kB(at(0.95))}, worst ${kB(worst.bytes)} in ${worst.files} files: ` +
    JSON.stringify(worst.query) + (worst.options && Object.keys(worst.options).length ? " " + JSON.stringify(worst.options) : ""));
};
const total = fs.readdirSync(folder, { recursive: true }).map((f) => path.join(folder, f)).filter((f) => fs.statSync(f).isFile());
const size = (dir) => total.filter((f) => f.includes(path.sep + dir + path.sep)).reduce((s, f) => s + fs.statSync(f).size, 0);
console.log(`index: ${meta.count} articles, ${total.length} files, ${kB(total.reduce((s, f) => s + fs.statSync(f).size, 0))} ` +
  `(terms ${kB(size("terms"))}, postings ${kB(size("postings"))}, docs ${kB(size("docs"))}, meta.json ${kB(read("meta.json").length)})`);
summary(results, "queries");
summary(sessions, "typing sessions");

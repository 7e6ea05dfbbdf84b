#!/usr/bin/env node
/*
 * Drives the site's search.js from the command line, for the Swift tests.
 *
 *   node search-harness.js stem
 *       reads lines on stdin; prints, for each input line, its canonical terms (fold + Snowball
 *       German stem) separated by single spaces: one output line per input line (an empty line
 *       when the input line has no token of two or more characters). For one word per line that
 *       is one canonical term per line.
 *   node search-harness.js fold
 *       reads lines on stdin; prints each line folded as search.js folds it.
 *   node search-harness.js query INDEX "QUERY" [LIMIT]
 *       opens the index INDEX (a built site, or its folder of fragments assets/suche/), runs the
 *       search and prints {"results": [{"id", "score", "title", "snippet"}], "total", "suggestions",
 *       "message", "fragments", "bytes"} as JSON (scores rounded to 4 decimals; snippet: the text
 *       with matches as [[...]]; the first LIMIT results, all without LIMIT; fragments: the files
 *       the search loaded besides the meta fragment, bytes: their size with the meta fragment's).
 *   node search-harness.js queries INDEX LIMIT
 *       reads one query per line on stdin; prints for each a line of JSON:
 *       {"query", "ids": [first LIMIT ids], "scores": [their unrounded scores], "message", "total", "bytes"}
 *       (each query on a fresh store, so bytes are what that query alone loads).
 *
 * The fragments are loaded as the browser loads them: search.js names the files it needs, and
 * each is run as a script (here in a vm context) that hands its data to kochbuchSuche.push.
 * search.js is taken from its readable source, Sources/KochbuchHTML/AssetSources/search.js relative
 * to this file, or from $KOCHBUCH_SEARCH_JS (e.g. the minified copy a built site publishes).
 * Exit codes: 0 ok, 2 usage or setup problem.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

function fail(message) {
  process.stderr.write("search-harness: " + message + "\n");
  process.exit(2);
}

const scriptPath = process.env.KOCHBUCH_SEARCH_JS ||
  path.join(__dirname, "..", "..", "Sources", "KochbuchHTML", "AssetSources", "search.js");
let search;
try {
  search = require(path.resolve(scriptPath));
} catch (error) {
  fail("cannot load " + scriptPath + ": " + error.message);
}

function readStdin() {
  try {
    return fs.readFileSync(0, "utf8");
  } catch (error) {
    if (error.code === "EAGAIN" || error.code === "EOF") return "";
    throw error;
  }
}

function fragmentFolder(argument) {
  const site = path.join(argument, "assets", "suche");
  if (fs.existsSync(site) && fs.statSync(site).isDirectory()) return site;
  if (fs.existsSync(argument) && fs.statSync(argument).isDirectory()) return argument;
  fail("no index at " + argument);
  return null;
}

/** A store on the index's fragments, loading each as the page does: run as a script, data handed to kochbuchSuche.push. */
function openIndex(argument) {
  const folder = fragmentFolder(argument);
  const metas = fs.readdirSync(folder).filter((name) => /^meta-[0-9a-f]+\.js$/.test(name));
  if (metas.length !== 1) fail(folder + " holds " + metas.length + " meta fragments, not one");
  const sandbox = {};
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  let meta = null;
  let store = null;
  sandbox.kochbuchSuche = {
    push(...entries) {
      for (const entry of entries) {
        // Objects from another context: turned into this context's plain objects and arrays.
        const plain = JSON.parse(JSON.stringify(entry));
        if (Array.isArray(plain) && plain[0] === "meta") meta = plain[1];
        else if (store) search.register(store, plain);
      }
    },
  };
  const context = vm.createContext(sandbox);
  let bytes = 0;
  function run(file) {
    const code = fs.readFileSync(path.join(folder, file));
    bytes += code.length;
    vm.runInContext(code.toString("utf8"), context, { filename: file, timeout: 10000 });
  }
  try {
    run(metas[0]);
  } catch (error) {
    fail("cannot run " + metas[0] + ": " + error.message);
  }
  if (!meta) fail(metas[0] + " does not hand its data to kochbuchSuche.push");
  store = search.openStore(meta, (file, done) => {
    try { run(file); } catch (error) { /* a missing or broken fragment: search.js reports it */ }
    done();
  });
  return { store, bytes: () => bytes };
}

function runSearch(store, query, options) {
  let answer = null;
  search.search(store, query, options, (result) => { answer = result; });
  if (!answer) fail("the search of " + JSON.stringify(query) + " did not finish");
  return answer;
}

const [mode, ...rest] = process.argv.slice(2);

if (mode === "stem" || mode === "fold") {
  const lines = readStdin().split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const out = lines.map((line) => (mode === "stem" ? search.canonical(line).join(" ") : search.fold(line)));
  process.stdout.write(out.join("\n") + (lines.length ? "\n" : ""));
} else if (mode === "query") {
  if (rest.length < 2 || rest.length > 3) fail('usage: node search-harness.js query INDEX "QUERY" [LIMIT]');
  const index = openIndex(rest[0]);
  const limit = rest.length === 3 ? Number(rest[2]) : Infinity;
  const result = runSearch(index.store, rest[1], { shown: limit });
  const output = {
    results: result.results.filter((r) => r.doc).map((r) => ({
      id: typeof r.doc.id === "string" ? r.doc.id : null,
      score: Math.round(r.score * 10000) / 10000,
      title: typeof r.doc.title === "string" ? r.doc.title : null,
      snippet: r.snippet.map((piece) => (piece.mark ? "[[" + piece.text + "]]" : piece.text)).join(""),
    })),
    total: result.results.length,
    suggestions: result.suggestions,
    message: result.message,
    fragments: index.store.fetched,
    bytes: index.bytes(),
  };
  process.stdout.write(JSON.stringify(output, null, 2) + "\n");
} else if (mode === "queries") {
  if (rest.length !== 2) fail("usage: node search-harness.js queries INDEX LIMIT < queries");
  const limit = Number(rest[1]);
  const lines = readStdin().split(/\r?\n/).filter((line) => line.length > 0);
  const out = lines.map((query) => {
    const index = openIndex(rest[0]);
    const result = runSearch(index.store, query, { snippets: false, shown: limit });
    const shown = result.results.slice(0, limit);
    return JSON.stringify({ query: query, ids: shown.map((r) => (r.doc ? r.doc.id : null)), scores: shown.map((r) => r.score),
      message: result.message, total: result.results.length, bytes: index.bytes() });
  });
  process.stdout.write(out.join("\n") + (out.length ? "\n" : ""));
} else {
  fail('usage: node search-harness.js stem|fold < lines\n       node search-harness.js query INDEX "QUERY" [LIMIT]\n' +
       "       node search-harness.js queries INDEX LIMIT < queries");
}

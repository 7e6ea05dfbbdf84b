#!/usr/bin/env node
/*
 * Drives the site's search.js from the command line, for the Swift tests.
 *
 *   node search-harness.js stem
 *       reads lines on stdin; prints, for each input line, its canonical terms (fold + Snowball
 *       German stem) separated by single spaces: one output line per input line (an empty line
 *       when the input line has no token of two or more characters). For one word per line that
 *       is one canonical term per line.
 *   node search-harness.js query INDEX.js "QUERY"
 *       loads INDEX.js (assigns window.KOCHBUCH_SEARCH_INDEX), runs search(index, QUERY) and prints
 *       {"results": [{"id", "score", "title", "snippet"}], "suggestions": [...], "message": "..."}
 *       as JSON (scores rounded to 4 decimals; snippet: the text with matches as [[...]]).
 *   node search-harness.js queries INDEX.js LIMIT
 *       reads one query per line on stdin; prints for each a line of JSON:
 *       {"query", "ids": [first LIMIT ids], "scores": [their unrounded scores], "message"}.
 *
 * search.js is taken from Sources/KochbuchHTML/Resources/assets/search.js relative to this file,
 * or from $KOCHBUCH_SEARCH_JS (e.g. the copy in a built site's assets/).
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
  path.join(__dirname, "..", "..", "Sources", "KochbuchHTML", "Resources", "assets", "search.js");
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

function loadIndex(file) {
  let code;
  try {
    code = fs.readFileSync(file, "utf8");
  } catch (error) {
    fail("cannot read " + file + ": " + error.message);
  }
  const sandbox = {};
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  try {
    vm.runInNewContext(code, sandbox, { filename: file, timeout: 10000 });
  } catch (error) {
    fail("cannot run " + file + ": " + error.message);
  }
  const index = sandbox.KOCHBUCH_SEARCH_INDEX;
  if (!index || typeof index !== "object") fail(file + " does not assign window.KOCHBUCH_SEARCH_INDEX");
  // Objects from another context: turn them into this context's plain objects and arrays.
  return JSON.parse(JSON.stringify(index));
}

const [mode, ...rest] = process.argv.slice(2);

if (mode === "stem") {
  const lines = readStdin().split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  process.stdout.write(lines.map((line) => search.canonical(line).join(" ")).join("\n") + (lines.length ? "\n" : ""));
} else if (mode === "query") {
  if (rest.length !== 2) fail('usage: node search-harness.js query INDEX.js "QUERY"');
  const index = loadIndex(rest[0]);
  const result = search.search(index, rest[1]);
  const output = {
    results: result.results.map((r) => ({
      id: r.doc && typeof r.doc.id === "string" ? r.doc.id : null,
      score: Math.round(r.score * 10000) / 10000,
      title: r.doc && typeof r.doc.title === "string" ? r.doc.title : null,
      snippet: r.snippet.map((piece) => (piece.mark ? "[[" + piece.text + "]]" : piece.text)).join(""),
    })),
    suggestions: result.suggestions,
    message: result.message,
  };
  process.stdout.write(JSON.stringify(output, null, 2) + "\n");
} else if (mode === "queries") {
  if (rest.length !== 2) fail("usage: node search-harness.js queries INDEX.js LIMIT < queries");
  const index = loadIndex(rest[0]);
  const limit = Number(rest[1]);
  const lines = readStdin().split(/\r?\n/).filter((line) => line.length > 0);
  const out = lines.map((query) => {
    const result = search.search(index, query, { snippets: false });
    const shown = result.results.slice(0, limit);
    return JSON.stringify({ query: query, ids: shown.map((r) => r.doc.id), scores: shown.map((r) => r.score), message: result.message });
  });
  process.stdout.write(out.join("\n") + (out.length ? "\n" : ""));
} else {
  fail('usage: node search-harness.js stem < words\n       node search-harness.js query INDEX.js "QUERY"');
}

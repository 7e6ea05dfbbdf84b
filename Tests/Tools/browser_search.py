#!/usr/bin/env python3
"""Drives the site's search page (and optionally a law link and a screenshot) in headless Chromium.

usage: .venv-tools/bin/python Tests/Tools/browser_search.py SITE_DIR QUERY EXPECTED_HREF_SUBSTRING
           [--screenshot PAGE OUT.png] [--law-link PAGE LINK_HREF_SUBSTRING EXPECTED_ANCHOR]

Opens SITE_DIR/suche.html via file://, types QUERY into #suche-eingabe one character at a time and
waits (up to --timeout s, default 5) for a link in #suche-ergebnisse whose href contains
EXPECTED_HREF_SUBSTRING; prints the results.
--law-link PAGE LINK EXPECTED_ANCHOR: opens PAGE, clicks the first link whose href contains LINK and
  checks the new URL ends with EXPECTED_ANCHOR (e.g. '#p6') and that the element with that id exists.
--screenshot PAGE OUT.png: saves a full-page PNG of PAGE.
Both options may be repeated. Across everything visited, any console error or any request to a
non-file:// URL (data:, blob: and about: are local too) is a finding.

usage: .venv-tools/bin/python Tests/Tools/browser_search.py --measure SITE_DIR QUERY... [--http]
           [--expect FILE.json] [--max-kilobytes N] [--max-ms N] [--json]

--measure: for each QUERY, opens suche.html afresh (from file://, or with --http from a local
  HTTP server on 127.0.0.1 with the browser cache disabled), types the query into #suche-eingabe and
  measures in the page the time from the last input event to the results in #suche-status, and the
  bytes the page loaded in all (the page, style sheet, scripts and index fragments, from the Performance
  API's resource timing: over HTTP the bytes transferred, from file:// the files' sizes). With --expect
  (a JSON object: query -> the ids `kochbuch search` ranks first), the ids of the results shown must be
  the same, in the same order. Over --max-kilobytes (KB = 1000 bytes) or --max-ms is a finding; so is
  any console error. --json prints one JSON object per query (and one summary) instead of text.
Exit codes: 0 all checks passed, 1 findings, 2 tool or setup problem.
"""

from __future__ import annotations

import argparse
import base64
import functools
import json
import re
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_common import (EXIT_FINDINGS, EXIT_OK, BrowserMonitor, SetupError, make_driver,  # noqa: E402
                            page_url, run_tool, short_url, site_dir, wait_for_load)

RESULTS_JS = """
return Array.from(document.querySelectorAll('#suche-ergebnisse li')).map(li => {
  const a = li.querySelector('a');
  return {title: a ? a.textContent.trim() : '', href: a ? a.getAttribute('href') : null,
          resolved: a ? a.href : null, text: li.textContent.replace(/\\s+/g, ' ').trim()};
});
"""
STATUS_JS = "const s = document.getElementById('suche-status'); return s ? s.textContent.trim() : null;"


class Checks:
    def __init__(self):
        self.failures = 0

    def ok(self, text: str):
        print(f"ok    {text}")

    def fail(self, text: str):
        self.failures += 1
        print(f"FAIL  {text}")


def run_search(driver, monitor, checks, site, query, expected, timeout) -> None:
    from selenium.common.exceptions import NoSuchElementException, TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    url = page_url(site, "suche.html")
    driver.get(url)
    wait_for_load(driver)
    monitor.drain()
    try:
        field = driver.find_element(By.ID, "suche-eingabe")
    except NoSuchElementException:
        checks.fail("suche.html has no #suche-eingabe")
        return
    if not driver.find_elements(By.ID, "suche-ergebnisse"):
        checks.fail("suche.html has no #suche-ergebnisse")
        return
    field.click()
    for character in query:
        field.send_keys(character)
        time.sleep(0.03)
    typed = field.get_property("value")
    if typed != query:
        raise SetupError(f"typing into #suche-eingabe gave {typed!r}, not {query!r}")

    def found(d):
        return [r for r in d.execute_script(RESULTS_JS)
                if r["href"] is not None and (expected in r["href"] or expected in (r["resolved"] or ""))]

    started = time.monotonic()
    try:
        WebDriverWait(driver, timeout, poll_frequency=0.05).until(found)
        waited = time.monotonic() - started
        hit = True
    except TimeoutException:
        waited = time.monotonic() - started
        hit = False
    results = driver.execute_script(RESULTS_JS)
    print(f"search {query!r}: status {driver.execute_script(STATUS_JS)!r}; {len(results)} result(s)")
    for number, result in enumerate(results, 1):
        print(f"  {number:2}. {result['title'] or '(no link)'}  -> {result['href']}")
    if hit:
        checks.ok(f"a result links to *{expected}* (after {waited:.2f} s)")
    else:
        checks.fail(f"no result linking to *{expected}* within {timeout:g} s")
    monitor.drain()


def run_law_link(driver, monitor, checks, site, page, link, anchor) -> None:
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(page_url(site, page))
    wait_for_load(driver)
    monitor.drain()
    element = driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href]'))"
        ".find(a => a.getAttribute('href').includes(arguments[0])) || null;", link)
    if element is None:
        checks.fail(f"{page}: no link whose href contains {link!r}")
        return
    href = element.get_attribute("href")
    before = driver.current_url
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    try:
        element.click()  # a real click: fails if the link is hidden or covered
    except WebDriverException as error:
        checks.fail(f"{page}: the link {element.get_dom_attribute('href')!r} cannot be clicked: "
                    f"{(error.msg or '').splitlines()[0] if error.msg else error}")
        return
    try:
        WebDriverWait(driver, 5).until(lambda d: d.current_url != before)
        wait_for_load(driver)
    except TimeoutException:
        pass
    now = driver.current_url
    monitor.drain()
    label = f"{page}: link {element_text(href)} → {short_url(now)}"
    if not now.endswith(anchor):
        checks.fail(f"{label}: URL does not end with {anchor!r}")
        return
    target_id = anchor[1:] if anchor.startswith("#") else anchor.split("#")[-1]
    exists = driver.execute_script("return document.getElementById(arguments[0]) !== null;", target_id)
    if exists:
        checks.ok(f"{label}: element id={target_id!r} exists")
    else:
        checks.fail(f"{label}: no element with id={target_id!r}")


def element_text(href: str) -> str:
    return short_url(href or "")


def run_screenshot(driver, monitor, checks, site, page, out) -> None:
    driver.get(page_url(site, page))
    wait_for_load(driver)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    width, height = int(size["width"] + 0.999), int(size["height"] + 0.999)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    data = base64.b64decode(shot["data"])
    out_path = Path(out)
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_bytes(data)
    except OSError as error:
        raise SetupError(f"cannot write screenshot {out}: {error}")
    monitor.drain()
    checks.ok(f"screenshot of {page} ({width}x{height} CSS px, {len(data)} bytes) -> {out_path}")


MEASURE_SETUP_JS = """
window.__messung = {inputs: [], shown: null};
const input = document.getElementById('suche-eingabe');
const status = document.getElementById('suche-status');
input.addEventListener('input', () => { window.__messung.inputs.push(performance.now()); window.__messung.shown = null; }, true);
new MutationObserver(() => {
  const m = window.__messung;
  if (m.inputs.length > 0 && m.shown === null && status.textContent.trim() !== m.before) {
    m.shown = {at: performance.now(), text: status.textContent.trim()};
  }
}).observe(status, {childList: true, subtree: true, characterData: true});
window.__messung.before = status.textContent.trim();
"""

MEASURE_READ_JS = """
const m = window.__messung;
const entries = [performance.getEntriesByType('navigation')[0]].concat(performance.getEntriesByType('resource'))
  .filter(e => e).map(e => ({name: e.name, transfer: e.transferSize || 0, body: e.encodedBodySize || 0}));
const links = Array.from(document.querySelectorAll('#suche-ergebnisse li a.search-hit-title')).map(a => a.getAttribute('href'));
return {inputs: m.inputs, shown: m.shown, entries: entries, links: links,
        fragments: window.KochbuchSuche && window.KochbuchSuche.fetched ? window.KochbuchSuche.fetched() : []};
"""


class QuietHandler:
    """A static file handler for the site that logs nothing."""

    @staticmethod
    def make(site: Path):
        from http.server import SimpleHTTPRequestHandler

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        return functools.partial(Handler, directory=str(site))


def start_server(site: Path):
    from http.server import ThreadingHTTPServer
    server = ThreadingHTTPServer(("127.0.0.1", 0), QuietHandler.make(site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


def network_requests(driver) -> dict:
    """The requests in Chromium's network log since the last read: id -> {url, bytes received}."""
    requests = {}
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError, TypeError):
            continue
        params = message.get("params", {})
        identifier = params.get("requestId")
        if message.get("method") == "Network.requestWillBeSent":
            requests.setdefault(identifier, {"url": params.get("request", {}).get("url", ""), "received": 0})
        elif message.get("method") == "Network.loadingFinished" and identifier in requests:
            requests[identifier]["received"] = params.get("encodedDataLength", 0) or 0
    return requests


def loaded_bytes(site: Path, requests: dict, over_http: bool) -> tuple[int, list[str]]:
    """Over HTTP the bytes received (headers and bodies); from file:// the sizes of the files read."""
    total, names = 0, []
    for request in requests.values():
        parts = urlsplit(request["url"])
        if parts.scheme not in ("file", "http"):
            continue
        names.append(unquote(parts.path).rsplit("/", 1)[-1])
        if over_http:
            total += request["received"]
        else:
            path = Path(unquote(parts.path))
            if path.is_file():
                total += path.stat().st_size
    return total, names


def measure(driver, site: Path, queries, args) -> int:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    expected = json.loads(Path(args.expect).read_text(encoding="utf-8")) if args.expect else {}
    server = start_server(site) if args.http else None
    if server:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    findings = 0
    times, sizes = [], []
    mode = "http" if server else "file"
    try:
        for query in queries:
            url = (f"http://127.0.0.1:{server.server_address[1]}/suche.html" if server else page_url(site, "suche.html"))
            network_requests(driver)  # forget what came before
            driver.get(url)
            wait_for_load(driver)
            WebDriverWait(driver, 10).until(lambda d: d.execute_script(
                "return !!window.KochbuchSuche && document.getElementById('suche-status').textContent.trim() !== ''"))
            time.sleep(args.settle)  # a reader starts typing a moment after the page appears
            driver.execute_script(MEASURE_SETUP_JS)
            field = driver.find_element(By.ID, "suche-eingabe")
            field.click()
            field.send_keys(query)
            try:
                WebDriverWait(driver, 30, poll_frequency=0.02).until(lambda d: d.execute_script(
                    "const m = window.__messung; return m.shown !== null && m.inputs.length >= arguments[0];",
                    len(query)))
            except Exception:
                pass
            found = driver.execute_script(MEASURE_READ_JS)
            shown = found["shown"]
            milliseconds = shown["at"] - found["inputs"][-1] if shown and found["inputs"] else None
            total, files = loaded_bytes(site, network_requests(driver), bool(server))
            ids = [re.sub(r"^rezepte/|\.html$", "", href or "") for href in found["links"]]
            problems = []
            if milliseconds is None:
                problems.append("no results shown")
            elif args.max_ms is not None and milliseconds > args.max_ms:
                problems.append(f"{milliseconds:.0f} ms > {args.max_ms:g} ms")
            if args.max_kilobytes is not None and total > args.max_kilobytes * 1000:
                problems.append(f"{total / 1000:.1f} KB > {args.max_kilobytes:g} KB")
            if query in expected and ids != expected[query][:len(ids)] or (query in expected and len(ids) < min(len(expected[query]), 10)):
                problems.append(f"results {ids} differ from {expected[query]}")
            findings += len(problems)
            if milliseconds is not None:
                times.append(milliseconds)
            sizes.append(total)
            record = {"query": query, "mode": mode, "bytes": total, "ms": milliseconds, "files": len(files),
                      "fragments": found["fragments"], "ids": ids, "status": shown["text"] if shown else None,
                      "problems": problems}
            if args.json:
                print(json.dumps(record, ensure_ascii=False))
            else:
                print(f"{'FAIL' if problems else 'ok  '}  {query!r} ({mode}): "
                      f"{total / 1000:.1f} KB in {len(files)} files ({len(found['fragments'])} fragments), "
                      f"{milliseconds if milliseconds is None else round(milliseconds)} ms; "
                      f"{shown['text'] if shown else 'nothing shown'}" + (f"  -- {'; '.join(problems)}" if problems else ""))
    finally:
        if server:
            server.shutdown()
    summary = {"summary": True, "mode": mode, "queries": len(queries), "findings": findings,
               "max_bytes": max(sizes) if sizes else 0, "median_bytes": statistics.median(sizes) if sizes else 0,
               "median_ms": statistics.median(times) if times else None, "max_ms": max(times) if times else None,
               "p95_ms": sorted(times)[max(0, int(round(0.95 * (len(times) - 1))))] if times else None}
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"{mode}: {len(queries)} queries, bytes max {summary['max_bytes'] / 1000:.1f} KB, "
              f"median {summary['median_bytes'] / 1000:.1f} KB; time to results median "
              f"{summary['median_ms']} ms, max {summary['max_ms']} ms")
    return findings


def measure_main() -> int:
    parser = argparse.ArgumentParser(description="bytes and time of searches in headless Chromium")
    parser.add_argument("--measure", action="store_true", required=True)
    parser.add_argument("site", metavar="SITE_DIR")
    parser.add_argument("queries", metavar="QUERY", nargs="+")
    parser.add_argument("--http", action="store_true", help="serve the site on 127.0.0.1 instead of file://")
    parser.add_argument("--expect", metavar="FILE.json")
    parser.add_argument("--max-kilobytes", type=float)
    parser.add_argument("--max-ms", type=float)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--settle", type=float, default=0.5, help="seconds between the page's load and typing (0.5)")
    args = parser.parse_args()
    site = site_dir(args.site)
    page_url(site, "suche.html")
    driver = make_driver(performance_log=True)
    try:
        findings = measure(driver, site, args.queries, args)
        errors = [entry.get("message", "") for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
        for message in errors:
            print(f"console error: {message}", file=sys.stderr)
        findings += len(errors)
    finally:
        driver.quit()
    return EXIT_FINDINGS if findings else EXIT_OK


def main() -> int:
    if "--measure" in sys.argv[1:]:
        return measure_main()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", metavar="SITE_DIR")
    parser.add_argument("query", metavar="QUERY")
    parser.add_argument("expected", metavar="EXPECTED_HREF_SUBSTRING")
    parser.add_argument("--screenshot", nargs=2, action="append", default=[], metavar=("PAGE", "OUT.png"))
    parser.add_argument("--law-link", nargs=3, action="append", default=[],
                        metavar=("PAGE", "LINK_HREF_SUBSTRING", "EXPECTED_ANCHOR"))
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for the result (5)")
    args = parser.parse_args()

    site = site_dir(args.site)
    page_url(site, "suche.html")  # exists?
    for page, *_ in args.law_link + args.screenshot:
        page_url(site, page)

    started = time.monotonic()
    driver = make_driver(performance_log=True)
    checks = Checks()
    monitor = BrowserMonitor(driver)
    try:
        run_search(driver, monitor, checks, site, args.query, args.expected, args.timeout)
        for page, link, anchor in args.law_link:
            run_law_link(driver, monitor, checks, site, page, link, anchor)
        for page, out in args.screenshot:
            run_screenshot(driver, monitor, checks, site, page, out)
        checks.failures += monitor.report()
    finally:
        driver.quit()

    elapsed = time.monotonic() - started
    print(f"{'FAIL' if checks.failures else 'OK'}: {checks.failures} finding(s) in {elapsed:.1f} s")
    return EXIT_FINDINGS if checks.failures else EXIT_OK


if __name__ == "__main__":
    run_tool(main)

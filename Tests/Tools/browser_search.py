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
Exit codes: 0 all checks passed, 1 findings, 2 tool or setup problem.
"""

from __future__ import annotations

import argparse
import base64
import sys
import time
from pathlib import Path

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


def main() -> int:
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

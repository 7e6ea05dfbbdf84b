#!/usr/bin/env python3
"""Runs axe-core (WCAG 2.0/2.1 A and AA rules) on pages of a site in headless Chromium.

usage: .venv-tools/bin/python Tests/Tools/check_axe.py [--settle SECONDS] SITE_DIR PAGE [PAGE …]

Each PAGE is a path relative to SITE_DIR (a ?query or #fragment may follow, e.g. 'suche.html?q=Akte').
Every page is checked twice: with the browser's default colour scheme (light) and emulating
prefers-color-scheme: dark. --settle waits that long after the page has loaded (for content that
scripts render after load, e.g. search results). The axe-core used is the one bundled in selenium-axe-python.
Exit codes: 0 no violations, 1 violations found, 2 tool or setup problem.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_common import (EXIT_FINDINGS, EXIT_OK, SetupError, make_driver, page_url,  # noqa: E402
                            run_tool, site_dir, wait_for_load)

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MAX_NODES = 10  # failing nodes listed per rule and page
SCHEMES = [("default", []), ("dark", [{"name": "prefers-color-scheme", "value": "dark"}])]


def axe_source() -> tuple[str, str]:
    try:
        import selenium_axe_python
    except ImportError:
        raise SetupError("Python package selenium-axe-python is missing; run scripts/setup.sh and use "
                         ".venv-tools/bin/python")
    path = Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js"
    if not path.is_file():
        raise SetupError(f"axe.min.js not found in selenium-axe-python ({path})")
    return path.read_text(encoding="utf-8"), str(path)


RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done({ok: true, violations: r.violations, incomplete: r.incomplete.map(i => i.id)}))
  .catch(e => done({ok: false, error: String(e && e.stack || e)}));
"""


def check_page(driver, url: str, axe_js: str, settle: float) -> dict:
    driver.get(url)
    wait_for_load(driver)
    if settle > 0:
        time.sleep(settle)
    driver.execute_script(axe_js)
    if not driver.execute_script("return typeof window.axe === 'object' && typeof axe.run === 'function'"):
        raise SetupError("axe-core could not be injected into the page")
    result = driver.execute_async_script(RUN_AXE, TAGS)
    if not result.get("ok"):
        raise SetupError(f"axe.run failed: {result.get('error')}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", metavar="SITE_DIR", help="the site's root directory")
    parser.add_argument("pages", metavar="PAGE", nargs="+", help="pages relative to SITE_DIR")
    parser.add_argument("--settle", type=float, default=0.0, metavar="SECONDS",
                        help="wait this long after each page has loaded before running axe (0)")
    args = parser.parse_args()

    site = site_dir(args.site)
    urls = [(page, page_url(site, page)) for page in args.pages]
    axe_js, axe_path = axe_source()
    version = axe_js[:200].split("axe v", 1)[-1].split()[0] if "axe v" in axe_js[:200] else "?"

    started = time.monotonic()
    driver = make_driver()
    total_violations = 0
    try:
        print(f"axe-core {version} ({axe_path}); tags {', '.join(TAGS)}")
        for scheme, features in SCHEMES:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": features})
            for page, url in urls:
                result = check_page(driver, url, axe_js, args.settle)
                dark = driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
                if dark != (scheme == "dark"):
                    raise SetupError(f"colour-scheme emulation did not take effect (dark={dark})")
                violations = result["violations"]
                nodes = sum(len(v["nodes"]) for v in violations)
                total_violations += len(violations)
                label = f"{page} [{scheme} colour scheme]"
                if not violations:
                    print(f"ok    {label}: no violations")
                else:
                    print(f"FAIL  {label}: {len(violations)} violation(s), {nodes} node(s)")
                    for v in violations:
                        print(f"  - {v['id']} ({v.get('impact') or 'n/a'}): {v['help']}")
                        print(f"    {v['helpUrl']}")
                        for node in v["nodes"][:MAX_NODES]:
                            target = " ".join(json.dumps(t, ensure_ascii=False) if not isinstance(t, str) else t
                                              for t in node.get("target", []))
                            print(f"      at {target}")
                            lines = [line.strip() for line in (node.get("failureSummary") or "").splitlines()]
                            summary = (lines[0] + " " + "; ".join(l for l in lines[1:] if l)).strip() if lines else ""
                            if summary:
                                print(f"         {summary[:300]}{'…' if len(summary) > 300 else ''}")
                        if len(v["nodes"]) > MAX_NODES:
                            print(f"      … and {len(v['nodes']) - MAX_NODES} more node(s)")
                if result["incomplete"]:
                    print(f"      needs manual review (axe 'incomplete'): "
                          f"{', '.join(sorted(set(result['incomplete'])))}")
    finally:
        driver.quit()

    elapsed = time.monotonic() - started
    print(f"{'FAIL' if total_violations else 'OK'}: {total_violations} violation(s) on {len(urls)} page(s) "
          f"x {len(SCHEMES)} colour schemes in {elapsed:.1f} s")
    return EXIT_FINDINGS if total_violations else EXIT_OK


if __name__ == "__main__":
    run_tool(main)

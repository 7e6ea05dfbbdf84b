"""Checks the site's layout on narrow screens in headless Chromium: the main navigation never leaves
one entry alone on a line, and nothing is wider than the screen.

Usage: check_layout.py SITE_DIR PAGE [PAGE ...] [--widths 320,360,...]
Exit codes: 0 fine, 1 findings, 2 tool or setup problem.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_common import (EXIT_FINDINGS, EXIT_OK, make_driver, page_url, run_tool,  # noqa: E402
                            site_dir, wait_for_load)

# The rows the navigation's entries fall into (grouped by their top edge), and how wide the page is.
MEASURE = """
const items = [...document.querySelectorAll('.site-nav li')];
const rows = new Map();
for (const item of items) {
  const top = Math.round(item.getBoundingClientRect().top);
  rows.set(top, (rows.get(top) || 0) + 1);
}
return {rows: [...rows.values()], scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth};
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", metavar="SITE_DIR")
    parser.add_argument("pages", metavar="PAGE", nargs="+")
    parser.add_argument("--widths", default="320,360,375,400,414,480,768,1024")
    args = parser.parse_args()
    site = site_dir(args.site)
    widths = [int(w) for w in args.widths.split(",")]
    findings = 0
    driver = make_driver()
    try:
        for width in widths:
            driver.set_window_size(width, 800)
            for page in args.pages:
                driver.get(page_url(site, page))
                wait_for_load(driver)
                measured = driver.execute_script(MEASURE)
                rows = measured["rows"]
                label = f"{page} at {width} px"
                if len(rows) > 1 and 1 in rows:
                    print(f"FAIL  {label}: the navigation leaves an entry alone on a line (entries per line: {rows})")
                    findings += 1
                elif measured["scrollWidth"] > measured["clientWidth"] + 1:
                    print(f"FAIL  {label}: the page is {measured['scrollWidth']} px wide, wider than the screen")
                    findings += 1
                else:
                    print(f"ok    {label}: navigation lines {rows}")
    finally:
        driver.quit()
    print(f"{'FAIL' if findings else 'OK'}: {findings} finding(s)")
    return EXIT_FINDINGS if findings else EXIT_OK


if __name__ == "__main__":
    run_tool(main)

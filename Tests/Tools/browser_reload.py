#!/usr/bin/env python3
"""Live reload, end to end: open a page served by `kochbuch serve`, change a recipe file, and
check that the open page reloads itself and shows the change.

usage: browser_reload.py URL FILE OLD_TEXT NEW_TEXT [--timeout SECONDS]
exit status: 0 reloaded with the new text, 1 it did not, 2 tool problem
"""
import argparse
import sys
import time

from browser_common import make_driver, run_tool  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("file")
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--timeout", type=float, default=20)
    args = parser.parse_args()
    driver = make_driver()
    try:
        driver.get(args.url)
        if args.old not in driver.page_source:
            print(f"FAIL  the page does not show {args.old!r} before the change")
            return 1
        driver.execute_script("window.__kochbuchMarker = 'before';")
        with open(args.file, encoding="utf-8") as handle:
            text = handle.read()
        with open(args.file, "w", encoding="utf-8") as handle:
            handle.write(text.replace(args.old, args.new))
        deadline = time.time() + args.timeout
        while time.time() < deadline:
            time.sleep(0.3)
            try:
                marker = driver.execute_script("return window.__kochbuchMarker || null;")
                source = driver.page_source
            except Exception:  # the page is being replaced
                continue
            if marker is None and args.new in source:
                print(f"ok    the page reloaded itself and shows {args.new!r}")
                return 0
        print(f"FAIL  no reload with {args.new!r} within {args.timeout} s")
        return 1
    finally:
        driver.quit()


if __name__ == "__main__":
    run_tool(main)

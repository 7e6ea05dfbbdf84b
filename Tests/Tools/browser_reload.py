#!/usr/bin/env python3
"""Live reload, end to end: open a page served by `kochbuch serve`, change a recipe file, and
check that the open page reloads itself and shows the change.

usage: browser_reload.py URL FILE OLD_TEXT NEW_TEXT [--timeout SECONDS]
       browser_reload.py --measure N URL FILE OLD_TEXT [--timeout SECONDS]

--measure N: N times, changes OLD_TEXT in FILE to OLD_TEXT plus " (Vorschau n)" and measures the time
  from the write to the open page showing it (reloaded by itself), then waits for the server's next
  build (the whole site) before the next change; puts the file back as it was and prints one JSON
  object {"seconds": [...]}.
exit status: 0 reloaded with the new text, 1 it did not, 2 tool problem
"""
import argparse
import json
import sys
import time
import urllib.request

from browser_common import make_driver, run_tool  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", type=int, default=0)
    parser.add_argument("url")
    parser.add_argument("file")
    parser.add_argument("old")
    parser.add_argument("new", nargs="?")
    parser.add_argument("--timeout", type=float, default=20)
    args = parser.parse_args()
    if args.measure:
        return measure(args)
    if args.new is None:
        parser.error("NEW_TEXT is missing")
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


def generation(url: str) -> int:
    root = url.split("/rezepte/")[0].rstrip("/")
    with urllib.request.urlopen(root + "/__kochbuch/status", timeout=30) as response:
        return json.load(response)["generation"]


def measure(args) -> int:
    with open(args.file, encoding="utf-8") as handle:
        original = handle.read()
    if args.old not in original:
        print(f"FAIL  {args.file} does not hold {args.old!r}")
        return 1
    driver = make_driver()
    seconds = []
    try:
        driver.get(args.url)
        for run in range(1, args.measure + 1):
            new = f"{args.old} (Vorschau {run})"
            driver.execute_script("window.__kochbuchMarker = 'before';")
            before = generation(args.url)
            started = time.monotonic()
            with open(args.file, "w", encoding="utf-8") as handle:
                handle.write(original.replace(args.old, new, 1))
            shown = None
            while time.monotonic() < started + args.timeout:
                try:
                    marker = driver.execute_script("return window.__kochbuchMarker || null;")
                    if marker is None and new in driver.page_source:
                        shown = time.monotonic() - started
                        break
                except Exception:  # the page is being replaced
                    pass
                time.sleep(0.005)
            if shown is None:
                print(f"FAIL  no reload with {new!r} within {args.timeout} s")
                return 1
            seconds.append(shown)
            # The whole build follows the pages made first: the next change waits for it.
            deadline = time.monotonic() + 60
            while generation(args.url) < before + 2 and time.monotonic() < deadline:
                time.sleep(0.2)
        print(json.dumps({"seconds": seconds}))
        return 0
    finally:
        with open(args.file, "w", encoding="utf-8") as handle:
            handle.write(original)
        driver.quit()


if __name__ == "__main__":
    run_tool(main)

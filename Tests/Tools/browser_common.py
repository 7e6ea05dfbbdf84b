"""Shared helpers for the browser-based checks (check_axe.py, browser_search.py).

Drives Debian's `chromium` through Debian's `/usr/bin/chromedriver` with Selenium. The driver
path is given explicitly, so Selenium Manager never runs and nothing is downloaded.

Exit codes used by every tool in this folder: 0 success, 1 findings, 2 tool or setup problem.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_SETUP = 2

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")
SETUP_HINT = "run scripts/setup.sh (as root) to install chromium, chromium-driver and the .venv-tools/ virtualenv"

# Schemes that never leave the machine: allowed in requests made by a page.
LOCAL_SCHEMES = ("file", "data", "blob", "about")


class SetupError(Exception):
    """A problem with the tools or the arguments, not with the site (exit code 2)."""


def import_selenium():
    try:
        from selenium import webdriver  # noqa: F401
    except ImportError as error:
        raise SetupError(f"Python package selenium is missing ({error}); {SETUP_HINT}; "
                         "run this tool with .venv-tools/bin/python")


def site_dir(argument: str) -> Path:
    path = Path(argument).resolve()
    if not path.is_dir():
        raise SetupError(f"site directory not found: {argument}")
    return path


def page_url(site: Path, page: str) -> str:
    """file:// URL of PAGE (relative to the site root; may carry ?query and #fragment)."""
    parts = urlsplit(page)
    if parts.scheme or parts.netloc or page.startswith("/"):
        raise SetupError(f"page must be a path relative to the site directory: {page}")
    path = (site / parts.path).resolve()
    if site != path and site not in path.parents:
        raise SetupError(f"page lies outside the site directory: {page}")
    if not path.is_file():
        raise SetupError(f"page not found: {path}")
    url = path.as_uri()
    if parts.query:
        url += "?" + parts.query
    if parts.fragment:
        url += "#" + parts.fragment
    return url


def make_driver(performance_log: bool = False, window: str = "1280,1024"):
    """Headless Chromium; with performance_log, network events and console messages are logged."""
    import_selenium()
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    if not os.access(CHROMEDRIVER, os.X_OK):
        raise SetupError(f"{CHROMEDRIVER} not found; {SETUP_HINT}")
    binary = next((c for c in CHROMIUM_CANDIDATES if os.access(c, os.X_OK)), None)
    if binary is None:
        raise SetupError(f"chromium not found ({', '.join(CHROMIUM_CANDIDATES)}); {SETUP_HINT}")
    # Belt and braces: should Selenium Manager ever run, it must not go online.
    os.environ.setdefault("SE_OFFLINE", "true")

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={window}", "--lang=de-DE", "--no-first-run",
                     "--no-default-browser-check", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    if performance_log:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        options.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True, "enablePage": False})
    # Chromium and chromedriver keep their temporary folders (profile, singleton socket) under
    # TMPDIR and do not always remove them: a folder of our own goes when the driver quits.
    private_tmp = tempfile.mkdtemp(prefix="kochbuch-chromium-")
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER, env={**os.environ, "TMPDIR": private_tmp}), options=options)
    except WebDriverException as error:
        shutil.rmtree(private_tmp, ignore_errors=True)
        raise SetupError(f"could not start headless Chromium: {first_line(error.msg or str(error))}")
    quit_driver = driver.quit

    def quit_and_clean():
        try:
            quit_driver()
        finally:
            shutil.rmtree(private_tmp, ignore_errors=True)

    driver.quit = quit_and_clean
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def first_line(text: str) -> str:
    return (text or "").strip().splitlines()[0] if (text or "").strip() else ""


def wait_for_load(driver, timeout: float = 10.0):
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


class BrowserMonitor:
    """Collects console errors and requests to non-local URLs from Chrome's logs.

    Call drain() after each navigation or interaction: chromedriver's log buffers are emptied
    by every read, so each read is kept here.
    """

    def __init__(self, driver):
        self.driver = driver
        self.console_errors: list[str] = []
        self.external_requests: list[str] = []
        self.request_count = 0

    def drain(self):
        for entry in self.driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                self.console_errors.append(entry.get("message", "").strip())
        for entry in self.driver.get_log("performance"):
            try:
                message = json.loads(entry["message"])["message"]
            except (KeyError, ValueError, TypeError):
                continue
            method = message.get("method")
            params = message.get("params", {})
            if method == "Network.requestWillBeSent":
                url = params.get("request", {}).get("url", "")
            elif method == "Network.webSocketCreated":
                url = params.get("url", "")
            else:
                continue
            self.request_count += 1
            if urlsplit(url).scheme.lower() not in LOCAL_SCHEMES:
                initiator = params.get("documentURL", "")
                self.external_requests.append(f"{url}  (from {short_url(initiator)})" if initiator else url)

    def report(self) -> int:
        """Prints the findings; returns their number."""
        self.drain()
        findings = 0
        if self.console_errors:
            distinct = list(dict.fromkeys(self.console_errors))
            extra = f" ({len(distinct)} distinct)" if len(distinct) != len(self.console_errors) else ""
            print(f"FAIL  {len(self.console_errors)} console error(s){extra}:")
            for message in distinct:
                print(f"  - {message}")
            findings += len(self.console_errors)
        else:
            print("ok    no console errors")
        if self.external_requests:
            distinct = list(dict.fromkeys(self.external_requests))
            extra = f" ({len(distinct)} distinct)" if len(distinct) != len(self.external_requests) else ""
            print(f"FAIL  {len(self.external_requests)} request(s) to non-file:// URLs{extra}:")
            for url in distinct:
                print(f"  - {url}")
            findings += len(self.external_requests)
        else:
            print(f"ok    all {self.request_count} request(s) stayed on file://")
        return findings


def short_url(url: str) -> str:
    """A file:// URL shortened to its last two path segments, for reports."""
    if url.startswith("file://"):
        parts = url.split("/")
        return "/".join(parts[-2:])
    return url


def run_tool(main) -> None:
    """Runs main() -> exit code, turning setup problems and crashes into exit code 2."""
    try:
        code = main()
    except SetupError as error:
        print(f"error: {error}", file=sys.stderr)
        code = EXIT_SETUP
    except KeyboardInterrupt:
        code = EXIT_SETUP
    except Exception as error:  # a crash of the tool itself is not a finding about the site
        import traceback
        traceback.print_exc()
        print(f"error: the tool failed: {type(error).__name__}: {first_line(str(error))}", file=sys.stderr)
        code = EXIT_SETUP
    sys.stdout.flush()
    sys.exit(code)

"""Shared fixtures: paths, the seed transcript, and a Streamlit server with headless Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

# Uploads made by the tests (AppTest and the browser servers, which inherit the environment) go to a
# throw-away library folder, never to the developer's own library/.
os.environ["PODIUM_LIBRARY"] = tempfile.mkdtemp(prefix="podium-test-library-")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "blinken_nato_open_door.txt"
FIXTURES = ROOT / "tests" / "fixtures"
#: The shared corpus of real transcripts; CI lays it beside the clone. PODIUM_CORPUS overrides.
CORPUS = Path(os.environ.get("PODIUM_CORPUS", ROOT.parent / "shared" / "corpus"))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def seed_transcript():
    from podium import read_transcript

    return read_transcript(SEED)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(tmp_path: Path) -> tuple[subprocess.Popen, str]:
    """Start the dashboard on a free port; return (process, base URL) once /_stcore/health answers."""
    port = _free_port()
    log = open(tmp_path / f"streamlit_{port}.log", "w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early; see {log.name}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, base
        except OSError:
            pass
        time.sleep(0.2)  # polling the health endpoint, not waiting on the app
    proc.kill()
    raise RuntimeError("streamlit did not become healthy within 60 s")


@pytest.fixture
def fresh_server(tmp_path):
    """A newly started server per test, so every first visit is a cold deep link."""
    proc, base = start_server(tmp_path)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def tab(chromium):
    """A new browser page (named ``tab``: pytest-playwright reserves ``page``)."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    # waits are on app state, never sleeps; the limit is generous because a cold page on a busy
    # 2-core machine can take longer than Playwright's default 30 s
    context.set_default_timeout(90_000)
    yield context.new_page()
    context.close()


def wait_idle(tab, timeout: float = 30_000) -> None:
    """Wait until the Streamlit script has run and finished.

    A freshly loaded page reports "notRunning" before its first run starts, so also wait for
    the shared sidebar navigation, which exists only once a page script has run.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    idle = '[data-testid="stApp"][data-test-script-state="notRunning"]'
    tab.wait_for_selector(idle, timeout=timeout)
    tab.wait_for_selector('[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]', timeout=timeout)
    tab.wait_for_selector(idle, timeout=timeout)
    # and the network is quiet: the frontend loads some elements' code (st.html among them) and the
    # word cloud's image only when a page first shows them. With two browser contexts loading at
    # once Chromium sometimes never reports "networkidle" although no request is pending (seen with
    # a request log), so a missing report is not a failure; the images must then have loaded.
    try:
        tab.wait_for_load_state("networkidle", timeout=10_000)
    except PlaywrightTimeoutError:
        pass
    tab.wait_for_function("Array.from(document.images).every((img) => img.complete)", timeout=timeout)
    # and no element is still a loading placeholder (the frontend loads st.code's and st.html's code
    # on first use: under load the Overview's story facts were read before they were drawn)
    tab.wait_for_function("!document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout)


def copy_boxes(at) -> list[str]:
    """The texts of a page's copy boxes (:func:`components.copyable.copy_box`: story facts, quotes) in an AppTest."""
    from components.copyable import copied_text

    texts = (copied_text(str(e.proto.srcdoc)) for e in at.get("iframe"))
    return [t for t in texts if t is not None]


def headline_numbers(at) -> dict[str, str]:
    """``{label: value}`` of a page's headline numbers (:func:`components.publish.stat_row`) in an AppTest."""
    import re

    out = {}
    for element in at.get("html"):
        body = str(element.proto.body)
        for value, label in re.findall(r'<div class="v">(.*?)</div><div class="k">(.*?)</div>', body):
            out[label] = value
    return out

"""Each page's render in headless Chromium against a bare page with the same number of plotly charts.

For every Podium page, on the bundled transcript: a cold deep link (first visit after a fresh
server start) and a warm visit (the same URL again in a new browser context), each timed from
navigation until the script is idle and every chart has drawn. The floor is
``bench/bare/bare_app.py`` with as many plotly charts, served and measured the same way. Prints
the times and the ratios page / bare (median of ``--repeat`` runs).

Usage: python bench/page_render.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port  # noqa: E402

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def serve(script: Path, log_dir: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, stdout=open(log_dir / f"{port}.log", "w"), stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, base
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def visit(browser, url: str, n_charts: int) -> float:
    """Seconds from navigation until the script is idle and ``n_charts`` plotly charts have drawn."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    t0 = time.perf_counter()
    tab.goto(url, wait_until="commit", timeout=300_000)
    tab.wait_for_selector('[data-testid="stSidebar"], [data-testid="stMain"]', timeout=300_000)
    tab.wait_for_function(
        """n => document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]')
               && document.querySelectorAll('.js-plotly-plot .main-svg').length >= n
               && document.querySelectorAll('h1').length > 0""",
        arg=n_charts, timeout=300_000, polling=20,
    )
    seconds = time.perf_counter() - t0
    context.close()
    return seconds


def measure(browser, script: Path, path: str, n_charts: int, tmp: Path) -> tuple[float, float]:
    proc, base = serve(script, tmp)
    try:
        cold = visit(browser, f"{base}/{path}", n_charts)
        warm = visit(browser, f"{base}/{path}", n_charts)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    names = [p.stem.split("_", 1)[1] for p in sorted((ROOT / "pages").glob("*.py"))]
    pages = {"": "Overview"} | {name: name.replace("_", " ") for name in names}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        # count each page's charts once, on a warm server
        proc, base = serve(ROOT / "app.py", Path(tmp))
        counts = {}
        for path in pages:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            tab = context.new_page()
            tab.goto(f"{base}/{path}", timeout=300_000)
            tab.wait_for_selector(IDLE, timeout=300_000)
            tab.wait_for_selector('[data-testid="stSidebar"] a', timeout=300_000)
            tab.wait_for_selector(IDLE, timeout=300_000)
            tab.wait_for_load_state("networkidle")
            counts[path] = tab.locator(".js-plotly-plot").count()
            context.close()
        proc.terminate()
        proc.wait(timeout=10)
        print(f"{'page':14} {'charts':>6} {'cold':>7} {'bare':>7} {'ratio':>6} {'warm':>7} {'bare':>7} {'ratio':>6}")
        for path, title in pages.items():
            n = counts[path]
            runs = [measure(browser, ROOT / "app.py", path, n, Path(tmp)) for _ in range(args.repeat)]
            bare = [measure(browser, ROOT / "bench" / "bare" / "bare_app.py", f"?charts={n}", n, Path(tmp))
                    for _ in range(args.repeat)]
            cold, warm = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            bcold, bwarm = statistics.median(r[0] for r in bare), statistics.median(r[1] for r in bare)
            print(f"{title:14} {n:>6} {cold:>6.2f}s {bcold:>6.2f}s {cold / bcold:>5.2f}x "
                  f"{warm:>6.2f}s {bwarm:>6.2f}s {warm / bwarm:>5.2f}x")
        browser.close()


if __name__ == "__main__":
    main()

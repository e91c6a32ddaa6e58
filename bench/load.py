"""Many users at once: N concurrent browser sessions against one local Podium server.

Starts the dashboard on a free local port, then runs one session alone and N sessions at once in
headless Chromium (Debian's /usr/bin/chromium). Each session opens the Speaker time page, changes
the speaker filter (through the URL), and downloads the speaker table's CSV; it checks the CSV
and counts errors (exception boxes, timeouts, wrong downloads). Prints the errors (expected 0)
and the median session time under load against the single session's, as a ratio.

Usage: python bench/load.py [N]   (default 20)
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, start_server  # noqa: E402

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
NAV = '[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]'


async def _idle(tab) -> None:
    await tab.wait_for_selector(IDLE, timeout=300_000)
    await tab.wait_for_selector(NAV, timeout=300_000)
    await tab.wait_for_selector(IDLE, timeout=300_000)


async def session(browser, base: str, speaker: str) -> tuple[float, str | None]:
    """One user's visit; returns (seconds, error or None)."""
    context = await browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    context.set_default_timeout(300_000)  # 20 browsers on 2 cores: a slow step is a figure, not an error
    tab = await context.new_page()
    t0 = time.perf_counter()
    try:
        await tab.goto(f"{base}/Speaker_time", timeout=300_000, wait_until="commit")
        await tab.get_by_role("heading", name="Speaker time").first.wait_for(timeout=300_000)
        await _idle(tab)
        await tab.goto(f"{base}/Speaker_time?speaker={speaker.replace(' ', '+')}", timeout=300_000, wait_until="commit")
        await tab.get_by_role("heading", name="Speaker time").first.wait_for(timeout=300_000)
        await _idle(tab)
        async with tab.expect_download(timeout=300_000) as info:
            await tab.get_by_role("button", name="speaker table").first.click()
        download = await info.value
        text = Path(await download.path()).read_text(encoding="utf-8-sig")
        if speaker not in text or text.count("\n") != 2:
            return time.perf_counter() - t0, f"unexpected CSV for {speaker}: {text[:80]!r}"
        if await tab.locator('[data-testid="stException"]').count():
            return time.perf_counter() - t0, "exception box"
        return time.perf_counter() - t0, None
    except Exception as exc:  # a timeout or a navigation error is an error of the run
        return time.perf_counter() - t0, f"{type(exc).__name__}: {str(exc)[:80]}"
    finally:
        await context.close()


async def main(n: int) -> None:
    from playwright.async_api import async_playwright

    with tempfile.TemporaryDirectory() as tmp:
        proc, base = start_server(Path(tmp))
        try:
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                await session(browser, base, "REPORTER")  # warm the server's caches once
                alone, error = await session(browser, base, "ANTONY BLINKEN")
                speakers = ["REPORTER", "ANTONY BLINKEN"]
                results = await asyncio.gather(*(session(browser, base, speakers[i % 2]) for i in range(n)))
                await browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    times = [t for t, _ in results]
    errors = [e for _, e in results if e] + ([error] if error else [])
    print(f"sessions at once: {n}; errors: {len(errors)}")
    for e in errors[:5]:
        print("  ", e)
    print(f"one session alone: {alone:.2f} s")
    print(f"under load: median {statistics.median(times):.2f} s, slowest {max(times):.2f} s")
    print(f"ratio (median under load / alone): {statistics.median(times) / alone:.1f}x")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))

"""Start the dashboard, open every page in headless Chromium and save full-page screenshots.

Usage: python scripts/screenshots.py [OUT_DIR] [QUERY] [UPLOAD_FILE]   (default OUT_DIR: screenshots/)
With UPLOAD_FILE, the file is uploaded in the sidebar first, as a reporter would.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, start_server, wait_idle
from playwright.sync_api import sync_playwright

PAGES = {
    "overview": "",
    "speaker_time": "Speaker_time",
    "phrases": "Phrases",
    "q_and_a": "Q_and_A",
    "speakers": "Speakers",
}
LABELS = {
    "overview": "Overview",
    "speaker_time": "Speaker time",
    "phrases": "Phrases",
    "q_and_a": "Q&A",
    "speakers": "Speakers",
}


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    query = sys.argv[2] if len(sys.argv) > 2 else ""
    upload = sys.argv[3] if len(sys.argv) > 3 else ""
    out.mkdir(parents=True, exist_ok=True)
    proc, base = start_server(Path(tempfile.mkdtemp()))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 2600})
            if upload:
                tab.goto(f"{base}/{query}")
                wait_idle(tab)
                tab.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(upload)
                tab.get_by_text(f"Transcript: {Path(upload).name}").wait_for()
            for name, path in PAGES.items():
                if upload:  # keep the session: navigate with the sidebar links
                    tab.locator('[data-testid="stSidebar"] a', has_text=LABELS[name]).first.click()
                    tab.wait_for_timeout(500)
                else:
                    tab.goto(f"{base}/{path}{query}")
                wait_idle(tab)
                tab.wait_for_timeout(1500)  # let plotly finish its transition for the picture only
                tab.screenshot(path=str(out / f"{name}.png"), full_page=True)
                print(out / f"{name}.png")
            browser.close()
    finally:
        proc.terminate()


if __name__ == "__main__":
    main()

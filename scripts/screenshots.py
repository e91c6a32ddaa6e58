"""Start the dashboard, open every page in headless Chromium and save full-page screenshots.

Usage: python scripts/screenshots.py [OUT_DIR] [QUERY] [UPLOAD_FILE]   (default OUT_DIR: docs/screenshots/)
Every page is shot at a laptop's 1280x800 and a phone's 390x844 viewport, as
``<page>_desktop.png`` and ``<page>_phone.png``. With UPLOAD_FILE, the file is uploaded in the
sidebar first, as a reporter would. The Archive page opens an archive indexed (``python -m podium
index``) from two bundled transcripts into the throw-away library folder, searched for "Ukraine".
"""

from __future__ import annotations

import os
import subprocess
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
    "library": "Library",
    "compare": "Compare",
    "archive": "Archive?q=Ukraine",
}
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
LABELS = {
    "overview": "Overview",
    "speaker_time": "Speaker time",
    "phrases": "Phrases",
    "q_and_a": "Q&A",
    "speakers": "Speakers",
    "library": "Library",
    "compare": "Compare",
    "archive": "Archive",
}
ROOT = Path(__file__).resolve().parents[1]


def _index_archive(folder: Path) -> None:
    """An archive of two bundled transcripts in ``folder`` (the library folder the Archive page reads)."""
    files = Path(tempfile.mkdtemp())
    for name in ("wh_trump_modi_joint_presser_2025-02-13.md", "wh_biden_marine_one_2021-07-30.md"):
        (files / name).write_bytes((ROOT / "data" / name).read_bytes())
    folder.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "podium", "index", str(files), "--db", str(folder / "archive.duckdb")]
    subprocess.run([*command, "--workers", "1"], cwd=ROOT, check=True, capture_output=True)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    query = sys.argv[2] if len(sys.argv) > 2 else ""
    upload = sys.argv[3] if len(sys.argv) > 3 else ""
    out.mkdir(parents=True, exist_ok=True)
    _index_archive(Path(os.environ["PODIUM_LIBRARY"]))  # conftest made it a throw-away folder
    proc, base = start_server(Path(tempfile.mkdtemp()))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for size, viewport in SIZES.items():
                tab = browser.new_page(viewport=viewport, device_scale_factor=1)
                if upload:
                    tab.goto(f"{base}/{query}")
                    wait_idle(tab)
                    tab.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(upload)
                    tab.get_by_text(f"Transcript: {Path(upload).name}").wait_for()
                for name, path in PAGES.items():
                    if upload:  # keep the session: navigate with the sidebar links
                        expand = tab.locator('[data-testid="stExpandSidebarButton"]').first
                        if size == "phone" and expand.is_visible():  # a phone's sidebar may still be open
                            expand.click()
                        tab.locator('[data-testid="stSidebar"] a', has_text=LABELS[name]).first.click()
                        tab.wait_for_timeout(500)
                    else:
                        sep = "&" if "?" in path and query.startswith("?") else ""
                        tab.goto(f"{base}/{path}{sep}{query[1:] if sep else query}")
                    wait_idle(tab)
                    tab.wait_for_timeout(1500)  # let plotly finish its transition for the picture only
                    # Streamlit scrolls inside its main area, so grow the viewport to the page's length
                    # (the width, which decides the layout, stays) and shoot the whole page
                    height = tab.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
                    tab.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], height)})
                    tab.wait_for_timeout(1000)
                    tab.screenshot(path=str(out / f"{name}_{size}.png"), full_page=True)
                    tab.set_viewport_size(viewport)
                    print(out / f"{name}_{size}.png")
                tab.close()
            browser.close()
    finally:
        proc.terminate()


if __name__ == "__main__":
    main()

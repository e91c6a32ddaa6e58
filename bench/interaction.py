"""Script time of the interactions a reporter makes, and of every page on a 10,000-speaker transcript.

Runs the app with Streamlit's ``AppTest`` (the script alone, no browser), so the figures are the
Python time of one rerun: what a user waits for beyond the browser's drawing.

1. A 100,000-word transcript of real speech (``bench/scale.py``'s corpus text): each page's first
   run (parse and analyses not yet cached), then on each page a filter change (one speaker chosen in
   the sidebar) and a words-per-minute change (176 to 150), each timed as the rerun it triggers.
2. The 10,000-speaker input of the robustness catalogue (``tests/robustness/generated.py``: 10,000
   distinct speakers, two turns each): every page's first run.

Each figure is the wall-clock time and, after the slash, the CPU time of the process
(``time.process_time``, steadier on a shared machine).

Usage: python bench/interaction.py [--words 100000] [--repeat 3] [--skip-speakers | --only-speakers]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from scale import corpus_text  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.robustness.generated import ten_thousand_speakers  # noqa: E402

APP = str(ROOT / "app.py")
PAGES = ["app.py", "pages/1_Speaker_time.py", "pages/2_Phrases.py", "pages/3_Q_and_A.py", "pages/4_Speakers.py"]


def _load() -> str:
    """The load average over 1, 5 and 15 minutes (2 cores here), to read wall-clock times by."""
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _timed(step) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of ``step()``."""
    t0, c0 = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - t0, time.process_time() - c0


def _fresh(name: str, data: bytes) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=600)
    at.session_state["podium_source"] = {"name": name, "data": data, "format": "auto"}
    return at


def _check(at: AppTest, what: str) -> None:
    if at.exception:
        raise SystemExit(f"{what}: exception {[e.value for e in at.exception][:1]}")


def pages_first_run(name: str, data: bytes) -> list[tuple[str, tuple[float, float]]]:
    """Each page's first run in one session (parse cached after the first page, as in the app)."""
    at = _fresh(name, data)
    out = [("app.py", _timed(at.run))]
    _check(at, "app.py")
    for page in PAGES[1:]:
        out.append((page, _timed(lambda p=page: at.switch_page(p).run())))
        _check(at, page)
    return out


def interactions(name: str, data: bytes, repeat: int = 3) -> list[tuple[str, str, tuple[float, float]]]:
    """Median rerun time of a filter change and of a words-per-minute change, on each page."""
    rows = []
    for page in PAGES:
        filt, rate = [], []
        for _ in range(repeat):
            at = _fresh(name, data)
            if page != "app.py":
                at.switch_page(page)
            at.run()
            _check(at, page)
            widget = next(w for w in at.multiselect if w.label == "Filter speakers")
            speaker = widget.options[0]
            filt.append(_timed(lambda w=widget, s=speaker: w.set_value([s]).run()))
            _check(at, page)
            number = next(w for w in at.number_input if w.label.startswith("Speaking rate"))
            rate.append(_timed(lambda w=number: w.set_value(150.0).run()))
            _check(at, page)
        for what, runs in (("filter change", filt), ("words-per-minute change", rate)):
            rows.append((page, what, (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-speakers", action="store_true")
    parser.add_argument("--only-speakers", action="store_true", help="only the 10,000-speaker first runs")
    args = parser.parse_args()
    print(f"load average at start: {_load()}")
    if args.only_speakers:
        AppTest.from_file(APP, default_timeout=600).run()  # imports paid here, as after the 100,000-word runs
    data = corpus_text(args.words)
    name = f"corpus_{args.words}.txt"
    if not args.only_speakers:
        print(f"{args.words:,} words of corpus text: first run of each page (one session)")
        for page, (wall, cpu) in pages_first_run(name, data):
            print(f"  {page:<28} {wall * 1000:>8.0f} / {cpu * 1000:>6.0f} ms   load {_load()}")
        print(f"{args.words:,} words: rerun after an interaction (median of {args.repeat})")
        for page, what, (wall, cpu) in interactions(name, data, args.repeat):
            print(f"  {page:<28} {what:<24} {wall * 1000:>8.0f} / {cpu * 1000:>6.0f} ms   load {_load()}")
    if not args.skip_speakers:
        sp_name, sp_data = ten_thousand_speakers(1.0)
        print("10,000 speakers: first run of each page (one session)")
        for page, (wall, cpu) in pages_first_run(sp_name, sp_data):
            print(f"  {page:<28} {wall * 1000:>8.0f} / {cpu * 1000:>6.0f} ms   load {_load()}")


if __name__ == "__main__":
    main()

"""Run the large inputs of the robustness catalogue at full size through the command line.

Each input (50 MB of text, one 5 MB line, 10,000 speakers, 200,000 subtitle cues) is written to a
temporary folder and exported with ``python -m podium export`` in a fresh process; the script
prints the outcome (exit code, first line), wall time and the child's peak RSS.

Usage: python bench/robustness.py [NAME ...]
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.robustness.generated import GENERATED  # noqa: E402


def run(name: str, folder: Path) -> None:
    file_name, data = GENERATED[name](1.0)
    path = folder / file_name
    path.write_bytes(data)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "podium", "export", str(path), "--out", str(folder / (file_name + ".out"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    output = (proc.stdout or proc.stderr).strip()
    first = output.splitlines()[0][:70] if output else ""
    rss = f"{peak / 1024:,.0f} MB" if peak > before else "(below an earlier child's peak)"
    size = f"{len(data) / 1e6:6.1f} MB"
    print(f"{file_name:28s} {size}  exit {proc.returncode}  {seconds:6.1f} s  peak RSS {rss}  {first}")


def main(names: list[str]) -> None:
    # smallest first, so each child's peak RSS is its own (ru_maxrss of children is a running maximum)
    order = ["ten_thousand_speakers.txt", "single_line_5mb.txt", "srt_200k_cues.srt", "big_text_50mb.txt"]
    with tempfile.TemporaryDirectory() as tmp:
        for name in [n for n in order if not names or n in names]:
            run(name, Path(tmp))


if __name__ == "__main__":
    main(sys.argv[1:])

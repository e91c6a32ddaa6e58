"""Time parsing and analysis of the largest transcripts, and a synthetic long one.

Usage: python bench/parse_speed.py
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from podium.export import tables  # noqa: E402
from podium.parse import parse_bytes  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def measure(name: str, data: bytes) -> None:
    tracemalloc.start()
    t0 = time.perf_counter()
    transcript = parse_bytes(data, name=name)
    t1 = time.perf_counter()
    tables(transcript)
    t2 = time.perf_counter()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"{name:60s} {len(data) / 1024:8.0f} KiB {len(transcript.turns):6d} turns "
        f"parse {1000 * (t1 - t0):7.0f} ms  tables {1000 * (t2 - t1):7.0f} ms  peak {peak / 2**20:6.1f} MiB"
    )


def main() -> None:
    files = sorted(
        (p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".tsv"), key=lambda p: -p.stat().st_size
    )
    for path in files[:5]:
        measure(str(path.relative_to(CORPUS)), path.read_bytes())
    seed = (ROOT / "data" / "blinken_nato_open_door.txt").read_bytes()
    body = seed.split(b"Video Transcript", 1)[1]
    measure("synthetic: seed transcript repeated 500 times", seed + body * 499)


if __name__ == "__main__":
    main()

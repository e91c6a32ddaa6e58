"""Time question/answer pairing and the per-pair indicators on large synthetic transcripts.

    python bench/qa_pairing_speed.py

Pairing is one linear pass over the turns; before issue 7 it copied the rest of the transcript for
every question (80,000 turns took 11 s).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from podium.answers import assess_pairs
from podium.parse import read_transcript
from podium.qa import qa_exchanges

SEED = Path(__file__).resolve().parents[1] / "data" / "blinken_nato_open_door.txt"


def main() -> None:
    turns = read_transcript(SEED).turns
    for copies in (1_000, 13_334):  # 6,000 and 80,004 turns
        big = pd.concat([turns] * copies, ignore_index=True).assign(turn_id=lambda f: range(len(f)))
        start = time.perf_counter()
        pairs, _ = qa_exchanges(big)
        pairing = time.perf_counter() - start
        print(f"{len(big):>7,} turns -> {len(pairs):>6,} pairs: pairing {pairing * 1000:,.0f} ms")
    sample = pairs.head(2_000)
    start = time.perf_counter()
    assess_pairs(sample)
    per_pair = (time.perf_counter() - start) / len(sample) * 1000
    print(f"indicators and label: {per_pair:.2f} ms a pair (reference transcript's answers, {len(sample):,} pairs)")


if __name__ == "__main__":
    main()

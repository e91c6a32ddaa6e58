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
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> None:
    turns = read_transcript(SEED).turns
    for copies in (1_000, 13_334):  # 6,000 and 80,004 turns
        big = pd.concat([turns] * copies, ignore_index=True).assign(turn_id=lambda f: range(len(f)))
        start = time.perf_counter()
        pairs, _ = qa_exchanges(big)
        pairing = time.perf_counter() - start
        print(f"{len(big):>7,} turns -> {len(pairs):>6,} pairs: pairing {pairing * 1000:,.0f} ms")
    real = []
    for name in ("wh_psaki_2022-02-08.md", "wh_biden_press_conference_2021-03-25.md"):
        real.append(qa_exchanges(read_transcript(CORPUS / "whitehouse" / name).turns)[0])
    sample = pd.concat(real, ignore_index=True)
    start = time.perf_counter()
    assess_pairs(sample)
    per_pair = (time.perf_counter() - start) / len(sample) * 1000
    print(f"indicators and label: {per_pair:.2f} ms a pair ({len(sample)} distinct pairs of two White House briefings)")

if __name__ == "__main__":
    main()

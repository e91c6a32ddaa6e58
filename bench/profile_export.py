"""Where the time of ``python -m podium export`` goes: a sampling profile of parse + every table.

Builds the same corpus text as ``bench/scale.py`` (or reads FILE), warms up on the bundled
transcript, then profiles one parse and :func:`podium.export.tables` with pyinstrument (a
sampling profiler, so the profile costs little and does not inflate small functions the way
cProfile does), and prints the CPU seconds of each stage measured without the profiler.

Usage: python bench/profile_export.py [--words N [--distinct] | FILE]   (default --words 1000000)
Needs pyinstrument (``pip install -r bench/requirements.txt``).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def stages(data: bytes) -> None:
    """CPU seconds (``time.process_time``) of the parse and of each exported table."""
    from podium.parse import parse_bytes
    from podium.phrases import phrase_table_from_tally, speaker_phrase_table, tally
    from podium.qa import qa_pairs
    from podium.talk_time import speaker_table
    from podium.turn_taking import interruptions, turn_taking_table

    def timed(name, fn):
        t0 = time.process_time()
        out = fn()
        print(f"  {name:28s} {time.process_time() - t0:6.2f} CPU s")
        return out

    transcript = timed("parse", lambda: parse_bytes(data, name="profiled.txt"))
    turns, is_timed = transcript.turns, transcript.timing == "source"
    timed("speaker table", lambda: speaker_table(turns, timed=is_timed))
    timed("turn-taking table", lambda: turn_taking_table(turns, timed=is_timed))
    counted = timed("phrase tally", lambda: tally(turns["text"], turns["speaker"]))
    phrases = timed("phrase table", lambda: phrase_table_from_tally(counted, min_count=2))
    timed("phrases by speaker", lambda: speaker_phrase_table(counted, phrases))
    timed("Q&A pairs with labels", lambda: qa_pairs(turns))
    timed("interruptions", lambda: interruptions(turns, timed=is_timed))


def _clear_caches() -> None:
    """Empty Podium's per-text caches, so a second run costs what the first did."""
    from podium import answers, phrases, questions

    getattr(phrases, "_TURN_CACHE", {}).clear()
    phrases._turn_cache_bytes = 0
    for cached in (answers.content_words, answers._find_phrases):
        cached.cache_clear()
    questions.clear_cache()
    for single in (phrases._SINGLE_IDS, phrases._SINGLE_CAPS_IDS):
        single.clear()
        single[phrases.RUN_BREAK] = 0


def main(argv: list[str]) -> None:
    from pyinstrument import Profiler

    from podium.export import tables
    from podium.parse import parse_bytes

    if argv and argv[0] != "--words":
        data = Path(argv[0]).read_bytes()
    else:
        from scale import corpus_text

        data = corpus_text(int(argv[1]) if len(argv) > 1 else 1_000_000, distinct="--distinct" in argv)
    tables(parse_bytes((ROOT / "data" / "blinken_nato_open_door.txt").read_bytes(), name="warm-up.txt"))
    print("CPU seconds per stage (no profiler):")
    stages(data)
    _clear_caches()  # the profile tokenises and measures again, as a first export does
    profiler = Profiler(interval=0.001)
    profiler.start()
    tables(parse_bytes(data, name="profiled.txt"))
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False))


if __name__ == "__main__":
    main(sys.argv[1:])

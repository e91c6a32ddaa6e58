"""N-gram counting (1 to 3 words) against scikit-learn's CountVectorizer on the same turns.

Usage: python bench/ngram_speed.py [WORDS ...]     (default 10000 100000 1000000)

The text is real speech, one document per turn: the turns of every transcript in
../shared/corpus that Podium parses (debates, briefings, hearings, podcasts; 111k words), the
force-aligned turns of the 2020 US debates (../shared/eval/timed; 74k words) and the distinct
questions and answers of presidential interviews (../shared/eval/qevasion; 614k words): about
800,000 distinct words, shuffled once (seed 0) so that every size has the same mix of sources, and
repeated from the start only past that (so the million-word run repeats its first fifth). Both
sides get the same list of turns:

- Podium: :func:`podium.phrases.tally` with ``ns=(1, 2, 3)`` (its whole text pipeline: stage
  directions, sentence runs, numbers, possessives, case, hyphens, per-turn counts);
- scikit-learn: ``CountVectorizer(ngram_range=(1, 3)).fit_transform`` (lower-casing, its
  default token pattern, a document-term matrix).

Each is timed as the best of 3 runs (1 run at a million words and above), Podium's per-word caches
cleared before every run so that each run pays for every distinct word; throughput is words
(:func:`podium.text.words`) per second of CPU time (``time.process_time``: both sides run on one
core, and CPU time is steadier than wall time on a shared machine). scikit-learn is a benchmark-only dependency
(requirements-dev.txt).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from podium import phrases, text  # noqa: E402
from podium.model import ParseError  # noqa: E402
from podium.parse import parse_bytes  # noqa: E402
from podium.phrases import tally  # noqa: E402
from podium.text import DecodeError  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
EVAL = ROOT.parent / "shared" / "eval"


def corpus_turns() -> list[tuple[str, int]]:
    """Every parsed turn of the corpus as (text, words), in file order."""
    turns = []
    for path in sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix not in {".tsv", ".md"}):
        try:
            transcript = parse_bytes(path.read_bytes(), name=path.name)
        except (DecodeError, ParseError):
            continue
        turns.extend(zip(transcript.turns["text"], transcript.turns["n_words"], strict=True))
    import pandas as pd

    from podium.text import words

    timed = pd.read_csv(EVAL / "timed" / "marg_turns_aligned.csv")["text"]
    interviews = pd.read_parquet(EVAL / "qevasion" / "train.parquet")
    qa = pd.unique(pd.concat([interviews["interview_question"], interviews["interview_answer"]]).dropna())
    turns.extend((text, len(words(text))) for text in [*timed, *qa])
    turns = [t for t in turns if t[1]]
    random.Random(0).shuffle(turns)
    return turns


def sample(turns: list[tuple[str, int]], n_words: int) -> list[str]:
    out, total, i = [], 0, 0
    while total < n_words:
        text, n = turns[i % len(turns)]
        out.append(text)
        total += n
        i += 1
    return out


def clear_caches() -> None:
    """Forget every word Podium has tokenised (the caches a long-running dashboard keeps)."""
    for cached in (
        phrases._word_ids,
        phrases._caps_word_ids,
        text._mid_sentence_parts,
        text._mid_sentence_parts_caps,
        text.phrase_token_parts,
    ):
        cached.cache_clear()
    for single in (phrases._SINGLE_IDS, phrases._SINGLE_CAPS_IDS):  # the look-ups in front of them
        single.clear()
        single[phrases.RUN_BREAK] = 0


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        clear_caches()
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def main(sizes: list[int]) -> None:
    from sklearn.feature_extraction.text import CountVectorizer

    turns = corpus_turns()
    tally(["Warm-up: imports and regular expressions are loaded once, outside the timings."])
    print(f"corpus: {len(turns):,} turns, {sum(n for _, n in turns):,} words")
    header = ["words", "turns", "podium s", "sklearn s", "podium w/s", "sklearn w/s", "ratio"]
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, [10, 8, 9, 10, 11, 12, 6], strict=True)))
    for size in sizes:
        texts = sample(turns, size)
        repeat = 1 if size >= 1_000_000 else 3
        ours = best_of(lambda: tally(texts, ns=(1, 2, 3)), repeat)  # noqa: B023
        theirs = best_of(lambda: CountVectorizer(ngram_range=(1, 3)).fit_transform(texts), repeat)  # noqa: B023
        print(
            f"{size:>10,} {len(texts):>8,} {ours:>9.2f} {theirs:>10.2f} {size / ours:>11,.0f} "
            f"{size / theirs:>12,.0f} {theirs / ours:>6.2f}"
        )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000])

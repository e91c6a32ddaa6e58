"""Parse and every analysis behind every page on 10k, 100k and 1M words of real transcript text.

The text is built by concatenating the labelled-text briefings, debates and hearings of the
shared corpus (each file's text, repeated in turn until the word count is reached, cut at a
paragraph). Each size runs in a fresh process (so peak RSS is its own): it parses the bytes and
computes every exported table (:func:`podium.export.tables`), as ``python -m podium export``
does. Prints time, words per second, peak RSS, and the growth of time per 10x words.

Usage: python bench/scale.py [--distinct] [WORDS ...]   (default 10000 100000 1000000)

``--distinct`` makes repeated turns' texts differ (see :func:`corpus_text`): without it the repeated
corpus turns are measured and tokenised once, which real transcripts do not allow.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = ["statedept", "whitehouse", "debate", "hearing"]


def corpus_text(n_words: int, *, distinct: bool = False) -> bytes:
    """About ``n_words`` words of real labelled transcript text (UTF-8).

    The corpus files hold about 50,000 words of turns, so a million words repeats them about 19
    times, and identical turns are measured once. With ``distinct``, each paragraph of the k-th
    repeat (k >= 1) ends with the number k, so that repeated turns' texts differ (most do: 3,275
    distinct texts of 7,363 turns at a million words, against 352 without).
    """
    from podium.text import decode_bytes, words

    texts = []
    for folder in SOURCES:
        for path in sorted((CORPUS / folder).glob("*")):
            if path.suffix in {".txt", ".md"}:
                texts.append(decode_bytes(path.read_bytes())[0])
    out: list[str] = []
    total = 0
    repeat = 0
    while total < n_words:
        for text in texts:
            for paragraph in text.split("\n\n"):
                out.append(f"{paragraph} {repeat}" if distinct and repeat and paragraph.strip() else paragraph)
                total += len(words(paragraph))
                if total >= n_words:
                    break
            if total >= n_words:
                break
        repeat += 1
    return "\n\n".join(out).encode()


def child(n_words: int, distinct: bool = False) -> None:
    from podium.export import tables
    from podium.parse import parse_bytes

    seed = (ROOT / "data" / "blinken_nato_open_door.txt").read_bytes()
    tables(parse_bytes(seed, name="warm-up.txt"))  # one-time costs (imports, stopword lists) are not per word
    data = corpus_text(n_words, distinct=distinct)
    t0, c0 = time.perf_counter(), time.process_time()
    transcript = parse_bytes(data, name=f"corpus_{n_words}.txt")
    t1, c1 = time.perf_counter(), time.process_time()
    tables(transcript)
    t2, c2 = time.perf_counter(), time.process_time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"words": int(transcript.turns["n_words"].sum()), "turns": len(transcript.turns),
                      "distinct_turns": int(transcript.turns["text"].nunique()),
                      "parse_s": t1 - t0, "tables_s": t2 - t1, "parse_cpu_s": c1 - c0, "cpu_s": c2 - c0,
                      "peak_mb": peak}))


def main(sizes: list[int], distinct: bool = False) -> None:
    rows = []
    for n in sizes:
        command = [sys.executable, __file__, "--child", str(n)] + (["--distinct"] if distinct else [])
        out = subprocess.run(command, capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(
        f"{'words':>10} {'turns':>8} {'distinct':>8} {'parse':>8} {'tables':>8} {'total':>8} {'words/s':>10} "
        f"{'CPU':>7} {'peak RSS':>9} growth"
    )
    previous = None
    for row in rows:
        total = row["parse_s"] + row["tables_s"]
        growth = f"{total / previous:5.1f}x" if previous else ""
        print(
            f"{row['words']:>10,} {row['turns']:>8,} {row['distinct_turns']:>8,} {row['parse_s']:>7.2f}s "
            f"{row['tables_s']:>7.2f}s {total:>7.2f}s "
            f"{row['words'] / total:>10,.0f} {row['cpu_s']:>6.2f}s {row['peak_mb']:>7.0f}MB {growth}"
        )
        previous = total


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--distinct"]
    if len(args) > 1 and args[0] == "--child":
        child(int(args[1]), "--distinct" in sys.argv)
    else:
        main([int(a) for a in args] or [10_000, 100_000, 1_000_000], "--distinct" in sys.argv)

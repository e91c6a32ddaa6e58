"""Archive at scale: build a synthetic archive of ~10 M words, index it into DuckDB, time the queries.

Usage: python bench/archive_scale.py [--words 10000000] [--out DIR] [--workers 2] [--keep]

The archive is made by resampling the turns of the real corpus (``../shared/corpus``): every
synthetic transcript is a dated briefing ("Press briefing, March 3, 2015") of turns drawn at random
from the corpus, spoken by a cast of 40 recurring speakers whose share of the floor drifts over the
15 years (2010-2024), written as ``NAME: text`` files. Indexing goes through the real parser
(``python -m podium index`` does the same), so the figure is what a reporter would see.

Prints: words and files, indexing time and words per second, peak memory of the indexing process
and of its workers, database size, and the time of each query (first run and repeat).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from podium import archive
from podium.parse import read_transcript

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
MONTHS = "January February March April May June July August September October November December".split()


def turn_pool() -> list[str]:
    """Texts of every turn in the corpus with at least 5 words, on one line each."""
    pool = []
    for path in sorted(CORPUS.rglob("*")):
        if not path.is_file() or (path.suffix in (".md", ".tsv") and path.parent == CORPUS):
            continue
        try:
            transcript = read_transcript(path)
        except Exception:
            continue
        for text, n in zip(transcript.turns["text"], transcript.turns["n_words"], strict=True):
            if n >= 5:
                pool.append(" ".join(text.split()).replace(":", ","))
    return pool


def build(out: Path, n_words: int, seed: int = 11) -> tuple[int, int]:
    """Write synthetic transcripts to ``out`` until about ``n_words`` words; return (files, words written)."""
    rng = random.Random(seed)
    pool = turn_pool()
    sizes = [len(t.split()) for t in pool]
    cast = [f"SPEAKER {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(40)]
    start, days = date(2010, 1, 1), 15 * 365
    out.mkdir(parents=True, exist_ok=True)
    written = files = 0
    while written < n_words:
        day = start + timedelta(days=rng.randrange(days))
        drift = (day - start).days / days  # 0 .. 1: the cast's weights move over the years
        weights = [1 + 4 * (drift if i % 2 else 1 - drift) for i in range(len(cast))]
        podium_speaker = rng.choices(cast[:6], weights=weights[:6])[0]
        lines = [f"Press briefing, {MONTHS[day.month - 1]} {day.day}, {day.year}", ""]
        words = 0
        target = rng.randrange(2000, 8000)
        while words < target:
            i = rng.randrange(len(pool))
            speaker = (
                "Q" if rng.random() < 0.4 else (podium_speaker if rng.random() < 0.7 else rng.choices(cast, weights)[0])
            )
            lines.append(f"{speaker}: {pool[i]}")
            lines.append("")
            words += sizes[i]
        (out / f"{day.year}" / f"briefing_{files:06d}.txt").parent.mkdir(exist_ok=True)
        (out / f"{day.year}" / f"briefing_{files:06d}.txt").write_text("\n".join(lines), encoding="utf-8")
        written += words
        files += 1
    return files, written


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, fn, repeat: int = 2):
    times = []
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    print(f"  {label:<48} first {times[0] * 1000:7.0f} ms   repeat {min(times[1:]) * 1000:7.0f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000_000)
    parser.add_argument(
        "--out", type=Path, default=None, help="folder for the synthetic files (default: a temp folder)"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the files and database")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="podium-archive-"))
    files_dir, db = out / "files", out / "archive.duckdb"
    db.unlink(missing_ok=True)

    t0 = time.perf_counter()
    n_files, n_words = build(files_dir, args.words)
    size = sum(p.stat().st_size for p in files_dir.rglob("*.txt"))
    print(f"built {n_files:,} files, {n_words:,} words, {size / 2**20:,.0f} MiB in {time.perf_counter() - t0:.0f} s")

    load_before = os.getloadavg()[0]
    cpu_before = _cpu_seconds()
    report = archive.index_archive(files_dir, db, workers=args.workers)
    cpu = _cpu_seconds() - cpu_before
    main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"indexed {len(report.indexed):,} files, {report.n_words:,} words (as parsed) in {report.seconds:.1f} s: "
        f"{report.words_per_second:,.0f} words/s with {args.workers} workers; {len(report.failed)} failed"
    )
    print(
        f"CPU time {cpu:.0f} s (all processes): {report.n_words / cpu:,.0f} words per CPU-second, so about "
        f"{args.workers * report.n_words / cpu:,.0f} words/s on {args.workers} idle cores; "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after (other jobs share the machine)"
    )
    print(
        f"peak memory: indexing process {main_peak:,.0f} MiB, largest worker {worker_peak:,.0f} MiB "
        f"(text on disk {size / 2**20:,.0f} MiB); database {db.stat().st_size / 2**20:,.0f} MiB"
    )
    again = archive.index_archive(files_dir, db, workers=args.workers)
    print(f"re-run with nothing changed: {again.seconds:.1f} s ({len(again.unchanged):,} unchanged)")

    con = archive.connect(db, read_only=True)
    print("queries (DuckDB, read-only connection):")
    for phrase in ("ukraine", "thank you", "the american people", "ceasefire"):
        total, _ = timed(f"phrase search “{phrase}” (200 hits)", lambda p=phrase: archive.phrase_search(con, p))
        print(f"    {total:,} occurrences")
        timed(f"trend per month and speaker “{phrase}”", lambda p=phrase: archive.phrase_trend(con, p))
    timed("talk share per month, top 6 speakers", lambda: archive.talk_share_trend(con))
    timed("top 30 two-word phrases", lambda: archive.top_phrases(con))
    timed("archive summary", lambda: archive.summary(con))
    con.close()
    if not args.keep and args.out is None:
        shutil.rmtree(out)


if __name__ == "__main__":
    main()

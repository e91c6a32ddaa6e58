"""How good is talk time estimated from words? Compare with force-aligned debate turns.

Reads ../shared/eval/timed/marg_turns_aligned.csv (M-Arg: 2020 US presidential and vice-presidential
debates and town halls, every sentence aligned to the audio), counts each turn's words with Podium's
own word rule, estimates each speaker's talk time at a words-per-minute rate and prints the error
against the aligned durations.

Usage: python bench/talk_time_accuracy.py [WPM ...]   (default: podium's DEFAULT_WPM)
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from podium.talk_time import DEFAULT_WPM  # noqa: E402
from podium.text import normalise_text, words  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "timed" / "marg_turns_aligned.csv"


def main() -> None:
    rates = [float(a) for a in sys.argv[1:]] or [DEFAULT_WPM]
    turns = pd.read_csv(DATA)
    turns = turns.assign(n_words_podium=turns["text"].map(lambda t: len(words(normalise_text(str(t))))))
    total_words = int(turns["n_words_podium"].sum())
    total_s = float(turns["duration_s"].sum())
    print(f"{len(turns)} aligned turns, {total_words:,} words (Podium's count), {total_s / 3600:.2f} h")
    print(f"measured rate: {60 * total_words / total_s:.1f} words per minute (pauses included)\n")
    per_speaker = turns.groupby("speaker").agg(words=("n_words_podium", "sum"), real_s=("duration_s", "sum"))
    per_speaker = per_speaker[per_speaker["real_s"] > 120]
    for wpm in rates:
        est = per_speaker["words"] * 60 / wpm
        err = (est - per_speaker["real_s"]) / per_speaker["real_s"]
        print(f"at {wpm:g} wpm, talk time per speaker (speakers with > 2 min):")
        table = per_speaker.assign(est_s=est.round(0), error_pct=(100 * err).round(1)).sort_values(
            "real_s", ascending=False
        )
        print(table.to_string())
        print(f"  median absolute error {100 * err.abs().median():.1f}%, worst {100 * err.abs().max():.1f}%")
        share_real = per_speaker["real_s"] / per_speaker["real_s"].sum()
        share_est = est / est.sum()
        print(f"  largest error in share of talk time: {100 * (share_est - share_real).abs().max():.1f} points\n")


if __name__ == "__main__":
    main()

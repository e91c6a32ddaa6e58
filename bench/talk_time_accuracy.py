"""How good is talk time estimated from words? Fit estimators on some debates, measure them on others.

Reads ../shared/eval/timed/marg_turns_aligned.csv (M-Arg: the 2020 US presidential and vice-presidential
debates and two town halls, every sentence force-aligned to the audio; durations include the pauses
inside and after a turn). Counts each turn's words and sentences with Podium's own rules
(podium.text.words, podium.talk_time.count_sentences), then compares estimators of per-speaker talk time:

- "190 wpm": the old fixed rate, no fitting;
- "rate": one words-per-minute rate fitted on the training events;
- "words+sentences": seconds = a * words + b * sentences, least squares on the training events' turns
  (Podium's estimator: a = 60 / DEFAULT_WPM, b = SENTENCE_S);
- "words+turn", "words+sentences+turn", "syllables+turn": further candidates, a constant per turn
  and a vowel-group syllable count.

Two measurements, never on the events a model was fitted on:
1. the product split: fit on the 1st and 2nd presidential debates and the Trump town hall, measure on
   the vice-presidential debate and the Biden town hall (Podium's constants come from this fit);
2. leave one event out: fit on four events, measure on the fifth, for each of the five.

Per event, each speaker with more than 2 minutes of real talk time is scored: absolute percentage error
of talk time, and the absolute error of their share of the event's talk time in percentage points.

Usage: python bench/talk_time_accuracy.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from podium.talk_time import DEFAULT_WPM, SENTENCE_S, count_sentences, estimate_seconds  # noqa: E402
from podium.text import normalise_text, words  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "timed" / "marg_turns_aligned.csv"
TRAIN = (
    "us_election_2020_1st_presidential_debate",
    "us_election_2020_2nd_presidential_debate",
    "us_election_2020_trump_town_hall",
)
MIN_REAL_S = 120.0


def _syllables(word: str) -> int:
    w = re.sub(r"[^a-z]", "", word.lower())
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", re.sub(r"^y", "", w))))


def load() -> pd.DataFrame:
    turns = pd.read_csv(DATA)
    text = turns["text"].map(lambda t: normalise_text(str(t)))
    tokens = text.map(words)
    return turns.assign(
        event=turns["audio_part"].str.replace(r"_part\d+$|_\d+$", "", regex=True),
        words=tokens.map(len).astype(float),
        sentences=text.map(count_sentences).astype(float),
        syllables=tokens.map(lambda ws: sum(_syllables(w) for w in ws)).astype(float),
        one=1.0,
    )


def _least_squares(columns: list[str]):
    def fit(train: pd.DataFrame):
        coef, *_ = np.linalg.lstsq(train[columns].to_numpy(float), train["duration_s"].to_numpy(float), rcond=None)
        return lambda test: np.maximum(test[columns].to_numpy(float) @ coef, test["words"].to_numpy(float) * 0.15)

    return fit


def _rate(train: pd.DataFrame):
    seconds_per_word = train["duration_s"].sum() / train["words"].sum()
    return lambda test: test["words"].to_numpy(float) * seconds_per_word


def _fixed(train: pd.DataFrame):
    return lambda test: test["words"].to_numpy(float) * 60 / 190


def _podium(train: pd.DataFrame):
    """Podium's shipped estimator with its shipped constants (fitted on TRAIN)."""
    return lambda test: estimate_seconds(test["words"].to_numpy(), test["sentences"].to_numpy(), wpm=DEFAULT_WPM)


ESTIMATORS = {
    "190 wpm": _fixed,
    "rate": _rate,
    "words+sentences": _least_squares(["words", "sentences"]),
    "words+turn": _least_squares(["words", "one"]),
    "words+sentences+turn": _least_squares(["words", "sentences", "one"]),
    "syllables+turn": _least_squares(["syllables", "one"]),
}


def score(test: pd.DataFrame, estimate: np.ndarray) -> pd.DataFrame:
    """Per speaker of each test event: real and estimated seconds, % error, share error (points)."""
    per = (
        test.assign(est_s=estimate)
        .groupby(["event", "speaker"])
        .agg(real_s=("duration_s", "sum"), est_s=("est_s", "sum"))
        .reset_index()
    )
    per["share_real"] = per["real_s"] / per.groupby("event")["real_s"].transform("sum")
    per["share_est"] = per["est_s"] / per.groupby("event")["est_s"].transform("sum")
    per = per[per["real_s"] > MIN_REAL_S].copy()
    per["ape_pct"] = 100 * (per["est_s"] - per["real_s"]).abs() / per["real_s"]
    per["share_err_pts"] = 100 * (per["share_est"] - per["share_real"]).abs()
    return per


def summary(per: pd.DataFrame) -> str:
    return (
        f"MAPE {per['ape_pct'].mean():5.1f}%  median {per['ape_pct'].median():5.1f}%"
        f"  worst {per['ape_pct'].max():5.1f}%"
        f" | share error mean {per['share_err_pts'].mean():.2f} pts, worst {per['share_err_pts'].max():.2f} pts"
        f"  ({len(per)} speaker-events)"
    )


def main() -> None:
    turns = load()
    events = sorted(turns["event"].unique())
    print(f"{len(turns)} aligned turns in {len(events)} events, {int(turns['words'].sum()):,} words (Podium's count)")
    train, test = turns[turns["event"].isin(TRAIN)], turns[~turns["event"].isin(TRAIN)]
    a, b = np.linalg.lstsq(train[["words", "sentences"]].to_numpy(float), train["duration_s"].to_numpy(float))[0]
    print(f"words+sentences fitted on the training events: {60 / a:.1f} words per minute, {b:+.3f} s per sentence")
    print(f"Podium ships DEFAULT_WPM = {DEFAULT_WPM:g}, SENTENCE_S = {SENTENCE_S:+g}\n")

    print("1. Product split: fit on", ", ".join(TRAIN), "\n   measure on", ", ".join(sorted(set(events) - set(TRAIN))))
    for name, fit in {**ESTIMATORS, "Podium (shipped constants)": _podium}.items():
        print(f"   {name:27s} {summary(score(test, fit(train)(test)))}")
    shipped = score(test, _podium(train)(test))
    print("\n   Podium's estimate per held-out speaker:")
    print(shipped[["event", "speaker", "real_s", "est_s", "ape_pct", "share_err_pts"]].round(1).to_string(index=False))

    print("\n2. Leave one event out (fit on four events, measure on the fifth):")
    for name, fit in ESTIMATORS.items():
        per = pd.concat(
            [
                score(turns[turns["event"] == e], fit(turns[turns["event"] != e])(turns[turns["event"] == e]))
                for e in events
            ]
        )
        print(f"   {name:27s} {summary(per)}")


if __name__ == "__main__":
    main()

"""How good is talk time estimated from words? Fit estimators on some debates, measure them on others.

Reads ../shared/eval/timed/marg_turns_aligned.csv (M-Arg: the 2020 US presidential and vice-presidential
debates and two town halls, every sentence force-aligned to the audio; durations include the pauses
inside and after a turn). Counts each turn's words and sentences with Podium's own rules
(podium.text.words, podium.talk_time.count_sentences) and other features a transcript without
timestamps has (syllables, characters, questions, commas, cut-offs, number tokens, the speaker's role
as Podium infers it, turn length), then compares every estimator of per-speaker talk time tried for
Podium (:data:`CANDIDATES`, 44 of them: each one was measured against the held-out events, so the best
held-out figure among them flatters by selection; the leave-one-event-out and external columns check it).

Fitting methods:
- "turns": least squares on each turn's duration;
- "speakers": least squares on the relative error of each training speaker's total talk time
  (speakers with more than 2 minutes), the measure the estimate is judged by (Podium's estimator:
  seconds = a * words + b * sentences fitted this way, shipped as podium.talk_time.DEFAULT_WPM and
  SENTENCE_WORDS);
- "speakers, floor-aware": the same, minimised numerically with the floor of 400 words per minute
  (or 300) applied while fitting.
Every fitted estimate is floored at 400 words per minute, as Podium's is (the "turns" fits at 0.15 s
per word, the same).

Three measurements, never on the events a model was fitted on:
1. the product split: fit on the 1st and 2nd presidential debates and the Trump town hall, measure on
   the vice-presidential debate and the Biden town hall (Podium's constants come from this fit);
2. leave one event out: fit on four events, measure on the fifth, for each of the five;
3. external: fitted on the product split's training events, measured on two Otter.ai exports in
   ../shared/corpus/otter (the 2024 Harris-Trump and 2016 NBC Democratic debates), whose turns are
   timed from one start to the next (so they include the gaps after a turn; gaps slower than 60 words
   per minute, the commercial breaks, are left out) and punctuated by Otter, not by the M-Arg transcriber.

Per event, each speaker with more than 2 minutes of real talk time is scored: absolute percentage error
of talk time, and the absolute error of their share of the event's talk time in percentage points.
A last section fits the shipped form (words + sentences) on the held-out events themselves to show the
best share error that form could reach there at all.

Usage: python bench/talk_time_accuracy.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from podium.parse import parse_text  # noqa: E402
from podium.questions import count_questions  # noqa: E402
from podium.roles import infer_roles  # noqa: E402
from podium.speakers import infer_role  # noqa: E402
from podium.talk_time import (  # noqa: E402
    DEFAULT_WPM,
    REFERENCE_SENTENCE_WORDS,
    SENTENCE_WORDS,
    count_sentences,
    estimate_seconds,
)
from podium.text import CUT_OFF_RE, normalise_text, words  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "timed" / "marg_turns_aligned.csv"
OTTER = [
    ROOT.parent / "shared" / "corpus" / "otter" / n
    for n in ("otter_debate_harris_trump_2024.txt", "otter_nbc_dem_debate_2016.txt")
]
TRAIN = (
    "us_election_2020_1st_presidential_debate",
    "us_election_2020_2nd_presidential_debate",
    "us_election_2020_trump_town_hall",
)
MIN_REAL_S = 120.0
FLOOR_S_PER_WORD = 0.15  # 400 words per minute


def _syllables(word: str) -> int:
    w = re.sub(r"[^a-z]", "", word.lower())
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", re.sub(r"^y", "", w))))


def features(turns: pd.DataFrame) -> pd.DataFrame:
    """Add the features of every candidate to a table with ``text``, ``speaker``, ``event``, ``duration_s``."""
    text = turns["text"].map(lambda t: normalise_text(str(t)))
    tokens = text.map(words)
    n = tokens.map(len).astype(float)
    out = turns.assign(
        words=n,
        sentences=text.map(count_sentences).astype(float),
        syllables=tokens.map(lambda ws: sum(_syllables(w) for w in ws)).astype(float),
        chars=tokens.map(lambda ws: sum(len(w) for w in ws)).astype(float),
        questions=text.map(count_questions).astype(float),
        commas=text.str.count(",").astype(float),
        cutoff=text.map(lambda s: float(bool(CUT_OFF_RE.search(s)))),
        numbers=tokens.map(lambda ws: float(sum(bool(re.search(r"\d", w)) for w in ws))),
        one=1.0,
        logw=np.log1p(n),
        sqrtw=np.sqrt(n),
    )
    for k in (5, 10, 15, 20, 25, 50):
        out[f"first{k}"] = np.minimum(n, k)
    for k in (25, 50, 100, 150, 200):
        out[f"over{k}"] = np.maximum(0.0, n - k)
    # the asking side as Podium infers it, event by event (labels first, then behaviour)
    roles = []
    for _, g in out.groupby("event", sort=False):
        frame = g.assign(role=g["speaker"].map(infer_role), n_words=g["words"].astype(int), n_questions=g["questions"])
        roles.append(infer_roles(frame)[0]["role"])
    asker = (pd.concat(roles).reindex(out.index) == "question").astype(float)
    asks = (out["questions"] > 0).astype(float)
    return out.assign(
        asker_words=out["words"] * asker,
        other_words=out["words"] * (1 - asker),
        asker_sentences=out["sentences"] * asker,
        other_sentences=out["sentences"] * (1 - asker),
        asking_turn_words=out["words"] * asks,
        other_turn_words=out["words"] * (1 - asks),
    )


def load() -> pd.DataFrame:
    turns = pd.read_csv(DATA)
    return features(turns.assign(event=turns["audio_part"].str.replace(r"_part\d+$|_\d+$", "", regex=True)))


def load_otter() -> pd.DataFrame:
    frames = []
    for path in OTTER:
        turns = parse_text(path.read_text(encoding="utf-8"), name=path.name).turns
        d = turns.assign(event=path.stem, duration_s=turns["end_s"] - turns["start_s"])
        frames.append(d[(d["n_words"] > 0) & (d["n_words"] * 60 / d["duration_s"] > 60)])
    return features(pd.concat(frames, ignore_index=True)[["event", "speaker", "text", "duration_s"]])


def _floor(test: pd.DataFrame, seconds: np.ndarray) -> np.ndarray:
    return np.maximum(seconds, test["words"].to_numpy(float) * FLOOR_S_PER_WORD)


def turns_fit(columns: list[str]):
    """Least squares on turn durations."""

    def fit(train: pd.DataFrame):
        coef, *_ = np.linalg.lstsq(train[columns].to_numpy(float), train["duration_s"].to_numpy(float), rcond=None)
        return lambda test: _floor(test, test[columns].to_numpy(float) @ coef)

    return fit


def _speaker_totals(train: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    totals = train.groupby(["event", "speaker"])[[*columns, "duration_s"]].sum()
    return totals[totals["duration_s"] > MIN_REAL_S]


def speakers_fit(columns: list[str]):
    """Least squares on the relative error of each training speaker's total talk time."""

    def fit(train: pd.DataFrame):
        totals = _speaker_totals(train, columns)
        weights = 1 / totals["duration_s"].to_numpy()
        coef, *_ = np.linalg.lstsq(totals[columns].to_numpy(float) * weights[:, None], np.ones(len(totals)), rcond=None)
        return lambda test: _floor(test, test[columns].to_numpy(float) @ coef)

    return fit


def speakers_fit_floor_aware(columns: list[str], floor_wpm: float):
    """As :func:`speakers_fit`, minimised numerically with the floor applied while fitting."""

    def fit(train: pd.DataFrame):
        x, w = train[columns].to_numpy(float), train["words"].to_numpy(float) * 60 / floor_wpm
        codes, _ = pd.factorize(train["event"] + "|" + train["speaker"])
        real = np.bincount(codes, weights=train["duration_s"].to_numpy(float))
        keep = real > MIN_REAL_S

        def loss(c):
            est = np.bincount(codes, weights=np.maximum(x @ c, w))
            return np.mean(((est - real) / real)[keep] ** 2)

        totals = _speaker_totals(train, columns)
        weights = 1 / totals["duration_s"].to_numpy()
        start = np.linalg.lstsq(totals[columns].to_numpy(float) * weights[:, None], np.ones(len(totals)), rcond=None)[0]
        coef = minimize(loss, start, method="Nelder-Mead", options={"xatol": 1e-5, "fatol": 1e-10, "maxiter": 4000}).x
        return lambda test: np.maximum(
            test[columns].to_numpy(float) @ coef, test["words"].to_numpy(float) * 60 / floor_wpm
        )

    return fit


def _rate(train: pd.DataFrame):
    seconds_per_word = train["duration_s"].sum() / train["words"].sum()
    return lambda test: test["words"].to_numpy(float) * seconds_per_word


def _fixed(train: pd.DataFrame):
    return lambda test: test["words"].to_numpy(float) * 60 / 190


def _previous(train: pd.DataFrame):
    """Podium's estimator before this one: 176 words per minute less 0.35 s per sentence (fitted on TRAIN's turns)."""
    return lambda test: _floor(
        test, test["words"].to_numpy(float) * 60 / 176 - 0.35 * test["sentences"].to_numpy(float)
    )


def _podium(train: pd.DataFrame):
    """Podium's shipped estimator with its shipped constants (fitted on TRAIN)."""
    return lambda test: estimate_seconds(test["words"].to_numpy(), test["sentences"].to_numpy(), wpm=DEFAULT_WPM)


W, S = "words", "sentences"
#: Every estimator tried, in the order tried (the first six before this round). Names say the features
#: and, after a colon, the fitting method.
CANDIDATES = {
    "190 wpm (no fit)": _fixed,
    "one rate": _rate,
    "words+sentences: turns": turns_fit([W, S]),
    "words+turn: turns": turns_fit([W, "one"]),
    "words+sentences+turn: turns": turns_fit([W, S, "one"]),
    "syllables+turn: turns": turns_fit(["syllables", "one"]),
    # per role (Podium's inferred asking side)
    "asker/other words+sentences: turns": turns_fit(["asker_words", "other_words", S]),
    "asker/other words+asker/other sentences: turns": turns_fit(
        ["asker_words", "other_words", "asker_sentences", "other_sentences"]
    ),
    # long turns slower
    **{f"words+sentences+over{k}: turns": turns_fit([W, S, f"over{k}"]) for k in (50, 100, 150, 200)},
    "words+sentences+log(words): turns": turns_fit([W, S, "logw"]),
    "words+sentences+questions: turns": turns_fit([W, S, "questions"]),
    "words+sentences+commas: turns": turns_fit([W, S, "commas"]),
    "words+sentences+cut-off: turns": turns_fit([W, S, "cutoff"]),
    "words+sentences+characters: turns": turns_fit([W, S, "chars"]),
    # short-turn vs long-turn rates
    "first25+over25: turns": turns_fit(["first25", "over25"]),
    "first25+over25+sentences: turns": turns_fit(["first25", "over25", S]),
    "first10+over10+sentences: turns": turns_fit(["first10", W, S]),
    "first50+over50: turns": turns_fit(["first50", "over50"]),
    "words+sqrt(words): turns": turns_fit([W, "sqrtw"]),
    "words+sentences+sqrt(words): turns": turns_fit([W, S, "sqrtw"]),
    "words+log(words): turns": turns_fit([W, "logw"]),
    "words+sentences+log(words)+questions: turns": turns_fit([W, S, "logw", "questions"]),
    "syllables+sentences+log(words): turns": turns_fit(["syllables", S, "logw"]),
    "words+syllables+sentences+log(words): turns": turns_fit([W, "syllables", S, "logw"]),
    "first10+words+sentences+turn: turns": turns_fit(["first10", W, S, "one"]),
    "first5+words+sentences: turns": turns_fit(["first5", W, S]),
    "first15+words+sentences: turns": turns_fit(["first15", W, S]),
    "first20+words+sentences: turns": turns_fit(["first20", W, S]),
    # turns that ask read faster?
    "asking-turn/other words+sentences: turns": turns_fit(["asking_turn_words", "other_turn_words", S]),
    "first10+asking-turn/other words+sentences: turns": turns_fit(
        ["first10", "asking_turn_words", "other_turn_words", S]
    ),
    # fitted on speakers' totals
    "words+sentences: speakers (SHIPPED)": speakers_fit([W, S]),
    "first10+words+sentences: speakers": speakers_fit(["first10", W, S]),
    "words+sentences+turn: speakers": speakers_fit([W, S, "one"]),
    "words+sentences: speakers, floor-aware 400 wpm": speakers_fit_floor_aware([W, S], 400),
    "words+sentences: speakers, floor-aware 300 wpm": speakers_fit_floor_aware([W, S], 300),
    "one rate: speakers": speakers_fit([W]),
    "words+sentences+log(words): speakers": speakers_fit([W, S, "logw"]),
    "words+sentences+over100: speakers": speakers_fit([W, S, "over100"]),
    "words+sentences+questions: speakers": speakers_fit([W, S, "questions"]),
    "words+sentences+syllables: speakers": speakers_fit([W, S, "syllables"]),
    "words+sentences+commas: speakers": speakers_fit([W, S, "commas"]),
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


def _cell(per: pd.DataFrame) -> str:
    return f"{per['ape_pct'].mean():5.1f}% {per['share_err_pts'].mean():4.2f}"


def main() -> None:
    turns, otter = load(), load_otter()
    events = sorted(turns["event"].unique())
    train, test = turns[turns["event"].isin(TRAIN)], turns[~turns["event"].isin(TRAIN)]
    print(f"{len(turns)} aligned turns in {len(events)} events, {int(turns['words'].sum()):,} words (Podium's count)")
    print("Product split: fit on", ", ".join(TRAIN), "\n  measure on", ", ".join(sorted(set(events) - set(TRAIN))))
    names = ", ".join(p.stem for p in OTTER)
    print(f"External: {len(otter)} Otter turns ({names}), fitted on the product split's training events")
    totals = _speaker_totals(train, [W, S])
    a, b = np.linalg.lstsq(
        totals[[W, S]].to_numpy(float) / totals[["duration_s"]].to_numpy(), np.ones(len(totals)), rcond=None
    )[0]
    print(
        f"Shipped form fitted on speakers' totals of the training events: {a:.4f} s per word, {b:+.3f} s per sentence"
    )
    per_word = 60 / (DEFAULT_WPM * (1 - SENTENCE_WORDS / REFERENCE_SENTENCE_WORDS))
    print(
        f"Podium ships DEFAULT_WPM = {DEFAULT_WPM:g} (a {REFERENCE_SENTENCE_WORDS:g}-word sentence), "
        f"SENTENCE_WORDS = {SENTENCE_WORDS:g}: {per_word:.4f} s per word, "
        f"{-SENTENCE_WORDS * per_word:+.3f} s per sentence\n"
    )
    print("MAPE of per-speaker talk time, mean share error (points):")
    print(f"  {'estimator':52s} {'product split':>13s}   {'leave one out':>13s}   {'external Otter':>14s}")
    fixed = {"Podium before (176 wpm, -0.35 s a sentence)": _previous, "Podium (shipped constants)": _podium}
    for name, fit in {**CANDIDATES, **fixed}.items():
        if fit in fixed.values():  # fixed constants, fitted on three of the five events: no leave-one-out
            loo_cell = f"{'n/a':>13s}"
        else:
            loo_cell = _cell(
                pd.concat(
                    [
                        score(turns[turns["event"] == e], fit(turns[turns["event"] != e])(turns[turns["event"] == e]))
                        for e in events
                    ]
                )
            )
        fitted = fit(train)
        print(f"  {name:52s} {_cell(score(test, fitted(test)))}   {loo_cell}   {_cell(score(otter, fitted(otter)))}")
    n_tried = len(CANDIDATES)
    print(f"\n{n_tried} estimators tried against the held-out events (plus the shipped constants).")

    for label, data in (("product split", test), ("external Otter debates", otter)):
        per = score(data, _podium(train)(data))
        print(
            f"\nPodium (shipped constants), {label}: worst {per['ape_pct'].max():.1f}%, "
            f"worst share error {per['share_err_pts'].max():.2f} pts"
        )
        print(per[["event", "speaker", "real_s", "est_s", "ape_pct", "share_err_pts"]].round(1).to_string(index=False))

    x = test[[W, S]].to_numpy(float)
    best = min(
        (
            minimize(
                lambda c: score(test, _floor(test, x @ c))["share_err_pts"].mean(),
                np.array([0.34, -0.34]) * (1 + 0.3 * np.random.default_rng(seed).standard_normal(2)),
                method="Nelder-Mead",
                options={"maxiter": 4000, "xatol": 1e-6, "fatol": 1e-8},
            )
            for seed in range(4)
        ),
        key=lambda r: r.fun,
    )
    print(
        f"\nBound: words+sentences fitted to minimise the share error on the held-out events themselves "
        f"({best.x[0]:.3f} s per word, {best.x[1]:+.3f} s per sentence): share error {best.fun:.2f} pts"
    )

    alike_bound(test)


def alike_bound(test: pd.DataFrame) -> float:
    """The share error of an oracle that cannot tell speakers with alike text apart, on ``test``.

    The oracle knows every held-out speaker's real talk time, except that two speakers of one event
    whose sentences are of the same length (words per sentence within 5 %) must be given one common
    pace (words per minute, the best one for that event's shares). A text-only estimator sees no
    more than that about the two: whatever it scores, it does no better than this unless some other
    feature of the text separates their paces. Returns the mean share error in points over the
    speakers :func:`score` keeps, and prints the pairs.
    """
    per = score(test, test["duration_s"].to_numpy(float))
    totals = test.groupby(["event", "speaker"])[[W, S, "duration_s"]].sum()
    errors = dict.fromkeys(zip(per["event"], per["speaker"], strict=True), 0.0)
    for event, g in totals.groupby(level="event"):
        kept = [k for k in g.index if k in errors]
        pairs = [
            (a, b)
            for i, a in enumerate(kept)
            for b in kept[i + 1 :]
            if abs(g.loc[a, W] / g.loc[a, S] / (g.loc[b, W] / g.loc[b, S]) - 1) < 0.05
        ]
        for a, b in pairs:
            real = g["duration_s"] / g["duration_s"].sum()

            def loss(wpm, a=a, b=b, g=g, real=real):
                est = g["duration_s"].copy()
                est[[a, b]] = g.loc[[a, b], W] * 60 / wpm
                return (100 * (est / est.sum() - real)).abs()

            rates = np.linspace(100, 300, 20001)
            wpm = rates[int(np.argmin([loss(r).sum() for r in rates]))]
            err = loss(wpm)
            for k in (a, b):
                errors[k] = max(errors[k], float(err[k]))
            print(
                f"\nAlike text, one pace: {a[1]} and {b[1]} ({event}), "
                f"{g.loc[a, W] / g.loc[a, S]:.1f} and {g.loc[b, W] / g.loc[b, S]:.1f} words a sentence, "
                f"real {g.loc[a, W] * 60 / g.loc[a, 'duration_s']:.0f} and "
                f"{g.loc[b, W] * 60 / g.loc[b, 'duration_s']:.0f} wpm; best common pace {wpm:.0f} wpm: "
                f"share errors {err[a]:.2f} and {err[b]:.2f} pts"
            )
    bound = float(np.mean(list(errors.values())))
    print(
        f"Bound: an oracle exact for every other held-out speaker, one pace for alike text: "
        f"mean share error {bound:.2f} pts over {len(errors)} speakers"
    )
    return bound


if __name__ == "__main__":
    main()

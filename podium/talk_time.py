"""Talk time: estimated turn times and per-speaker totals."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["DEFAULT_WPM", "MAX_WPM", "MIN_WPM", "SPEAKER_COLUMNS", "estimate_times", "speaker_table"]

#: Default speaking rate in words per minute for transcripts without timestamps.
#: Measured on the force-aligned 2020 US presidential and vice-presidential
#: debates and town halls of the M-Arg dataset (Mestre et al., 2021; see
#: ``../shared/eval/timed``): 73,800 words (counted by :func:`podium.text.words`) in
#: 6.5 hours of turns, 189 words per minute including the pauses inside and after
#: turns (the dataset's own figure is 3.16 words per second), rounded to 190.
#: ``bench/talk_time_accuracy.py`` measures the error this rate gives per speaker.
DEFAULT_WPM: float = 190.0
#: Bounds accepted for a words-per-minute rate.
MIN_WPM: float = 60.0
MAX_WPM: float = 400.0

#: Columns of :func:`speaker_table`, in order, with their dtypes.
SPEAKER_COLUMNS: dict[str, str] = {
    "speaker": "str",
    "role": "str",
    "n_turns": "int64",
    "n_words": "int64",
    "word_share": "float64",  # fraction of all words, 0..1
    "talk_time_s": "float64",  # seconds
    "first_turn_id": "int64",
}


def estimate_times(turns: pd.DataFrame, *, wpm: float = DEFAULT_WPM) -> pd.DataFrame:
    """Return a copy of ``turns`` with ``start_s`` and ``end_s`` estimated from word counts.

    Turns are laid end to end from 0 s, each lasting ``n_words / wpm * 60`` seconds,
    so the estimate assumes one constant speaking rate and no silence between turns.

    Parameters:
        turns: a turns table with at least ``n_words`` (int), in transcript order.
        wpm: speaking rate in words per minute.

    Returns:
        A new DataFrame, the input's columns with ``start_s``, ``end_s`` and ``speech_s``
        (float64, seconds; ``speech_s`` is the turn's duration).

    Raises:
        ValueError: if ``wpm`` is outside ``MIN_WPM``..``MAX_WPM``.
    """
    if not (MIN_WPM <= wpm <= MAX_WPM):
        raise ValueError(f"words per minute must be between {MIN_WPM:g} and {MAX_WPM:g}, not {wpm:g}")
    durations = turns["n_words"].to_numpy(dtype="float64") * 60.0 / wpm
    ends = np.cumsum(durations)
    return turns.assign(start_s=ends - durations, end_s=ends, speech_s=durations)


def speaker_table(turns: pd.DataFrame) -> pd.DataFrame:
    """Summarise turns per speaker: turns, words, share of words and talk time.

    Parameters:
        turns: a turns table (``speaker``, ``role``, ``n_words``, ``start_s``, ``end_s``,
            ``turn_id``), possibly filtered to some speakers.

    Returns:
        One row per speaker with the columns of :data:`SPEAKER_COLUMNS`: ``n_turns`` and
        ``n_words`` (int64), ``word_share`` (float64, fraction of the words in ``turns``,
        0 to 1), ``talk_time_s`` (float64, seconds: the sum of the speaker's ``speech_s``,
        or of ``end_s - start_s`` when the table has no ``speech_s``), ``role`` (the
        speaker's most frequent role) and ``first_turn_id``.
        Sorted by talk time, longest first, then by first appearance.
    """
    if turns.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in SPEAKER_COLUMNS.items()})
    total_words = int(turns["n_words"].sum())
    table = (
        turns.assign(duration_s=turns["speech_s"] if "speech_s" in turns else turns["end_s"] - turns["start_s"])
        .groupby("speaker", sort=False)
        .agg(
            role=("role", lambda r: r.value_counts().index[0]),
            n_turns=("turn_id", "size"),
            n_words=("n_words", "sum"),
            talk_time_s=("duration_s", "sum"),
            first_turn_id=("turn_id", "min"),
        )
        .reset_index()
        .assign(word_share=lambda d: d["n_words"] / total_words if total_words else 0.0)
        .sort_values(["talk_time_s", "first_turn_id"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )
    return table[list(SPEAKER_COLUMNS)].astype(SPEAKER_COLUMNS)

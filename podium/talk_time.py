"""Talk time: the one definition of how long people spoke, used by every page, chart and CSV.

A turn's talk time is the union of its **speech intervals** (the turn's ``speech_spans``): the
cues, diarized segments or words its source timed, with pauses of at most
:data:`podium.formats.base.PAUSE_S` seconds inside speech counted as speech and longer silences
left out. Without timestamps a turn has one interval, estimated from its words by
:func:`estimate_times`. From the intervals:

- a speaker's ``talk_time_s`` is the union of all their intervals (overlap with others included);
- ``solo_time_s`` is the part of it when nobody else speaks, ``overlap_s`` the rest;
- the transcript's duration is the union of everyone's intervals, so no second counts twice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from .text import STAGE_DIRECTION_RE

__all__ = [
    "DEFAULT_WPM",
    "ESTIMATE_MAPE_PCT",
    "ESTIMATE_SHARE_ERROR_PTS",
    "INTERVAL_COLUMNS",
    "MAX_WPM",
    "MIN_WPM",
    "REFERENCE_SENTENCE_WORDS",
    "SENTENCE_WORDS",
    "SPEAKER_COLUMNS",
    "UNPUNCTUATED_SENTENCE_WORDS",
    "count_sentences",
    "cumulative_talk_time",
    "estimate_seconds",
    "estimate_times",
    "filter_speaker_table",
    "format_spans",
    "overlap_by_speaker",
    "parse_spans",
    "speaker_table",
    "speech_duration",
    "speech_intervals",
    "turn_seconds",
    "union_seconds",
]

#: Default speaking rate for transcripts without timestamps, in words per minute: the pace of a
#: sentence of :data:`REFERENCE_SENTENCE_WORDS` words. The estimate (:func:`estimate_seconds`) makes
#: longer sentences slower and shorter ones faster through :data:`SENTENCE_WORDS`. Together they are
#: ``seconds = 0.4244 * words - 1.167 * sentences`` per turn, fitted on the force-aligned turns of
#: three events of the M-Arg dataset (Mestre et al., 2021; ``../shared/eval/timed``: the first and
#: second 2020 presidential debates and the Trump town hall) by least squares on the relative error
#: of each speaker's total talk time (the measure the estimate is judged by), giving 0.4249 s per
#: word and -1.170 s per sentence, rounded to this rate and :data:`SENTENCE_WORDS`; measured on two
#: held-out events (the vice-presidential debate and the Biden town hall): see
#: ``bench/talk_time_accuracy.py`` and ``bench/README.md``.
DEFAULT_WPM: float = 195.0
#: Words' worth of time each sentence saves: a sentence of ``n`` words lasts as long as ``n -
#: SENTENCE_WORDS`` words would at the base pace. Fitted with :data:`DEFAULT_WPM`, same data and method.
SENTENCE_WORDS: float = 2.75
#: The sentence length, in words, whose pace the speaking rate gives (close to the 9.4 words per
#: sentence of the training events; a round number so the rate reads plainly).
REFERENCE_SENTENCE_WORDS: float = 10.0
#: Mean sentence length, in words, above which a turn is taken to be unpunctuated (speech-to-text
#: output without full stops, a transcriber's run-on): its sentences are unknown, so its words go at
#: the rate as if in sentences of :data:`REFERENCE_SENTENCE_WORDS` words, instead of being read as
#: one very long, slow sentence. No turn of the force-aligned events (``../shared/eval/timed``,
#: 2,107 turns) averages more than 56 words a sentence, so the fitted and measured figures are
#: unaffected.
UNPUNCTUATED_SENTENCE_WORDS: float = 60.0
#: Error of the estimate on held-out events (the vice-presidential debate and the Biden town hall,
#: speakers with more than 2 minutes), measured by ``bench/talk_time_accuracy.py``: mean absolute
#: percentage error of per-speaker talk time, and mean absolute error of the share of talk time
#: in percentage points. The page's method note quotes them.
ESTIMATE_MAPE_PCT: float = 6.1
ESTIMATE_SHARE_ERROR_PTS: float = 0.88
#: Bounds accepted for a words-per-minute rate. No estimated turn is faster than MAX_WPM.
MIN_WPM: float = 60.0
MAX_WPM: float = 400.0

#: Columns of :func:`speech_intervals`, with dtypes.
INTERVAL_COLUMNS: dict[str, str] = {"turn_id": "int64", "speaker": "str", "start_s": "float64", "end_s": "float64"}

#: Columns of :func:`speaker_table`, in order, with their dtypes. Seconds are float64 seconds;
#: shares are fractions 0..1 of the whole transcript given to :func:`speaker_table`.
SPEAKER_COLUMNS: dict[str, str] = {
    "speaker": "str",
    "role": "str",
    "n_turns": "int64",
    "n_words": "int64",
    "word_share": "float64",  # fraction of all words
    "talk_time_s": "float64",  # union of the speaker's speech intervals, overlap included
    "first_turn_id": "int64",
    "talk_share": "float64",  # talk_time_s / sum of all speakers' talk_time_s
    "solo_time_s": "float64",  # seconds the speaker talks while nobody else does
    "overlap_s": "float64",  # seconds the speaker talks while someone else does
    "mean_turn_words": "float64",
    "median_turn_words": "float64",
    "mean_turn_s": "float64",
    "median_turn_s": "float64",
    "longest_turn_id": "int64",  # the turn with the most talk time (ties: most words, then earliest)
    "longest_turn_s": "float64",
    "longest_turn_words": "int64",
    "longest_turn_start_s": "float64",
    "longest_turn_first_words": "str",  # its first 12 words
    "wpm": "float64",  # words per minute of talk time; NaN when times are estimated or there are no words
}
#: Extra columns :func:`speaker_table` adds when given a speaker filter: shares among the speakers shown.
SHOWN_SHARE_COLUMNS: dict[str, str] = {"word_share_shown": "float64", "talk_share_shown": "float64"}

_SENTENCE_END_RE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s|$)")


def count_sentences(text: str) -> int:
    """Count sentences in ``text``: runs ending in ``.``, ``!``, ``?`` or an ellipsis before a space
    or the end, plus a final run without end punctuation. Stage directions are left out.
    Abbreviations such as ``Mr.`` count as an end; the estimator was fitted with this same count.

    >>> count_sentences("Yes. Thank you, Mr. Secretary -- what next?")
    3
    """
    text = STAGE_DIRECTION_RE.sub(" ", text).strip()
    if not re.search(r"\w", text):
        return 0
    ends = list(_SENTENCE_END_RE.finditer(text))
    tail = text[ends[-1].end() :] if ends else text
    return len(ends) + (1 if re.search(r"\w", tail) else 0)


def estimate_seconds(n_words: np.ndarray, n_sentences: np.ndarray, *, wpm: float = DEFAULT_WPM) -> np.ndarray:
    """Estimated seconds of each turn from its words and sentences.

    A turn lasts ``(n_words - SENTENCE_WORDS * n_sentences) * 60 / base`` seconds, where the base
    pace ``base = wpm * (REFERENCE_SENTENCE_WORDS - SENTENCE_WORDS) / REFERENCE_SENTENCE_WORDS``
    (141.4 words per minute at the default 195) makes a sentence of
    :data:`REFERENCE_SENTENCE_WORDS` words go at exactly ``wpm``: at the default rate a 20-word
    sentence goes at 164 words per minute and a 5-word one at 314, so a speaker of long sentences
    is estimated slower than one of short sentences. Never faster than :data:`MAX_WPM`, so a
    turn with words always lasts a little. The slider's rate scales every turn's time alike.
    A turn whose sentences average more than :data:`UNPUNCTUATED_SENTENCE_WORDS` words is taken to
    be unpunctuated and goes at ``wpm`` (its sentences counted as ``n_words /
    REFERENCE_SENTENCE_WORDS``). Constants and their source: :data:`DEFAULT_WPM`.

    Parameters:
        n_words, n_sentences: arrays of counts per turn (same length).
        wpm: speaking rate in words per minute of a sentence of :data:`REFERENCE_SENTENCE_WORDS` words.

    Returns:
        float64 array of seconds.

    Raises:
        ValueError: if ``wpm`` is outside ``MIN_WPM``..``MAX_WPM``.
    """
    if not (MIN_WPM <= wpm <= MAX_WPM):
        raise ValueError(f"words per minute must be between {MIN_WPM:g} and {MAX_WPM:g}, not {wpm:g}")
    n_words = np.asarray(n_words, dtype="float64")
    n_sentences = np.asarray(n_sentences, dtype="float64")
    unpunctuated = n_words > UNPUNCTUATED_SENTENCE_WORDS * np.maximum(n_sentences, 1.0)
    n_sentences = np.where(unpunctuated, n_words / REFERENCE_SENTENCE_WORDS, n_sentences)
    base_wpm = wpm * (REFERENCE_SENTENCE_WORDS - SENTENCE_WORDS) / REFERENCE_SENTENCE_WORDS
    seconds = (n_words - SENTENCE_WORDS * n_sentences) * 60.0 / base_wpm
    return np.maximum(seconds, n_words * 60.0 / MAX_WPM)


def estimate_times(
    turns: pd.DataFrame, *, wpm: float = DEFAULT_WPM, n_sentences: Mapping[str, int] | None = None
) -> pd.DataFrame:
    """Return a copy of ``turns`` with ``start_s``, ``end_s``, ``speech_s`` and ``speech_spans`` estimated.

    Each turn lasts :func:`estimate_seconds` of its words and sentences (sentences counted in
    ``text`` by :func:`count_sentences`; in a table without ``text`` each turn's words go at
    ``wpm``, as if its sentences were of :data:`REFERENCE_SENTENCE_WORDS` words), and turns are
    laid end to end from 0 s with no silence between them.

    Parameters:
        turns: a turns table with at least ``n_words`` (int), in transcript order.
        wpm: speaking rate in words per minute.
        n_sentences: ``{text: count_sentences(text)}`` already counted (by the parse's child
            process), for some or all of the texts; the others are counted here.

    Returns:
        A new DataFrame, the input's columns with ``start_s``, ``end_s``, ``speech_s`` (float64,
        seconds; ``speech_s`` is the turn's duration) and ``speech_spans`` (one interval per turn).

    Raises:
        ValueError: if ``wpm`` is outside ``MIN_WPM``..``MAX_WPM``.
    """
    n_words = turns["n_words"].to_numpy(dtype="float64")
    if "text" in turns:
        # each distinct text counted once (identical turns such as "Thank you." recur)
        codes, texts = pd.factorize(turns["text"], use_na_sentinel=False)
        known = n_sentences or {}
        counted = [known[t] if t in known else count_sentences(t) for t in texts]
        sentences = np.array(counted, dtype="float64")[codes]
    else:  # sentences unknown: take them to be of the reference length, so each turn goes at ``wpm``
        sentences = n_words / REFERENCE_SENTENCE_WORDS
    durations = estimate_seconds(n_words, sentences, wpm=wpm)
    ends = np.cumsum(durations)
    starts = np.concatenate([[0.0], ends[:-1]])[: len(ends)]  # no turns: no starts
    # format_spans([(start, end)]) of each turn, each boundary written once (a turn starts where the
    # one before ends)
    end_marks = [_ms(e) for e in ends.tolist()]
    start_marks = ["0", *end_marks[:-1]] if end_marks else []
    spans = [
        f"{a}-{b}" if e > s else ""
        for a, b, s, e in zip(start_marks, end_marks, starts.tolist(), ends.tolist(), strict=True)
    ]
    return turns.assign(start_s=starts, end_s=ends, speech_s=durations, speech_spans=spans)


# ---------------------------------------------------------------------------
# Speech intervals


def format_spans(spans) -> str:
    """Write intervals ``[(start, end), ...]`` (seconds) as ``"start-end;start-end"``, to the millisecond.

    >>> format_spans([(0, 10), (12.5, 14.25), (100000.0004, 123456.789)])
    '0-10;12.5-14.25;100000-123456.789'
    """
    return ";".join(f"{_ms(s)}-{_ms(e)}" for s, e in spans)


def _ms(seconds: float) -> str:
    """Seconds (never below 0) to the millisecond in plain decimals (``4014.5``, ``100000``; never ``1e+05``)."""
    return f"{max(0.0, float(seconds)):.3f}".rstrip("0").rstrip(".")


def parse_spans(text: str) -> list[tuple[float, float]]:
    """Read ``"start-end;start-end"`` (seconds) back into ``[(start, end), ...]``; ``""`` gives ``[]``.

    Raises:
        ValueError: if a part is not two numbers joined by ``-``.
    """
    out = []
    for part in text.split(";") if text else []:
        start, _, end = part.partition("-")
        out.append((float(start), float(end)))
    return out


def speech_intervals(turns: pd.DataFrame) -> pd.DataFrame:
    """All speech intervals of ``turns``, one row per interval, in transcript order.

    Parameters:
        turns: a turns table (``turn_id``, ``speaker``, ``start_s``, ``speech_s``, and
            ``speech_spans`` when it has one). A turn without spans (an old table, a turn read
            without interval detail) has one interval from ``start_s`` lasting ``speech_s``.

    Returns:
        DataFrame with the columns of :data:`INTERVAL_COLUMNS` (seconds); intervals of zero
        length are left out.
    """
    if turns.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in INTERVAL_COLUMNS.items()})
    has_spans = turns["speech_spans"].fillna("") != "" if "speech_spans" in turns else pd.Series(False, turns.index)
    plain = turns[~has_spans]
    frames = [
        pd.DataFrame(
            {
                "order": np.flatnonzero(~has_spans.to_numpy()),
                "turn_id": plain["turn_id"].to_numpy(),
                "speaker": plain["speaker"].to_numpy(),
                "start_s": plain["start_s"].to_numpy(dtype="float64"),
                "end_s": (plain["start_s"] + plain["speech_s"]).to_numpy(dtype="float64"),
            }
        )
    ]
    spanned = turns[has_spans]
    if len(spanned):
        # "start-end;start-end" read in plain Python lists: pandas' explode and str.split took
        # most of a second on 20,000 turns, and this runs on every page
        pieces = [text.split(";") for text in spanned["speech_spans"].tolist()]
        counts = np.fromiter((len(p) for p in pieces), dtype=np.int64, count=len(pieces))
        bounds = [part.partition("-") for p in pieces for part in p]
        frames.append(
            pd.DataFrame(
                {
                    "order": np.repeat(np.flatnonzero(has_spans.to_numpy()), counts),
                    "turn_id": np.repeat(spanned["turn_id"].to_numpy(), counts),
                    "speaker": np.repeat(spanned["speaker"].to_numpy(), counts),
                    "start_s": pd.Series([b[0] for b in bounds], dtype="str").astype("float64").to_numpy(),
                    "end_s": pd.Series([b[2] for b in bounds], dtype="str").astype("float64").to_numpy(),
                }
            )
        )
    frame = pd.concat(frames, ignore_index=True).sort_values(["order", "start_s"], kind="stable")
    frame = frame[frame["end_s"] > frame["start_s"]].drop(columns="order").reset_index(drop=True)
    return frame.astype(INTERVAL_COLUMNS)


def _merge(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The union of intervals as disjoint sorted ``(starts, ends)`` arrays."""
    if len(starts) == 0:
        return np.array([]), np.array([])
    order = np.argsort(starts, kind="stable")
    starts, ends = starts[order], ends[order]
    running_end = np.maximum.accumulate(ends)
    new = np.empty(len(starts), dtype=bool)
    new[0] = True
    new[1:] = starts[1:] > running_end[:-1]
    group = np.cumsum(new) - 1
    merged_starts = starts[new]
    merged_ends = np.zeros(len(merged_starts))
    np.maximum.at(merged_ends, group, running_end)
    return merged_starts, merged_ends


def union_seconds(intervals: pd.DataFrame) -> float:
    """Seconds covered by at least one interval of ``intervals`` (``start_s``, ``end_s``): the union."""
    starts, ends = _merge(intervals["start_s"].to_numpy(float), intervals["end_s"].to_numpy(float))
    return float((ends - starts).sum())


def speech_duration(turns: pd.DataFrame) -> float:
    """The transcript's duration of speech in seconds: the union of all speech intervals of ``turns``.

    Overlapping speech counts once; silences longer than a pause do not count. This is the
    duration the Overview shows.
    """
    return union_seconds(speech_intervals(turns))


def _merge_by_group(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray):
    """The union of each group's intervals (:func:`_merge` per group code), for all groups at once.

    Returns ``(codes, starts, ends)`` of the merged intervals, sorted by group code, then start.
    One vectorised pass: a loop calling :func:`_merge` per speaker took seconds with 10,000 speakers.
    """
    if len(starts) == 0:
        return codes[:0], starts[:0], ends[:0]
    order = np.lexsort((starts, codes))  # by group, then start; stable like _merge's argsort
    code, start, end = codes[order], starts[order], ends[order]
    first = np.empty(len(code), dtype=bool)
    first[0] = True
    first[1:] = code[1:] != code[:-1]
    running = pd.Series(end).groupby(code, sort=False).cummax().to_numpy()  # each group's latest end so far
    new = first.copy()
    new[1:] |= start[1:] > running[:-1]
    at = np.flatnonzero(new)
    last = np.append(at[1:] - 1, len(code) - 1)
    return code[at], start[at], running[last]


def _by_group_size(values: np.ndarray, counts: np.ndarray, reduce) -> list[tuple[np.ndarray, np.ndarray]]:
    """``reduce(block)`` of ``values`` (laid out group after group, ``counts`` each) for the groups of
    each size at once, as ``[(group numbers, positions in values, result), ...]``: a group's values
    form one row of a block, so numpy reduces each group as it would the group's own array."""
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
    out = []
    for k in np.unique(counts[counts > 0]):
        groups = np.flatnonzero(counts == k)
        rows = offsets[groups][:, None] + np.arange(k)
        out.append((groups, rows, reduce(values[rows])))
    return out


def overlap_by_speaker(intervals: pd.DataFrame) -> pd.DataFrame:
    """Talk, solo and overlap seconds per speaker.

    Parameters:
        intervals: a table with ``speaker``, ``start_s``, ``end_s`` (as :func:`speech_intervals`).

    Returns:
        DataFrame indexed by ``speaker`` (in order of first appearance) with float64 columns
        ``talk_time_s`` (the union of the speaker's intervals), ``solo_time_s`` (seconds of it when
        no other speaker's interval is open) and ``overlap_s`` (``talk_time_s - solo_time_s``).

    Method: each speaker's intervals are merged, then a sweep over all merged starts and ends in
    time order (at a shared instant, ends before starts) counts the speakers talking; a stretch
    with exactly one speaker is that speaker's solo time. Vectorised over speakers.

    Example (the issue's): AVA 0-10 s and 12-14 s, BEN 5-8 s and 12-14 s give AVA 12 / 7 / 5 and
    BEN 5 / 0 / 5, and the union of all speech is 12 s.
    """
    codes, names = pd.factorize(intervals["speaker"], sort=False)
    code, starts, ends = _merge_by_group(
        codes.astype(np.int64), intervals["start_s"].to_numpy(float), intervals["end_s"].to_numpy(float)
    )
    n = len(names)
    talk = np.zeros(n)
    for groups, _, sums in _by_group_size(ends - starts, np.bincount(code, minlength=n), lambda b: b.sum(axis=1)):
        talk[groups] = sums
    # the sweep: +1 at a start, -1 at an end; ends sort before starts at the same instant
    at = np.concatenate([starts, ends])
    kind = np.concatenate([np.ones(len(starts), np.int64), -np.ones(len(ends), np.int64)])
    who = np.concatenate([code, code])
    order = np.lexsort((kind, at))
    at, kind, who = at[order], kind[order], who[order]
    talking = np.cumsum(kind)  # speakers talking after each event
    only = np.cumsum(kind * who)  # the one speaker talking, where ``talking`` is 1
    alone = (talking[:-1] == 1) & (at[1:] > at[:-1])
    solo = np.bincount(only[:-1][alone], weights=(at[1:] - at[:-1])[alone], minlength=n) if n else np.zeros(0)
    index = pd.Index(pd.Series(names, dtype="str"), name="speaker")
    out = pd.DataFrame({"talk_time_s": talk, "solo_time_s": solo}, index=index).astype("float64")
    out = out.round(6)  # intervals are in milliseconds; drop float noise such as 2.8e-14 s of overlap
    return out.assign(overlap_s=(out["talk_time_s"] - out["solo_time_s"]).clip(lower=0.0).round(6))


def _turn_seconds(intervals: pd.DataFrame, turn_ids: pd.Series) -> pd.Series:
    """Talk time of each turn (the union of its own intervals), aligned to ``turn_ids``; 0 when none.

    Vectorised: with a turn's intervals sorted by start, each adds ``end - max(start, latest end so
    far)`` when positive, which sums to the length of their union.
    """
    if intervals.empty:
        return pd.Series(0.0, index=turn_ids.index)
    data = intervals.sort_values(["turn_id", "start_s"], kind="stable")
    reach = data.groupby("turn_id", sort=False)["end_s"].cummax()
    before = reach.groupby(data["turn_id"], sort=False).shift().fillna(-np.inf)
    added = (data["end_s"] - np.maximum(data["start_s"], before)).clip(lower=0.0)
    per_turn = added.groupby(data["turn_id"], sort=False).sum()
    return turn_ids.map(per_turn).fillna(0.0).astype("float64")


def turn_seconds(turns: pd.DataFrame) -> pd.Series:
    """Each turn's talk time in seconds (float64, aligned to ``turns``): the union of its speech intervals."""
    return _turn_seconds(speech_intervals(turns), turns["turn_id"])


def speaker_table(turns: pd.DataFrame, speakers: list[str] | None = None, *, timed: bool = False) -> pd.DataFrame:
    """Measures per speaker: turns, words, talk time, solo and overlap time, turn lengths, rate.

    Parameters:
        turns: the whole transcript's turns table (``turn_id``, ``speaker``, ``role``, ``text``,
            ``n_words``, ``start_s``, ``speech_s``, ``speech_spans``). Overlap is measured against
            every speaker in it, so pass the unfiltered table and choose rows with ``speakers``.
        speakers: a speaker filter; ``None`` or empty keeps everyone. With a filter, the table
            also has the :data:`SHOWN_SHARE_COLUMNS` (shares among the speakers kept).
        timed: the times come from the source; otherwise ``wpm`` is NaN (an estimate's rate is
            the rate it was estimated at, not a measurement).

    Returns:
        One row per speaker with the columns of :data:`SPEAKER_COLUMNS` (see there for units;
        ``word_share`` and ``talk_share`` are of the whole ``turns``), then the shown shares.
        ``role`` is the speaker's most frequent role. A turn's seconds are the union of its
        speech intervals. Sorted by talk time, longest first, then by first appearance.
    """
    columns = dict(SPEAKER_COLUMNS) | (SHOWN_SHARE_COLUMNS if speakers else {})
    if turns.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    intervals = speech_intervals(turns)
    overlap = overlap_by_speaker(intervals)
    seconds = _turn_seconds(intervals, turns["turn_id"])
    data = turns.assign(turn_s=seconds)
    longest = (
        data.sort_values(["turn_s", "n_words", "turn_id"], ascending=[False, False, True], kind="stable")
        .groupby("speaker", sort=False)
        .head(1)
        .set_index("speaker")
    )
    # the first words of each speaker's longest turn only, not of every turn
    longest = longest.assign(first_words=longest["text"].map(_first_words) if "text" in turns else "")
    total_words = int(turns["n_words"].sum())
    by_speaker = data.groupby("speaker", sort=False)
    # each speaker's most frequent role; value_counts only for the few with more than one role
    role = by_speaker["role"].first()
    mixed = by_speaker["role"].nunique() > 1
    if mixed.any():
        several = data[data["speaker"].isin(role.index[mixed])].groupby("speaker", sort=False)["role"]
        role.loc[role.index[mixed]] = several.agg(lambda r: r.value_counts().index[0]).reindex(role.index[mixed])
    table = (
        by_speaker.agg(
            n_turns=("turn_id", "size"),
            n_words=("n_words", "sum"),
            mean_turn_words=("n_words", "mean"),
            median_turn_words=("n_words", "median"),
            mean_turn_s=("turn_s", "mean"),
            median_turn_s=("turn_s", "median"),
            first_turn_id=("turn_id", "min"),
        )
        .assign(role=role)
        .join(overlap)
        .fillna({"talk_time_s": 0.0, "solo_time_s": 0.0, "overlap_s": 0.0})
    )
    total_talk = float(table["talk_time_s"].sum())
    table = table.assign(
        word_share=table["n_words"] / total_words if total_words else 0.0,
        talk_share=table["talk_time_s"] / total_talk if total_talk else 0.0,
        longest_turn_id=longest["turn_id"],
        longest_turn_s=longest["turn_s"],
        longest_turn_words=longest["n_words"],
        longest_turn_start_s=longest["start_s"],
        longest_turn_first_words=longest["first_words"],
        wpm=(table["n_words"] * 60.0 / table["talk_time_s"]).where((table["talk_time_s"] > 0) & (table["n_words"] > 0))
        if timed
        else np.nan,
    ).reset_index()
    if speakers:
        table = _shown(table, speakers)
    table = table.sort_values(["talk_time_s", "first_turn_id"], ascending=[False, True], kind="stable")
    return table[list(columns)].astype(columns).reset_index(drop=True)


def _shown(table: pd.DataFrame, speakers: list[str]) -> pd.DataFrame:
    """The rows of ``speakers`` with their shares among them (sums in order of first appearance)."""
    table = table[table["speaker"].isin(speakers)]
    shown_words = table["n_words"].sum()
    shown_talk = table["talk_time_s"].sum()
    return table.assign(
        word_share_shown=table["n_words"] / shown_words if shown_words else 0.0,
        talk_share_shown=table["talk_time_s"] / shown_talk if shown_talk else 0.0,
    )


def filter_speaker_table(table: pd.DataFrame, speakers: list[str]) -> pd.DataFrame:
    """``speaker_table(turns, speakers)`` from ``table = speaker_table(turns)`` (the whole
    transcript's, computed once): the rows of ``speakers`` with the :data:`SHOWN_SHARE_COLUMNS`,
    same values and order, without measuring the transcript again on each filter change."""
    if not speakers:
        return table
    columns = dict(SPEAKER_COLUMNS) | SHOWN_SHARE_COLUMNS
    if table.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    shown = _shown(table.sort_values("first_turn_id", kind="stable"), speakers)  # summed as speaker_table sums
    shown = shown.sort_values(["talk_time_s", "first_turn_id"], ascending=[False, True], kind="stable")
    return shown[list(columns)].astype(columns).reset_index(drop=True)


def _first_words(text: str, n: int = 12) -> str:
    words = STAGE_DIRECTION_RE.sub(" ", text).split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def cumulative_talk_time(turns: pd.DataFrame) -> pd.DataFrame:
    """Each speaker's running total of talk time over the event: the "who dominated when" line.

    Parameters:
        turns: a turns table (as for :func:`speech_intervals`).

    Returns:
        DataFrame with ``speaker`` (str), ``time_s`` (float64, seconds from the start) and
        ``cumulative_s`` (float64, the speaker's talk time up to ``time_s``): for every speaker a
        point at 0 s, one at the start and end of each of their merged speech intervals, and one
        at the transcript's last second, so lines are flat while a speaker is silent.
    """
    intervals = speech_intervals(turns)
    if intervals.empty:
        return pd.DataFrame({"speaker": pd.Series(dtype="str"), "time_s": [], "cumulative_s": []})
    last = float(intervals["end_s"].max())
    codes, names = pd.factorize(intervals["speaker"], sort=False)
    code, starts, ends = _merge_by_group(
        codes.astype(np.int64), intervals["start_s"].to_numpy(float), intervals["end_s"].to_numpy(float)
    )
    counts = np.bincount(code, minlength=len(names))  # merged intervals per speaker
    done = np.empty(len(code))  # each speaker's talk time at the end of each of their intervals
    for _, rows, sums in _by_group_size(ends - starts, counts, lambda b: np.cumsum(b, axis=1)):
        done[rows] = sums
    # per speaker: (0, 0), then (start, done before it) and (end, done) per interval, then (last, total)
    size = 2 * counts + 2
    offset = np.concatenate([[0], np.cumsum(size)[:-1]])
    k = np.arange(len(code)) - np.repeat(np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)  # index in speaker
    at_start = offset[code] + 1 + 2 * k
    first_of = np.concatenate([[True], code[1:] != code[:-1]])
    before = np.where(first_of, 0.0, np.concatenate([[0.0], done[:-1]]))
    times, totals = np.zeros(int(size.sum())), np.zeros(int(size.sum()))
    times[at_start], totals[at_start] = starts, before
    times[at_start + 1], totals[at_start + 1] = ends, done
    tail = offset + size - 1
    times[tail] = last
    totals[tail] = done[np.cumsum(counts) - 1]  # every speaker here has at least one interval
    speaker = np.repeat(np.asarray(names, dtype=object), size)
    out = pd.DataFrame({"speaker": speaker, "time_s": times, "cumulative_s": totals})
    return out.astype({"speaker": "str", "time_s": "float64", "cumulative_s": "float64"})

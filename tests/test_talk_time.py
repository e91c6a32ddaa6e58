"""Talk time estimates and the per-speaker table."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.talk_time import (
    SPEAKER_COLUMNS,
    count_sentences,
    cumulative_talk_time,
    estimate_seconds,
    estimate_times,
    overlap_by_speaker,
    speaker_table,
    speech_duration,
    speech_intervals,
)


def _turns(speakers_words):
    return pd.DataFrame(
        {
            "turn_id": range(len(speakers_words)),
            "speaker": [s for s, _ in speakers_words],
            "role": ["answer"] * len(speakers_words),
            "n_words": [w for _, w in speakers_words],
        }
    )


def test_estimate_times_lays_turns_end_to_end():
    # no text column: no sentences, so each turn lasts its words at the rate
    turns = estimate_times(_turns([("A", 150), ("B", 75), ("A", 0), ("A", 30)]), wpm=150)
    assert list(turns["start_s"]) == [0.0, 60.0, 90.0, 90.0]
    assert list(turns["end_s"]) == [60.0, 90.0, 90.0, 102.0]
    assert list(turns["speech_spans"]) == ["0-60", "60-90", "", "90-102"]


def test_estimate_times_takes_sentence_cost_and_never_goes_faster_than_max_rate():
    thirteen = "one two three four five six seven eight nine ten eleven twelve thirteen. "
    ten = "one two three four five six seven eight nine ten."
    turns = _turns([("A", 26), ("B", 10), ("A", 20), ("B", 1)]).assign(
        text=[thirteen * 2, ten, "One two. " * 10, "Yes."]
    )
    out = estimate_times(turns, wpm=150)
    # by hand: the base pace is 150 * (10 - 2.75) / 10 = 108.75 words per minute, and a turn counts
    # its words less 2.75 for each sentence. 26 words in 2 sentences: 26 - 5.5 = 20.5 words at
    # 108.75 wpm = 1230 / 108.75 = 11.310 s.
    assert out["speech_s"].iloc[0] == pytest.approx(1230 / 108.75)
    # a 10-word sentence goes at exactly the rate: 10 words at 150 wpm = 4 s
    assert out["speech_s"].iloc[1] == pytest.approx(4.0)
    # 20 words in 10 sentences: 20 - 27.5 < 0; the floor is 20 words at 400 wpm = 3 s
    assert out["speech_s"].iloc[2] == pytest.approx(3.0)
    # "Yes." would be 1 - 2.75 < 0 words; the floor is one word at 400 wpm = 0.15 s
    assert out["speech_s"].iloc[3] == pytest.approx(0.15)


def test_estimate_at_the_default_rate():
    # 26 words in 2 sentences at the default 195 wpm: base 195 * 0.725 = 141.375 wpm, so
    # (26 - 5.5) * 60 / 141.375 = 1230 / 141.375 = 8.700 s (0.4244 s a word, less 1.167 s a sentence)
    assert estimate_seconds([26], [2])[0] == pytest.approx(8.7003, abs=1e-4)
    # longer sentences go slower: one 20-word sentence, 17.25 * 60 / 141.375 = 7.321 s (164 wpm)
    assert estimate_seconds([20], [1])[0] == pytest.approx(7.3210, abs=1e-4)
    with pytest.raises(ValueError, match="between 60 and 400"):
        estimate_seconds([10], [1], wpm=500)


def test_an_unpunctuated_turn_goes_at_the_rate():
    # 300 words with no full stop (one "sentence" of 300 words, over the 60-word limit) are read as
    # sentences of 10 words: 30 sentences, (300 - 82.5) * 60 / 141.375 = 92.31 s = 300 words at 195 wpm,
    # not one 300-word sentence at (300 - 2.75) * 60 / 141.375 = 126.2 s (141 wpm)
    assert estimate_seconds([300], [1])[0] == pytest.approx(300 * 60 / 195)
    assert estimate_seconds([300], [0])[0] == pytest.approx(300 * 60 / 195)
    # at 60 words a sentence it is still punctuated text: (60 - 2.75) * 60 / 141.375 = 24.30 s
    assert estimate_seconds([60], [1])[0] == pytest.approx(24.297, abs=1e-3)
    turns = pd.DataFrame(
        {"speaker": ["A"], "text": [" ".join(["word"] * 300)], "n_words": [300], "start_s": [None], "end_s": [None]}
    )
    assert estimate_times(turns)["speech_s"].iloc[0] == pytest.approx(300 * 60 / 195)


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Yes.", 1),
        ("Is it? No! Well... maybe", 4),
        ("", 0),
        ("(Laughter.)", 0),
        ("no end punctuation", 1),
        ("He said “stop.” Then left.", 2),
    ],
)
def test_count_sentences(text, n):
    assert count_sentences(text) == n


@pytest.mark.parametrize("wpm", [0, -5, 59.9, 400.1])
def test_estimate_times_rejects_silly_rates(wpm):
    with pytest.raises(ValueError):
        estimate_times(_turns([("A", 10)]), wpm=wpm)


def test_speaker_table_sums_and_sorts():
    turns = estimate_times(_turns([("A", 150), ("B", 300), ("A", 150)]), wpm=150)
    table = speaker_table(turns)
    assert list(table.columns) == list(SPEAKER_COLUMNS)
    assert list(table["speaker"]) == ["A", "B"] or list(table["speaker"]) == ["B", "A"]
    row = table.set_index("speaker")
    assert row.loc["A", "n_turns"] == 2 and row.loc["A", "n_words"] == 300
    assert row.loc["A", "talk_time_s"] == 120.0 and row.loc["B", "talk_time_s"] == 120.0
    assert row.loc["A", "word_share"] == 0.5
    # a tie on talk time is broken by first appearance
    assert list(table["speaker"]) == ["A", "B"]


def test_speaker_table_seed(seed_transcript):
    table = speaker_table(seed_transcript.turns)
    assert set(table["speaker"]) == {"REPORTER", "ANTONY BLINKEN"}
    assert list(table["n_turns"]) == [3, 3]
    assert table["word_share"].sum() == pytest.approx(1.0)
    assert table["n_words"].sum() == seed_transcript.turns["n_words"].sum()


def test_speaker_table_empty():
    table = speaker_table(_turns([]).assign(start_s=[], end_s=[]))
    assert table.empty and list(table.columns) == list(SPEAKER_COLUMNS)


def _timed(rows):
    """Turns from (speaker, words, "spans") rows, with start/end/speech taken from the spans."""
    frame = pd.DataFrame(rows, columns=["speaker", "n_words", "speech_spans"])
    spans = frame["speech_spans"].map(lambda t: [tuple(map(float, p.split("-"))) for p in t.split(";")])
    return frame.assign(
        turn_id=range(len(frame)),
        role="answer",
        text=["w " * n for n in frame["n_words"]],
        start_s=spans.map(lambda s: s[0][0]),
        end_s=spans.map(lambda s: s[-1][1]),
        speech_s=spans.map(lambda s: sum(e - b for b, e in s)),
    )


# The example: cues AVA 0-10 s, BEN 5-8 s, AVA 12-14 s, BEN 12-14 s
OVERLAP = [("AVA", 20, "0-10"), ("BEN", 6, "5-8"), ("AVA", 4, "12-14"), ("BEN", 4, "12-14")]


def test_overlap_example():
    turns = _timed(OVERLAP)
    overlap = overlap_by_speaker(speech_intervals(turns))
    assert overlap.loc["AVA"].tolist() == [12.0, 7.0, 5.0]  # talk, solo, overlap
    assert overlap.loc["BEN"].tolist() == [5.0, 0.0, 5.0]
    assert speech_duration(turns) == 12.0  # 0-10 and 12-14: no second counted twice
    table = speaker_table(turns, timed=True).set_index("speaker")
    assert table.loc["AVA", ["talk_time_s", "solo_time_s", "overlap_s"]].tolist() == [12.0, 7.0, 5.0]
    assert table.loc["BEN", ["talk_time_s", "solo_time_s", "overlap_s"]].tolist() == [5.0, 0.0, 5.0]
    assert table.loc["AVA", "talk_share"] == pytest.approx(12 / 17)
    # AVA: 24 words in 12 s = 120 wpm; longest turn 0-10 s, 20 words
    assert table.loc["AVA", "wpm"] == pytest.approx(120.0)
    assert table.loc["AVA", ["longest_turn_id", "longest_turn_s", "longest_turn_words"]].tolist() == [0, 10.0, 20]
    assert table.loc["BEN", ["mean_turn_s", "median_turn_s", "mean_turn_words"]].tolist() == [2.5, 2.5, 5.0]


def test_filtered_table_gives_shares_of_shown_and_of_whole():
    turns = _timed([*OVERLAP, ("CY", 10, "20-23")])
    table = speaker_table(turns, ["BEN", "CY"], timed=True).set_index("speaker")
    assert list(table.index) == ["BEN", "CY"]
    # overlap is still measured against AVA, who is not shown
    assert table.loc["BEN", "overlap_s"] == 5.0
    assert table.loc["BEN", "talk_share"] == pytest.approx(5 / 20)  # of all talk time: 12 + 5 + 3
    assert table.loc["BEN", "talk_share_shown"] == pytest.approx(5 / 8)  # of BEN's and CY's
    assert table.loc["CY", "word_share"] == pytest.approx(10 / 44)
    assert table.loc["CY", "word_share_shown"] == pytest.approx(10 / 20)


def test_silence_inside_a_turn_is_not_talk_time():
    # a turn with a 28 s silence between two 1 s cues: 2 s of talk, and the duration is 2 s too
    turns = _timed([("A", 4, "0-1;29-30")])
    assert speaker_table(turns)["talk_time_s"].tolist() == [2.0]
    assert speech_duration(turns) == 2.0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["A", "B", "C"]), st.floats(0, 100), st.floats(0.01, 30)),
        min_size=1,
        max_size=12,
    )
)
def test_totals_per_speaker_add_up_to_transcript_totals(cues):
    turns = _timed([(s, 3, f"{a:.3f}-{a + d:.3f}") for s, a, d in cues])
    table = speaker_table(turns)
    intervals = speech_intervals(turns)
    union = speech_duration(turns)
    # time when two or more speak: everyone's talk minus everyone's solo, counted once per overlapped second
    overlapped = union - table["solo_time_s"].sum()
    assert overlapped >= -1e-6
    assert table["overlap_s"].sum() >= overlapped - 1e-6
    assert table["talk_time_s"].sum() >= union - 1e-6
    assert (table["solo_time_s"] <= table["talk_time_s"] + 1e-9).all()
    assert table["talk_share"].sum() == pytest.approx(1.0)
    assert table["n_words"].sum() == turns["n_words"].sum()
    # without overlap between speakers, talk times add up to the duration exactly
    if table["overlap_s"].sum() < 1e-9:
        assert table["talk_time_s"].sum() == pytest.approx(union)
    assert len(intervals) == len(turns)


def test_cumulative_talk_time():
    turns = _timed(OVERLAP)
    cum = cumulative_talk_time(turns)
    ava = cum[cum["speaker"] == "AVA"]
    assert ava["time_s"].tolist() == [0.0, 0.0, 10.0, 12.0, 14.0, 14.0]
    assert ava["cumulative_s"].tolist() == [0.0, 0.0, 10.0, 10.0, 12.0, 12.0]
    ben = cum[cum["speaker"] == "BEN"]
    assert ben["cumulative_s"].iloc[-1] == 5.0 and ben["time_s"].iloc[-1] == 14.0


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["A", "B", "C"]), st.integers(0, 60), st.integers(1, 20)),
        min_size=1,
        max_size=10,
    )
)
def test_overlap_measures_match_a_second_by_second_count(cues):
    # whole-second cues, so an independent oracle can count who speaks in each second
    turns = _timed([(s, 2, f"{a}-{a + d}") for s, a, d in cues])
    speaking = {}
    for speaker, a, d in cues:
        for second in range(a, a + d):
            speaking.setdefault(second, set()).add(speaker)
    table = speaker_table(turns).set_index("speaker")
    for speaker in table.index:
        own = [who for who in speaking.values() if speaker in who]
        assert table.loc[speaker, "talk_time_s"] == len(own)
        assert table.loc[speaker, "solo_time_s"] == sum(1 for who in own if len(who) == 1)
        assert table.loc[speaker, "overlap_s"] == sum(1 for who in own if len(who) > 1)
    assert speech_duration(turns) == len(speaking)
    # totals: solo seconds plus seconds with two or more voices make the duration
    assert table["solo_time_s"].sum() + sum(1 for who in speaking.values() if len(who) > 1) == len(speaking)


def test_a_filter_picks_rows_of_the_whole_speaker_table(seed_transcript):
    from podium.talk_time import filter_speaker_table

    turns = seed_transcript.turns
    whole = speaker_table(turns)
    for chosen in (["REPORTER"], ["ANTONY BLINKEN"], ["ANTONY BLINKEN", "REPORTER"], []):
        expected = speaker_table(turns, chosen)
        assert filter_speaker_table(whole, chosen).equals(expected), chosen
    shown = filter_speaker_table(whole, ["REPORTER"])
    assert list(shown["talk_share_shown"]) == [1.0] and shown.loc[0, "talk_share"] < 0.5


# ---- estimate_times counts each distinct text once and writes each boundary once ----------------
from podium.talk_time import format_spans  # noqa: E402


def _estimate_times_turn_by_turn(turns, wpm):
    """The definition before: every turn's sentences counted, every span formatted."""
    import numpy as np

    n_words = turns["n_words"].to_numpy(dtype="float64")
    sentences = turns["text"].map(count_sentences).to_numpy(dtype="float64")
    durations = estimate_seconds(n_words, sentences, wpm=wpm)
    ends = np.cumsum(durations)
    starts = np.concatenate([[0.0], ends[:-1]])
    spans = [format_spans([(s, e)]) if e > s else "" for s, e in zip(starts, ends, strict=True)]
    return turns.assign(start_s=starts, end_s=ends, speech_s=durations, speech_spans=spans)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Thank you.", "Yes. No. Maybe", "(Laughter.)", "", "Mr. Smith spoke. Then?"]),
            st.integers(0, 3000),
        ),
        min_size=1,
        max_size=15,
    ),
    st.sampled_from([120.0, 195.0, 260.0]),
)
def test_estimate_times_same_as_turn_by_turn(rows, wpm):
    turns = pd.DataFrame({"text": [t for t, _ in rows], "n_words": [n for _, n in rows]})
    pd.testing.assert_frame_equal(estimate_times(turns, wpm=wpm), _estimate_times_turn_by_turn(turns, wpm))


def test_estimate_times_of_no_turns_is_an_empty_table():
    # before, an empty table raised ValueError (one start for no end)
    empty = pd.DataFrame({"text": pd.Series([], dtype=object), "n_words": pd.Series([], dtype="int64")})
    out = estimate_times(empty)
    assert out.empty and {"start_s", "end_s", "speech_s", "speech_spans"} <= set(out.columns)


def test_estimate_times_hand_checked_repeats():
    # three identical one-sentence turns of 10 words at 195 wpm: base pace 195 * 7.25 / 10 =
    # 141.375 wpm, (10 - 2.75 * 1) * 60 / 141.375 = 3.0769 s each (above 10 words at MAX_WPM, 1.5 s);
    # boundaries 3.077, 6.154, 9.231
    turns = pd.DataFrame({"text": ["We are done here today."] * 3, "n_words": [10, 10, 10]})
    out = estimate_times(turns, wpm=195.0)
    assert out["speech_spans"].tolist() == ["0-3.077", "3.077-6.154", "6.154-9.231"]

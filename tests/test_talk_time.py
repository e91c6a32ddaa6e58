"""Talk time estimates and the per-speaker table."""

import pandas as pd
import pytest

from podium.talk_time import SPEAKER_COLUMNS, estimate_times, speaker_table


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
    turns = estimate_times(_turns([("A", 150), ("B", 75), ("A", 0), ("A", 30)]), wpm=150)
    assert list(turns["start_s"]) == [0.0, 60.0, 90.0, 90.0]
    assert list(turns["end_s"]) == [60.0, 90.0, 90.0, 102.0]


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

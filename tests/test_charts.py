"""Chart builders: sorted bars, units in axis titles, a linear seconds axis for the timeline."""

import numpy as np
import pandas as pd

from components.charts import MAX_TIMELINE_BARS, phrase_bar, talk_time_bar, timeline, word_cloud_image
from podium.phrases import count_ngrams
from podium.talk_time import speaker_table


def test_talk_time_bar_is_sorted_longest_on_top_with_units(seed_transcript):
    fig = talk_time_bar(speaker_table(seed_transcript.turns), wpm=190)
    bar = fig.data[0]
    # plotly draws the first category at the bottom: values must rise so the longest is on top
    assert list(bar.x) == sorted(bar.x)
    assert list(bar.y)[-1] == "ANTONY BLINKEN"
    assert fig.layout.xaxis.title.text == "Talk time (minutes)"
    assert "190 words per minute" in fig.layout.title.text


def test_timeline_uses_a_linear_seconds_axis(seed_transcript):
    turns = seed_transcript.turns
    fig = timeline(turns, speaker_order=["ANTONY BLINKEN", "REPORTER"], wpm=190)
    assert fig.layout.xaxis.type in (None, "linear")
    assert fig.layout.xaxis.title.text == "Time from start (seconds)"
    assert list(fig.data[0].base) == list(turns["start_s"])
    assert np.allclose(np.array(fig.data[0].x), (turns["end_s"] - turns["start_s"]).to_numpy())


def test_long_timelines_are_drawn_as_webgl_lines():
    n = MAX_TIMELINE_BARS + 1
    turns = pd.DataFrame(
        {
            "turn_id": range(n),
            "speaker": ["A", "B"] * (n // 2) + ["A"] * (n % 2),
            "start_s": np.arange(n) * 2.0,
            "end_s": np.arange(n) * 2.0 + 1.5,
            "n_words": 5,
        }
    )
    fig = timeline(turns, speaker_order=["A", "B"], wpm=None)
    assert [trace.type for trace in fig.data] == ["scattergl", "scattergl"]
    assert "from the transcript's timestamps" in fig.layout.title.text
    # every turn is one segment (start, end, gap)
    assert len(fig.data[0].x) == 3 * int((turns["speaker"] == "A").sum())


def test_phrase_bar_and_cloud_use_the_same_counts(seed_transcript):
    table = count_ngrams(seed_transcript.turns["text"], n=2)
    fig = phrase_bar(table)
    assert list(fig.data[0].x) == sorted(fig.data[0].x)
    assert fig.layout.xaxis.title.text == "Occurrences (count)"
    image = word_cloud_image(table)
    assert image.ndim == 3 and image.shape[2] == 3
    assert word_cloud_image(table.iloc[0:0]) is None


def test_phrase_bar_says_which_tied_phrases_were_cut():
    from podium.phrases import phrase_table

    texts = ["alpha beta. gamma delta. epsilon zeta.", "alpha beta. gamma delta. epsilon zeta. alpha beta."]
    table = phrase_table(texts, ns=(2,))  # alpha beta 3; gamma delta 2; epsilon zeta 2
    fig = phrase_bar(table, top=2)
    assert list(fig.data[0].y) == ["epsilon zeta", "alpha beta"]  # ties in alphabetical order
    assert "Tie cut: 1 more said 2 times not shown: “gamma delta”" in fig.layout.title.text
    assert "Tie cut" not in phrase_bar(table, top=3).layout.title.text


def test_dispersion_and_log_odds_charts():
    from components.charts import dispersion_chart, log_odds_chart
    from podium.logodds import log_odds

    hits = pd.DataFrame(
        {"phrase": ["a", "a", "b"], "time_s": [60.0, 120.0, 30.0], "speaker": ["X", "Y", "X"], "turn_id": [1, 4, 0]}
    )
    fig = dispersion_chart(hits, phrases=["a", "b", "c"], duration_s=300)
    assert [list(t.x) for t in fig.data] == [[1.0, 2.0], [0.5], []]
    assert fig.layout.xaxis.title.text == "Time from start (minutes)"
    by_turn = dispersion_chart(hits, phrases=["a", "b"], duration_s=300, by="turn", n_turns=5)
    assert [list(t.x) for t in by_turn.data] == [[1, 4], [0]] and by_turn.layout.xaxis.title.text == "Turn (0 = first)"
    table = log_odds({"A": {"tax": 3, "jobs": 1}, "B": {"tax": 1, "jobs": 5}})
    fig = log_odds_chart(table, speakers=["A", "B"])
    assert list(fig.data[0].y) == ["tax"] and list(fig.data[1].y) == ["jobs"]

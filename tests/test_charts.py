"""Chart builders: sorted bars, one unit per chart, category axes for any speaker name, clock-time axes."""

import numpy as np
import pandas as pd
import pytest

from components.charts import (
    MAX_SVG_POINTS,
    MAX_TIMELINE_BARS,
    axis_names,
    clock_ticks,
    cumulative_chart,
    phrase_bar,
    questions_bar,
    share_bar,
    talk_time_bar,
    timeline,
    turn_length_chart,
    word_cloud_image,
)
from podium.phrases import count_ngrams
from podium.talk_time import cumulative_talk_time, speaker_table, speech_intervals, turn_seconds
from podium.turn_taking import questions


def test_talk_time_bar_is_sorted_longest_on_top_in_one_unit(seed_transcript):
    fig = talk_time_bar(speaker_table(seed_transcript.turns), wpm=195)
    bar = fig.data[0]
    # plotly draws the first category at the bottom: values must rise so the longest is on top
    assert list(bar.x) == sorted(bar.x)
    assert list(bar.y)[-1] == "ANTONY BLINKEN"
    # under two minutes each: seconds on the axis, in the labels and in the hover
    assert fig.layout.xaxis.title.text == "Talk time (seconds)"
    # at the default rate (tests/test_pages.py counts it by hand): the reporter 61.3 s, Blinken 61.6 s
    assert list(bar.text) == ["61", "62"]
    assert "seconds of talk time" in bar.hovertemplate
    assert "195 words per minute" in fig.layout.title.text
    assert fig.layout.yaxis.type == "category"


def test_talk_time_bar_uses_minutes_when_long():
    table = pd.DataFrame(
        {
            "speaker": ["A", "B"],
            "talk_time_s": [600.0, 90.0],
            "n_words": [1, 1],
            "word_share": [0.5, 0.5],
            "n_turns": [1, 1],
        }
    )
    fig = talk_time_bar(table, wpm=None)
    assert fig.layout.xaxis.title.text == "Talk time (minutes)"
    assert list(fig.data[0].x) == [1.5, 10.0] and list(fig.data[0].text) == ["1.5", "10.0"]


def _numeric_named_turns(names):
    n = len(names)
    return pd.DataFrame(
        {
            "turn_id": range(n),
            "speaker": names,
            "role": ["question"] + ["answer"] * (n - 1),
            "text": ["Why?"] + ["Because."] * (n - 1),
            "n_words": [1] * n,
            "start_s": np.arange(n) * 10.0,
            "end_s": np.arange(n) * 10.0 + 5,
            "speech_s": [5.0] * n,
            "speech_spans": [f"{i * 10}-{i * 10 + 5}" for i in range(n)],
            "is_question": [True] + [False] * (n - 1),
        }
    )


@pytest.mark.parametrize("names", [["0", "1", "2"], ["1", "2024", "12.1"]])
def test_numeric_looking_speakers_are_categories_on_every_chart(names):
    turns = _numeric_named_turns(names)
    table = speaker_table(turns)
    order = list(table["speaker"])
    lengths = turns.assign(turn_s=turn_seconds(turns))
    figures = [
        talk_time_bar(table, wpm=None),
        share_bar(table, filtered=False),
        timeline(speech_intervals(turns), turns, speaker_order=order, wpm=None),
        turn_length_chart(lengths, speaker_order=order, wpm=None),
        questions_bar(questions(turns)),
    ]
    for fig in figures:
        assert fig.layout.yaxis.type == "category", fig.layout.title.text
    # every speaker gets a bar of its real size (5 s each), none drawn at zero
    bar = figures[0].data[0]
    assert sorted(bar.y) == sorted(names) and list(bar.x) == [5.0, 5.0, 5.0]


def test_long_names_are_shortened_with_the_full_name_on_hover():
    long = "Representative Alexandria Ocasio-Cortez of New York"
    names = axis_names([long, "Bob", long[:30] + " twin"])
    assert names["Bob"] == "Bob"
    # two names that would shorten to the same label keep their full names
    assert names[long] == long
    assert axis_names([long])[long] == "Representative Alexandr…"
    table = pd.DataFrame(
        {"speaker": [long], "talk_time_s": [30.0], "n_words": [1], "word_share": [1.0], "n_turns": [1]}
    )
    bar = talk_time_bar(table, wpm=None).data[0]
    assert list(bar.y) == ["Representative Alexandr…"] and bar.customdata[0][0] == long


def test_share_bar_gives_both_shares_under_a_filter():
    table = pd.DataFrame({"speaker": ["A"], "talk_time_s": [30.0], "talk_share": [0.25], "talk_share_shown": [1.0]})
    fig = share_bar(table, filtered=True)
    assert [t.name for t in fig.data] == ["of the speakers shown", "of the whole transcript"]
    assert [list(t.x) for t in fig.data] == [[100.0], [25.0]]
    assert fig.layout.xaxis.title.text == "Share of talk time (%)"


def test_clock_ticks_read_as_time_past_a_day():
    values, labels = clock_ticks(6000)
    assert labels[:3] == ["0:00", "15:00", "30:00"] and "1:30:00" in labels
    values, labels = clock_ticks(100_000)
    assert labels[-1] in ("24:00:00", "27:00:00", "30:00:00") and len(values) <= 9


def test_timeline_draws_speech_intervals_on_a_clock_axis():
    # one turn with a 28 s silence inside: two bars, not one 30 s block
    turns = pd.DataFrame(
        {
            "turn_id": [0],
            "speaker": ["A"],
            "text": ["One two three four"],
            "n_words": [4],
            "start_s": [0.0],
            "end_s": [30.0],
            "speech_s": [2.0],
            "speech_spans": ["0-1;29-30"],
        }
    )
    fig = timeline(speech_intervals(turns), turns, speaker_order=["A"], wpm=None)
    assert fig.layout.xaxis.type == "linear"
    assert fig.layout.xaxis.title.text == "Time from start (h:mm:ss)"
    assert list(fig.data[0].base) == [0.0, 29.0] and list(fig.data[0].x) == [1.0, 1.0]
    assert fig.data[0].customdata[0][5] == "One two three four"  # first words on hover
    assert list(fig.layout.xaxis.ticktext)[:2] == ["0:00", "0:05"]


def test_long_timelines_are_drawn_as_webgl_lines():
    n = MAX_TIMELINE_BARS + 1
    intervals = pd.DataFrame(
        {
            "turn_id": range(n),
            "speaker": ["A", "B"] * (n // 2) + ["A"] * (n % 2),
            "start_s": np.arange(n) * 2.0,
            "end_s": np.arange(n) * 2.0 + 1.5,
        }
    )
    fig = timeline(intervals, intervals.assign(text="x", n_words=1), speaker_order=["A", "B"], wpm=None)
    assert [trace.type for trace in fig.data] == ["scattergl", "scattergl"]
    assert "from the transcript's timestamps" in fig.layout.title.text
    # every interval is one segment (start, end, gap)
    assert len(fig.data[0].x) == 3 * int((intervals["speaker"] == "A").sum())


def test_cumulative_chart(seed_transcript):
    cum = cumulative_talk_time(seed_transcript.turns)
    fig = cumulative_chart(cum, speaker_order=["ANTONY BLINKEN", "REPORTER"], wpm=195)
    assert fig.layout.yaxis.title.text == "Talk time so far (seconds)"
    # Blinken's estimated total at the default rate, counted by hand in tests/test_pages.py
    assert max(fig.data[0].y) == pytest.approx(61.61, abs=0.01)
    # 16 points: SVG lines, which draw faster than a WebGL context
    assert [trace.type for trace in fig.data] == ["scatter", "scatter"]


def test_long_cumulative_charts_are_drawn_with_webgl():
    n = MAX_SVG_POINTS + 2
    cum = pd.DataFrame(
        {"speaker": ["A", "B"] * (n // 2), "time_s": np.arange(n, dtype=float), "cumulative_s": np.arange(n) / 2.0}
    )
    fig = cumulative_chart(cum, speaker_order=["A", "B"], wpm=None)
    assert [trace.type for trace in fig.data] == ["scattergl", "scattergl"]
    assert list(fig.data[1].x[:2]) == [1.0, 3.0]  # the same points either way


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
    assert [list(t.x) for t in fig.data] == [[60.0, 120.0], [30.0], []]  # seconds, labelled h:mm:ss
    assert fig.layout.xaxis.title.text == "Time from start (h:mm:ss)"
    assert list(fig.layout.xaxis.ticktext) == ["0:00", "1:00", "2:00", "3:00", "4:00", "5:00"]
    assert [list(c[2] for c in t.customdata) for t in fig.data[:2]] == [["1:00", "2:00"], ["0:30"]]
    # turns numbered from 1, as on every page
    by_turn = dispersion_chart(hits, phrases=["a", "b"], duration_s=300, by="turn", n_turns=5)
    assert [list(t.x) for t in by_turn.data] == [[2, 5], [1]] and by_turn.layout.xaxis.title.text == "Turn (1 = first)"
    table = log_odds({"A": {"tax": 3, "jobs": 1}, "B": {"tax": 1, "jobs": 5}})
    fig = log_odds_chart(table, speakers=["A", "B"])
    assert list(fig.data[0].y) == ["tax"] and list(fig.data[1].y) == ["jobs"]


def test_many_speakers_share_one_others_row_on_every_per_speaker_chart():
    # 20 speakers S00..S19, S00 talking longest: 20 s for S00, 19 s for S01, ... 1 s for S19
    # (one turn each). The 14 longest (S00..S13) keep a bar; S14..S19 (6, 5, 4, 3, 2 and 1 s:
    # 21 s, 6 words, 6 turns) are one "Others (6 speakers)" bar, drawn at the bottom.
    names = [f"S{i:02d}" for i in range(20)]
    table = pd.DataFrame(
        {
            "speaker": names,
            "talk_time_s": [float(20 - i) for i in range(20)],
            "talk_share": [(20 - i) / 210 for i in range(20)],
            "n_words": [1] * 20,
            "word_share": [0.05] * 20,
            "n_turns": [1] * 20,
        }
    )
    bars = talk_time_bar(table, wpm=None).data[0]
    assert len(bars.y) == 15
    assert bars.y[0] == "Others (6 speakers)" and bars.y[-1] == "S00"
    assert bars.x[0] == 21.0 and list(bars.customdata[0][1:]) == [6, pytest.approx(0.3 * 100), 6]
    share = share_bar(table, filtered=False).data[0]
    assert share.y[0] == "Others (6 speakers)" and share.x[0] == pytest.approx(100 * 21 / 210)
    short = talk_time_bar(table.head(15), wpm=None).data[0]
    assert len(short.y) == 15 and "Others" not in " ".join(short.y)  # 15 speakers: all drawn
    turns = _numeric_named_turns(names)
    order = names  # longest first
    lengths = turns.assign(turn_s=turn_seconds(turns))
    boxes = turn_length_chart(lengths, speaker_order=order, wpm=None)
    assert [t.name for t in boxes.data][-1] == "Others (6 speakers)" and len(boxes.data) == 15
    assert list(boxes.data[-1].customdata[:, 0]) == names[14:]  # each turn hovers its own speaker
    line = timeline(speech_intervals(turns), turns, speaker_order=order, wpm=None)
    assert line.layout.yaxis.categoryarray[0] == "Others (6 speakers)"
    assert set(line.data[0].y) == set(names[:14]) | {"Others (6 speakers)"}
    assert set(line.data[0].customdata[:, 0]) == set(names)  # hover keeps the real speaker
    cumulative = cumulative_chart(cumulative_talk_time(turns), speaker_order=order, wpm=None)
    assert len(cumulative.data) == 14 and "6 others not drawn" in cumulative.layout.xaxis.title.text


def test_phrases_by_speaker_use_each_speakers_colour():
    from components.charts import speaker_phrase_bar

    by_speaker = pd.DataFrame(
        {"speaker": ["A", "B"], "phrase": ["no change", "no change"], "count": [2, 1], "per_1000_words": [4.0, 2.0]}
    )
    colours = {"A": "#0072B2", "B": "#D55E00"}
    fig = speaker_phrase_bar(by_speaker, ["no change"], speaker_order=["B", "A"], colours=colours)
    assert {t.name: t.marker.color for t in fig.data} == {"A": "#0072B2", "B": "#D55E00"}

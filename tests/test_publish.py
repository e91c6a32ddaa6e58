"""Publish-ready output: source lines, named chart exports, speaker colours, story facts."""

import io
import re

import pandas as pd
import pytest

from components.charts import questions_bar, talk_time_bar, timeline
from components.publish import (
    SPEAKER_PALETTE,
    chart_file_name,
    cloud_png,
    figure_bytes,
    for_export,
    source_line,
    speaker_colours,
    transcript_date,
    wrap,
)
from podium import talk_time
from podium.roles import first_question_turn, longest_answer
from podium.story import say_duration, story_facts


def test_source_line_names_title_source_podium_and_rate(seed_transcript):
    line = source_line(seed_transcript, wpm=176)
    assert line == (
        "Blinken says no change to NATO's open-door policy · Source: blinken_nato_open_door.txt, "
        "analysis: Podium · times estimated at 176 words per minute"
    )
    assert "words per minute" not in source_line(seed_transcript)  # counts are no estimate


@pytest.mark.parametrize(
    "text, date",
    [
        ("Remarks by the President, January 26, 2022, Washington", "January 26, 2022"),
        ("Hearing of 3 March 2021", "3 March 2021"),
        ("recorded 2024-06-27 in Atlanta", "2024-06-27"),
        ("Speaking at a press conference on Wednesday", ""),  # a weekday is no date: never guessed
    ],
)
def test_transcript_date_is_taken_as_written_or_left_out(text, date):
    assert transcript_date(text) == date


def test_chart_file_names_are_whole_words_with_transcript_view_and_filter():
    assert chart_file_name("blinken_nato_open_door.txt", "talk_time", None, "png") == (
        "blinken_nato_open_door_talk_time.png"
    )
    assert chart_file_name("Debate <1>.srt", "phrases_2gram", ["MR. X"], "svg") == "Debate_1_phrases_2gram_MR_X.svg"
    long = chart_file_name("a" * 300 + ".txt", "talk_time", None, "html")
    assert long.endswith("_talk_time.html") and len(long) <= 120


def test_speaker_colours_are_stable_colour_blind_safe_and_distinct():
    colours = speaker_colours(["REPORTER", "ANTONY BLINKEN", "REPORTER"])
    # the Okabe-Ito palette's blue and vermillion, in order of first appearance
    assert colours == {"REPORTER": "#0072B2", "ANTONY BLINKEN": "#D55E00"}
    many = speaker_colours([f"S{i}" for i in range(16)])
    assert len(set(many.values())) == 16 == len(SPEAKER_PALETTE)


def test_charts_draw_each_speaker_in_their_colour_under_any_order(seed_transcript):
    turns = seed_transcript.turns
    colours = speaker_colours(seed_transcript.speakers)
    speakers = talk_time.speaker_table(turns)
    bar = talk_time_bar(speakers, wpm=176, colours=colours).data[0]
    assert dict(zip(bar.customdata[:, 0], bar.marker.color, strict=True)) == colours
    intervals = talk_time.speech_intervals(turns)
    line = timeline(intervals, turns, speaker_order=["ANTONY BLINKEN", "REPORTER"], wpm=176, colours=colours).data[0]
    assert dict(zip(intervals["speaker"], line.marker.color, strict=True)) == colours
    asked = pd.DataFrame({"questioner": ["REPORTER"], "answerer": ["ANTONY BLINKEN"], "n_questions": [3]})
    assert questions_bar(asked, colours=colours).data[0].marker.color == colours["ANTONY BLINKEN"]


def test_bar_labels_have_room_inside_the_plot(seed_transcript):
    speakers = talk_time.speaker_table(seed_transcript.turns)
    fig = talk_time_bar(speakers, wpm=176)
    top = speakers["talk_time_s"].max()  # under two minutes: seconds
    assert fig.layout.xaxis.range[1] == pytest.approx(top * 1.18)


def test_wrap_escapes_markup_and_breaks_at_spaces():
    assert (
        wrap("<b>Q&A</b> with a long tail of words", 12)
        == "&lt;b&gt;Q&amp;A&lt;/b&gt;<br>with a long<br>tail of<br>words"
    )


def test_exported_svg_carries_title_and_source_line(seed_transcript):
    speakers = talk_time.speaker_table(seed_transcript.turns)
    fig = talk_time_bar(speakers, wpm=176)
    source = source_line(seed_transcript, wpm=176)
    exported = for_export(fig, title=fig.layout.title.text, source=source)
    svg = figure_bytes(exported, "svg").decode("utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", svg).split()).replace("&amp;", "&")
    assert "Talk time per speaker (seconds, estimated at 176 words per minute)" in text
    assert "Source: blinken_nato_open_door.txt, analysis: Podium" in text
    assert "times estimated at" in text and "176 words per minute" in text
    png = figure_bytes(exported, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    assert Image.open(io.BytesIO(png)).width == 2000  # 1000 px at 2x for print
    html = figure_bytes(exported, "html").decode("utf-8")
    assert "analysis: Podium" in html and "<script src=" not in html  # self-contained: plotly.js inlined


def test_word_cloud_png_has_the_source_line_under_the_cloud():
    import numpy as np
    from PIL import Image

    cloud = np.full((100, 400, 3), 255, dtype=np.uint8)
    png = cloud_png(cloud, source="Title · Source: x.txt, analysis: Podium")
    image = Image.open(io.BytesIO(png))
    assert image.width == 400 and image.height > 100
    below = np.asarray(image)[100:]
    assert (below < 200).any()  # text drawn under the cloud


def test_say_duration():
    assert say_duration(56.48) == "56 seconds"
    assert say_duration(109.27) == "1 minute 49 seconds"
    assert say_duration(120) == "2 minutes"
    assert say_duration(3600 + 5 * 60 + 10) == "1 hour 5 minutes"


def _lengths(rows):
    return pd.DataFrame(rows, columns=["turn_id", "speaker", "role", "start_s", "turn_s"])


def test_story_facts_without_questions_or_repeated_phrases():
    speakers = pd.DataFrame(
        {"speaker": ["A", "B"], "talk_time_s": [30.0, 90.0], "talk_share": [0.25, 0.75], "n_words": [80, 240]}
        | {"n_turns": [1, 1]}
    )
    lengths = _lengths([(0, "A", "answer", 0.0, 30.0), (1, "B", "answer", 30.0, 90.0)])
    empty_phrases = pd.DataFrame(columns=["phrase", "n", "count", "n_turns"])
    empty_pairs = pd.DataFrame(columns=["question_speaker", "answer_words"])
    facts = story_facts(speakers, lengths, empty_phrases, empty_pairs, total_s=120, estimated=False)
    assert [f.text for f in facts] == [
        "B spoke the most: 1 minute 30 seconds, 75% of the talk time of two speakers.",
        # nobody asks, so no turn is an answer: the fact is about the longest turn
        "The longest turn ran 1 minute 30 seconds: B, turn 2, 0:30 in.",
        "In all, two speakers said 320 words in two turns, 2 minutes of speech.",
    ]
    assert [f.view for f in facts] == ["Speaker time", "Speaker time", "Overview"]


def test_story_facts_count_unanswered_questions_and_several_questioners():
    speakers = pd.DataFrame(
        {"speaker": ["Q1", "Q2", "A"], "talk_time_s": [5.0, 5.0, 50.0], "talk_share": [0.1, 0.1, 0.8]}
        | {"n_words": [10, 10, 1200], "n_turns": [2, 1, 2]}
    )
    lengths = _lengths([(0, "Q1", "question", 0, 5), (1, "A", "answer", 5, 45), (2, "Q2", "question", 50, 5)])
    pairs = pd.DataFrame({"question_speaker": ["Q1", "Q2", "Q1"], "answer_words": [100, 0, 0]})
    phrases = pd.DataFrame({"phrase": ["the border"], "n": [2], "count": [12], "n_turns": [11]})
    texts = [f.text for f in story_facts(speakers, lengths, phrases, pairs, total_s=60, estimated=True)]
    assert texts[2] == "The most repeated phrase was “the border”, said 12 times in 11 turns."
    assert texts[3] == "Two questioners asked three questions; one was answered."
    assert texts[4] == "In all, three speakers said 1,220 words in five turns, an estimated 1 minute of speech."


def test_people_on_several_transcripts_keep_fixed_colours_and_never_share_one():
    from components.publish import assign_colours

    fixed = {"ANTONY BLINKEN": SPEAKER_PALETTE[1], "Reporters": SPEAKER_PALETTE[0]}
    colours = assign_colours(["Donald J. Trump", "ANTONY BLINKEN", "Kamala Harris", "Reporters"], fixed)
    # the fixed two keep theirs; the others take the palette's next colours not already used
    assert colours == {
        "Donald J. Trump": SPEAKER_PALETTE[2],
        "ANTONY BLINKEN": SPEAKER_PALETTE[1],
        "Kamala Harris": SPEAKER_PALETTE[3],
        "Reporters": SPEAKER_PALETTE[0],
    }
    many = assign_colours([f"P{i}" for i in range(16)])
    assert len(set(many.values())) == 16


def test_source_line_of_several_transcripts_lists_files_and_the_estimate():
    from components.publish import several_source_line

    files = [f"event_{i}.txt" for i in range(7)]
    line = several_source_line("Events: A (2022-01-26); B (undated)", files, estimate="times estimated at 176 wpm")
    assert line == (
        "Events: A (2022-01-26); B (undated) · Source: event_0.txt, event_1.txt, event_2.txt, event_3.txt, "
        "event_4.txt and 2 more, analysis: Podium · times estimated at 176 wpm"
    )


def test_compare_charts_write_event_names_inside_the_plot_and_colour_people_as_told():
    from components.compare_charts import qa_bars, talk_share_bars

    shares = pd.DataFrame(
        {
            "event_id": ["e1", "e1", "e2", "e2"],
            "person": ["ANTONY BLINKEN", "Reporters", "Donald J. Trump", "Reporters"],
            "talk_time_s": [60.0, 40.0, 300.0, 100.0],
            "talk_share": [0.6, 0.4, 0.75, 0.25],
        }
    )
    names = {"e1": "Blinken says no change to NATO's open-door… (2022-01-26)", "e2": "Trump & Modi (2025-02-13)"}
    fig = talk_share_bars(shares, names, colours={"ANTONY BLINKEN": "#D55E00", "Reporters": "#0072B2"})
    colour = {t.name: t.marker.color for t in fig.data}
    assert colour["ANTONY BLINKEN"] == "#D55E00" and colour["Reporters"] == "#0072B2"
    assert colour["Donald J. Trump"] not in {"#D55E00", "#0072B2"}
    # Trump has the most talk time in all: first in the legend
    assert fig.data[0].name == "Donald J. Trump"
    assert fig.layout.yaxis.showticklabels is False  # names over the bars, not beside them
    written = [a.text for a in fig.layout.annotations]
    assert written == ["Trump &amp; Modi (2025-02-13)", "Blinken says no change to NATO's<br>open-door… (2022-01-26)"]
    summary = pd.DataFrame({"event_id": ["e1", "e2"], "n_answered": [2, 14], "n_unanswered": [1, 0]})
    qa = qa_bars(summary, names)
    assert [list(t.x) for t in qa.data] == [[14, 2], [0, 1]]  # bottom to top: e2, e1


def test_page_keeps_room_above_the_plot_for_panel_titles():
    from components.charts import log_odds_chart
    from components.publish import for_page
    from podium.logodds import log_odds

    table = log_odds({"ANTONY BLINKEN": {"tax": 3, "jobs": 1}, "REPORTER": {"tax": 1, "jobs": 5}})
    fig = log_odds_chart(table, speakers=["ANTONY BLINKEN", "REPORTER"], colours={"ANTONY BLINKEN": "#D55E00"})
    assert fig.data[0].marker.color == "#D55E00"
    assert [a.text for a in fig.layout.annotations][:2] == ["ANTONY<br>BLINKEN", "REPORTER"]
    assert for_page(fig).layout.margin.t == 10 + 8 + 2 * 18  # two lines of panel title


def test_page_spec_is_the_page_figure_without_building_it_twice(seed_transcript):
    """The spec sent to the browser is exactly :func:`for_page`'s figure, for charts with and without
    a legend, panel titles and a tie-cut subtitle."""
    import json

    import plotly.io as pio

    from components.charts import cumulative_chart, log_odds_chart, phrase_bar, share_bar, talk_time_bar
    from components.publish import for_page, page_spec
    from podium.logodds import log_odds
    from podium.phrases import count_ngrams
    from podium.talk_time import cumulative_talk_time, speaker_table

    speakers = speaker_table(seed_transcript.turns)
    figures = [
        talk_time_bar(speakers, wpm=195),
        share_bar(speakers.assign(talk_share_shown=speakers["talk_share"]), filtered=True),
        cumulative_chart(
            cumulative_talk_time(seed_transcript.turns), speaker_order=["ANTONY BLINKEN", "REPORTER"], wpm=None
        ),
        phrase_bar(count_ngrams(seed_transcript.turns["text"], n=2), top=3),
        log_odds_chart(log_odds({"A B": {"tax": 3, "jobs": 1}, "C": {"tax": 1, "jobs": 5}}), speakers=["A B", "C"]),
    ]
    for fig in figures:
        before = pio.to_json(fig)
        spec = page_spec(fig)
        assert pio.to_json(fig) == before  # the figure itself is left as it was
        assert spec["layout"]["title"] == {}
        assert json.loads(pio.to_json(spec)) == json.loads(pio.to_json(for_page(fig).to_dict()))


@pytest.mark.parametrize(
    "fmt, integer, grouped",
    [
        ("%d", True, "%,d"),
        ("%.1f", False, "%,.1f"),
        ("Talk %.0f s", False, "Talk %,.0f s"),
        ("%,d", True, "%,d"),
        ("%-5d", True, "%-,5d"),  # sprintf-js reads the , flag after the alignment flag
        ("localized", True, "%,d"),  # the reader's locale would write 1.234 in German: one format
        (None, True, "%,d"),
        ("percent", False, "percent"),
        (None, False, None),
    ],
)
def test_grid_number_formats_get_thousands_separators(fmt, integer, grouped):
    from components.numbers import grouped_format

    assert grouped_format(fmt, integer=integer) == grouped


def test_grid_config_groups_every_number_column_and_leaves_the_rest():
    import streamlit as st

    from components.numbers import grouped

    frame = pd.DataFrame({"speaker": ["A"], "n_words": [2102], "share": [0.5], "flag": [True], "secs": [1234.5]})
    config = {
        "speaker": "Speaker",
        "share": st.column_config.NumberColumn("Share", format="percent"),
        "secs": st.column_config.NumberColumn("Seconds", format="%.1f", help="estimated"),
        "missing": "Not in the frame",
    }
    out = grouped(frame, config)
    assert out["speaker"] == "Speaker" and out["missing"] == "Not in the frame" and "flag" not in out
    assert out["n_words"]["type_config"]["format"] == "%,d"  # had no entry: shown "2,102", not "2102"
    assert out["share"]["type_config"]["format"] == "percent"
    assert out["secs"]["type_config"]["format"] == "%,.1f" and out["secs"]["help"] == "estimated"
    assert config["secs"]["type_config"]["format"] == "%.1f"  # the caller's config is not changed


def test_an_opening_statement_is_not_the_longest_answer():
    # a joint press conference: two opening statements (6 min and 5 min), then questions
    lengths = _lengths(
        [
            (0, "PRESIDENT", "answer", 0.0, 360.0),
            (1, "PRIME MINISTER", "answer", 360.0, 300.0),
            (2, "Q", "question", 660.0, 20.0),
            (3, "PRESIDENT", "answer", 680.0, 95.0),
            (4, "Q", "question", 775.0, 15.0),
            (5, "PRIME MINISTER", "answer", 790.0, 120.0),
        ]
    )
    assert first_question_turn(lengths) == 2
    row, kind = longest_answer(lengths, first_question_turn(lengths))
    assert (kind, row["speaker"], int(row["turn_id"]), row["turn_s"]) == ("answer", "PRIME MINISTER", 5, 120.0)
    # a filter on the president: his opening is still not an answer (first question of the whole)
    president = lengths[lengths["speaker"] == "PRESIDENT"]
    row, kind = longest_answer(president, first_question_turn(lengths))
    assert (kind, int(row["turn_id"])) == ("answer", 3)
    # only the opening shown: it is the longest turn, not an answer
    row, kind = longest_answer(lengths.iloc[:1], first_question_turn(lengths))
    assert (kind, int(row["turn_id"])) == ("turn", 0)
    assert longest_answer(lengths.iloc[:0], 2) == (None, "turn")
    facts = story_facts(
        pd.DataFrame(
            {"speaker": ["PRESIDENT", "PRIME MINISTER", "Q"], "talk_time_s": [455.0, 420.0, 35.0]}
            | {"talk_share": [0.5, 0.46, 0.04], "n_words": [1500, 1400, 100], "n_turns": [2, 2, 2]}
        ),
        lengths,
        pd.DataFrame(columns=["phrase", "n", "count", "n_turns"]),
        pd.DataFrame(columns=["question_speaker", "answer_words"]),
        total_s=910,
        estimated=False,
    )
    assert facts[1].text == "The longest answer ran 2 minutes: PRIME MINISTER, turn 6, 13:10 in."


def test_md_code_shows_text_literally():
    from components.render import md_code

    assert md_code("/work/tmp_test/library") == "`/work/tmp_test/library`"
    assert md_code("a`b") == "``a`b``"
    assert md_code("`x`") == "`` `x` ``"


def test_story_phrase_table_is_the_phrases_page_default(seed_transcript):
    """The story's cheaper two-word tally gives the Phrases page's default table, row for row."""
    from podium.parse import parse_bytes
    from podium.phrases import phrase_table_from_tally, stopwords, tally
    from podium.story import repeated_phrases
    from tests.conftest import CORPUS

    inputs = [seed_transcript.turns]
    for path in sorted(CORPUS.glob("*/*.txt"))[:6]:
        inputs.append(parse_bytes(path.read_bytes(), name=path.name).turns)
    columns = ["phrase", "n", "count", "n_turns", "per_1000_words"]
    for turns in inputs:
        full = tally(turns["text"], turns["speaker"])
        page = phrase_table_from_tally(full, ns=(2,), min_count=2, stops=stopwords())
        story = repeated_phrases(turns["text"])
        pd.testing.assert_frame_equal(story[columns], page[columns])
    # counted by hand in the seed: "no change" once in a reporter's question and twice in the answer
    # (the headline's is not speech)
    top = repeated_phrases(seed_transcript.turns["text"]).iloc[0]
    assert (top["phrase"], top["count"], top["n_turns"]) == ("no change", 3, 2)


def test_story_counts_questioners_not_joined_labels():
    # a question put over two turns is labelled "MODERATOR / Q": two people asked, not three
    speakers = pd.DataFrame(
        {"speaker": ["MODERATOR", "Q", "MAYOR"], "talk_time_s": [10.0, 5.0, 60.0], "talk_share": [0.13, 0.07, 0.8]}
        | {"n_words": [30, 10, 200], "n_turns": [2, 2, 3]}
    )
    lengths = _lengths([(0, "MODERATOR", "question", 0, 5), (1, "Q", "question", 5, 5), (2, "MAYOR", "answer", 10, 60)])
    pairs = pd.DataFrame({"question_speaker": ["MODERATOR / Q", "MODERATOR", "Q"], "answer_words": [50, 40, 30]})
    no_phrases = pd.DataFrame(columns=["phrase", "n", "count", "n_turns"])
    texts = [f.text for f in story_facts(speakers, lengths, no_phrases, pairs, total_s=75, estimated=False)]
    assert "Two questioners asked three questions; all were answered." in texts


def test_longest_answer_ties_go_to_more_words_as_in_the_speaker_table():
    lengths = pd.DataFrame(
        [
            (0, "Q", "question", 0.0, 2.0, 5),
            (1, "A", "answer", 2.0, 6.0, 8),
            (2, "Q", "question", 8.0, 2.0, 4),
            (3, "A", "answer", 10.0, 6.0, 12),
        ],
        columns=["turn_id", "speaker", "role", "start_s", "turn_s", "n_words"],
    )
    row, kind = longest_answer(lengths, first_question_turn(lengths))
    assert (kind, int(row["turn_id"])) == ("answer", 3)  # 6 s each: 12 words beat 8


def test_the_phrase_fact_quotes_the_phrase_as_it_was_said():
    from podium import parse_text
    from podium.story import repeated_phrases

    text = (
        "HOLT: What came of yesterday's meeting?\n\n"
        "BLINKEN: What's important is what we achieved at yesterday's meeting.\n\n"
        "HOLT: And the border talks? Border Talks resume Monday?\n\n"
        "BLINKEN: The border talks resume Monday.\n"
    )
    turns = parse_text(text, name="holt.txt").turns
    phrases = repeated_phrases(turns["text"])
    speakers = pd.DataFrame(
        {"speaker": ["HOLT", "BLINKEN"], "talk_time_s": [5.0, 8.0], "talk_share": [0.4, 0.6]}
        | {"n_words": [12, 16], "n_turns": [2, 2]}
    )
    lengths = _lengths([(0, "HOLT", "question", 0, 3), (1, "BLINKEN", "answer", 3, 4)])
    no_pairs = pd.DataFrame({"question_speaker": [], "answer_words": []})
    facts = story_facts(speakers, lengths, phrases, no_pairs, total_s=13, estimated=True, turns=turns)
    said = [f.text for f in facts if f.view == "Phrases"]
    # "border talks" 3 times (once capitalised), "resume monday" 2, "yesterday meeting" 2: the first is quoted
    # as most often written, with the other form named; never the counted, unsaid "yesterday meeting"
    assert said == [
        "The most repeated phrase was “border talks” (counted with “Border Talks”), said three times in two turns."
    ]
    from podium.story import written_forms

    assert written_forms(turns, "yesterday meeting") == ["yesterday's meeting"]

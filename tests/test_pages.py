"""Every page rendered by Streamlit's AppTest: renders, filters, keeps the filter across pages."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import copy_boxes, headline_numbers

APP = str(Path(__file__).parents[1] / "app.py")
PAGES = ["app.py", "pages/1_Speaker_time.py", "pages/2_Phrases.py", "pages/3_Q_and_A.py"]


def _app(page="app.py", **query):
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    if page != "app.py":
        at.switch_page(page)
    return at.run()


def _text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _query(at, key) -> list[str]:
    value = at.query_params[key]
    return [value] if isinstance(value, str) else list(value)


def _frame(at, column):
    """The first table on the page with ``column``."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _speakers_widget(at):
    return next(w for w in at.multiselect if w.label == "Filter speakers")


@pytest.mark.parametrize("page_path", PAGES)
def test_page_renders_without_exception(page_path):
    at = _app(page_path)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert _speakers_widget(at).options == ["REPORTER", "ANTONY BLINKEN"]


def test_overview_headline_numbers():
    at = _app()
    assert at.title[0].value == "Blinken says no change to NATO's open-door policy"
    stats = " ".join(str(h.proto.body) for h in at.get("html"))
    assert '<div class="v">2</div><div class="k">Speakers</div>' in stats
    assert '<div class="v">6</div><div class="k">Turns</div>' in stats
    assert "2 speakers took 6 turns" in _text(at)


def test_overview_story_facts_have_live_numbers_and_turns_from_1():
    at = _app()
    facts = copy_boxes(at)
    # hand-checked in the comment above test_speaker_time_headline_and_tables: Blinken 61.61 s of
    # 122.94 s (50.1%); his longest answer is the second turn, 41.49 s from 50.50 s; "no change" is
    # said three times in two turns (the headline is not speech); three questions, all answered
    assert facts == [
        "ANTONY BLINKEN spoke the most: an estimated 1 minute 2 seconds, 50% of the talk time of two speakers.",
        "The longest answer ran about 41 seconds: ANTONY BLINKEN, turn 2, about 0:51 in.",
        "The most repeated phrase was “no change”, said three times in two turns.",
        "REPORTER asked two questions; both were answered.",  # "Well, there is no change..." asks nothing
        "In all, two speakers said 339 words in six turns, an estimated 2 minutes 3 seconds of speech.",
    ]
    links = [(p.proto.label, p.proto.page) for p in at.get("page_link") if p.proto.label.startswith("See it")]
    assert links == [
        ("See it on Speaker time", "Speaker_time"),
        ("See it on Speaker time", "Speaker_time"),
        ("See it on Phrases", "Phrases"),
        ("See it on Q&A", "Q_and_A"),
    ]


# The seed at the default 195 words per minute for a 10-word sentence (counted by hand): each turn
# counts its words less 2.75 per sentence, at 195 * 0.725 = 141.375 words per minute (0.4244 s a
# word), never faster than 400 wpm. The reporter: 130 words in 4 sentences (119 words), 17 in 1
# (14.25), 14 in 1 (11.25): 144.5 words = 61.33 s. Blinken: 106 words in 3 sentences (97.75 words =
# 41.49 s), 4 in 1 ("This isn't about concessions--": 1.25 words = 0.53 s, so the floor, 4 words at
# 400 wpm = 0.6 s), 68 in 8 (46 words = 19.52 s): 61.61 s. Together 122.94 s = 2 min 3 s, Blinken's
# share 50.1%. His longest answer is the second turn (turn 2 on the pages, which number turns from
# 1): 41.49 s, starting after the reporter's first 50.50 s.
def test_speaker_time_headline_and_tables():
    at = _app("pages/1_Speaker_time.py")
    text = _text(at)
    assert "ANTONY BLINKEN spoke for 50% of the estimated 2 min 3 s of speech" in text
    assert "the longest answer ran 41 s (ANTONY BLINKEN, turn 2 at 0:51)" in text
    table = at.dataframe[0].value
    assert list(table["speaker"]) == ["ANTONY BLINKEN", "REPORTER"]
    assert list(table["n_turns"]) == [3, 3]
    assert table["talk_time_s"].round(1).tolist() == [61.6, 61.3]
    assert table["talk_share_pct"].round(1).tolist() == [50.1, 49.9]
    # the reporter cut Blinken off after "This isn't about concessions--"
    interruptions = at.dataframe[1].value
    assert interruptions[["interrupter", "interrupted", "cut_off_words"]].values.tolist() == [
        ["REPORTER", "ANTONY BLINKEN", "This isn't about concessions--"]
    ]
    turn_taking = at.dataframe[2].value.set_index("speaker")
    assert turn_taking.loc["REPORTER", "questions_asked"] == 2
    note = "\n".join(m.value for m in at.expander[0].markdown)
    assert "off by 6.1% on average" in note and "0.9 percentage points" in note
    assert "average more than 60 words" in note  # the rule for run-on turns is stated where times are read
    assert not at.exception


def test_speaker_time_with_a_filter_gives_both_shares():
    at = _app("pages/1_Speaker_time.py", speaker="ANTONY BLINKEN")
    assert not at.exception
    text = _text(at)
    assert (
        "ANTONY BLINKEN spoke for 1 min 2 s: 100% of the estimated talk time of the 1 speaker shown "
        "and 50% of the whole transcript's" in text
    )
    table = at.dataframe[0].value
    assert list(table["speaker"]) == ["ANTONY BLINKEN"]
    assert table["talk_share_shown_pct"].tolist() == [100.0]
    assert table["talk_share_pct"].round(1).tolist() == [50.1]  # 61.61 s of 122.94 s, by hand above


def test_phrases_page_counts_and_kwic():
    at = _app("pages/2_Phrases.py")
    assert "“no change” is the most repeated 2-word phrase: 3 times" in _text(at)
    table = _frame(at, "maximal").set_index("phrase")
    assert table.loc["open door", "count"] == 3
    kwic = _frame(at, "quote")
    assert list(kwic["turn_id"]) == [5, 6, 6]  # turns 4, 5, 5 numbered from 1 on the page


def test_phrases_page_n_selector():
    at = _app("pages/2_Phrases.py")
    at.button_group(key="phrase_n_widget").set_value(3).run()
    assert not at.exception
    assert "most repeated 3-word phrase" in _text(at)
    assert set(_frame(at, "maximal")["n"]) == {3}
    # the choice survives a visit to another page
    at.switch_page("pages/1_Speaker_time.py").run()
    at.switch_page("pages/2_Phrases.py").run()
    assert at.button_group(key="phrase_n_widget").value == 3
    assert set(_frame(at, "maximal")["n"]) == {3}


def test_qa_page_pairs():
    at = _app("pages/3_Q_and_A.py")
    assert "2 questions put, 2 answered" in _text(at)
    # the first question ends in three question marks ("...Eastern Europe?", "Is that what this says?",
    # "Is there anything different ...?"), the second in one
    assert "**, with 4 question sentences in all (a multi-part question counts each part)" in _text(at)
    pairs = at.dataframe[0].value
    assert list(pairs["question_turn_id"]) == [0, 2]
    assert list(pairs["answer_turn_ids"]) == ["1", "3 4 5"]
    html = "".join(str(h.proto.body) for h in at.get("html"))
    # the first answer's deflection phrase is highlighted in place, the second answer is cut off
    assert '<mark class="podium-deflect">without going into the specifics</mark>' in html
    assert "the answer was cut off" in html
    assert "Signals behind the label" in html


def _qa_with(data: bytes, name: str = "crafted.txt"):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["podium_source"] = {"name": name, "data": data, "format": "auto"}
    at.run()
    at.switch_page("pages/3_Q_and_A.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_qa_headline_with_a_filter_does_not_name_the_filter_as_answerers():
    # MS. PSAKI answers the levy question; MR. LITTLE answers the library one
    data = (
        b"Q: Will the levy pass?\n\nMS. PSAKI: I'm not going to get into the levy.\n\n"
        b"REPORTER: What about the library budget?\n\n"
        b"MR. LITTLE: The library budget grows by ten percent next year.\n"
    )
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["podium_source"] = {"name": "crafted.txt", "data": data, "format": "auto"}
    at.query_params["speaker"] = ["MS. PSAKI", "Q"]
    at.run()
    at.switch_page("pages/3_Q_and_A.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "**1 question put, 1 answered** in the exchanges where MS. PSAKI, Q asked or answered" in _text(at)
    assert "(by MS. PSAKI" not in _text(at)


def test_qa_page_escapes_transcript_text():
    at = _qa_with(b"Q: Is <script>alert(1)</script> safe?\n\nMR. SMITH: No, and x < y && y > z.\n")
    assert at.dataframe[0].value.loc[0, "question"] == "Is <script>alert(1)</script> safe?"
    html = "".join(str(h.proto.body) for h in at.get("html"))
    assert "<script>alert(1)</script>" not in html
    assert "Is &lt;script&gt;alert(1)&lt;/script&gt; safe?" in html
    assert "x &lt; y &amp;&amp; y &gt; z" in html


def test_qa_page_search_filters_sort_and_remarks():
    data = (
        b"Q: Good afternoon.\n\nMS. PSAKI: Good afternoon. Two announcements at the top.\n\n"
        b"Q: Will the levy pass?\n\nMS. PSAKI: I'm not going to get into the levy.\n\n"
        b"REPORTER: What about the library budget?\n\n"
        b"MR. LITTLE: The library budget grows by ten percent next year.\n\n"
        b"Q: Thank you.\n\nMS. PSAKI: Thanks, everyone.\n"
    )
    at = _qa_with(data)
    assert "2 questions put, 2 answered" in _text(at)
    labels = [e.label for e in at.expander]
    # "Good afternoon." 2 + "Good afternoon. Two announcements at the top." 7: every word the box shows
    assert "Opening statement: Q / MS. PSAKI, 9 words (not an answer)" in labels
    assert any(label.startswith("Closing remarks: Q / MS. PSAKI") for label in labels)
    html = "".join(str(h.proto.body) for h in at.get("html"))
    assert "9 words · turns 1, 2</span>" in html  # turns numbered from 1, as the pairs' are
    next(w for w in at.text_input if w.label == "Search questions and answers").set_value("library").run()
    assert list(at.dataframe[0].value["pair_id"]) == [2]  # pairs numbered from 1 on the page
    next(w for w in at.text_input if w.label == "Search questions and answers").set_value("").run()
    next(w for w in at.multiselect if w.label == "Answered by").set_value(["MS. PSAKI"]).run()
    assert list(at.dataframe[0].value["pair_id"]) == [1]
    next(w for w in at.multiselect if w.label == "Answered by").set_value([]).run()
    next(w for w in at.selectbox if w.label == "Sort by").set_value("Longest answer first").run()
    assert list(at.dataframe[0].value["pair_id"]) == [2, 1]
    next(w for w in at.selectbox if w.label == "Sort by").set_value("Label: direct, partial, deflected").run()
    assert list(at.dataframe[0].value["label"]) == sorted(
        at.dataframe[0].value["label"], key=["direct", "partial", "deflected"].index
    )
    next(w for w in at.multiselect if w.label == "Label").set_value(["deflected"]).run()
    assert list(at.dataframe[0].value["pair_id"]) == [1]


def test_qa_page_explains_inferred_roles():
    data = b"\n\n".join(
        [
            b"SPEAKER_00: Welcome. What made you run?",
            b"SPEAKER_01: The library closed.",
            b"SPEAKER_00: How did it go? Was it hard?",
            b"SPEAKER_01: It was hard.",
            b"SPEAKER_00: Will you back the levy?",
            b"SPEAKER_01: Yes.",
        ]
    )
    at = _qa_with(data, "diarized.txt")
    notices = "\n".join(i.value for i in at.info)
    assert "roles were inferred from what speakers do. Taken to ask: SPEAKER_00 asks 4 questions" in notices
    assert list(at.dataframe[0].value["question_speaker"]) == ["SPEAKER_00"] * 3


def test_pair_link_opens_its_turn_in_the_transcript():
    at = _app(turn="2")
    assert "Linked turn 3:" in "\n".join(c.value for c in at.caption)  # turn_id 2 is the third turn
    assert "turn" not in at.query_params


def test_filter_from_url_applies_on_every_page():
    at = _app(speaker="ANTONY BLINKEN")
    assert _speakers_widget(at).value == ["ANTONY BLINKEN"]
    stats = " ".join(str(h.proto.body) for h in at.get("html"))
    assert '<div class="v">3</div><div class="k">Turns</div>' in stats
    at.switch_page("pages/1_Speaker_time.py").run()
    assert list(at.dataframe[0].value["speaker"]) == ["ANTONY BLINKEN"]
    at.switch_page("pages/2_Phrases.py").run()
    kwic = _frame(at, "quote")
    assert set(kwic["speaker"]) == {"ANTONY BLINKEN"}
    # Blinken says "open door" three times (turns 1, 1, 5) and "no change" twice (turn 5)
    assert "“open door” is the most repeated 2-word phrase: 3 times" in _text(at)
    at.switch_page("pages/3_Q_and_A.py").run()
    assert len(at.dataframe[0].value) == 2  # Blinken answers both questions
    assert _query(at, "speaker") == ["ANTONY BLINKEN"]


def test_filter_chosen_in_the_sidebar_survives_page_switches():
    at = _app()
    _speakers_widget(at).set_value(["REPORTER"]).run()
    stats = " ".join(str(h.proto.body) for h in at.get("html"))
    assert '<div class="v">3</div><div class="k">Turns</div>' in stats
    assert _query(at, "speaker") == ["REPORTER"]
    for page_path in PAGES[1:] + PAGES[:1]:
        at.switch_page(page_path).run()
        assert not at.exception
        assert _speakers_widget(at).value == ["REPORTER"], page_path
    at.switch_page("pages/1_Speaker_time.py").run()
    assert list(at.dataframe[0].value["speaker"]) == ["REPORTER"]


def test_unknown_speaker_in_url_is_ignored():
    at = _app(speaker="NOBODY")
    assert not at.exception
    assert _speakers_widget(at).value == []
    assert len(at.warning) == 1
    assert headline_numbers(at)["Turns"] == "6"


def test_speaking_rate_changes_durations_and_url():
    at = _app()
    # 339 words less 2.75 for each of 18 sentences = 289.5 words at 141.375 wpm, plus 0.07 s where
    # "This isn't about concessions--" is floored (see above): 122.94 s = 2.0 min
    assert headline_numbers(at)["Duration"] == "2.0 min"
    rate = next(w for w in at.number_input if w.label.startswith("Speaking rate"))
    rate.set_value(100.0).run()
    # at 100 wpm (base 72.5 wpm, no turn floored): 289.5 words * 60 / 72.5 = 239.6 s = 4.0 min
    assert headline_numbers(at)["Duration"] == "4.0 min"
    assert _query(at, "wpm") == ["100"]
    at.switch_page("pages/1_Speaker_time.py").run()
    assert any("rate 100 words per minute" in c.value for c in at.caption)


def test_bad_rate_in_url_falls_back_to_default_with_a_notice():
    at = _app(wpm="fast")
    assert not at.exception
    assert headline_numbers(at)["Duration"] == "2.0 min"  # the default rate: 122.94 s, by hand above
    assert any("speaking rate “fast” is not a number" in w.value for w in at.warning)


def test_two_url_problems_give_two_notices():
    at = _app(wpm="abc", speaker="NOBODY")
    texts = [w.value for w in at.warning]
    assert len(texts) == 2
    assert any("“abc”" in t for t in texts) and any("(NOBODY)" in t for t in texts)


def test_duplicate_and_unknown_speakers_in_the_url():
    at = _app(speaker=["REPORTER", "REPORTER", "SPEAKER_01"])
    assert not at.exception
    assert _speakers_widget(at).value == ["REPORTER"]
    assert any("not in blinken_nato_open_door.txt (SPEAKER_01)" in w.value for w in at.warning)


def test_format_override_and_back():
    at = _app()
    at.selectbox(key="podium_format_Overview").set_value("plain").run()
    assert not at.exception
    assert _speakers_widget(at).options == ["UNKNOWN"]
    at.switch_page("pages/1_Speaker_time.py").run()
    assert list(at.dataframe[0].value["speaker"]) == ["UNKNOWN"]
    # a format that cannot read the file leaves one sentence and the previous reading
    at.selectbox(key="podium_format_Speaker time").set_value("stt_json").run()
    assert not at.exception
    assert any("Could not read blinken_nato_open_door.txt as speech-to-text json" in e.value for e in at.error)
    assert list(at.dataframe[0].value["speaker"]) == ["UNKNOWN"]
    at.selectbox(key="podium_format_Speaker time").set_value("auto").run()
    assert list(at.dataframe[0].value["speaker"]) == ["ANTONY BLINKEN", "REPORTER"]


def test_overview_shows_stage_directions_and_page_text_for_a_corpus_file():
    from tests.conftest import FIXTURES

    at = AppTest.from_file(APP, default_timeout=60)
    path = FIXTURES / "wh_trump_modi_joint_presser_2025-02-13.md"
    at.session_state["podium_source"] = {"name": path.name, "data": path.read_bytes(), "format": "auto"}
    at.run()
    assert not at.exception
    stage = at.dataframe[0].value.set_index("stage_direction")
    # (Cross-talk.) appears 12 times in the file, counted by grep
    assert stage.loc["cross-talk", "count"] == 12
    assert at.title[0].value.startswith("Remarks by President Trump and Prime Minister Narendra Modi")


def test_long_transcripts_are_shown_a_part_at_a_time():
    from tests.conftest import SEED

    seed = SEED.read_bytes()
    body = seed.split(b"Video Transcript", 1)[1]
    data = seed + body * 99  # 100 copies of the exchange: 600 turns, 200 question/answer pairs
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["podium_source"] = {"name": "long.txt", "data": data, "format": "auto"}
    at.run()
    assert headline_numbers(at)["Turns"] == "600"
    part = next(w for w in at.number_input if w.label.startswith("Part (of 3, 200 turns each)"))
    assert "showing turns 1 to 200" in "\n".join(c.value for c in at.caption)
    part.set_value(3).run()
    assert "showing turns 401 to 600" in "\n".join(c.value for c in at.caption)
    at.switch_page("pages/3_Q_and_A.py").run()
    # each copy is two pairs: the reporter's "Well, there is no change ..." asks nothing
    assert any(w.label.startswith("Part (of 4, 50 pairs each)") for w in at.number_input)
    assert len(at.dataframe[0].value) == 200  # the table keeps every pair


def test_page_text_notice_is_on_the_overview_only():
    # the seed's headline and summary (70 words before the first label) are page text: said once,
    # where the page text is listed, not at the top of every view
    overview = "\n".join(i.value for i in _app().info)
    assert "70 words before the first speaker label" in overview
    for page in ("pages/1_Speaker_time.py", "pages/2_Phrases.py", "pages/3_Q_and_A.py"):
        assert not any("kept as page text" in i.value for i in _app(page).info), page


def test_chart_source_lines_carry_the_librarys_date():
    # the bundled transcript's text names no date ("on Wednesday"); the library records 2022-01-26
    at = _app("pages/1_Speaker_time.py")
    captions = [c.value for c in at.caption if "analysis: Podium" in c.value]
    assert captions and all("2022-01-26" in c for c in captions)
    assert "Blinken says no change to NATO's open-door policy · 2022-01-26 · Source:" in captions[0]


def test_speaker_time_names_every_speaker_tied_for_most_interruptions():
    # ANNA starts at 10.0 s while BOB speaks until 10.5 s (0.5 s early); CARL follows ANNA's cut-off "--":
    # one interruption each
    srt = (
        "1\n00:00:00,000 --> 00:00:08,000\nANNA: Good morning. The budget is late again.\n\n"
        "2\n00:00:08,500 --> 00:00:10,500\nBOB: When will the budget pass?\n\n"
        "3\n00:00:10,000 --> 00:00:16,000\nANNA: The budget will pass in March, I think.\n\n"
        "4\n00:00:20,000 --> 00:00:23,000\nCARL: Is the strike over? Who pays for it?\n\n"
        "5\n00:00:23,000 --> 00:00:26,000\nANNA: The strike is not over--\n\n"
        "6\n00:00:26,000 --> 00:00:28,000\nCARL: So no deal.\n"
    )
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["podium_source"] = {"name": "t.srt", "data": srt.encode(), "format": "auto"}
    at.run()
    at.switch_page("pages/1_Speaker_time.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "**2 interruptions**; most by ANNA and CARL (1 each)." in _text(at)

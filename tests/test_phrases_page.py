"""The Phrases page (AppTest): speakers side by side, distinctive terms, search, clouds, empty states."""

import io
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from components.charts import cloud_frequencies
from podium.export import to_csv_bytes
from podium.phrases import phrase_table
from tests.conftest import copy_boxes

APP = str(Path(__file__).parents[1] / "app.py")


def _phrases(**query):
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page("pages/2_Phrases.py")
    return at.run()


def _frame(at, column):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_speakers_side_by_side_and_distinctive_terms():
    at = _phrases()
    assert not at.exception, [e.value for e in at.exception]
    table = _frame(at, "maximal").set_index("phrase")
    # "no change": REPORTER once (turn 4), ANTONY BLINKEN twice (turn 5)
    assert table.loc["no change", "REPORTER: count"] == 1
    assert table.loc["no change", "ANTONY BLINKEN: count"] == 2
    distinctive = _frame(at, "z")
    assert set(distinctive["speaker"]) <= {"REPORTER", "ANTONY BLINKEN"}
    assert (distinctive["count"] + distinctive["count_others"] >= 2).all()
    assert len(at.get("plotly_chart")) >= 3  # top phrases, speakers side by side, distinctive terms


def test_search_any_word_with_quote_and_link():
    at = _phrases()
    at.text_input(key="kwic_query_widget").set_value("pointblank").run()
    lines = _frame(at, "quote")
    assert list(lines["turn_id"]) == [1] and list(lines["speaker"]) == ["REPORTER"]  # turn 0, numbered from 1
    quote = copy_boxes(at)[0]
    assert "REPORTER asked at about" in quote and "pointblank" in quote
    at.button_group(key="dispersion_by_widget").set_value("turn").run()
    assert not at.exception
    assert at.get("plotly_chart")[-1].proto.spec  # the dispersion plot by turn is drawn
    at.text_input(key="kwic_query_widget").set_value("Lander").run()
    assert any("is not said in the turns" in i.value for i in at.info)


def test_empty_selection_says_so_in_plain_words():
    at = _phrases()
    at.number_input(key="phrase_min_widget").set_value(50).run()
    assert not at.exception
    infos = [i.value for i in at.info]
    assert any("No 2-word phrase occurs 50 times or more" in i for i in infos)
    assert any(i.startswith("No cloud") for i in infos)


def test_edited_stopwords_and_maximal_view():
    at = _phrases()
    phrases = set(_frame(at, "maximal")["phrase"])
    assert "will uphold" in phrases
    at.text_area(key="phrase_stopwords_widget").set_value("the, of, will").run()
    assert "will uphold" not in set(_frame(at, "maximal")["phrase"])
    at.button_group(key="phrase_n_widget").set_value(4).run()
    at.toggle(key="phrase_maximal_widget").set_value(True).run()
    table = _frame(at, "maximal")
    assert table["maximal"].all()


def test_one_cloud_per_speaker():
    at = _phrases()
    assert len(at.get("image")) == 1
    at.toggle(key="phrase_cloud_per_speaker_widget").set_value(True).run()
    assert len(at.get("image")) == 2


def test_cloud_table_and_csv_give_the_same_numbers(seed_transcript):
    table = phrase_table(seed_transcript.turns["text"], ns=(2,))
    frequencies = cloud_frequencies(table)
    csv = pd.read_csv(io.BytesIO(to_csv_bytes(table)), encoding="utf-8-sig")
    assert frequencies == dict(zip(csv["phrase"], csv["count"].astype(float), strict=True))
    assert frequencies["no change"] == 3.0 and frequencies["open door"] == 3.0


def test_a_new_transcript_starts_the_search_afresh(tmp_path):
    at = _phrases()
    assert at.text_input(key="kwic_query_widget").value == "no change"
    # a second transcript, as an upload would leave it in the session
    source = {
        "name": "other.txt",
        "data": b"ALICE: Budget cuts. Budget cuts.\n\nBOB: No budget cuts.\n",
        "format": "auto",
    }
    at.session_state["podium_source"] = source
    at.run()
    assert not at.exception
    assert at.text_input(key="kwic_query_widget").value == "budget cuts"
    assert list(_frame(at, "quote")["speaker"]) == ["ALICE", "ALICE", "BOB"]

"""The Speakers page in AppTest: edits reach every page and every download; per-turn fixes and undo;
the mapping upload; the filter follows a renamed speaker.

The bundled transcript (data/blinken_nato_open_door.txt) has six turns, counted by hand:
REPORTER, ANTONY BLINKEN, REPORTER, ANTONY BLINKEN, REPORTER, ANTONY BLINKEN.
"""

import csv
import io
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from podium.edits import SpeakerEdit
from tests.conftest import headline_numbers

APP = str(Path(__file__).parents[1] / "app.py")
ALL_PAGES = ["app.py", "pages/1_Speaker_time.py", "pages/2_Phrases.py", "pages/3_Q_and_A.py", "pages/4_Speakers.py"]
SPEAKERS = "pages/4_Speakers.py"


@pytest.fixture
def downloads(monkeypatch):
    """Every file the app offers for download, by file name (AppTest drops them after each run; CSVs,
    written on click, are written here when offered)."""
    files: dict[str, bytes] = {}

    class Recording(MemoryMediaFileStorage):
        def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
            if filename and isinstance(path_or_data, bytes):
                files[filename] = path_or_data
            return super().load_and_get_id(path_or_data, mimetype, kind, filename)

    monkeypatch.setattr("streamlit.testing.v1.app_test.MemoryMediaFileStorage", Recording)
    add_deferred = MediaFileManager.add_deferred

    def recording_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        if file_name and mimetype == "text/csv":  # CSVs are written on click: write them now
            files[file_name] = data_callable()
        return add_deferred(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording_deferred)
    return files


def _app(page=SPEAKERS, **query):
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    if page != "app.py":
        at.switch_page(page)
    return at.run()


def _ok(at):
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _filter(at):
    return next(w for w in at.multiselect if w.label == "Filter speakers")


def _after(at):
    """The table "Speakers after edits" (the first dataframe is the editing grid)."""
    return next(d.value for d in at.dataframe if "word_share" in d.value.columns)


def _rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def _upload_mapping(at, text: str, name="mapping.csv"):
    uploader = next(u for u in at.get("file_uploader") if u.label == "Apply a speaker mapping (CSV)")
    uploader.set_value((name, text.encode("utf-8"), "text/csv"))
    return at.run()


def test_speakers_page_renders():
    at = _app()
    _ok(at)
    assert "**2 speakers** in 6 turns." in at.markdown[0].value
    assert list(_after(at)["speaker"]) == ["ANTONY BLINKEN", "REPORTER"]


def test_speakers_page_says_it_lists_everyone_under_a_filter():
    at = _app(speaker="REPORTER")
    _ok(at)
    assert list(_after(at)["speaker"]) == ["ANTONY BLINKEN", "REPORTER"]  # every speaker, to edit
    assert any("speaker filter (REPORTER) does not narrow this page" in i.value for i in at.info)
    assert not any("does not narrow" in i.value for i in _app().info)


def test_mapping_renames_with_an_active_filter_and_reaches_every_page_and_download(downloads):
    at = _app(speaker="REPORTER")
    assert _filter(at).value == ["REPORTER"]
    at = _upload_mapping(
        at,
        "turn_id,label,speaker,role\n,REPORTER,Unnamed reporter,\n,MS. PSAKI,Jen Psaki,\n9,REPORTER,Someone,\n",
    )
    _ok(at)
    # the filter follows the new name instead of clearing, and so does the link
    assert _filter(at).value == ["Unnamed reporter"]
    assert at.query_params["speaker"] in ("Unnamed reporter", ["Unnamed reporter"])
    warning = "\n".join(w.value for w in at.warning)
    assert "2 rows of mapping.csv could not be applied" in warning
    assert "Row 2" in warning and "no speaker is labelled “MS. PSAKI”" in warning
    assert "Row 3" in warning and "has no turn 9 (its turns are 0 to 5)" in warning
    assert any("Applied 1 row of mapping.csv" in s.value for s in at.success)

    for page in ALL_PAGES:
        at.switch_page(page).run()
        _ok(at)
        assert _filter(at).value == ["Unnamed reporter"], page
        assert _filter(at).options == ["Unnamed reporter", "ANTONY BLINKEN"], page
    at.switch_page("app.py").run()
    assert headline_numbers(at)["Turns"] == "3"

    named = {k: v for k, v in downloads.items() if "REPORTER" not in k}
    turns = _rows(named["blinken_nato_open_door_turns_Unnamed_reporter.csv"])
    assert [r["speaker"] for r in turns] == ["Unnamed reporter"] * 3
    pairs = _rows(named["blinken_nato_open_door_qa_pairs_Unnamed_reporter.csv"])
    # two pairs: the reporter's "Well, there is no change ..." asks nothing (issue 7)
    assert [r["question_speaker"] for r in pairs] == ["Unnamed reporter"] * 2
    assert {r["speaker"] for r in _rows(named["blinken_nato_open_door_speakers_Unnamed_reporter.csv"])} == {
        "Unnamed reporter"
    }
    mapping = _rows(downloads["blinken_nato_open_door_speaker_mapping.csv"])
    assert mapping == [{"turn_id": "", "label": "REPORTER", "speaker": "Unnamed reporter", "role": ""}]
    for name, data in downloads.items():
        assert b"REPORTER" not in data.replace(b"REPORTER,Unnamed", b""), name  # only the mapping's label


def test_reassign_one_turn_then_undo():
    at = _app()
    at.selectbox(key="fix_turn").set_value(2).run()
    at.selectbox(key="fix_speaker").set_value("ANTONY BLINKEN").run()
    next(b for b in at.button if b.label == "Reassign turn").click().run()
    _ok(at)
    # turn 2 joins Blinken's turns 1 and 3: 4 turns, 2 questions left
    assert "**2 speakers** in 4 turns after 1 edit" in at.markdown[0].value
    assert any("Turn 3 (REPORTER): give it to ANTONY BLINKEN." in m.value.replace("\\", "") for m in at.markdown)
    # turns 1-3 are one turn now: the picker says where the file's turns went
    options = at.selectbox(key="fix_turn").options
    assert options[3].startswith("Turn 4 (now 2) · labelled ANTONY BLINKEN · This isn't about concessions--")
    assert options[4].startswith("Turn 5 (now 3) · labelled REPORTER")
    at.switch_page("pages/3_Q_and_A.py").run()
    _ok(at)
    # the reporter's remaining turn 2 ("Well, there is no change ...") asks nothing: one pair (issue 7)
    assert list(at.dataframe[0].value["question_turn_id"]) == [0]
    at.switch_page(SPEAKERS).run()
    at.button(key="undo_edit_0").click().run()
    _ok(at)
    assert "**2 speakers** in 6 turns." in at.markdown[0].value
    at.switch_page("pages/3_Q_and_A.py").run()
    assert list(at.dataframe[0].value["question_turn_id"]) == [0, 2]  # turn 4 asks nothing (issue 7)


def test_split_one_turn_into_a_new_speaker_then_undo_all(seed_transcript):
    at = _app()
    # turn 5 is Blinken's last answer: "First of all, there is no change. There will be no change. ..."
    text = seed_transcript.turns["text"].iloc[5]
    offset = text.index("There will be no change.")
    at.selectbox(key="fix_turn").set_value(5).run()
    split = at.selectbox(key="fix_split_at")
    assert "…of all, there is no change. ‖ There will be no change. Second, we reiterate…" in split.options
    split.set_value(offset).run()
    at.text_input(key="fix_split_speaker_new").input("Interpreter").run()
    next(b for b in at.button if b.label == "Split turn").click().run()
    _ok(at)
    assert "**3 speakers** in 7 turns after 1 edit" in at.markdown[0].value
    table = _after(at).set_index("speaker")
    assert table.loc["Interpreter", "n_turns"] == 1
    assert table.loc["Interpreter", "n_words"] == 68 - 7  # all but "First of all, there is no change."
    assert table.loc["ANTONY BLINKEN", "n_words"] == 106 + 4 + 7
    # the filter can pick the new speaker; undo all goes back and clears it
    _filter(at).set_value(["Interpreter"]).run()
    at.switch_page("app.py").run()
    _ok(at)
    assert headline_numbers(at)["Turns"] == "1"
    at.switch_page(SPEAKERS).run()
    next(b for b in at.button if b.label == "Undo all speaker edits").click().run()
    _ok(at)
    assert "**2 speakers** in 6 turns." in at.markdown[0].value
    # the name no longer exists: the filter lets it go, and says so
    assert _filter(at).value == []
    assert any("filter no longer includes Interpreter" in w.value for w in at.warning)


def test_one_click_marks_a_questioner():
    at = _app()
    pills = at.button_group(key="speaker_askers")
    assert pills.value == ["REPORTER"]
    pills.set_value(["REPORTER", "ANTONY BLINKEN"]).run()
    _ok(at)
    table = _after(at).set_index("speaker")
    assert table.loc["ANTONY BLINKEN", "role"] == "question"
    at.switch_page("pages/3_Q_and_A.py").run()
    _ok(at)
    # every turn is on the asking side: one question unit of six turns, with no answer (issue 7)
    pairs = at.dataframe[0].value
    assert len(pairs) == 1 and pairs.loc[0, "question_turn_ids"] == "0 1 2 3 4 5" and pairs.loc[0, "answer"] == ""
    at.switch_page(SPEAKERS).run()
    at.button_group(key="speaker_askers").set_value(["REPORTER"]).run()
    at.switch_page("pages/3_Q_and_A.py").run()
    assert list(at.dataframe[0].value["question_turn_id"]) == [0, 2]  # turn 4 asks nothing (issue 7)


def test_edits_in_the_session_apply_to_every_page():
    at = _app()
    at.session_state["podium_speaker_edits"] = [
        SpeakerEdit("REPORTER", "Everyone"),
        SpeakerEdit("ANTONY BLINKEN", "Everyone"),
    ]
    for page in ALL_PAGES:
        at.switch_page(page).run()
        _ok(at)
        assert _filter(at).options == ["Everyone"], page
    at.switch_page("app.py").run()
    # two labels merged into one name, but REPORTER (unlabelled "- " lines) is a generic questioner
    # label, like Q: its turns may be several reporters, so none of the six turns join
    assert headline_numbers(at)["Turns"] == "6"


def test_a_bad_mapping_file_is_one_sentence():
    at = _app()
    at = _upload_mapping(at, "name,who\nA,B\n", name="notes.csv")
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Could not read notes.csv: The mapping has no label, speaker, role columns; "
        "it needs the columns turn_id, label, speaker, role."
    ]
    assert "**2 speakers** in 6 turns." in at.markdown[0].value

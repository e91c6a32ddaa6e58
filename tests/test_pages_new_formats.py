"""Pages with the new formats of issue 10: a word-less RTTM file and a Word document."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import headline_numbers
from tests.test_format_docx import docx_bytes
from tests.test_format_rttm import RTTM

APP = str(Path(__file__).parents[1] / "app.py")


def _open(data: bytes, name: str, page: str = "app.py") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["podium_source"] = {"name": name, "data": data, "format": "auto"}
    if page != "app.py":
        at.switch_page(page)
    return at.run()


@pytest.mark.parametrize("page_path", ["app.py", "pages/1_Speaker_time.py", "pages/2_Phrases.py", "pages/3_Q_and_A.py"])
def test_rttm_pages_say_there_are_no_words(page_path):
    at = _open(RTTM.encode(), "meeting.rttm", page_path)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    if page_path in ("pages/2_Phrases.py", "pages/3_Q_and_A.py"):
        assert any("speaker segments without words" in i.value for i in at.info)


def test_speaker_time_of_an_rttm_file():
    at = _open(RTTM.encode(), "meeting.rttm", "pages/1_Speaker_time.py")
    table = at.dataframe[0].value
    assert list(table["speaker"]) == ["spk_A", "spk_B"]
    # spk_A talks 2.25 + 1.25 = 3.5 s of 4.5 s: 78%; the headline is about time, not "0 of 0 words"
    lead = "\n".join(m.value for m in at.markdown)
    assert "spk\\_A spoke most: about" in lead and "(78%)" in lead
    assert "0 of 0 words" not in lead


def test_a_word_document_opens():
    data = docx_bytes(["Budget hearing", "", "MAYOR QUINTERO: We agree.", "", "CLERK: So noted."])
    at = _open(data, "hearing.docx")
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value == "Budget hearing"


def test_suspected_hallucinations_switch():
    import json

    from tests.test_stt_formats import WHISPER_LOOP

    at = _open(json.dumps(WHISPER_LOOP).encode(), "whisper.json")
    assert not at.exception, [e.value for e in at.exception]
    switch = next(w for w in at.toggle if w.label == "Include suspected hallucinations")
    assert headline_numbers(at)["Words"] == "11"
    switch.set_value(True).run()
    assert not at.exception
    assert headline_numbers(at)["Words"] == "27"


def test_words_added_to_an_rttm_file_take_its_speakers():
    from tests.test_format_rttm import CAPTIONS, SEGMENTS

    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["podium_source"] = {
        "name": "call.srt",
        "data": CAPTIONS.encode(),
        "format": "auto",
        "speakers": {"name": "call.rttm", "data": SEGMENTS.encode()},
    }
    at.switch_page("pages/1_Speaker_time.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert list(at.dataframe[0].value["speaker"]) == ["spk_A", "spk_B"]
    assert any("call.rttm" in c.value for c in at.sidebar.caption)


def test_an_rttm_file_offers_to_add_the_words():
    at = _open(RTTM.encode(), "meeting.rttm")
    assert any("Add the words" in str(w.label) for w in at.get("file_uploader"))

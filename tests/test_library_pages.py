"""AppTest: choosing a transcript by URL (and refusing crafted ones), kept uploads, the Library and Compare pages."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import headline_numbers

APP = str(Path(__file__).parents[1] / "app.py")
BRIEFINGS = ["blinken-nato-2022-01-26", "trump-modi-2025-02-13", "biden-marine-one-2021-07-30"]


def _app(page="app.py", **query):
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    if page != "app.py":
        at.switch_page(page)
    return at.run()


def _speakers(at):
    return next(w for w in at.multiselect if w.label == "Filter speakers")


def _picker(at):
    return next(w for w in at.selectbox if w.label == "Transcript")


def _query(at, key) -> list[str]:
    value = at.query_params[key]
    return [value] if isinstance(value, str) else list(value)


def test_the_url_chooses_a_transcript_from_the_library():
    at = _app(t="trump-modi-2025-02-13", speaker="PRIME MINISTER MODI")
    assert not at.exception and not at.warning
    assert at.title[0].value.startswith("Remarks by President Trump and Prime Minister Narendra Modi")
    assert _picker(at).value == "trump-modi-2025-02-13"
    assert _speakers(at).value == ["PRIME MINISTER MODI"]
    # Modi's 9 turns (counted in the file: 9 "PRIME MINISTER MODI:" labels)
    assert headline_numbers(at)["Turns"] == "9"
    assert _query(at, "t") == ["trump-modi-2025-02-13"]
    # the choice follows to the other pages
    at.switch_page("pages/1_Speaker_time.py").run()
    assert list(at.dataframe[0].value["speaker"]) == ["PRIME MINISTER MODI"]
    assert _query(at, "t") == ["trump-modi-2025-02-13"]


@pytest.mark.parametrize(
    "crafted", ["../../etc/passwd", "/etc/passwd", "data/../README.md", "blinken_nato_open_door.txt"]
)
def test_a_crafted_transcript_in_the_url_opens_nothing_else(crafted):
    at = _app(t=crafted)
    assert not at.exception and not at.error
    assert len(at.warning) == 1 and "is not in this server's library" in at.warning[0].value
    assert at.title[0].value == "Blinken says no change to NATO's open-door policy"
    assert "root:" not in "\n".join(m.value for m in at.markdown)
    assert "t" not in at.query_params


def test_choosing_in_the_sidebar_switches_and_resets_the_filter():
    at = _app(speaker="REPORTER")
    _picker(at).set_value("biden-marine-one-2021-07-30").run()
    assert not at.exception
    assert at.title[0].value == "Remarks by President Biden Before Marine One Departure"
    assert _speakers(at).value == []
    assert headline_numbers(at)["Turns"] == "12"
    assert _query(at, "t") == ["biden-marine-one-2021-07-30"]
    back = next(b for b in at.button if b.label == "Back to the bundled transcript")
    back.click().run()
    assert at.title[0].value.startswith("Blinken says")
    assert "t" not in at.query_params


def test_pasted_text_is_kept_and_a_reload_with_its_link_finds_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PODIUM_LIBRARY", str(tmp_path))
    text = (
        "Press Briefing by Press Secretary Jen Psaki, February 8, 2022\n\n"
        "MS. PSAKI: Good afternoon.\n\nQ  Thank you, Jen. Any news?\n\nMS. PSAKI: None today.\n"
    )
    at = _app()
    box = next(w for w in at.text_area if w.label == "Transcript text")
    box.input(text)
    next(b for b in at.button if b.label == "Add to the library and open").click().run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Press Briefing by Press Secretary Jen Psaki, February 8, 2022"
    link = _query(at, "t")[0]
    assert len(list(tmp_path.glob("*.txt"))) == 1
    _speakers(at).set_value(["MS. PSAKI"]).run()
    assert _query(at, "speaker") == ["MS. PSAKI"]
    # "Reload": a new session with the same URL finds the stored transcript and keeps the filter
    again = _app(t=link, speaker="MS. PSAKI")
    assert not again.exception and not again.warning
    assert again.title[0].value.startswith("Press Briefing by Press Secretary Jen Psaki")
    assert _speakers(again).value == ["MS. PSAKI"]
    assert headline_numbers(again)["Turns"] == "2"
    # it is listed with the date read from its headline
    assert "Press Briefing by Press Secretary Jen Psaki, February 8, 2022 · 2022-02-08" in _picker(again).options


def test_library_page_lists_the_bundled_transcripts(tmp_path, monkeypatch):
    monkeypatch.setenv("PODIUM_LIBRARY", str(tmp_path))  # no uploads from other tests
    at = _app("pages/5_Library.py")
    assert not at.exception and not at.error
    table = at.dataframe[0].value if at.dataframe else None
    assert table is not None
    assert list(table["id"][:3]) == BRIEFINGS
    assert set(table["event"]) >= {"briefing", "debate", "interview"}
    assert "**6 transcripts**" in "\n".join(m.value for m in at.markdown)


def test_compare_three_transcripts_from_the_url():
    at = _app("pages/6_Compare.py", c=BRIEFINGS, p="Ukraine, thank you")
    assert not at.exception and not at.error
    assert next(w for w in at.multiselect if w.label == "Transcripts to compare").value == BRIEFINGS
    frames = [d.value for d in at.dataframe]
    shares = next(f for f in frames if "talk_share" in f)
    questions = next(f for f in frames if "n_questions" in f)
    rates = next(f for f in frames if "per_1000_words" in f)
    assert set(shares["event_id"]) == set(BRIEFINGS)
    blinken = shares[(shares["event_id"] == BRIEFINGS[0]) & (shares["person"] == "ANTONY BLINKEN")]
    assert blinken["n_words"].tolist() == [178] and blinken["word_share"].iloc[0] == pytest.approx(178 / 339)
    q = questions.set_index("event_id")
    assert q.loc["biden-marine-one-2021-07-30", "n_questions"] == 5  # six "Q" turns, one of them "Yes."
    # 28 "Q" turns in the file; 12 ask nothing ("Mr. President —", "Thank you.") and consecutive ones
    # form one question unit (the Q&A page's pairing), leaving 14 questions
    assert q.loc["trump-modi-2025-02-13", "n_questions"] == 14
    r = rates.set_index(["event_id", "phrase"])
    assert r.loc[("trump-modi-2025-02-13", "ukraine"), "count"] == 16
    text = "\n".join(m.value for m in at.markdown)
    assert "**3 events, " in text and "had the most questions: 14**" in text
    assert _query(at, "c") == BRIEFINGS


def test_compare_needs_two_and_reports_unknown_ids():
    at = _app("pages/6_Compare.py", c=["blinken-nato-2022-01-26", "../../etc/passwd"])
    assert not at.exception
    assert any("not in this server's library (../../etc/passwd)" in w.value for w in at.warning)
    assert any("Choose two or more" in i.value for i in at.info)


def test_the_overview_shows_the_library_title_of_a_file_without_a_headline(tmp_path, monkeypatch):
    at = _app(t="interview-jentzsch-ep006")
    assert at.title[0].value.startswith("Bob Summerwill interviews Christoph Jentzsch")
    # an edited title is shown too
    monkeypatch.setenv("PODIUM_LIBRARY", str(tmp_path))
    from podium.library import Library

    Library(tmp_path).edit("trump-modi-2025-02-13", title="Trump and Modi at the White House")
    assert _app(t="trump-modi-2025-02-13").title[0].value == "Trump and Modi at the White House"

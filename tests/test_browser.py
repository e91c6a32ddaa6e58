"""The dashboard in headless Chromium: cold deep links, charts, the shared filter, downloads, bad uploads."""

import csv
import io
from urllib.parse import parse_qs, urlparse

import pytest

from tests.conftest import wait_idle

PAGES = {
    "": "Overview",
    "Speaker_time": "Speaker time",
    "Phrases": "Repeated phrases",
    "Q_and_A": "Questions and answers",
    "Speakers": "Speakers",
}
CHARTS = {"": 0, "Speaker_time": 6, "Phrases": 4, "Q_and_A": 1, "Speakers": 0}


def _exceptions(tab) -> list[str]:
    return tab.locator('[data-testid="stException"]').all_inner_texts()


def _wait_for_page_of(tab) -> None:
    """Wait until the page the URL names has rendered its heading and finished running."""
    path = urlparse(tab.url).path.strip("/")
    heading = PAGES.get(path) if path else None  # the overview's heading is the transcript's title
    if heading:
        tab.get_by_role("heading", name=heading).first.wait_for()
    else:
        tab.locator("h1").first.wait_for()
    wait_idle(tab)


def _tag(tab, name: str):
    """The filter's tag for one selected speaker."""
    return tab.locator('[data-testid="stSidebar"] .react-aria-ComboBox [data-tag] span[title]', has_text=name).first


def _selected_speakers(tab) -> list[str]:
    widget = tab.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
    tags = widget.locator(".react-aria-ComboBox [data-tag] span[title]")
    return [t.strip() for t in tags.all_inner_texts()]


NAV = {"Overview": "", "Speaker time": "Speaker_time", "Phrases": "Phrases", "Q&A": "Q_and_A", "Speakers": "Speakers"}


def _go(tab, label: str) -> None:
    """Click a sidebar link and wait until the new page has run."""
    tab.locator('[data-testid="stSidebar"] a', has_text=label).first.click()
    path = NAV[label]
    tab.wait_for_url(
        lambda url: urlparse(url).path.rstrip("/").endswith("/" + path) if path else urlparse(url).path == "/"
    )
    heading = PAGES[path] if path else None
    if heading is None:
        tab.locator("h1").first.wait_for()
        wait_idle(tab)
        return
    tab.get_by_role("heading", name=heading).first.wait_for()
    wait_idle(tab)


def _speakers_in_url(tab) -> list[str]:
    return parse_qs(urlparse(tab.url).query).get("speaker", [])


@pytest.mark.parametrize("path", list(PAGES))
def test_cold_deep_link_renders_page_with_charts(fresh_server, tab, path):
    tab.goto(f"{fresh_server}/{path}")
    wait_idle(tab)
    tab.get_by_role("heading", name=PAGES[path] if path else "Blinken says no change").first.wait_for()
    assert _exceptions(tab) == []
    # the shared sidebar is there even though app.py never ran
    assert tab.locator('[data-testid="stSidebar"] a', has_text="Speaker time").count() == 1
    charts = tab.locator('[data-testid="stPlotlyChart"] .main-svg')
    if CHARTS[path]:
        charts.nth(CHARTS[path] - 1).wait_for()
        # a cold start may run the page a second time (its URL written back): wait for that run to
        # end and the charts to be drawn again before counting them
        wait_idle(tab)
        tab.wait_for_function(
            f"document.querySelectorAll('[data-testid=\"stPlotlyChart\"]').length >= {CHARTS[path]}"
        )
        assert tab.locator('[data-testid="stPlotlyChart"]').count() == CHARTS[path]
    if path == "Phrases":
        tab.locator('[data-testid="stImage"] img').first.wait_for()


def test_filter_survives_navigation_reload_and_change(fresh_server, tab):
    # cold deep link with a filter
    tab.goto(f"{fresh_server}/Phrases?speaker=ANTONY+BLINKEN")
    tab.get_by_role("heading", name="Repeated phrases", exact=True).wait_for()
    wait_idle(tab)
    _tag(tab, "ANTONY BLINKEN").wait_for()
    assert _selected_speakers(tab) == ["ANTONY BLINKEN"]
    assert "“open door” is the most repeated 2-word phrase: 3 times" in tab.inner_text("body")
    # switch pages
    _go(tab, "Q&A")
    assert _selected_speakers(tab) == ["ANTONY BLINKEN"]
    assert _speakers_in_url(tab) == ["ANTONY BLINKEN"]
    _go(tab, "Overview")
    assert _selected_speakers(tab) == ["ANTONY BLINKEN"]
    assert "1 speaker took 3 turns" in tab.inner_text("body")
    # back, then reload (a reloaded page shows "notRunning" before its script starts, so wait for
    # the page's own content: the heading, then the filter's tag; a lost filter times out here)
    before = tab.url
    tab.go_back()
    tab.wait_for_url(lambda url: url != before)
    _wait_for_page_of(tab)
    _tag(tab, "ANTONY BLINKEN").wait_for()
    assert _selected_speakers(tab) == ["ANTONY BLINKEN"]
    tab.reload()
    _wait_for_page_of(tab)
    _tag(tab, "ANTONY BLINKEN").wait_for()
    assert _selected_speakers(tab) == ["ANTONY BLINKEN"]
    assert _speakers_in_url(tab) == ["ANTONY BLINKEN"]
    # change the filter: add REPORTER
    tab.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] input').click()
    tab.get_by_role("option", name="REPORTER").click()
    tab.keyboard.press("Escape")
    tab.wait_for_url(lambda url: "REPORTER" in url)
    wait_idle(tab)
    assert sorted(_selected_speakers(tab)) == ["ANTONY BLINKEN", "REPORTER"]
    # and switch again
    _go(tab, "Speaker time")
    assert sorted(_selected_speakers(tab)) == ["ANTONY BLINKEN", "REPORTER"]
    assert sorted(_speakers_in_url(tab)) == ["ANTONY BLINKEN", "REPORTER"]
    # 61.61 s of 122.94 s at the default rate, counted by hand in tests/test_pages.py
    assert "ANTONY BLINKEN spoke for 1 min 2 s: 50% of the estimated talk time of the 2 speakers shown" in (
        tab.inner_text("body")
    )
    assert _exceptions(tab) == []


def test_download_speaker_csv(fresh_server, tab):
    tab.goto(f"{fresh_server}/Speaker_time")
    wait_idle(tab)
    with tab.expect_download() as info:
        tab.get_by_role("button", name="Download speaker table (CSV)").click()
    download = info.value
    assert download.suggested_filename == "blinken_nato_open_door_speakers.csv"
    data = open(download.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["speaker"] for r in rows] == ["ANTONY BLINKEN", "REPORTER"]
    assert [r["n_turns"] for r in rows] == ["3", "3"]


def test_bad_upload_shows_one_sentence_and_keeps_the_transcript(fresh_server, tab, tmp_path):
    tab.goto(f"{fresh_server}/?speaker=REPORTER")
    wait_idle(tab)
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    tab.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(bad))
    tab.locator('[data-testid="stAlert"]', has_text="Could not open broken.txt").wait_for()
    wait_idle(tab)
    assert _exceptions(tab) == []
    assert "The previous transcript is still loaded." in tab.inner_text("body")
    # the rejected file does not stay in the upload box as if it were loaded
    assert tab.locator('[data-testid="stSidebar"] [data-testid="stFileChip"]').count() == 0
    assert _selected_speakers(tab) == ["REPORTER"]
    assert "Blinken says no change" in tab.inner_text("body")


def test_good_upload_replaces_the_transcript(fresh_server, tab, tmp_path):
    tab.goto(fresh_server)
    wait_idle(tab)
    good = tmp_path / "mini_briefing.txt"
    good.write_text(
        "Mini briefing\n\nMS. PSAKI: Hello <b>there</b>.\n\nQ  Is it =SUM(A1)?\n\nMS. PSAKI: No.\n", encoding="utf-8"
    )
    tab.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(good))
    tab.get_by_role("heading", name="Mini briefing").wait_for()
    wait_idle(tab)
    assert tab.locator('[data-testid="stSidebar"] [data-testid="stFileChip"]').count() == 1
    body = tab.inner_text("body")
    assert "Hello <b>there</b>." in body  # escaped, shown as typed
    assert tab.locator("b", has_text="there").count() == 0
    assert "2 speakers took 3 turns" in body
    _go(tab, "Q&A")
    assert "1 question put, 1 answered" in tab.inner_text("body")


def test_rename_a_speaker_in_the_grid_applies_everywhere(fresh_server, tab):
    # with the filter on the speaker being renamed: it must follow the new name, not clear
    tab.goto(f"{fresh_server}/Speakers?speaker=REPORTER")
    tab.get_by_role("heading", name="Speakers").first.wait_for()
    wait_idle(tab)
    _tag(tab, "REPORTER").wait_for()
    assert _selected_speakers(tab) == ["REPORTER"]
    grid = tab.locator('[data-testid="stDataFrame"]').first
    box = grid.bounding_box()
    # the grid is a canvas: the editable "Speaker name" column comes first (phones see it), the
    # header row and data rows are 35 px high; first data row is REPORTER
    grid.locator("canvas").first.wait_for()
    tab.mouse.dblclick(box["x"] + 60, box["y"] + 35 + 17)
    editor = tab.locator("textarea.gdg-input")
    editor.wait_for()
    assert editor.input_value() == "REPORTER"
    editor.fill("Unnamed reporter")
    editor.press("Enter")
    editor.wait_for(state="detached")
    tab.get_by_text("Undo all speaker edits").wait_for()
    wait_idle(tab)
    _tag(tab, "Unnamed reporter").wait_for()
    assert _selected_speakers(tab) == ["Unnamed reporter"]
    assert _speakers_in_url(tab) == ["Unnamed reporter"]
    for label in ["Overview", "Speaker time", "Phrases", "Q&A", "Speakers"]:
        _go(tab, label)
        body = tab.inner_text("body")
        assert "Unnamed reporter" in body, label
        assert _selected_speakers(tab) == ["Unnamed reporter"], label
        assert _exceptions(tab) == [], label
        if label == "Q&A":
            assert "REPORTER" not in body.replace("Unnamed reporter", "")
    tab.get_by_role("button", name="Undo all speaker edits").click()
    tab.get_by_role("button", name="Undo all speaker edits").wait_for(state="detached")
    wait_idle(tab)
    _tag(tab, "REPORTER").wait_for()
    assert _selected_speakers(tab) == ["REPORTER"]  # undo renames back, and the filter follows
    _go(tab, "Q&A")
    assert "Unnamed reporter" not in tab.inner_text("body")
    assert "REPORTER" in tab.inner_text("body")


def test_upload_subtitles_from_the_corpus(fresh_server, tab):
    from tests.conftest import FIXTURES

    tab.goto(fresh_server)
    wait_idle(tab)
    tab.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(
        str(FIXTURES / "podcastindex_buzzsprout_example.srt")
    )
    tab.get_by_text("Transcript: podcastindex_buzzsprout_example.srt").wait_for()
    wait_idle(tab)
    body = tab.inner_text("body")
    # 3 speakers and 10 turns, counted by hand from the cue prefixes (Travis, Sarah, Gilon)
    assert "3 speakers took 10 turns" in body
    _go(tab, "Speaker time")
    assert "from the transcript's timestamps" in tab.inner_text("body")
    assert _exceptions(tab) == []


def test_phrase_search_quote_and_link_to_the_turn(fresh_server, tab):
    tab.goto(f"{fresh_server}/Phrases")
    tab.get_by_role("heading", name="Repeated phrases", exact=True).wait_for()
    wait_idle(tab)
    box = tab.get_by_role("textbox", name="Find a word or phrase")
    box.fill("pointblank")
    box.press("Enter")
    tab.get_by_text("“pointblank”: 1 occurrence in 1 turn").wait_for()
    wait_idle(tab)
    quote = tab.frame_locator('iframe[srcdoc*="podium-copy-box"]').first.locator(".text")  # the copy box
    assert "REPORTER asked at about" in quote.inner_text()
    # the KWIC context is not clipped: the right column ends inside the page
    right = tab.locator("table.podium-kwic td.k-right").first.bounding_box()
    assert right["x"] + right["width"] <= 1400
    tab.get_by_text("Read turn 1 in the transcript (Overview)").click()
    tab.get_by_text("Linked turn 1:").wait_for()


def test_qa_pair_links_to_its_turn_and_highlights_in_place(fresh_server, tab):
    tab.goto(f"{fresh_server}/Q_and_A")
    _wait_for_page_of(tab)
    # the first answer's deflection phrase is marked where it stands in the text
    mark = tab.locator("mark.podium-deflect").first
    mark.wait_for()
    assert mark.inner_text() == "without going into the specifics"
    assert "the answer was cut off" in tab.inner_text("body")
    tab.get_by_role("link", name="Turn 3 in the transcript").click()
    tab.get_by_text("Linked turn 3:").wait_for()
    wait_idle(tab)
    assert "So you would say that it is accurate to say that there are no concessions in this?" in tab.inner_text(
        "body"
    )
    assert _exceptions(tab) == []

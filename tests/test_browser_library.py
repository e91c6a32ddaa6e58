"""Headless Chromium: Compare opened cold by URL, an upload that survives a reload, the Archive page."""

import shutil
import subprocess
from urllib.parse import parse_qs, urlparse

import pytest

from tests.conftest import ROOT, start_server, wait_idle

BRIEFINGS = ["blinken-nato-2022-01-26", "trump-modi-2025-02-13", "biden-marine-one-2021-07-30"]


def _exceptions(tab) -> list[str]:
    return tab.locator('[data-testid="stException"]').all_inner_texts()


def _settled_box(tab, locator) -> dict:
    """The locator's bounding box once it has stopped moving (an expander opening, a grid laying out)."""
    box = locator.bounding_box()
    for _ in range(60):
        tab.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        again = locator.bounding_box()
        if again == box:
            return box
        box = again
    return box


def _query(tab) -> dict[str, list[str]]:
    return parse_qs(urlparse(tab.url).query)


def test_compare_opens_cold_by_url_with_three_transcripts(fresh_server, tab):
    tab.goto(f"{fresh_server}/Compare?" + "&".join(f"c={c}" for c in BRIEFINGS) + "&p=Ukraine")
    wait_idle(tab)
    tab.get_by_role("heading", name="Compare events").wait_for()
    charts = tab.locator('[data-testid="stPlotlyChart"] .main-svg')
    charts.nth(2).wait_for()
    assert tab.locator('[data-testid="stPlotlyChart"]').count() == 3
    body = tab.inner_text("body")
    assert "3 events" in body
    assert "“ukraine” is said most often in" in body
    assert _exceptions(tab) == []
    # the shared sidebar is there even though app.py never ran, and the choice stays in the URL
    assert tab.locator('[data-testid="stSidebar"] a', has_text="Speaker time").count() == 1
    assert _query(tab)["c"] == BRIEFINGS
    assert tab.get_by_role("button", name="Download talk share (CSV)").count() == 1


def test_an_uploaded_briefing_survives_a_reload_with_its_filter(fresh_server, tab, tmp_path):
    tab.goto(fresh_server)
    wait_idle(tab)
    briefing = tmp_path / "psaki_briefing.txt"
    briefing.write_text(
        "Press Briefing by Press Secretary Jen Psaki, February 8, 2022\n\n"
        "MS. PSAKI: Good afternoon, everyone.\n\nQ  Thank you, Jen. Any news on Ukraine?\n\n"
        "MS. PSAKI: Nothing new today.\n",
        encoding="utf-8",
    )
    tab.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(briefing))
    tab.get_by_role("heading", name="Press Briefing by Press Secretary Jen Psaki").wait_for()
    wait_idle(tab)
    tab.wait_for_url(lambda url: "t=" in url)
    # filter to the press secretary
    tab.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] input').click()
    tab.get_by_role("option", name="MS. PSAKI").click()
    tab.keyboard.press("Escape")
    tab.wait_for_url(lambda url: "speaker=" in url)
    wait_idle(tab)
    link = tab.url
    tab.reload()
    tab.get_by_role("heading", name="Press Briefing by Press Secretary Jen Psaki").wait_for()
    wait_idle(tab)
    tags = tab.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] .react-aria-ComboBox [data-tag]')
    tags.first.wait_for()
    assert [t.strip() for t in tags.all_inner_texts()] == ["MS. PSAKI"]
    body = tab.inner_text("body")
    assert "1 speaker took 2 turns" in body and "not in this server's library" not in body
    # the same link in a new tab (a colleague on this server) opens it too
    other = tab.context.new_page()
    other.goto(link)
    other.get_by_role("heading", name="Press Briefing by Press Secretary Jen Psaki").wait_for()
    wait_idle(other)
    assert "1 speaker took 2 turns" in other.inner_text("body")
    assert _exceptions(tab) == [] and _exceptions(other) == []


@pytest.fixture
def own_library_server(tmp_path, monkeypatch):
    """A server with a library folder of its own, so edits made here reach no other test."""
    monkeypatch.setenv("PODIUM_LIBRARY", str(tmp_path / "library"))
    proc, base = start_server(tmp_path)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def test_a_title_edited_in_the_library_is_kept_and_listed(own_library_server, tab):
    fresh_server = own_library_server
    tab.goto(f"{fresh_server}/Library")
    wait_idle(tab)
    grid = tab.locator('[data-testid="stDataFrame"]').first
    grid.locator("canvas").first.wait_for()
    box = _settled_box(tab, grid)
    # the grid is a canvas: the Title column sits at about a quarter of its width at this viewport;
    # the header and the rows are 35 px high, and the first row is the bundled Blinken briefing
    tab.mouse.dblclick(box["x"] + 0.25 * box["width"], box["y"] + 35 + 17)
    editor = tab.locator("textarea.gdg-input")
    editor.wait_for()
    assert editor.input_value() == "Blinken says no change to NATO's open-door policy"
    editor.fill("Blinken on NATO's open door")
    editor.press("Enter")
    editor.wait_for(state="detached")
    tab.get_by_text("Open: Blinken on NATO's open door").wait_for()
    wait_idle(tab)
    # a new visit (another tab, same server) lists the new title in the sidebar
    other = tab.context.new_page()
    other.goto(fresh_server)
    wait_idle(other)
    picker = other.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
    shown = picker.inner_text() + " ".join(i.input_value() for i in picker.locator("input").all())
    assert "Blinken on NATO's open door · 2022-01-26" in shown, shown
    assert _exceptions(tab) == [] and _exceptions(other) == []


@pytest.fixture
def archive_server(tmp_path, monkeypatch):
    """A server whose library folder holds a small archive indexed from three bundled transcripts."""
    library = tmp_path / "library"
    files = tmp_path / "files"
    files.mkdir()
    for name in ("wh_trump_modi_joint_presser_2025-02-13.md", "wh_biden_marine_one_2021-07-30.md"):
        shutil.copy(ROOT / "data" / name, files / name)
    library.mkdir()
    subprocess.run(
        ["python", "-m", "podium", "index", str(files), "--db", str(library / "archive.duckdb"), "--workers", "1"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    monkeypatch.setenv("PODIUM_LIBRARY", str(library))
    proc, base = start_server(tmp_path)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def test_archive_page_searches_and_charts_cold_by_url(archive_server, tab):
    tab.goto(f"{archive_server}/Archive?q=Ukraine")
    wait_idle(tab)
    tab.get_by_role("heading", name="Archive").first.wait_for()
    tab.get_by_text("is said 16 times").wait_for()  # Trump-Modi: 16 (2 in "Russia-Ukraine"), Marine One: 0
    charts = tab.locator('[data-testid="stPlotlyChart"] .main-svg')
    charts.nth(1).wait_for()
    body = tab.inner_text("body")
    assert "2 transcripts" in body and "First said in February 2025" in body
    assert _exceptions(tab) == []


def test_compare_matches_people_by_a_name_typed_in_the_table(fresh_server, tab):
    tab.goto(f"{fresh_server}/Compare?c=biden-marine-one-2021-07-30&c=debate-trump-biden-2020-09-29")
    wait_idle(tab)
    tab.get_by_text("No speaker is matched in more than one of them").wait_for()
    tab.get_by_text("Who is who across events").click()
    grid = tab.locator('[data-testid="stExpander"] [data-testid="stDataFrame"]').first
    grid.locator("canvas").first.wait_for()
    grid.scroll_into_view_if_needed()
    box = _settled_box(tab, grid)
    # rows in event order, labels in order of appearance: Marine One's Q, then THE PRESIDENT (Biden);
    # the Person column is the last, at about 85% of the grid's width; rows are 35 px high
    tab.mouse.dblclick(box["x"] + 0.85 * box["width"], box["y"] + 35 + 35 + 17)
    editor = tab.locator("textarea.gdg-input")
    editor.wait_for()
    assert editor.input_value() == "THE PRESIDENT"
    editor.fill("Vice President Joe Biden")
    editor.press("Enter")
    editor.wait_for(state="detached")
    tab.get_by_text("Vice President Joe Biden speaks in 2 of them").wait_for()
    wait_idle(tab)
    # Marine One (no timestamps, so talk time estimated; by hand, each turn's words less 2.75 per
    # sentence at 141.375 wpm, at least 400 wpm): THE PRESIDENT 50 words in 4 sentences = 16.55 s,
    # "I just had a long —" 0.95 s, four short turns at the floor (2, 3, 4, 8 words: 2.55 s), 20.06 s;
    # the reporters 88 words in 13 sentences ("Mr." ends one) = 23.07 s: 20.06 / 43.12 = 47%
    assert "47% of Remarks by President Biden" in tab.inner_text("body")
    assert _exceptions(tab) == []

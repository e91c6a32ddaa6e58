"""Publish-ready pages in headless Chromium at a laptop's 1280x800 and a phone's 390x844: nothing
clipped, no table toolbar over text, the sidebar out of the way on a phone, chart exports named and
carrying the source line on every page with charts, people's numbering from 1."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, start_server, wait_idle

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
PAGES = {"": None, "Speaker_time": "Speaker time", "Phrases": "Repeated phrases", "Q_and_A": "Questions and answers"}
PAGES["Speakers"] = "Speakers"
PAGES["Library"] = "Library"
PAGES["Compare"] = "Compare events"  # the bundled briefings and debates: five events, long names, 12 people
PAGES["Archive"] = "Archive"
QUERY = {"Archive": "?q=Ukraine"}
#: Charts drawn on each page (as opened with QUERY), waited for before measuring.
N_CHARTS = {"Speaker_time": 6, "Phrases": 1, "Q_and_A": 1, "Compare": 3, "Archive": 2}
SOURCE = "Source: blinken_nato_open_door.txt, analysis: Podium"
ARCHIVED = ("wh_trump_modi_joint_presser_2025-02-13.md", "wh_biden_marine_one_2021-07-30.md")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server whose library folder holds an archive indexed from two bundled transcripts."""
    tmp = tmp_path_factory.mktemp("publish")
    files, library = tmp / "files", tmp / "library"
    files.mkdir()
    library.mkdir()
    for name in ARCHIVED:
        shutil.copy(ROOT / "data" / name, files / name)
    index = [sys.executable, "-m", "podium", "index", str(files), "--db", str(library / "archive.duckdb")]
    subprocess.run([*index, "--workers", "1"], cwd=ROOT, check=True, capture_output=True)
    before = os.environ["PODIUM_LIBRARY"]
    os.environ["PODIUM_LIBRARY"] = str(library)  # the server inherits the environment
    try:
        proc, base = start_server(tmp)
    finally:
        os.environ["PODIUM_LIBRARY"] = before
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(params=list(SIZES))
def sized(request, chromium):
    context = chromium.new_context(viewport=SIZES[request.param], accept_downloads=True)
    yield request.param, context.new_page()
    context.close()


def _open(tab, base: str, path: str) -> None:
    tab.goto(f"{base}/{path}")
    wait_idle(tab)
    heading = PAGES[path.split("?")[0]]
    (tab.get_by_role("heading", name=heading) if heading else tab.locator("h1")).first.wait_for()
    n_charts = N_CHARTS.get(path.split("?")[0], 0)
    if n_charts:  # every chart drawn (plotly draws after the script has finished)
        last = tab.locator('[data-testid="stPlotlyChart"]').nth(n_charts - 1)
        last.locator(".main-svg").first.wait_for(timeout=60_000)


# Every piece of text plotly draws: axis tick labels and titles, bar labels, legend entries, annotations.
_CHART_TEXT = ".xtick text, .ytick text, .g-xtitle text, .g-ytitle text, .bartext, .legendtext, .annotation-text"

_CLIPPED = """
([selector, chartText]) => {
  const width = window.innerWidth;
  const out = [];
  const inside = (r, box) => r.left >= box.left - 1 && r.right <= box.right + 1;
  for (const el of document.querySelector('[data-testid="stMain"]').querySelectorAll(selector)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;
    if (r.left < -1 || r.right > width + 1) {
      out.push(`${el.tagName} "${el.textContent.slice(0, 60)}" ${r.left}-${r.right}`);
    }
  }
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    const box = chart.getBoundingClientRect();
    for (const el of chart.querySelectorAll(chartText)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (!inside(r, box) || r.right > width + 1) {
        out.push(`chart text "${el.textContent}" ${r.left}-${r.right} in ${box.left}-${box.right}`);
      }
    }
  }
  return out;
}
"""


# Text a table's toolbar (search, download, full screen: shown 44 px above the grid on hover or tap)
# would cover: every line box of every text node on the page outside the table itself.
_COVERED = """
() => {
  const out = [];
  const main = document.querySelector('[data-testid="stMain"]');
  for (const grid of main.querySelectorAll('[data-testid="stDataFrame"]')) {
    const bar = grid.querySelector('[data-testid="stElementToolbar"]');
    const box = bar && bar.getBoundingClientRect();
    if (!box || box.width === 0 || !grid.checkVisibility()) continue;  // a table in a closed expander
    const own = grid.closest('[data-testid="stElementContainer"]');
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.textContent.trim() || own.contains(node) || !node.parentElement.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width > 0 && r.left < box.right - 1 && r.right > box.left + 1
            && r.top < box.bottom - 1 && r.bottom > box.top + 1) {
          out.push(`"${node.textContent.trim().slice(0, 50)}" ${r.left}-${r.right} x ${r.top}-${r.bottom} `
                   + `under the toolbar ${box.left}-${box.right} x ${box.top}-${box.bottom}`);
        }
      }
    }
  }
  return out;
}
"""


@pytest.mark.parametrize("path", list(PAGES))
def test_nothing_is_clipped_or_covered(server, sized, path):
    size, tab = sized
    _open(tab, server, path + QUERY.get(path, ""))
    assert tab.locator('[data-testid="stException"]').count() == 0
    titles = "h1, h2, h3, .podium-chart-title, .podium-source, .podium-stat, [data-testid='stCaptionContainer']"
    clipped = tab.evaluate(_CLIPPED, [titles, _CHART_TEXT])
    assert clipped == [], f"{size} /{path}: {clipped}"
    grids = tab.locator('[data-testid="stDataFrame"]')
    if grids.count():  # the toolbar shows where it is measured: hovering the first table brings it up
        grids.first.scroll_into_view_if_needed()
        grids.first.hover()
        tab.wait_for_function(
            'getComputedStyle(document.querySelector(\'[data-testid="stDataFrame"] '
            "[data-testid=\"stElementToolbar\"]')).opacity === '1'"
        )
    assert tab.evaluate(_COVERED) == [], f"{size} /{path}"
    if path == "Phrases":  # keyword in context: the context reads across, never a letter a line
        widths = [box["width"] for box in (td.bounding_box() for td in tab.locator("td.k-left").all()) if box]
        assert widths and min(widths) > 40, f"{size}: {widths}"
    if path in N_CHARTS:  # every chart has its title above it and its source line under it
        n_charts = tab.locator('[data-testid="stPlotlyChart"]').count()
        assert tab.locator(".podium-chart-title").count() == tab.locator(".podium-source").count() == n_charts
    if path == "Speaker_time":  # every chart has its title above it, in full, and a source line
        titles = tab.locator(".podium-chart-title").all_inner_texts()
        assert titles[0] == "Talk time per speaker (seconds, estimated at 195 words per minute)"
        assert len(titles) == tab.locator('[data-testid="stPlotlyChart"]').count() == 6
        assert all(SOURCE in s for s in tab.locator(".podium-source").all_inner_texts())
    if size == "phone":  # the sidebar does not cover a page opened on a phone
        assert tab.locator('[data-testid="stSidebar"]').get_attribute("data-collapsed") == "true"


def test_sidebar_closes_after_navigating_on_a_phone(server, chromium):
    context = chromium.new_context(viewport=SIZES["phone"])
    tab = context.new_page()
    try:
        _open(tab, server, "")
        sidebar = tab.locator('[data-testid="stSidebar"]')
        for label, heading in [("Speaker time", "Speaker time"), ("Q&A", "Questions and answers")]:
            tab.locator('[data-testid="stExpandSidebarButton"]').first.click()
            tab.wait_for_function("document.querySelector('[data-testid=\"stSidebar\"]').dataset.collapsed === 'false'")
            sidebar.locator("a", has_text=label).first.click()
            tab.get_by_role("heading", name=heading).first.wait_for()
            wait_idle(tab)
            tab.wait_for_function("document.querySelector('[data-testid=\"stSidebar\"]').dataset.collapsed === 'true'")
            box = tab.get_by_role("heading", name=heading).first.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 391
        # a setting changed in the open sidebar reruns the page: the sidebar stays as the reader left it
        tab.locator('[data-testid="stExpandSidebarButton"]').first.click()
        tab.wait_for_function("document.querySelector('[data-testid=\"stSidebar\"]').dataset.collapsed === 'false'")
        sidebar.locator('[data-testid="stNumberInputStepUp"]').first.click()
        tab.wait_for_url(lambda url: "wpm=200" in url)  # the default 195, one step of 5 up
        wait_idle(tab)
        assert sidebar.get_attribute("data-collapsed") == "false"
    finally:
        context.close()


def _chart_menus(tab):
    """The charts' "Download chart" menus, in page order (the sidebar's paste box and the editable
    lists of Phrases and Q&A are popovers too)."""
    return tab.locator('[data-testid="stMain"] [data-testid="stPopover"]').filter(has_text="Download chart")


def test_chart_exports_are_named_and_carry_the_source_line(server, tab):
    _open(tab, server, "Speaker_time?speaker=ANTONY+BLINKEN")
    popover = _chart_menus(tab).first
    popover.locator("button").first.click()
    panel = tab.locator('[data-testid="stPopoverBody"]')
    with tab.expect_download(timeout=120_000) as svg:
        panel.get_by_role("button", name="SVG").click()
    assert svg.value.suggested_filename == "blinken_nato_open_door_talk_time_ANTONY_BLINKEN.svg"
    text = open(svg.value.path(), encoding="utf-8").read()
    assert SOURCE in text and "estimated at 195 words per minute" in text
    assert "Talk time per speaker" in text
    with tab.expect_download(timeout=120_000) as png:
        panel.get_by_role("button", name="PNG").click()
    assert png.value.suggested_filename == "blinken_nato_open_door_talk_time_ANTONY_BLINKEN.png"
    assert open(png.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    with tab.expect_download(timeout=60_000) as snippet:
        panel.get_by_role("button", name="HTML").click()
    assert snippet.value.suggested_filename == "blinken_nato_open_door_talk_time_ANTONY_BLINKEN.html"
    assert SOURCE in open(snippet.value.path(), encoding="utf-8").read()


def _svg_export(tab, n: int) -> tuple[str, str]:
    """Download the ``n``-th chart on the page as SVG: (file name, the SVG's text and styles, lines
    that the export wraps joined with spaces)."""
    _chart_menus(tab).nth(n).locator("button").first.click()
    panel = tab.locator('[data-testid="stPopoverBody"]')
    with tab.expect_download(timeout=120_000) as svg:
        panel.get_by_role("button", name="SVG").click()
    tab.keyboard.press("Escape")
    panel.wait_for(state="hidden")
    text = open(svg.value.path(), encoding="utf-8").read()
    return svg.value.suggested_filename, " ".join(html.unescape(re.sub(r"<[^>]*>", " ", text)).split()) + text


def test_q_and_a_compare_and_archive_charts_export_with_names_and_source_lines(server, tab):
    _open(tab, server, "Q_and_A")
    name, svg = _svg_export(tab, 0)
    assert name == "blinken_nato_open_door_answer_lengths.svg"
    assert SOURCE in svg and "Answer length by pair (words)" in svg
    assert tab.locator(".podium-chart-title").first.inner_text().startswith("Answer length by pair")

    _open(tab, server, "Compare?c=blinken-nato-2022-01-26&c=biden-marine-one-2021-07-30&p=Ukraine")
    names = [_svg_export(tab, i) for i in range(3)]
    assert [n for n, _ in names] == ["compare_talk_share.svg", "compare_questions.svg", "compare_phrase_rates.svg"]
    for _, svg in names:
        assert "Source: blinken_nato_open_door.txt, wh_biden_marine_one_2021-07-30.md, analysis: Podium" in svg
        assert "Blinken says no change to NATO" in svg and "(2021-07-30)" in svg  # the events, in the line
    # only talk share is an estimate: the seed has no timestamps, Marine One none either
    assert "times estimated at 195 words per minute" in names[0][1]  # the default rate (DEFAULT_WPM)
    assert "words per minute" not in names[1][1]
    # Blinken and the reporters keep their colours from every other page (Okabe-Ito vermillion, blue)
    assert "fill: rgb(213, 94, 0)" in names[0][1] and "fill: rgb(0, 114, 178)" in names[0][1]

    _open(tab, server, "Archive?q=Ukraine")
    names = [_svg_export(tab, i) for i in range(2)]
    assert [n for n, _ in names] == ["archive_trend_Ukraine.svg", "archive_talk_share_by_month.svg"]
    for _, svg in names:
        assert "Archive archive.duckdb: 2 transcripts, 30 Jul 2021 to 13 Feb 2025" in svg
        assert "analysis: Podium" in svg
    assert "estimated from words" in names[1][1] and "estimated" not in names[0][1]


def test_word_cloud_download_is_named(server, tab):
    _open(tab, server, "Phrases")
    with tab.expect_download(timeout=60_000) as cloud:
        tab.get_by_role("button", name="Download word cloud (PNG)").click()
    assert cloud.value.suggested_filename == "blinken_nato_open_door_word_cloud_2gram.png"


def test_a_story_fact_copies_exactly_what_it_shows(server, chromium):
    context = chromium.new_context(viewport=SIZES["desktop"])
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    tab = context.new_page()
    try:
        _open(tab, server, "")
        box = tab.frame_locator('iframe[srcdoc*="podium-copy-box"]').first
        shown = box.locator(".text").inner_text()
        assert shown.startswith("ANTONY BLINKEN spoke the most: an estimated 1 minute 2 seconds")
        box.get_by_role("button", name="Copy to clipboard").click()
        tab.wait_for_function("t => navigator.clipboard.readText().then(c => c === t)", arg=shown, timeout=10_000)
    finally:
        context.close()


def test_people_count_from_1_on_the_overview_and_q_and_a(server, tab):
    _open(tab, server, "")
    body = tab.inner_text("body")
    assert "turn 1 ·" in body and "turn 6 ·" in body and "turn 0 " not in body
    facts = tab.frame_locator('iframe[srcdoc*="podium-copy-box"]')  # the story facts' copy boxes
    longest = "The longest answer ran about 41 seconds: ANTONY BLINKEN, turn 2, about 0:51 in."
    assert facts.nth(1).locator(".text").inner_text() == longest
    _open(tab, server, "Q_and_A")
    pairs = tab.locator("h5").all_inner_texts()
    # two pairs on the seed (the reporter's "Well, there is no change..." asks nothing), numbered from 1
    assert pairs == ["Pair 1 · turn 1 → 2", "Pair 2 · turn 3 → 4, 5, 6"]


# Records every string drawn on a canvas: the grids (glide-data-grid) draw their cells there, so this
# is the text a reader sees in them (the grid's accessibility table holds the raw, unformatted values).
_RECORD_CANVAS_TEXT = """
window.__drawn = [];
const fillText = CanvasRenderingContext2D.prototype.fillText;
CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
  window.__drawn.push(String(text));
  return fillText.call(this, text, ...rest);
};
"""

# 1,234 paragraphs of "The budget plan is strong. (Laughter.)" by one speaker after a 7-word question:
# 5 x 1,234 = 6,170 words in one turn (an answer of 6,170 words), the two-word phrase "budget plan"
# 1,234 times, and the stage direction (Laughter.) 1,234 times.
BIG = (
    "Budget briefing, January 5, 2024\n\nREPORTER: Can you tell us about the money?\n\nSECRETARY: "
    + "\n\n".join(["The budget plan is strong. (Laughter.)"] * 1234)
    + "\n"
)
#: Page: numbers over 999 its grids must show with thousands separators (hand counts of BIG).
BIG_NUMBERS = {
    "": ["1,234"],  # stage directions: (Laughter.) 1,234 times
    "Speaker_time": ["6,170"],  # SECRETARY's words
    "Phrases": ["1,234"],  # "budget plan"
    "Q_and_A": ["6,170"],  # the answer's words
    "Speakers": ["6,170"],  # the editable grid
    # bundled transcripts: the 2020 debate's words, its speakers' words and seconds run over 999
    "Compare?c=debate-trump-biden-2020-09-29&c=biden-marine-one-2021-07-30": [],
}


def test_every_grid_writes_numbers_over_999_with_thousands_separators(server, chromium, tmp_path):
    context = chromium.new_context(viewport={"width": 2400, "height": 1400})  # wide: every column drawn
    context.set_default_timeout(90_000)
    context.add_init_script(_RECORD_CANVAS_TEXT)
    tab = context.new_page()
    try:
        big = tmp_path / "big_counts.txt"
        big.write_text(BIG, encoding="utf-8")
        _open(tab, server, "")
        tab.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(big))
        tab.get_by_role("heading", name="Budget briefing, January 5, 2024").wait_for()
        wait_idle(tab)
        tab.wait_for_url(lambda url: "t=" in url)  # the upload is in the library: its link opens it
        link = tab.url.split("?", 1)[1]
        for page_query, numbers in BIG_NUMBERS.items():
            path, _, query = page_query.partition("?")
            tab.goto(f"{server}/{path}?{link}" + (f"&{query}" if query else ""))
            wait_idle(tab)
            tab.get_by_text("Transcript: big_counts.txt").first.wait_for()  # the sidebar: this file is open
            grids = tab.locator('[data-testid="stDataFrame"]')
            grids.first.locator("canvas").first.wait_for()
            for i in range(grids.count()):  # draw every grid (they draw once on screen)
                if grids.nth(i).is_visible():
                    grids.nth(i).scroll_into_view_if_needed()
            tab.wait_for_function(
                "(wanted) => wanted.every(n => window.__drawn.includes(n))"
                " && window.__drawn.some(t => /^\\d{1,3}(,\\d{3})+$/.test(t))",
                arg=numbers,
                timeout=30_000,
            )
            drawn = tab.evaluate("window.__drawn")
            # no number of four or more digits drawn without a separator ("6170", "1234.0")
            bare = sorted({t for t in drawn if re.fullmatch(r"-?\d{4,}(\.\d+)?", t.strip())})
            assert bare == [], f"/{path}: {bare}"
            assert tab.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()

"""Publish-ready pages in headless Chromium at a laptop's 1280x800 and a phone's 390x844: nothing
clipped, the sidebar out of the way on a phone, chart exports named and carrying the source line,
people's numbering from 1."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import start_server, wait_idle

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
PAGES = {"": None, "Speaker_time": "Speaker time", "Phrases": "Repeated phrases", "Q_and_A": "Questions and answers"}
PAGES["Speakers"] = "Speakers"
SOURCE = "Source: blinken_nato_open_door.txt, analysis: Podium"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    proc, base = start_server(tmp_path_factory.mktemp("publish"))
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
    n_charts = {"Speaker_time": 6, "Phrases": 1}.get(path.split("?")[0], 0)
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


@pytest.mark.parametrize("path", list(PAGES))
def test_nothing_is_clipped(server, sized, path):
    size, tab = sized
    _open(tab, server, path)
    assert tab.locator('[data-testid="stException"]').count() == 0
    titles = "h1, h2, h3, .podium-chart-title, .podium-source, .podium-stat, [data-testid='stCaptionContainer']"
    clipped = tab.evaluate(_CLIPPED, [titles, _CHART_TEXT])
    assert clipped == [], f"{size} /{path}: {clipped}"
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


def test_chart_exports_are_named_and_carry_the_source_line(server, tab):
    _open(tab, server, "Speaker_time?speaker=ANTONY+BLINKEN")
    popover = tab.locator('[data-testid="stPopover"]').first
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


def test_word_cloud_download_is_named(server, tab):
    _open(tab, server, "Phrases")
    with tab.expect_download(timeout=60_000) as cloud:
        tab.get_by_role("button", name="Download word cloud (PNG)").click()
    assert cloud.value.suggested_filename == "blinken_nato_open_door_word_cloud_2gram.png"


def test_people_count_from_1_on_the_overview_and_q_and_a(server, tab):
    _open(tab, server, "")
    body = tab.inner_text("body")
    assert "turn 1 ·" in body and "turn 6 ·" in body and "turn 0 " not in body
    assert "ANTONY BLINKEN, turn 2, about 0:51 in." in body  # the story fact
    _open(tab, server, "Q_and_A")
    pairs = tab.locator("h5").all_inner_texts()
    # two pairs on the seed (the reporter's "Well, there is no change..." asks nothing), numbered from 1
    assert pairs == ["Pair 1 · turn 1 → 2", "Pair 2 · turn 3 → 4, 5, 6"]

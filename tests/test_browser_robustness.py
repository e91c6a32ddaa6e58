"""Hostile input and many users, in headless Chromium.

A transcript whose speaker names and text are markup is shown as text on every page (no element
it names exists in the DOM, no script runs), and sessions with different transcripts and filters
never see each other's state.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

from tests.conftest import wait_idle
from tests.test_browser import NAV, _exceptions, _go

HOSTILE_NAMES = ["<script>window.__pwned=1</script>", "<img src=x onerror=window.__pwned=2>", "=HYPERLINK(1)"]
HOSTILE = [
    {"speaker": HOSTILE_NAMES[0], "text": "Is the <b>budget</b> late? <iframe src=//example.invalid></iframe>"},
    {"speaker": HOSTILE_NAMES[1], "text": "Yes. <script>window.__pwned=3</script> It is late, <i>very</i> late."},
    {"speaker": HOSTILE_NAMES[2], "text": "What about <img src=y onerror=window.__pwned=4> March?"},
    {"speaker": HOSTILE_NAMES[1], "text": "March is late too. The budget is late."},
]


def _upload(tab, path) -> None:
    tab.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(path))
    tab.get_by_text(f"Transcript: {path.name}").wait_for()
    wait_idle(tab)


def _injected(tab) -> dict:
    return tab.evaluate(
        """() => ({
            pwned: window.__pwned || 0,
            iframes: document.querySelectorAll('iframe[src*="example.invalid"]').length,
            onerror: document.querySelectorAll('[onerror]').length,
            bold: [...document.querySelectorAll('b, i')].filter(e => /budget|very/.test(e.textContent)).length,
        })"""
    )


def test_hostile_transcript_is_text_on_every_page(fresh_server, tab, tmp_path):
    dialogs = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(HOSTILE), encoding="utf-8")
    tab.goto(fresh_server)
    wait_idle(tab)
    _upload(tab, path)
    for label in NAV:
        _go(tab, label)
        assert _exceptions(tab) == []
        assert _injected(tab) == {"pwned": 0, "iframes": 0, "onerror": 0, "bold": 0}, label
    _go(tab, "Overview")
    body = tab.inner_text("body")
    assert "<b>budget</b>" in body  # shown as typed
    assert dialogs == []


def test_sessions_never_share_transcripts_or_filters(fresh_server, chromium, tmp_path):
    """Two people at once: one uploads a file and filters, the other keeps the bundled transcript."""
    from tests.conftest import FIXTURES

    one = chromium.new_context(viewport={"width": 1400, "height": 1000})
    two = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        a, b = one.new_page(), two.new_page()
        a.goto(fresh_server)
        b.goto(f"{fresh_server}/Speaker_time?speaker=REPORTER")
        wait_idle(a)
        wait_idle(b)
        _upload(a, FIXTURES / "podcastindex_buzzsprout_example.srt")
        b.reload()
        wait_idle(b)
        _go(b, "Phrases")
        _go(a, "Speaker time")
        body_a, body_b = a.inner_text("body"), b.inner_text("body")
        assert "podcastindex_buzzsprout_example.srt" in body_a
        assert "ANTONY BLINKEN" not in body_a
        assert "blinken_nato_open_door" in body_b and "Travis" not in body_b
        assert parse_qs(urlparse(b.url).query).get("speaker") == ["REPORTER"]
        assert "speaker" not in parse_qs(urlparse(a.url).query)
        assert "3 speakers" in body_a or "Travis" in body_a
        assert _exceptions(a) == [] and _exceptions(b) == []
    finally:
        one.close()
        two.close()

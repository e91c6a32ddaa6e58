"""Publish-ready output: charts with a source line and named PNG / SVG / HTML downloads, one
colour per speaker on every chart, numbers as a reporter writes them, and phone-friendly pieces.

Pure helpers (no Streamlit calls): :func:`speaker_colours`, :func:`source_line`,
:func:`for_export`, :func:`figure_bytes`, :func:`chart_file_name`, :func:`wrap`,
:func:`cloud_png`. Streamlit pieces: :func:`show_chart`, :func:`cloud_download`,
:func:`stat_row`, :func:`close_sidebar_on_phone`.
"""

from __future__ import annotations

import copy
import html
import io
import os
import re
import shutil
import textwrap
from functools import lru_cache
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
from plotly.basedatatypes import BaseFigure

from podium.export import MAX_DOWNLOAD_NAME, download_name

#: Speaker colours, colour-blind safe: the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal
#: Design"), yellow last as it is faint on white, then Paul Tol's "muted" scheme (Tol 2021,
#: personal.sron.nl/~pault) for transcripts with more speakers; after that the list repeats.
SPEAKER_PALETTE = [
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#332288",  # indigo (Tol muted from here)
    "#117733",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
    "#88CCEE",
    "#DDCC77",
    "#CC6677",
]

#: Colour of a series that is no speaker ("no answer", the whole-transcript share).
NEUTRAL = "#9ca3af"

#: Width in pixels of exported chart images (PNG at twice this for sharp print).
EXPORT_WIDTH = 1000


def speaker_colours(speakers: list[str]) -> dict[str, str]:
    """``{speaker: "#rrggbb"}`` for the transcript's speakers in order of first appearance.

    Pass the *whole* transcript's speakers (``Transcript.speakers``), never a filtered list, so a
    speaker keeps their colour on every page, under any filter and in every export. Colours come
    from :data:`SPEAKER_PALETTE` in order and repeat after 16 speakers.
    """
    return {s: SPEAKER_PALETTE[i % len(SPEAKER_PALETTE)] for i, s in enumerate(dict.fromkeys(speakers))}


def assign_colours(names: list[str], fixed: dict[str, str] | None = None) -> dict[str, str]:
    """``{name: "#rrggbb"}`` for ``names`` (people on a chart of several transcripts): a name in
    ``fixed`` keeps that colour (a speaker of the open transcript keeps their colour from every
    other page, :func:`speaker_colours`); the others take the :data:`SPEAKER_PALETTE` colours not
    already used, in order, repeating only when the palette runs out."""
    fixed = fixed or {}
    used = set(fixed.values())
    free = [c for c in SPEAKER_PALETTE if c not in used] or SPEAKER_PALETTE
    out: dict[str, str] = {}
    i = 0
    for name in dict.fromkeys(names):
        if name in fixed:
            out[name] = fixed[name]
        else:
            out[name] = free[i % len(free)]
            i += 1
    return out


_DATE_RE = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}"
    r"|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]* \d{4}"
    r"|\d{4}-\d{2}-\d{2})\b"
)


def transcript_date(*texts: str) -> str:
    """The first date written in ``texts`` ("January 26, 2022", "26 January 2022", "2022-01-26"),
    as written; ``""`` when there is none. Podium never guesses a date."""
    for text in texts:
        found = _DATE_RE.search(text or "")
        if found:
            return found.group(0)
    return ""


def source_line(transcript, *, wpm: float | None = None, date: str = "") -> str:
    """The line a published chart carries: title, date (when the transcript gives one, else
    ``date``), the source file and Podium, and for estimated times the speaking rate, e.g.
    ``"Blinken says no change … · 2022-01-26 · Source: blinken_nato_open_door.txt, analysis:
    Podium · times estimated at 195 words per minute"``.

    ``transcript`` is a :class:`podium.model.Transcript`; ``wpm`` is given only for charts whose
    values are estimated from it; ``date`` is the library's date of the transcript
    (:func:`open_entry_date`), used when its text gives none.
    """
    parts = [" ".join(transcript.title.split())]
    date = transcript_date(transcript.title, transcript.summary, transcript.metadata) or date
    if date:
        parts.append(date)
    parts.append(f"Source: {transcript.name}, analysis: Podium")
    if wpm:
        parts.append(f"times estimated at {wpm:g} words per minute")
    return " · ".join(p for p in parts if p)


def open_entry_date() -> str:
    """The library's date (``YYYY-MM-DD``) of the transcript open in this session, ``""`` when it
    has none or is not a library entry (a pasted text). Looked up once a run by
    :func:`components.state.page_setup`, so a chart reads no file."""
    import streamlit as st

    from components.state import OPEN_DATE_KEY

    return str(st.session_state.get(OPEN_DATE_KEY, ""))


def several_source_line(what: str, files: list[str], *, estimate: str = "") -> str:
    """The source line of a chart drawn from several transcripts (Compare, Archive): ``what`` they
    are, the files (the first five, then how many more), Podium, and ``estimate`` (how estimated
    times were estimated) when the chart shows times, e.g. ``"Events: A (2022-01-26); B (undated) ·
    Source: a.txt, b.md, analysis: Podium · times estimated at 176 words per minute"``."""
    files = list(dict.fromkeys(files))
    listed = ", ".join(files[:5]) + (f" and {len(files) - 5:,} more" if len(files) > 5 else "")
    parts = [" ".join(what.split()), f"Source: {listed}, analysis: Podium" if listed else "Analysis: Podium"]
    return " · ".join(p for p in [*parts, estimate] if p)


def wrap(text: str, width: int) -> str:
    """``text`` broken at spaces into lines of at most ``width`` characters joined by ``<br>``
    (plotly's line break), with ``<``/``>``/``&`` escaped so transcript text cannot inject markup."""
    lines = textwrap.wrap(text, width, break_on_hyphens=False) or [""]  # "open-door" stays whole
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def chart_file_name(transcript_name: str, view: str, speakers: list[str] | None, ext: str) -> str:
    """``<transcript>_<view>[_<speakers>].<ext>``, built like the CSV names
    (:func:`podium.export.download_name`): no word cut, no path or markup characters."""
    base = download_name(transcript_name, view, speakers)[: -len(".csv")]
    tail = download_name("x", view, speakers)[1 : -len(".csv")]  # "_<view>[_<speakers>]"
    stem = base[: len(base) - len(tail)][: MAX_DOWNLOAD_NAME - len(tail) - len(ext) - 1].strip("_") or "transcript"
    return f"{stem}{tail}.{ext}"


def _source_annotation(text: str, *, width_chars: int) -> dict:
    return dict(
        text=f'<span style="color:#4b5563">{wrap(text, width_chars)}</span>',
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-52,
        showarrow=False,
        align="left",
        font=dict(size=11, color="#4b5563"),
        name="podium_source",
    )


def _lines(wrapped: str) -> int:
    return wrapped.count("<br>") + 1


def _above_plot_px(fig: go.Figure) -> int:
    """Room that text written just above the plot takes (subplot titles: paper annotations at y >= 1)."""
    above = [a for a in fig.layout.annotations if a.yref == "paper" and (a.y or 0) >= 1 and a.name != "podium_source"]
    return 8 + 18 * max(_lines(a.text or "") for a in above) if above else 0


def for_export(fig: go.Figure, *, title: str, source: str, width: int = EXPORT_WIDTH) -> go.Figure:
    """A copy of ``fig`` to publish on its own: ``title`` wrapped above the plot and ``source``
    wrapped below it, margins grown to hold both; the figure is ``width`` pixels wide."""
    out = go.Figure(copy.deepcopy(fig.to_dict()))
    chars = max(40, width // 8)
    wrapped_title = wrap(title, max(30, width // 10))
    wrapped_source = wrap(source, chars)
    margin = out.layout.margin
    legend_top = 30 if out.layout.showlegend else 0
    top = 24 * _lines(wrapped_title) + 20 + legend_top + _above_plot_px(out)
    bottom = 60 + 16 * _lines(wrapped_source)
    height = int((out.layout.height or 400) - (margin.t or 0) - (margin.b or 0) + top + bottom)
    out.update_layout(
        title=dict(text=wrapped_title, x=0.01, xanchor="left", y=1, yanchor="top", yref="container", pad=dict(t=12)),
        margin=dict(t=top, b=bottom, l=max(margin.l or 10, 10), r=max(margin.r or 30, 30)),
        width=width,
        height=height,
        paper_bgcolor="white",
    )
    out.add_annotation(**_source_annotation(source, width_chars=chars))
    return out


def for_page(fig: go.Figure) -> go.Figure:
    """``fig`` as drawn on the page: no plotly title (the page writes it above the chart, where it
    wraps on a phone and no toolbar covers it) and only the room the legend needs above the plot.
    The page writes the source line under the chart, where it wraps too."""
    out = go.Figure(fig)
    margin = out.layout.margin
    top = 10 + (34 if out.layout.showlegend else 0) + _above_plot_px(out)
    out.update_layout(
        title=None,
        margin=dict(t=top),
        height=int((out.layout.height or 400) - (margin.t or 0) + top),
    )
    return out


def page_spec(fig: go.Figure) -> dict:
    """:func:`for_page` of ``fig`` as plotly's figure dict (``for_page(fig).to_dict()``), made from
    ``fig.to_dict()`` without building and checking a second figure, which takes longer than
    drawing the chart's data: the figure was checked when it was built."""
    spec = fig.to_dict()
    layout = spec.setdefault("layout", {})
    margin = layout.get("margin", {})
    top = 10 + (34 if layout.get("showlegend") else 0) + _above_plot_px(fig)
    layout["title"] = {}
    layout["margin"] = {**margin, "t": top}
    layout["height"] = int((layout.get("height") or 400) - (margin.get("t") or 0) + top)
    _drop_empty(layout)  # unset properties (an axis title set to None), which plotly drops when it copies a figure
    layout["title"] = {}
    return spec


def _drop_empty(d: dict) -> None:
    for key in list(d):
        if isinstance(d[key], dict):
            _drop_empty(d[key])
            if not d[key]:
                del d[key]


class _Checked(BaseFigure):
    """A figure dict already checked by plotly (see :func:`page_spec`), handed to ``st.plotly_chart``
    as a figure so it is sent as it is instead of being built and checked again."""

    def __init__(self, spec: dict) -> None:  # deliberately not BaseFigure.__init__: nothing to check
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec


@lru_cache(maxsize=1)
def chromium_path() -> str | None:
    """The Chromium that draws PNG and SVG exports (kaleido): ``$BROWSER_PATH``, else Debian's
    ``/usr/bin/chromium`` or one on the ``PATH``; ``None`` when there is none (exports are then
    HTML only and the chart toolbar's camera saves a PNG)."""
    for candidate in (os.environ.get("BROWSER_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def figure_bytes(fig: go.Figure, fmt: str) -> bytes:
    """``fig`` (already :func:`for_export`-ed) as ``"png"`` (2x scale), ``"svg"`` or ``"html"`` bytes.

    PNG and SVG are drawn by kaleido in the local Chromium (:func:`chromium_path`); nothing is
    downloaded. HTML is plotly's self-contained snippet (a ``<div>`` with plotly.js inlined, no
    network needed), to paste into a story's HTML block or open in a browser.

    Raises:
        RuntimeError: PNG or SVG asked for and no Chromium is installed.
    """
    if fmt == "html":  # as wide as the story's column
        fluid = go.Figure(fig).update_layout(width=None, autosize=True)
        return fluid.to_html(
            full_html=False,
            include_plotlyjs=True,
            default_width="100%",
            config={"displaylogo": False, "responsive": True},
        ).encode("utf-8")
    browser = chromium_path()
    if browser is None:
        raise RuntimeError("PNG and SVG exports need Chromium (apt-get install chromium).")
    os.environ.setdefault("BROWSER_PATH", browser)
    return fig.to_image(format=fmt, scale=2 if fmt == "png" else 1)


def cloud_png(image: np.ndarray, *, source: str) -> bytes:
    """A word cloud (RGB array from :func:`components.charts.word_cloud_image`) as PNG bytes with
    ``source`` written under it."""
    from PIL import Image, ImageDraw, ImageFont

    cloud = Image.fromarray(image)
    font = ImageFont.load_default(size=15)
    lines = textwrap.wrap(source, max(40, cloud.width // 8))
    canvas = Image.new("RGB", (cloud.width, cloud.height + 12 + 20 * len(lines)), "white")
    canvas.paste(cloud, (0, 0))
    draw = ImageDraw.Draw(canvas)
    for i, line in enumerate(lines):
        draw.text((8, cloud.height + 4 + 20 * i), line, fill=(75, 85, 99), font=font)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return buffer.getvalue()


# --- Streamlit pieces ---------------------------------------------------------------------------

_CSS = """
<style>
.podium-chart-title { font-weight: 600; font-size: 1.05rem; margin: .4rem 0 0 0; line-height: 1.35;
  overflow-wrap: anywhere; }
.podium-swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .4em;
  vertical-align: -.05em; }
[data-testid="stElementContainer"]:has(> iframe[srcdoc*="podium-close-sidebar"]) { display: none; }
/* A copy box (components/copyable.py) measures its own height, which a frame cannot report below the
   frame's own: start it 1 px tall until Streamlit sets the measured height (no 150 px default). */
iframe[srcdoc*="podium-copy-box"]:not([height]) { height: 1px; }
/* A table's toolbar (search, download, full screen) appears 44 px above the grid on hover or tap, over
   whatever is there: keep that band free, so it never covers the caption or sentence above a table. */
[data-testid="stElementContainer"]:has([data-testid="stDataFrame"]) { margin-top: 28px; }
.podium-source { color: #4b5563; font-size: .8rem; margin-top: -.6rem; overflow-wrap: anywhere; }
.podium-stats { display: flex; flex-wrap: wrap; gap: .4rem 1.6rem; margin: .2rem 0 .8rem 0; }
.podium-stat { min-width: 7rem; }
.podium-stat .v { font-size: 1.6rem; font-weight: 600; line-height: 1.2; }
.podium-stat .k { color: #4b5563; font-size: .85rem; }
@media (max-width: 640px) {
  .podium-stat { min-width: 40%; }
  .podium-stat .v { font-size: 1.2rem; }
  h1 { overflow-wrap: anywhere; font-size: 1.6rem !important; }
}
</style>
"""


def page_css(extra: str = "") -> None:
    """The publish/phone styles (chart titles, compact headline numbers, wrapping titles), and
    ``extra`` styles (a ``<style>`` block) in the same element: one element less on every page."""
    import streamlit as st

    st.html(extra + _CSS)


def stat_row(stats: list[tuple[str, str, str]]) -> None:
    """Headline numbers as one compact, wrapping row: ``[(label, value, tooltip)]``. On a phone
    four numbers take two short lines instead of a screen (``st.metric`` stacks them)."""
    import streamlit as st

    cells = "".join(
        f'<div class="podium-stat" title="{html.escape(tip)}"><div class="v">{html.escape(value)}</div>'
        f'<div class="k">{html.escape(label)}</div></div>'
        for label, value, tip in stats
    )
    st.html(f'<div class="podium-stats">{cells}</div>')


def show_chart(
    fig: go.Figure,
    *,
    key: str,
    transcript=None,
    view: str,
    speakers: list[str] | None = None,
    wpm: float | None = None,
    title: str | None = None,
    source: str | None = None,
    name: str | None = None,
) -> None:
    """Draw a chart ready to publish, and its downloads.

    The title (``title``, else the figure's) is written above the chart and the source line
    (:func:`source_line`, with ``wpm`` for estimated charts) under it, both as page text that
    wraps on a phone. "Download chart" then offers PNG, SVG and a self-contained HTML snippet,
    each with the title and source line drawn in and named ``<transcript>_<view>[_<speakers>].<ext>``;
    they are drawn only when clicked. The toolbar's camera (whose picture would lack the title)
    is removed; without Chromium on the server it stays, saving a PNG under the same name.

    Args:
        fig: a figure from :mod:`components.charts` (not modified).
        key: the Streamlit key of the chart; download keys derive from it.
        transcript: the :class:`podium.model.Transcript` shown.
        view: the view's name in file names, e.g. ``"talk_time"``.
        speakers: the speaker filter, named in file names.
        wpm: the speaking rate for charts of estimated times; ``None`` for counts or timestamps.
        title: the chart's title; default the figure's.
        source: the source line of a chart drawn from several transcripts (Compare, Archive; see
            :func:`several_source_line`); default :func:`source_line` of ``transcript``.
        name: the file-name stem of such a chart (``"compare"``, the archive's name); default
            ``transcript.name``.

    Raises:
        ValueError: neither ``transcript`` nor both ``source`` and ``name`` are given.
    """
    import streamlit as st

    if transcript is None and (source is None or name is None):
        raise ValueError("show_chart needs a transcript, or a source line and a file name")
    title = title if title is not None else (fig.layout.title.text or "")
    source = source if source is not None else source_line(transcript, wpm=wpm, date=open_entry_date())
    name = name if name is not None else transcript.name
    png_name = chart_file_name(name, view, speakers, "png")
    if title:
        st.html(f'<div class="podium-chart-title">{html.escape(title)}</div>')
    config = {
        "displaylogo": False,
        "responsive": True,
        "toImageButtonOptions": {"format": "png", "filename": png_name[: -len(".png")], "scale": 2},
    }
    if chromium_path() is not None:  # every image then comes from "Download chart", with title and source
        config["modeBarButtonsToRemove"] = ["toImage"]
    st.plotly_chart(_Checked(page_spec(fig)), key=key, config=config)
    st.html(f'<div class="podium-source">{html.escape(source)}</div>')
    with st.popover("Download chart", icon=":material/image:"):
        st.caption(f"With the title and the source line: {source}")
        formats = [("png", "PNG image", "image/png"), ("svg", "SVG (for editing)", "image/svg+xml")]
        if chromium_path() is None:
            formats = []
            st.caption("PNG and SVG need Chromium on the server; use the camera in the chart's toolbar.")
        for fmt, label, mime in [*formats, ("html", "HTML snippet (interactive, for embedding)", "text/html")]:
            st.download_button(
                label,
                data=lambda fmt=fmt: figure_bytes(for_export(fig, title=title, source=source), fmt),  # on click
                file_name=chart_file_name(name, view, speakers, fmt),
                mime=mime,
                key=f"{key}_download_{fmt}",
                on_click="ignore",
                icon=":material/download:",
            )


def cloud_download(image: np.ndarray, *, transcript, view: str, speakers: list[str] | None = None) -> None:
    """A PNG download of a word cloud with the source line under it."""
    import streamlit as st

    source = source_line(transcript, date=open_entry_date())
    st.download_button(
        "Download word cloud (PNG)",
        data=lambda: cloud_png(image, source=source),
        file_name=chart_file_name(transcript.name, view, speakers, "png"),
        mime="image/png",
        key=f"download_cloud_{view}",
        on_click="ignore",
        icon=":material/download:",
    )


_CLOSE_SIDEBAR_JS = """
<script>
// podium-close-sidebar (%s): on a narrow screen the sidebar covers the page; close it once the new
// page has loaded.
const doc = window.parent.document;
if (window.parent.innerWidth < 768) {
  const bar = doc.querySelector('[data-testid="stSidebar"]');
  if (bar && bar.getAttribute('data-collapsed') === 'false') {
    const close = doc.querySelector('[data-testid="stSidebarCollapseButton"] button')
      || doc.querySelector('[data-testid="stSidebarCollapseButton"]');
    if (close) close.click();
  }
}
</script>
"""


def close_sidebar_on_phone(page_title: str) -> None:
    """Close the sidebar after navigating on a phone (viewport under 768 px). Runs once per page
    visit: the tiny component is keyed by the page, so reruns of the same page (a filter change
    with the sidebar open) leave the sidebar as the reader left it."""
    import streamlit as st

    st.iframe(_CLOSE_SIDEBAR_JS % html.escape(page_title), height=1)


__all__ = [
    "EXPORT_WIDTH",
    "MAX_DOWNLOAD_NAME",
    "NEUTRAL",
    "SPEAKER_PALETTE",
    "assign_colours",
    "chart_file_name",
    "close_sidebar_on_phone",
    "cloud_download",
    "cloud_png",
    "figure_bytes",
    "for_export",
    "for_page",
    "page_css",
    "page_spec",
    "several_source_line",
    "show_chart",
    "source_line",
    "speaker_colours",
    "stat_row",
    "transcript_date",
    "wrap",
]

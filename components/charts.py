"""Plotly figure builders and the word cloud. Pure functions of DataFrames; no Streamlit calls."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

#: Most phrases a word cloud draws.
MAX_CLOUD_WORDS = 150

_FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=14)
_BAR = "#1f5f8b"
_PALETTE = ["#1f5f8b", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#2e4057", "#c97c5d"]


def _layout(fig: go.Figure, *, title: str, x_title: str, n_rows: int) -> go.Figure:
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left"),
        font=_FONT,
        xaxis_title=x_title,
        yaxis_title=None,
        margin=dict(l=10, r=30, t=60, b=50),
        height=max(260, 60 + 34 * n_rows),
        plot_bgcolor="white",
        showlegend=False,
    )
    fig.update_xaxes(gridcolor="#e5e7eb", zeroline=True, zerolinecolor="#9ca3af", rangemode="tozero")
    fig.update_yaxes(automargin=True)
    return fig


def talk_time_bar(speakers: pd.DataFrame, *, wpm: float | None) -> go.Figure:
    """Horizontal bars of talk time per speaker in minutes, longest on top.

    ``speakers`` has the columns of :data:`podium.talk_time.SPEAKER_COLUMNS`.
    """
    data = speakers.sort_values("talk_time_s", ascending=True)
    minutes = data["talk_time_s"] / 60.0
    basis = f"estimated at {wpm:g} words per minute" if wpm else "from the transcript's timestamps"
    fig = go.Figure(
        go.Bar(
            x=minutes,
            y=data["speaker"],
            orientation="h",
            marker_color=_BAR,
            text=[f"{m:.1f} min" if m >= 1 else f"{m * 60:.0f} s" for m in minutes],
            textposition="outside",
            cliponaxis=False,
            customdata=np.stack([data["n_words"], data["word_share"] * 100, data["n_turns"]], axis=-1),
            hovertemplate="%{y}<br>%{x:.2f} minutes<br>%{customdata[0]} words (%{customdata[1]:.1f}%)"
            "<br>%{customdata[2]} turns<extra></extra>",
        )
    )
    return _layout(
        fig, title=f"Talk time per speaker (minutes, {basis})", x_title="Talk time (minutes)", n_rows=len(data)
    )


#: Above this many turns the timeline draws one WebGL line per speaker instead of a bar per turn.
MAX_TIMELINE_BARS = 1500


def timeline(turns: pd.DataFrame, *, speaker_order: list[str], wpm: float | None) -> go.Figure:
    """Who spoke when: one horizontal bar per turn on a linear seconds axis.

    ``turns`` has ``turn_id``, ``speaker``, ``start_s``, ``end_s``, ``n_words``;
    ``speaker_order`` lists speakers top to bottom. Long transcripts (more than
    :data:`MAX_TIMELINE_BARS` turns) are drawn as thick WebGL line segments, one trace per
    speaker, which stays fast for hundreds of thousands of turns.
    """
    colours = {s: _PALETTE[i % len(_PALETTE)] for i, s in enumerate(speaker_order)}
    basis = f"estimated at {wpm:g} words per minute" if wpm else "from the transcript's timestamps"
    if len(turns) > MAX_TIMELINE_BARS:
        fig = go.Figure()
        for speaker in speaker_order:
            own = turns[turns["speaker"] == speaker]
            xs = np.column_stack([own["start_s"], own["end_s"], np.full(len(own), np.nan)]).ravel()
            fig.add_trace(
                go.Scattergl(
                    x=xs,
                    y=[speaker] * len(xs),
                    mode="lines",
                    line=dict(color=colours[speaker], width=18),
                    name=speaker,
                    hoverinfo="y",
                )
            )
    else:
        durations = turns["end_s"] - turns["start_s"]
        fig = go.Figure(
            go.Bar(
                base=turns["start_s"],
                x=durations,
                y=turns["speaker"],
                orientation="h",
                marker_color=[colours.get(s, _BAR) for s in turns["speaker"]],
                marker_line_width=0.5,
                marker_line_color="white",
                customdata=np.stack([turns["turn_id"], turns["n_words"], turns["start_s"], turns["end_s"]], axis=-1),
                hovertemplate="%{y}<br>turn %{customdata[0]}: %{customdata[1]} words"
                "<br>%{customdata[2]:.0f} s to %{customdata[3]:.0f} s<extra></extra>",
            )
        )
        fig.update_layout(bargap=0.35)
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(speaker_order)))
    return _layout(
        fig,
        title=f"Who spoke when (seconds from the start, {basis})",
        x_title="Time from start (seconds)",
        n_rows=len(speaker_order),
    )


def phrase_bar(phrases: pd.DataFrame, *, top: int = 20) -> go.Figure:
    """Horizontal bars of the ``top`` most repeated phrases, most frequent on top.

    ``phrases`` has the columns of :data:`podium.phrases.PHRASE_COLUMNS`, sorted by count.
    """
    data = phrases.head(top).iloc[::-1]
    n_words = ", ".join(f"{n}" for n in sorted(phrases["n"].unique())) if len(phrases) else ""
    fig = go.Figure(
        go.Bar(
            x=data["count"],
            y=data["phrase"],
            orientation="h",
            marker_color=_BAR,
            text=data["count"],
            textposition="outside",
            cliponaxis=False,
            customdata=data["n_turns"],
            hovertemplate="“%{y}”<br>%{x} times in %{customdata} turns<extra></extra>",
        )
    )
    fig.update_xaxes(dtick=1 if len(data) and data["count"].max() <= 10 else None)
    shown = f"top {len(data)} " if len(phrases) > len(data) else ""
    return _layout(
        fig,
        title=f"Most repeated {n_words}-word phrases, {shown}by occurrences",
        x_title="Occurrences (count)",
        n_rows=len(data),
    )


def word_cloud_image(phrases: pd.DataFrame, *, width: int = 900, height: int = 420) -> np.ndarray | None:
    """Render a word cloud from phrase counts (``phrase``, ``count``) as an RGB array.

    Uses ``WordCloud.generate_from_frequencies`` on our own counts so the cloud shows
    exactly the table's phrases (wordcloud's own tokenizer splits curly apostrophes and
    joins words across sentences). The font is one that covers the phrases' characters
    (:func:`components.fonts.cloud_font`); phrases no available font covers are left out.
    Returns ``None`` when there is nothing to draw.
    """
    if phrases.empty:
        return None
    from wordcloud import WordCloud  # lazy: imports matplotlib

    from components.fonts import cloud_font

    frequencies = dict(zip(phrases["phrase"], phrases["count"].astype(float), strict=True))
    font_path, undrawable = cloud_font(list(frequencies))  # a font that covers the text: no empty boxes
    for phrase in undrawable:
        frequencies.pop(phrase)
    if not frequencies:
        return None
    cloud = WordCloud(
        font_path=font_path,
        width=width,
        height=height,
        background_color="white",
        colormap="viridis",
        prefer_horizontal=0.95,
        random_state=7,
        collocations=False,
        max_words=MAX_CLOUD_WORDS,
    ).generate_from_frequencies(frequencies)
    return cloud.to_array()

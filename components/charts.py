"""Plotly figure builders and the word cloud. Pure functions of DataFrames; no Streamlit calls."""

from __future__ import annotations

import html

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

    ``phrases`` has the columns of :data:`podium.phrases.PHRASE_COLUMNS`, sorted by count
    descending. When the cut at ``top`` falls inside a tie, the subtitle says so and names the
    phrases left out with the same count (the first five, then how many more).
    """
    from podium.phrases import top_with_ties

    ordered = phrases.sort_values(["count", "phrase"], ascending=[False, True], kind="stable")
    shown, cut = top_with_ties(ordered, "count", top)
    data = shown.iloc[::-1]
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
            customdata=np.stack([data["n_turns"], data["per_1000_words"]], axis=-1) if len(data) else None,
            hovertemplate="“%{y}”<br>%{x} times in %{customdata[0]} turns"
            "<br>%{customdata[1]:.2f} per 1,000 words<extra></extra>",
        )
    )
    fig.update_xaxes(dtick=1 if len(data) and data["count"].max() <= 10 else None)
    fig.update_yaxes(type="category")
    shown_label = f"top {len(data)} " if len(phrases) > len(data) else ""
    title = f"Most repeated {n_words}-word phrases, {shown_label}by occurrences"
    if cut:
        names = ", ".join(f"“{p}”" for p in cut[:5]) + (f" and {len(cut) - 5} more" if len(cut) > 5 else "")
        count = int(shown["count"].iloc[-1])
        title += f"<br><sup>Tie cut: {len(cut)} more said {count} times not shown: {html.escape(names)}</sup>"
    fig = _layout(fig, title=title, x_title="Occurrences (count)", n_rows=len(data))
    if cut:
        fig.update_layout(margin=dict(t=90))
    return fig


def speaker_phrase_bar(by_speaker: pd.DataFrame, phrases: list[str], *, speaker_order: list[str]) -> go.Figure:
    """Grouped horizontal bars: each speaker's rate per 1,000 of their words for ``phrases``.

    ``by_speaker`` has the columns of :data:`podium.phrases.SPEAKER_PHRASE_COLUMNS`; ``phrases``
    lists the phrases to draw, top first; one colour per speaker of ``speaker_order``.
    """
    fig = go.Figure()
    for i, speaker in enumerate(speaker_order):
        own = by_speaker[by_speaker["speaker"] == speaker].set_index("phrase")
        rates = [float(own["per_1000_words"].get(p, 0.0)) for p in phrases]
        counts = [int(own["count"].get(p, 0)) for p in phrases]
        fig.add_trace(
            go.Bar(
                x=rates[::-1],
                y=phrases[::-1],
                orientation="h",
                name=speaker,
                marker_color=_PALETTE[i % len(_PALETTE)],
                customdata=counts[::-1],
                hovertemplate=f"{html.escape(speaker)}<br>“%{{y}}”: %{{customdata}} times, "
                "%{x:.2f} per 1,000 words<extra></extra>",
            )
        )
    fig.update_yaxes(type="category")
    fig = _layout(
        fig,
        title="Who says them: occurrences per 1,000 of each speaker's words",
        x_title="Occurrences per 1,000 words",
        n_rows=max(len(phrases) * max(1, min(len(speaker_order), 3)) // 2, len(phrases)),
    )
    fig.update_layout(showlegend=True, barmode="group", legend=dict(orientation="h", y=-0.12, x=0))
    return fig


def log_odds_chart(table: pd.DataFrame, *, speakers: list[str], top: int = 10) -> go.Figure:
    """One panel per speaker: the ``top`` terms with the highest z-score of the weighted log-odds
    ratio against all other speakers (``table`` has :data:`podium.logodds.LOG_ODDS_COLUMNS`)."""
    from plotly.subplots import make_subplots

    fig = make_subplots(
        rows=1,
        cols=len(speakers),
        subplot_titles=[html.escape(s) for s in speakers],
        horizontal_spacing=0.12 if len(speakers) > 1 else 0.0,
    )
    n_rows = 1
    for i, speaker in enumerate(speakers):
        own = table[(table["speaker"] == speaker) & (table["z"] > 0)].head(top).iloc[::-1]
        n_rows = max(n_rows, len(own))
        fig.add_trace(
            go.Bar(
                x=own["z"],
                y=own["term"],
                orientation="h",
                marker_color=_PALETTE[i % len(_PALETTE)],
                customdata=np.stack([own["count"], own["count_others"]], axis=-1) if len(own) else None,
                hovertemplate="“%{y}”<br>z = %{x:.2f}<br>%{customdata[0]} times by this speaker, "
                "%{customdata[1]} by the others<extra></extra>",
            ),
            row=1,
            col=i + 1,
        )
        if own.empty:
            fig.add_annotation(
                text="No term used more<br>than by the others",
                x=0.5,
                y=0.5,
                xref=f"x{i + 1 if i else ''} domain",
                yref=f"y{i + 1 if i else ''} domain",
                showarrow=False,
                font=dict(color="#6b7280"),
            )
        fig.update_yaxes(type="category", automargin=True, row=1, col=i + 1)
        fig.update_xaxes(title_text="z-score", row=1, col=i + 1, gridcolor="#e5e7eb", rangemode="tozero")
        fig.add_vline(x=1.96, line_dash="dot", line_color="#9ca3af", row=1, col=i + 1)
    fig.update_layout(
        title=dict(
            text="Distinctive terms: weighted log-odds z-score, each speaker against all others "
            "(dotted line: z = 1.96)",
            x=0,
            xanchor="left",
        ),
        font=_FONT,
        margin=dict(l=10, r=30, t=80, b=50),
        height=max(300, 100 + 30 * n_rows),
        plot_bgcolor="white",
        showlegend=False,
    )
    return fig


def dispersion_chart(
    hits: pd.DataFrame, *, phrases: list[str], duration_s: float, by: str = "time", n_turns: int = 0
) -> go.Figure:
    """Where each phrase is said: one row per phrase, a tick per occurrence.

    ``hits`` has ``phrase``, ``time_s`` (seconds from the start), ``speaker`` and ``turn_id``;
    ``phrases`` lists the rows top to bottom. ``by="time"`` places ticks on a minutes axis from 0 to
    ``duration_s``; ``by="turn"`` on a turn axis from 0 to ``n_turns - 1``.
    """
    by_turn = by == "turn"
    fig = go.Figure()
    for i, phrase in enumerate(phrases):
        own = hits[hits["phrase"] == phrase]
        fig.add_trace(
            go.Scatter(
                x=own["turn_id"] if by_turn else own["time_s"] / 60.0,
                y=[phrase] * len(own),
                mode="markers",
                marker=dict(symbol="line-ns", size=16, line=dict(width=2.5, color=_PALETTE[i % len(_PALETTE)])),
                customdata=np.stack([own["speaker"], own["turn_id"]], axis=-1) if len(own) else None,
                hovertemplate="“%{y}”<br>%{customdata[0]}, turn %{customdata[1]}<extra></extra>"
                if by_turn
                else "“%{y}” at %{x:.1f} min<br>%{customdata[0]}, turn %{customdata[1]}<extra></extra>",
                name=phrase,
            )
        )
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(reversed(phrases)))
    if by_turn:
        fig.update_xaxes(range=[-0.5, max(n_turns - 0.5, 0.5)])
    else:
        fig.update_xaxes(range=[0, max(duration_s / 60.0, 0.1)])
    fig = _layout(
        fig,
        title="Where in the event each phrase is said (one tick per occurrence)",
        x_title="Turn (0 = first)" if by_turn else "Time from start (minutes)",
        n_rows=len(phrases),
    )
    fig.update_xaxes(rangemode="normal")
    return fig


def cloud_frequencies(phrases: pd.DataFrame) -> dict[str, float]:
    """The ``{phrase: count}`` a word cloud is drawn from: the table's own counts, nothing else."""
    return dict(zip(phrases["phrase"], phrases["count"].astype(float), strict=True))


def word_cloud_image(phrases: pd.DataFrame, *, width: int = 900, height: int = 420) -> np.ndarray | None:
    """Render a word cloud from phrase counts (``phrase``, ``count``) as an RGB array.

    Uses ``WordCloud.generate_from_frequencies`` on our own counts so the cloud shows
    exactly the table's phrases (wordcloud's own tokenizer splits curly apostrophes and
    joins words across sentences). Returns ``None`` when there is nothing to draw.
    """
    if phrases.empty or not (phrases["count"] > 0).any():
        return None
    from wordcloud import WordCloud  # lazy: imports matplotlib

    frequencies = cloud_frequencies(phrases)
    cloud = WordCloud(
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

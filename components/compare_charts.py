"""Plotly figures for the Compare and Archive pages. Pure functions of DataFrames; no Streamlit calls."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.publish import SPEAKER_PALETTE, assign_colours, wrap

_FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=14)
_PALETTE = SPEAKER_PALETTE  # colour-blind safe (Okabe-Ito, then Paul Tol's muted)
_OTHERS = "#d1d5db"
#: The legend in rows between the title and the plot (plotly grows the top margin to fit it), where
#: it never covers an axis title and wraps on a phone instead of squeezing the plot.
_TOP_LEGEND = dict(
    orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom", title=None, traceorder="normal", font=dict(size=12)
)
#: Characters per line of an event's name over its bar or in a legend: fits a 390 px phone.
_NAME_CHARS = 40
#: Characters per line of a person's name in a legend (plotly lays legend entries out in columns
#: as wide as the widest entry, so short lines give a phone two columns).
_PERSON_CHARS = 22
#: Pixels per line of legend text at the legend's 12 px font.
_LEGEND_LINE_PX = 19
#: Height of one event's row in the horizontal bar charts (pixels) and its bar's share of it: the
#: event's name (up to two lines) is written above the bar, inside the plot, so long names take no
#: width on a phone.
_ROW_PX, _BAR = 84, 0.32


def _legend_px(names: list[str]) -> int:
    """Height of a legend of ``names`` (wrapped with ``<br>``) at one entry a row, as on a phone."""
    return _LEGEND_LINE_PX * sum(n.count("<br>") + 1 for n in names) + 10


def _style(fig: go.Figure, *, title: str, x_title: str, y_title: str | None, height: int) -> go.Figure:
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left"),
        font=_FONT,
        xaxis_title=x_title,
        yaxis_title=y_title,
        margin=dict(l=10, r=30, t=60, b=50),
        height=height,
        plot_bgcolor="white",
        showlegend=True,
        legend=_TOP_LEGEND,
    )
    fig.update_xaxes(gridcolor="#e5e7eb", zeroline=True, zerolinecolor="#9ca3af")
    fig.update_yaxes(automargin=True, gridcolor="#e5e7eb")
    return fig


def _event_rows(fig: go.Figure, labels: list[str]) -> int:
    """Write each event's name (``labels``, bottom to top, the y categories) above its bar, inside the
    plot from its left edge, instead of as axis labels; return the plot area's height in pixels."""
    fig.update_yaxes(
        showticklabels=False,
        type="category",
        categoryorder="array",
        categoryarray=labels,
        range=[-0.5, len(labels) - 0.5],
    )
    fig.update_layout(bargap=1 - _BAR)
    for i, label in enumerate(labels):
        fig.add_annotation(
            text=wrap(label, _NAME_CHARS),
            xref="paper",
            x=0,
            xanchor="left",
            yref="y",
            y=i + _BAR / 2,  # the category's index: just over the top of its bar at any height
            yanchor="bottom",
            yshift=1,
            showarrow=False,
            align="left",
            font=dict(size=12, color="#374151"),
        )
    return _ROW_PX * len(labels)


def talk_share_bars(
    shares: pd.DataFrame, event_names: dict[str, str], *, top: int = 12, colours: dict[str, str] | None = None
) -> go.Figure:
    """One horizontal bar per event, split by person: each person's share of the event's talk time (%).

    ``shares`` has the columns of :data:`podium.compare.TALK_SHARE_COLUMNS`; ``event_names`` maps
    event ids to the labels drawn, in the order to draw them (top to bottom). The ``top`` people by
    total talk time keep one colour in every event; the rest are one grey "others" segment. A person
    in ``colours`` (the open transcript's speakers, :func:`components.publish.speaker_colours`) has
    that colour; the others take colours no one else has (:func:`components.publish.assign_colours`).
    """
    ranked = shares.groupby("person")["talk_time_s"].sum().sort_values(ascending=False)
    keep = list(ranked.index[:top])
    palette = assign_colours(keep, {p: c for p, c in (colours or {}).items() if p in keep})
    data = shares.assign(who=shares["person"].where(shares["person"].isin(keep), "others"))
    order = list(event_names)[::-1]  # plotly draws the first category at the bottom
    fig = go.Figure()
    for person in [*keep, "others"]:
        part = data[data["who"] == person].groupby("event_id", sort=False)["talk_share"].sum()
        if part.empty:
            continue
        xs = [float(part.get(e, 0.0)) * 100 for e in order]
        fig.add_trace(
            go.Bar(
                x=xs,
                y=[event_names[e] for e in order],
                orientation="h",
                name=wrap(person, _PERSON_CHARS),
                marker_color=_OTHERS if person == "others" else palette[person],
                text=[f"{x:.0f}%" if x >= 6 else "" for x in xs],
                textposition="inside",
                hovertemplate="%{fullData.name}<br>%{y}<br>%{x:.1f}% of talk time<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(range=[0, 100], ticksuffix="%")
    plot_px = _event_rows(fig, [event_names[e] for e in order])
    _style(
        fig,
        title="Share of each event's talk time, by person (%)",
        x_title="Share of talk time (%)",
        y_title=None,
        height=60 + 50 + plot_px + _legend_px([t.name for t in fig.data]),
    )
    return fig


def qa_bars(summary: pd.DataFrame, event_names: dict[str, str]) -> go.Figure:
    """Questions per event, answered and unanswered stacked (counts).

    ``summary`` has the columns of :data:`podium.compare.QA_SUMMARY_COLUMNS`.
    """
    data = summary.set_index("event_id").reindex(list(event_names)[::-1])
    y = [event_names[e] for e in data.index]
    fig = go.Figure(
        [
            go.Bar(x=data["n_answered"], y=y, orientation="h", name="answered", marker_color=_PALETTE[0]),
            go.Bar(x=data["n_unanswered"], y=y, orientation="h", name="unanswered", marker_color=_PALETTE[1]),
        ]
    )
    fig.update_layout(barmode="stack")
    plot_px = _event_rows(fig, y)
    return _style(
        fig,
        title="Questions per event (count)",
        x_title="Questions",
        y_title=None,
        height=60 + 50 + plot_px + _legend_px(["answered", "unanswered"]),
    )


def phrase_rate_bars(rates: pd.DataFrame, event_names: dict[str, str]) -> go.Figure:
    """Grouped bars: each phrase's rate per 1,000 words in each event (columns of
    :data:`podium.compare.PHRASE_RATE_COLUMNS`)."""
    fig = go.Figure()
    for i, (event, name) in enumerate(event_names.items()):
        part = rates[rates["event_id"] == event]
        fig.add_trace(
            go.Bar(
                x=part["phrase"],
                y=part["per_1000_words"],
                name=wrap(name, _NAME_CHARS),
                marker_color=_PALETTE[i % len(_PALETTE)],
                customdata=part[["count", "n_words"]].to_numpy(),
                hovertemplate="%{fullData.name}<br>“%{x}”: %{y:.2f} per 1,000 words"
                "<br>%{customdata[0]} times in %{customdata[1]:,} words<extra></extra>",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_xaxes(type="category")
    return _style(
        fig,
        title="Phrase rate per event (occurrences per 1,000 words)",
        x_title="Phrase",
        y_title="Per 1,000 words",
        height=420 + _legend_px([t.name for t in fig.data]),
    )


def _break_at_missing_months(months: pd.Series, values: pd.Series) -> tuple[list, list]:
    """``months`` (datetime64, first of the month) and their ``values`` in month order, with a
    missing value (``None``, which plotly draws as a break in the line) in the month after each
    month whose next month with data is more than one month later."""
    order = pd.to_datetime(months).reset_index(drop=True).argsort(kind="stable")
    ms = pd.to_datetime(months).reset_index(drop=True).iloc[order].tolist()
    vs = values.reset_index(drop=True).iloc[order].tolist()
    xs: list = []
    ys: list = []
    for i, (m, v) in enumerate(zip(ms, vs, strict=True)):
        xs.append(m)
        ys.append(v)
        if i + 1 < len(ms) and ms[i + 1] > m + pd.DateOffset(months=1):
            xs.append(m + pd.DateOffset(months=1))
            ys.append(None)
    return xs, ys


def trend_lines(
    frame: pd.DataFrame,
    *,
    x: str,
    y: str,
    color: str,
    title: str,
    y_title: str,
    colours: dict[str, str] | None = None,
) -> go.Figure:
    """Lines of ``y`` over ``x`` (a datetime column of months, first of the month), one per value
    of ``color``; a value in ``colours`` has that colour, the others colours no one else has.

    A line is broken where a month without data lies between two months with data (an archive
    with transcripts of 2016 and 2020 draws no line across the years between: there is no value
    there to draw); the months with data keep their markers.
    """
    fig = go.Figure()
    keys = [str(k) for k in dict.fromkeys(frame[color])]
    palette = assign_colours(keys, {k: c for k, c in (colours or {}).items() if k in keys})
    for key, part in frame.groupby(color, sort=False):
        xs, ys = _break_at_missing_months(part[x], part[y])
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines+markers",
                name=wrap(str(key), _NAME_CHARS),
                line=dict(color=palette[str(key)]),
                hovertemplate="%{fullData.name}<br>%{x|%b %Y}: %{y:.2f}<extra></extra>",
            )
        )
    return _style(
        fig, title=title, x_title="Month", y_title=y_title, height=360 + _legend_px([t.name for t in fig.data])
    )

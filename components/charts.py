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


#: A legend in one row between the title and the plot, where it never covers the axis title.
_TOP_LEGEND = dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom")


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


#: Longest speaker name drawn on an axis; longer names are shortened with "…" (full name on hover).
MAX_AXIS_NAME = 24


def axis_names(names: list[str], *, limit: int = MAX_AXIS_NAME) -> dict[str, str]:
    """Map each speaker name to its axis label: names longer than ``limit`` characters are cut to
    ``limit - 1`` and end in "…"; when two names would share a label, both keep their full names."""
    short = {n: n if len(n) <= limit else n[: limit - 1].rstrip() + "…" for n in names}
    seen: dict[str, int] = {}
    for label in short.values():
        seen[label] = seen.get(label, 0) + 1
    return {n: (label if seen[label] == 1 else n) for n, label in short.items()}


def clock(seconds: float) -> str:
    """``H:MM:SS`` (hours beyond 24 keep counting: ``25:00:00``), or ``M:SS`` under an hour."""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


_TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]


def clock_ticks(last_s: float, *, target: int = 8) -> tuple[list[float], list[str]]:
    """Tick positions (seconds) and ``h:mm:ss`` labels for a linear seconds axis from 0 to ``last_s``:
    a round step (1 s up to 1 day, then whole days) giving at most about ``target`` ticks."""
    last_s = max(float(last_s), 1.0)
    step = next((s for s in _TICK_STEPS if last_s / s <= target), None)
    if step is None:
        step = 86400 * int(np.ceil(last_s / 86400 / target))
    values = [float(v) for v in np.arange(0.0, last_s + step, step)]
    return values, [clock(v) for v in values]


def _seconds_or_minutes(max_seconds: float) -> tuple[float, str]:
    """The unit a chart of durations uses: seconds up to two minutes, else minutes."""
    return (1.0, "seconds") if max_seconds < 120 else (60.0, "minutes")


def _basis(wpm: float | None) -> str:
    return f"estimated at {wpm:g} words per minute" if wpm else "from the transcript's timestamps"


def _colour_of(colours: dict[str, str] | None, speaker: str, i: int) -> str:
    """The speaker's colour from ``colours`` (see :func:`components.publish.speaker_colours`), else
    the ``i``-th of the default palette."""
    if colours and speaker in colours:
        return colours[speaker]
    return _PALETTE[i % len(_PALETTE)]


def _room_for_labels(fig: go.Figure, max_value: float, *, share: float = 0.18) -> None:
    """Widen a bar chart's value axis by ``share`` so labels outside the bars stay inside the plot
    area on a narrow screen (plotly cuts text past the figure's edge)."""
    if max_value > 0:
        fig.update_xaxes(range=[0, max_value * (1 + share)], autorange=False)


#: Most speakers a per-speaker chart draws one by one; the rest share one "Others" row.
MAX_CHART_SPEAKERS = 15
_OTHERS = "#9ca3af"


def _top_and_others(speaker_order: list[str]) -> tuple[list[str], list[str]]:
    """The first :data:`MAX_CHART_SPEAKERS` - 1 speakers of ``speaker_order`` and the rest, when
    there are more than :data:`MAX_CHART_SPEAKERS`; else ``(speaker_order, [])``."""
    if len(speaker_order) <= MAX_CHART_SPEAKERS:
        return list(speaker_order), []
    return list(speaker_order[: MAX_CHART_SPEAKERS - 1]), list(speaker_order[MAX_CHART_SPEAKERS - 1 :])


def _others_label(n: int) -> str:
    return f"Others ({n:,} speakers)"


def _with_others(data: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``data`` (speakers sorted smallest first) with all but its last :data:`MAX_CHART_SPEAKERS` - 1
    rows summed into one first row, ``speaker`` "Others (N speakers)"; ``data`` itself when short."""
    if len(data) <= MAX_CHART_SPEAKERS:
        return data
    rest, top = data.iloc[: len(data) - MAX_CHART_SPEAKERS + 1], data.iloc[len(data) - MAX_CHART_SPEAKERS + 1 :]
    others = pd.DataFrame({"speaker": [_others_label(len(rest))], **{c: [rest[c].sum()] for c in columns}})
    return pd.concat([others, top[["speaker", *columns]]], ignore_index=True)


def _rows_by_speaker(frame: pd.DataFrame, speakers: list[str]) -> dict[str, pd.DataFrame]:
    """``frame``'s rows of each of ``speakers`` (the few a chart draws one by one), in their order,
    for the speakers with rows: one lookup of every row's speaker, where grouping all of them would
    build a frame for each of thousands of speakers."""
    wanted = list(dict.fromkeys(speakers))
    if not wanted or frame.empty:
        return {}
    codes = pd.Index(wanted).get_indexer(frame["speaker"])  # -1 for speakers not wanted
    return {
        s: frame.iloc[rows] for s, rows in ((s, np.flatnonzero(codes == i)) for i, s in enumerate(wanted)) if len(rows)
    }


def _category_axis(fig: go.Figure, axis: str, order: list[str]) -> None:
    """A categorical axis in ``order`` (first at the bottom for y): numeric-looking names stay names."""
    update = fig.update_yaxes if axis == "y" else fig.update_xaxes
    update(type="category", categoryorder="array", categoryarray=order)


def talk_time_bar(speakers: pd.DataFrame, *, wpm: float | None, colours: dict[str, str] | None = None) -> go.Figure:
    """Horizontal bars of talk time per speaker, longest on top, in one unit (seconds, or minutes when
    the longest is two minutes or more) on the axis, the bar labels and the hover.

    ``speakers`` has the columns of :data:`podium.talk_time.SPEAKER_COLUMNS`. Speaker names are a
    categorical axis, shortened past :data:`MAX_AXIS_NAME` characters with the full name on hover.
    """
    data = speakers.sort_values(["talk_time_s", "speaker"], ascending=[True, False], kind="stable")
    data = _with_others(data, ["talk_time_s", "n_words", "word_share", "n_turns"])
    scale, unit = _seconds_or_minutes(float(data["talk_time_s"].max()) if len(data) else 0.0)
    values = data["talk_time_s"] / scale
    names = axis_names(list(data["speaker"]))
    labels = [names[s] for s in data["speaker"]]
    fmt = ".0f" if unit == "seconds" else ".1f"
    fig = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            marker_color=[colours.get(s, _BAR) for s in data["speaker"]] if colours else _BAR,
            text=[f"{v:{fmt}}" for v in values],
            textposition="outside",
            cliponaxis=False,
            customdata=np.stack([data["speaker"], data["n_words"], data["word_share"] * 100, data["n_turns"]], axis=-1),
            hovertemplate="%{customdata[0]}<br>%{x:" + fmt + "} " + unit + " of talk time"
            "<br>%{customdata[1]:,} words (%{customdata[2]:.1f}% of all words)"
            "<br>%{customdata[3]} turns<extra></extra>",
        )
    )
    _category_axis(fig, "y", labels)
    _room_for_labels(fig, float(values.max()) if len(values) else 0.0)
    return _layout(
        fig, title=f"Talk time per speaker ({unit}, {_basis(wpm)})", x_title=f"Talk time ({unit})", n_rows=len(data)
    )


def share_bar(speakers: pd.DataFrame, *, filtered: bool, colours: dict[str, str] | None = None) -> go.Figure:
    """Share of the floor: each speaker's percentage of talk time, largest on top.

    Without a filter, one bar per speaker (``talk_share``, percent of the whole transcript's talk
    time). With ``filtered``, two bars per speaker: percent of the speakers shown
    (``talk_share_shown``) and percent of the whole transcript (``talk_share``).
    """
    data = speakers.sort_values(["talk_time_s", "speaker"], ascending=[True, False], kind="stable")
    data = _with_others(data, ["talk_time_s", "talk_share"] + (["talk_share_shown"] if filtered else []))
    names = axis_names(list(data["speaker"]))
    labels = [names[s] for s in data["speaker"]]
    own = [colours.get(s, _BAR) for s in data["speaker"]] if colours else _BAR
    series = [("talk_share", "of the whole transcript", own)]
    if filtered:  # the share of the speakers shown in the speaker's colour, of everyone in grey
        series = [
            ("talk_share_shown", "of the speakers shown", own),
            ("talk_share", "of the whole transcript", "#9ca3af"),
        ]
    fig = go.Figure()
    for column, name, colour in series:
        values = data[column] * 100
        fig.add_trace(
            go.Bar(
                x=values,
                y=labels,
                name=name,
                orientation="h",
                marker_color=colour,
                text=[f"{v:.1f}%" for v in values],
                textposition="outside",
                cliponaxis=False,
                customdata=data["speaker"],
                hovertemplate="%{customdata}<br>%{x:.1f}% of talk time " + name + "<extra></extra>",
            )
        )
    _category_axis(fig, "y", labels)
    fig.update_layout(barmode="group")
    fig.update_xaxes(ticksuffix="%")
    _room_for_labels(fig, float(data[[c for c, _, _ in series]].max().max() * 100) if len(data) else 0.0, share=0.22)
    fig = _layout(
        fig,
        title="Share of the floor (% of talk time"
        + (", of the speakers shown and of the whole transcript)" if filtered else ")"),
        x_title="Share of talk time (%)",
        n_rows=len(data) * len(series),
    )
    if filtered:
        fig.update_layout(showlegend=True, legend=_TOP_LEGEND, margin=dict(t=90))
    return fig


#: Above this many points a line chart is drawn with WebGL (``scattergl``) instead of SVG.
MAX_SVG_POINTS = 2000

#: Above this many intervals the timeline draws one WebGL line per speaker instead of a bar per interval.
MAX_TIMELINE_BARS = 1500


def timeline(
    intervals: pd.DataFrame,
    turns: pd.DataFrame,
    *,
    speaker_order: list[str],
    wpm: float | None,
    colours: dict[str, str] | None = None,
) -> go.Figure:
    """Who spoke when: one horizontal bar per speech interval (silences inside a turn are gaps) on a
    linear seconds axis labelled as clock time (``h:mm:ss``, past 24 hours too).

    ``intervals`` has the columns of :data:`podium.talk_time.INTERVAL_COLUMNS`; ``turns`` gives
    each interval's turn (``turn_id``, ``n_words``, ``text``) for the hover, which shows the turn's
    first words. ``speaker_order`` lists speakers top to bottom. Above :data:`MAX_TIMELINE_BARS`
    intervals, thick WebGL line segments are drawn, one trace per speaker.
    """
    speaker_order, others = _top_and_others(speaker_order)
    colours = {s: _colour_of(colours, s, i) for i, s in enumerate(speaker_order)}
    names = axis_names(speaker_order)
    rows = list(speaker_order)
    if others:  # one row for the rest, hovering each interval's own speaker
        label = _others_label(len(others))
        names.update({s: label for s in others} | {label: label})
        colours.update({s: _OTHERS for s in others} | {label: _OTHERS})
        rows.append(label)
    if len(intervals) > MAX_TIMELINE_BARS:
        fig = go.Figure()
        groups = _rows_by_speaker(intervals, speaker_order)
        if others:
            rest = intervals[intervals["speaker"].isin(others)]
            groups[rows[-1]] = rest
        for speaker in rows:
            own = groups.get(speaker, intervals.iloc[:0])
            xs = np.column_stack([own["start_s"], own["end_s"], np.full(len(own), np.nan)]).ravel()
            fig.add_trace(
                go.Scattergl(
                    x=xs,
                    y=np.full(len(xs), names[speaker], dtype=object),  # arrays: plotly checks lists item by item
                    mode="lines",
                    line=dict(color=colours[speaker], width=18),
                    name=speaker,
                    text=np.repeat(own["speaker"].to_numpy(object), 3)
                    if others
                    else np.full(len(xs), speaker, dtype=object),
                    hoverinfo="text",
                )
            )
    else:
        info = turns.set_index("turn_id")
        first = info["text"].map(lambda t: " ".join(t.split()[:12]) + (" …" if len(t.split()) > 12 else ""))
        words = info["n_words"]
        fig = go.Figure(
            go.Bar(
                base=intervals["start_s"],
                x=intervals["end_s"] - intervals["start_s"],
                y=[names.get(s, s) for s in intervals["speaker"]],
                orientation="h",
                marker_color=[colours.get(s, _BAR) for s in intervals["speaker"]],
                marker_line_width=0,
                customdata=np.stack(
                    [
                        intervals["speaker"],
                        intervals["turn_id"] + 1,  # turns are numbered from 1 where people read them
                        intervals["turn_id"].map(words),
                        intervals["start_s"].map(clock),
                        intervals["end_s"].map(clock),
                        intervals["turn_id"].map(first),
                    ],
                    axis=-1,
                ),
                hovertemplate="%{customdata[0]}, turn %{customdata[1]} (%{customdata[2]} words)"
                "<br>%{customdata[3]} to %{customdata[4]}<br>“%{customdata[5]}”<extra></extra>",
            )
        )
        fig.update_layout(bargap=0.35)
    _category_axis(fig, "y", [names[s] for s in reversed(rows)])
    last = float(intervals["end_s"].max()) if len(intervals) else 0.0
    values, labels = clock_ticks(last)
    fig.update_xaxes(type="linear", tickmode="array", tickvals=values, ticktext=labels, range=[0, max(last, 1.0)])
    return _layout(
        fig,
        title=f"Who spoke when (speech only, {_basis(wpm)})",
        x_title="Time from start (h:mm:ss)",
        n_rows=len(rows),
    )


def turn_length_chart(
    turns: pd.DataFrame, *, speaker_order: list[str], wpm: float | None, colours: dict[str, str] | None = None
) -> go.Figure:
    """Turn-length distribution: a horizontal box per speaker of their turns' seconds (each turn's
    talk time, column ``turn_s``), with every turn as a point, in seconds or minutes.

    ``turns`` has ``speaker``, ``turn_id``, ``n_words`` and ``turn_s``; ``speaker_order`` lists
    speakers top to bottom.
    """
    scale, unit = _seconds_or_minutes(float(turns["turn_s"].max()) if len(turns) else 0.0)
    speaker_order, others = _top_and_others(speaker_order)
    names = axis_names(speaker_order)
    fig = go.Figure()
    groups = _rows_by_speaker(turns, speaker_order)
    rows = list(speaker_order)
    if others:  # one box for the rest, hovering each turn's own speaker
        label = _others_label(len(others))
        names[label] = label
        groups[label] = turns[turns["speaker"].isin(others)]
        rows.append(label)
    for i, speaker in enumerate(rows):
        own = groups.get(speaker, turns.iloc[:0])
        colour = _OTHERS if speaker not in speaker_order else _colour_of(colours, speaker, i)
        fig.add_trace(
            go.Box(
                x=(own["turn_s"] / scale).to_numpy(),
                y=np.full(len(own), names[speaker], dtype=object),
                name=names[speaker],
                orientation="h",
                boxpoints="all" if len(turns) <= 2000 else "outliers",
                jitter=0.4,
                pointpos=0,
                marker=dict(color=colour, size=5, opacity=0.6),
                line=dict(color=colour),
                customdata=np.stack([own["speaker"].astype(str), own["turn_id"] + 1, own["n_words"]], axis=-1)
                if len(own)
                else None,
                hovertemplate="%{customdata[0]}, turn %{customdata[1]}: %{x:.1f} "
                + unit
                + ", %{customdata[2]} words<extra></extra>",
            )
        )
    _category_axis(fig, "y", [names[s] for s in reversed(rows)])
    return _layout(
        fig,
        title=f"How long each turn ran ({unit}, {_basis(wpm)})",
        x_title=f"Turn length ({unit})",
        n_rows=len(rows),
    )


def cumulative_chart(
    cumulative: pd.DataFrame, *, speaker_order: list[str], wpm: float | None, colours: dict[str, str] | None = None
) -> go.Figure:
    """Cumulative talk time per speaker over the event (who dominated when): one line per speaker,
    time on a seconds axis labelled ``h:mm:ss``, talk time in minutes (or seconds when short).

    ``cumulative`` has the columns of :func:`podium.talk_time.cumulative_talk_time`.
    """
    scale, unit = _seconds_or_minutes(float(cumulative["cumulative_s"].max()) if len(cumulative) else 0.0)
    fig = go.Figure()
    speaker_order, others = _top_and_others(speaker_order)  # a line each for the top speakers only
    names = axis_names(speaker_order)
    groups = _rows_by_speaker(cumulative, speaker_order)
    # SVG lines draw faster than WebGL (a context per chart, software-rendered without a GPU) until
    # there are thousands of points
    trace = go.Scattergl if sum(len(g) for g in groups.values()) > MAX_SVG_POINTS else go.Scatter
    for i, speaker in enumerate(speaker_order):
        own = groups.get(speaker, cumulative.iloc[:0])
        fig.add_trace(
            trace(
                x=own["time_s"],
                y=own["cumulative_s"] / scale,
                mode="lines",
                name=names[speaker],
                line=dict(color=_colour_of(colours, speaker, i), width=2.5),
                customdata=np.stack([[speaker] * len(own), own["time_s"].map(clock)], axis=-1) if len(own) else None,
                hovertemplate="%{customdata[0]}<br>at %{customdata[1]}: %{y:.1f} " + unit + "<extra></extra>",
            )
        )
    last = float(cumulative["time_s"].max()) if len(cumulative) else 0.0
    values, labels = clock_ticks(last)
    fig.update_xaxes(tickmode="array", tickvals=values, ticktext=labels, range=[0, max(last, 1.0)])
    fig = _layout(
        fig,
        title=f"Talk time so far, per speaker ({unit}, {_basis(wpm)})",
        x_title="Time from start (h:mm:ss)"
        + (f"; the {len(speaker_order)} with most talk time, {len(others):,} others not drawn" if others else ""),
        n_rows=8,
    )
    legend_rows = -(-len(speaker_order) // 5)  # about five names a row; room so the legend clears the title
    fig.update_layout(
        showlegend=True,
        yaxis_title=f"Talk time so far ({unit})",
        legend=_TOP_LEGEND,
        margin=dict(t=max(90, 68 + 24 * legend_rows)),
    )
    fig.update_yaxes(gridcolor="#e5e7eb", rangemode="tozero")
    return fig


def questions_bar(asked: pd.DataFrame, *, colours: dict[str, str] | None = None) -> go.Figure:
    """Questions per questioner: horizontal bars, most on top, stacked by who answered.

    ``asked`` has the columns of :data:`podium.turn_taking.QUESTION_COLUMNS`.
    """
    totals = asked.groupby("questioner", sort=False)["n_questions"].sum().sort_values(ascending=True, kind="stable")
    order = list(totals.index)
    names = axis_names(order)
    fig = go.Figure()
    answerers = list(dict.fromkeys(asked.sort_values("n_questions", ascending=False)["answerer"]))
    for i, answerer in enumerate(answerers):
        own = asked[asked["answerer"] == answerer].set_index("questioner").reindex(order)
        fig.add_trace(
            go.Bar(
                x=own["n_questions"],
                y=[names[q] for q in order],
                orientation="h",
                name=f"answered by {answerer}" if answerer != "(no answer)" else "no answer",
                marker_color="#9ca3af" if answerer == "(no answer)" else _colour_of(colours, answerer, i),
                customdata=np.stack([order, [answerer] * len(order)], axis=-1),
                hovertemplate="%{customdata[0]} asked %{customdata[1]}: %{x} questions<extra></extra>",
            )
        )
    _category_axis(fig, "y", [names[q] for q in order])
    fig.update_layout(barmode="stack")
    fig.update_xaxes(dtick=1 if len(totals) and totals.max() <= 10 else None)
    fig = _layout(
        fig, title="Questions per questioner (count), by who answered", x_title="Questions (count)", n_rows=len(order)
    )
    fig.update_layout(showlegend=True, legend=_TOP_LEGEND, margin=dict(t=90))
    return fig


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
    _room_for_labels(fig, float(data["count"].max()) if len(data) else 0.0)
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


def speaker_phrase_bar(
    by_speaker: pd.DataFrame, phrases: list[str], *, speaker_order: list[str], colours: dict[str, str] | None = None
) -> go.Figure:
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
                marker_color=_colour_of(colours, speaker, i),
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
    fig.update_layout(showlegend=True, barmode="group", legend=_TOP_LEGEND, margin=dict(t=90))
    return fig


def log_odds_chart(
    table: pd.DataFrame, *, speakers: list[str], top: int = 10, colours: dict[str, str] | None = None
) -> go.Figure:
    """One panel per speaker, in the speaker's colour (``colours``): the ``top`` terms with the highest
    z-score of the weighted log-odds ratio against all other speakers (``table`` has
    :data:`podium.logodds.LOG_ODDS_COLUMNS`). Panel titles wrap, so two fit side by side on a phone."""
    from plotly.subplots import make_subplots

    from components.publish import wrap

    fig = make_subplots(
        rows=1,
        cols=len(speakers),
        subplot_titles=[wrap(s, 12) for s in speakers],
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
                marker_color=_colour_of(colours, speaker, i),
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

    ``hits`` has ``phrase``, ``time_s`` (seconds from the start), ``speaker`` and ``turn_id``
    (0-based); ``phrases`` lists the rows top to bottom. ``by="time"`` places ticks on a seconds
    axis from 0 to ``duration_s`` labelled ``h:mm:ss`` like the timeline; ``by="turn"`` on a turn
    axis numbered from 1 to ``n_turns``, as the pages number turns.
    """
    by_turn = by == "turn"
    fig = go.Figure()
    for i, phrase in enumerate(phrases):
        own = hits[hits["phrase"] == phrase]
        turn_no = own["turn_id"].to_numpy() + 1
        fig.add_trace(
            go.Scatter(
                x=turn_no if by_turn else own["time_s"],
                y=[phrase] * len(own),
                mode="markers",
                marker=dict(symbol="line-ns", size=16, line=dict(width=2.5, color=_PALETTE[i % len(_PALETTE)])),
                customdata=np.stack([own["speaker"], turn_no, [clock(t) for t in own["time_s"]]], axis=-1)
                if len(own)
                else None,
                hovertemplate="“%{y}”<br>%{customdata[0]}, turn %{customdata[1]}<extra></extra>"
                if by_turn
                else "“%{y}” at %{customdata[2]}<br>%{customdata[0]}, turn %{customdata[1]}<extra></extra>",
                name=phrase,
            )
        )
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(reversed(phrases)))
    if by_turn:
        fig.update_xaxes(range=[0.5, max(n_turns + 0.5, 1.5)])
    else:
        values, labels = clock_ticks(duration_s)
        fig.update_xaxes(
            type="linear", tickmode="array", tickvals=values, ticktext=labels, range=[0, max(duration_s, 1.0)]
        )
    fig = _layout(
        fig,
        title="Where in the event each phrase is said (one tick per occurrence)",
        x_title="Turn (1 = first)" if by_turn else "Time from start (h:mm:ss)",
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
    joins words across sentences). The font is one that covers the phrases' characters
    (:func:`components.fonts.cloud_font`); phrases no available font covers are left out.
    Returns ``None`` when there is nothing to draw.
    """
    if phrases.empty or not (phrases["count"] > 0).any():
        return None
    from wordcloud import WordCloud  # lazy: imports matplotlib

    from components.fonts import cloud_font

    frequencies = cloud_frequencies(phrases)
    font_path, undrawable = cloud_font(list(frequencies))  # a font that covers the text: no empty boxes
    for phrase in undrawable:
        frequencies.pop(phrase)
    if not frequencies:
        return None
    cloud = WordCloud(
        font_path=font_path,
        width=width // CLOUD_SCALE,  # laid out on a grid half as wide and high, drawn at twice the size:
        height=height // CLOUD_SCALE,  # the same width x height picture, placed about four times faster
        scale=CLOUD_SCALE,
        background_color="white",
        color_func=_ViridisColours(),
        prefer_horizontal=0.95,
        random_state=7,
        collocations=False,
        max_words=MAX_CLOUD_WORDS,
    ).generate_from_frequencies(frequencies)
    return cloud.to_array()


#: The word cloud is laid out on a grid this many times smaller than its picture (``WordCloud(scale=)``).
CLOUD_SCALE = 2


class _ViridisColours:
    """wordcloud's ``colormap="viridis"`` colours (its ``colormap_color_func``, same formula and
    random draws) without importing matplotlib.pyplot, which that class does (a third of a second)."""

    def __init__(self) -> None:
        from matplotlib import colormaps

        self.colormap = colormaps["viridis"]

    def __call__(self, word, font_size, position, orientation, random_state=None, **kwargs) -> str:
        from random import Random

        if random_state is None:
            random_state = Random()
        r, g, b, _ = np.maximum(0, 255 * np.array(self.colormap(random_state.uniform(0, 1))))
        return f"rgb({r:.0f}, {g:.0f}, {b:.0f})"

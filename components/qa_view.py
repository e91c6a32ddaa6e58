"""HTML and charts for the Q&A page. Everything from a transcript is escaped before it enters HTML."""

from __future__ import annotations

import html
import re

import pandas as pd
import plotly.graph_objects as go

from components.render import plural
from podium.answers import LABELS, SIGNAL_NAMES, PhraseMatch, content_words, find_phrases, pair_sides
from podium.qa import speaker_names
from podium.text import STAGE_DIRECTION_RE

#: Colours of the three labels (colour-blind safe: blue, amber, vermilion from Okabe-Ito).
LABEL_COLOURS = {"direct": "#0072B2", "partial": "#E69F00", "deflected": "#D55E00"}

CSS = """
<style>
mark.podium-shared { background: #dbeafe; color: inherit; padding: 0 .1em; border-radius: .2em; }
mark.podium-deflect { background: #fde2d3; color: inherit; border-bottom: 2px solid #D55E00; padding: 0 .1em; }
mark.podium-hedge { background: #fef3c7; color: inherit; border-bottom: 2px dotted #b45309; padding: 0 .1em; }
.podium-indicators { font-size: .9rem; color: #374151; margin: .35rem 0 1.4rem 0; line-height: 1.6; }
.podium-indicators b { color: #111827; }
.podium-label { display: inline-block; padding: 0 .5em; border-radius: .6em; color: #fff; font-weight: 600; }
.podium-indicators table { font-size: .85rem; border-collapse: collapse; margin-top: .3rem; }
.podium-indicators td, .podium-indicators th { padding: .1rem .6rem .1rem 0; text-align: left; }
.podium-remark { border-left: 3px solid #9ca3af; padding: .2rem .9rem; }
</style>
"""


def highlighted_html(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Return ``text`` as escaped ``<p>`` paragraphs with ``spans`` (``(start, end, css class)``,
    character offsets into ``text``) wrapped in ``<mark>``; overlapping spans keep the first.
    Stage directions are muted. A leading ``NAME: `` of a block (several speakers) is bold."""
    out: list[str] = []
    pos = 0
    for start, end, css in sorted(spans):
        if start < pos:
            continue
        out.append(_escape(text[pos:start]))
        out.append(f'<mark class="{css}">{_escape(text[start:end])}</mark>')
        pos = end
    out.append(_escape(text[pos:]))
    body = "".join(out)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _escape(text: str) -> str:
    escaped = html.escape(text)
    return STAGE_DIRECTION_RE.sub(lambda m: f'<span class="podium-stage">{m.group(0)}</span>', escaped)


def _bold_prefixes(body: str, speakers: list[str]) -> str:
    for name in sorted(speakers, key=len, reverse=True):
        body = body.replace(f"<p>{html.escape(name)}: ", f"<p><b>{html.escape(name)}:</b> ")
    return body


def side_html(
    kind: str, speaker: str, text: str, n_words: int, spans: list[tuple[int, int, str]], speakers: list[str]
) -> str:
    """One side of a pair as a card: badge, speaker, full text with highlights."""
    label = "Question" if kind == "question" else "Answer"
    who = html.escape(speaker) if speaker else "—"
    body = (
        _bold_prefixes(highlighted_html(text, spans), speakers)
        if text
        else '<p class="podium-stage">No answer before the next question.</p>'
    )
    return (
        f'<div class="podium-card {kind}"><span class="podium-badge">{label} · {plural(n_words, "word")}</span><br>'
        f'<span class="podium-speaker">{who}</span>{body}</div>'
    )


def _prefix_spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Spans of the ``NAME:`` prefixes that start blocks of a several-speaker text."""
    spans = []
    for match in re.finditer(r"(?:^|\n\s*\n)", text):
        start = match.end()
        for name in sorted(names, key=len, reverse=True):
            if text.startswith(f"{name}: ", start):
                spans.append((start, start + len(name) + 1))
                break
    return spans


def answer_matches(pair, phrases: list[tuple[str, str]]) -> list[PhraseMatch]:
    """Deflection-list matches in the answer's own blocks (not in the asking side's interjections)."""
    answerers = set(speaker_names(pair.answer_speaker))
    names = answerers | set(speaker_names(pair.question_speaker))
    others: list[tuple[int, int]] = []
    starts = [(start, end) for start, end in _prefix_spans(pair.answer, sorted(names))]
    for i, (start, _) in enumerate(starts):
        name = pair.answer[start : starts[i][1] - 1]
        if name not in answerers:
            others.append((start, starts[i + 1][0] if i + 1 < len(starts) else len(pair.answer)))
    return [m for m in find_phrases(pair.answer, phrases) if not any(a <= m.start < b for a, b in others)]


def pair_spans(pair, matches: list[PhraseMatch]) -> tuple[list, list]:
    """Highlight spans for a pair: the vocabulary each side's own words share with the other side's,
    in both texts (speaker prefixes left alone), and deflection phrases in the answer."""
    q_side, a_side = pair_sides(pair.question, pair.answer, pair.question_speaker, pair.answer_speaker)
    names = [n for cell in (pair.question_speaker, pair.answer_speaker) for n in speaker_names(cell)]

    stems: dict[str, set[str]] = {}  # each side's stems, found once for both texts

    def stems_of(text: str) -> set[str]:
        if text not in stems:
            stems[text] = {s for s, _, _ in content_words(text)}
        return stems[text]

    def shared(text: str, own: str, other: str) -> list[tuple[int, int, str]]:
        other_stems = stems_of(other)
        own_stems = stems_of(own)
        prefixes = _prefix_spans(text, names)
        return [
            (start, end, "podium-shared")
            for stem, start, end in content_words(text)
            if stem in other_stems and stem in own_stems and not any(p <= start < e for p, e in prefixes)
        ]

    q_spans = shared(pair.question, q_side, a_side)
    a_spans = [(m.start, m.end, "podium-hedge" if m.kind == "hedge" else "podium-deflect") for m in matches]
    a_spans += shared(pair.answer, a_side, q_side)
    return q_spans, a_spans


def indicators_html(pair, matches: list[PhraseMatch], details: dict) -> str:
    """The indicators under a pair, each with its reason, and the signals behind the label."""
    parts = [
        f"<b>Words</b> {pair.question_words:,} asked, {pair.answer_words:,} answered",
        f"<b>Questions asked</b> {pair.n_questions}",
    ]
    cuts = []
    if pair.question_cut_off:
        cuts.append("the question was cut off")
    if pair.answer_cut_off:
        cuts.append("the answer was cut off")
    parts.append("<b>Cut-offs</b> " + ("; ".join(cuts) if cuts else "none"))
    shared = html.escape(pair.shared_words) if pair.shared_words else "none shared"
    parts.append(f"<b>Overlap</b> {pair.overlap:.0%} of the question's content words ({shared})")
    if matches:
        listed = "; ".join(f"{html.escape(m.kind)}: “{html.escape(m.phrase)}”" for m in matches)
        parts.append(f"<b>Deflection phrases</b> {listed}")
    else:
        parts.append("<b>Deflection phrases</b> none from the list")
    colour = LABEL_COLOURS.get(pair.label, "#6b7280")
    probs = ", ".join(f"{lab} {getattr(pair, 'p_' + lab):.0%}" for lab in LABELS)
    parts.append(
        f'<b>Label</b> <span class="podium-label" style="background:{colour}">{html.escape(pair.label)}</span> '
        f"({probs}), an indicator, not a verdict: {html.escape(pair.reasons)}"
    )
    rows = []
    for name, value, contrib in sorted(
        details.get("contributions", []), key=lambda c: -max(abs(v) for v in c[2].values())
    )[:8]:
        toward = max(contrib, key=contrib.get)
        away = min(contrib, key=contrib.get)
        rows.append(
            f"<tr><td>{html.escape(SIGNAL_NAMES[name])}</td>"
            f"<td>{value:.2f}</td><td>toward {toward} ({contrib[toward]:+.2f}), away from {away} "
            f"({contrib[away]:+.2f})</td></tr>"
        )
    table = (
        "<details><summary>Signals behind the label (log-odds contributions)</summary><table>"
        "<tr><th>signal</th><th>value</th><th>push</th></tr>" + "".join(rows) + "</table></details>"
        if rows
        else ""
    )
    return '<div class="podium-indicators">' + " · ".join(parts) + table + "</div>"


def remark_html(kind: str, remark) -> str:
    """An opening statement or closing remarks, escaped, full text."""
    return (
        f'<div class="podium-remark"><span class="podium-badge">{html.escape(kind.capitalize())} · '
        f"{html.escape(remark.speaker)} · {plural(int(remark.n_words), 'word')} · "
        f"turn{'s' if ' ' in remark.turn_ids else ''} "  # turns numbered from 1, as the pairs' turns are
        f"{html.escape(', '.join(str(int(t) + 1) for t in remark.turn_ids.split()))}</span>"
        f"{highlighted_html(remark.text, [])}</div>"
    )


def answer_length_chart(pairs: pd.DataFrame) -> go.Figure:
    """Bar chart: answer length in words for each pair, in transcript order, coloured by label."""
    fig = go.Figure()
    for label in LABELS:
        part = pairs[pairs["label"] == label]
        fig.add_bar(
            x=(part["pair_id"] + 1).astype(str),  # pairs are numbered from 1 where people read them
            y=part["answer_words"],
            name=label,
            marker_color=LABEL_COLOURS[label],
            customdata=part[["answer_speaker", "overlap"]].to_numpy(),
            hovertemplate="Pair %{x}<br>%{y} words by %{customdata[0]}<br>overlap %{customdata[1]:.0%}"
            f"<extra>{label}</extra>",
        )
    order = (pairs["pair_id"] + 1).astype(str).tolist()
    fig.update_layout(
        height=300,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend=dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom", title_text="Label"),
        showlegend=True,
        title={"text": "Answer length by pair (words), coloured by label", "font": {"size": 14}},
        bargap=0.15,
    )
    fig.update_xaxes(title_text="Pair (transcript order)", type="category", categoryorder="array", categoryarray=order)
    fig.update_yaxes(title_text="Answer (words)")
    return fig

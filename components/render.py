"""HTML rendering of transcript text. Everything from a transcript is escaped before it enters HTML."""

from __future__ import annotations

import html
import re

import pandas as pd

from podium.text import STAGE_DIRECTION_RE


def clock(seconds: float) -> str:
    """Format seconds as ``M:SS`` or ``H:MM:SS``."""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def paragraphs_html(text: str) -> str:
    """Return ``text`` as escaped ``<p>`` paragraphs, stage directions in a muted style."""
    parts = []
    for paragraph in re.split(r"\n\s*\n", text):
        escaped = html.escape(paragraph.strip())
        escaped = STAGE_DIRECTION_RE.sub(lambda m: f'<span class="podium-stage">{m.group(0)}</span>', escaped)
        parts.append(f"<p>{escaped}</p>")
    return "".join(parts)


def script_html(turns: pd.DataFrame, *, timing: str) -> str:
    """Render turns as a readable script: speaker name, time and words, then the text."""
    approx = "≈" if timing == "estimated" else ""
    out = ['<div class="podium-script">']
    for turn in turns.itertuples(index=False):
        flags = " · cut off" if turn.cut_off else ""
        meta = f"turn {turn.turn_id} · {approx}{clock(turn.start_s)} · {turn.n_words} words{flags}"
        out.append(
            f'<div class="podium-turn"><span class="podium-speaker">{html.escape(turn.speaker)}</span>'
            f'<span class="podium-meta">{html.escape(meta)}</span>{paragraphs_html(turn.text)}</div>'
        )
    out.append("</div>")
    return "".join(out)


def card_html(kind: str, speaker: str, text: str, n_words: int) -> str:
    """Render one side of a question/answer pair as an escaped card."""
    if not text:
        body = '<p class="podium-stage">No answer followed this question.</p>'
    else:
        body = paragraphs_html(text)
    label = "Question" if kind == "question" else "Answer"
    who = html.escape(speaker) if speaker else "—"
    return (
        f'<div class="podium-card {kind}"><span class="podium-badge">{label} · {n_words} words</span><br>'
        f'<span class="podium-speaker">{who}</span>{body}</div>'
    )

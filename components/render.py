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


def swatch(speaker: str, colours: dict[str, str] | None) -> str:
    """A small square in the speaker's chart colour (:func:`components.publish.speaker_colours`),
    or ``""`` without colours; the colour is a validated ``#rrggbb``, never transcript text."""
    colour = (colours or {}).get(speaker, "")
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", colour):
        return ""
    return f'<span class="podium-swatch" style="background:{colour}" aria-hidden="true"></span>'


def script_html(turns: pd.DataFrame, *, timing: str, colours: dict[str, str] | None = None) -> str:
    """Render turns as a readable script: speaker name, time and words, then the text. Turns are
    numbered from 1 (``turn_id + 1``), as everywhere a person reads them."""
    approx = "≈" if timing == "estimated" else ""
    out = ['<div class="podium-script">']
    for turn in turns.itertuples(index=False):
        flags = " · cut off" if turn.cut_off else ""
        meta = f"turn {turn.turn_id + 1} · {approx}{clock(turn.start_s)} · {plural(turn.n_words, 'word')}{flags}"
        out.append(
            f'<div class="podium-turn">{swatch(turn.speaker, colours)}'
            f'<span class="podium-speaker">{html.escape(turn.speaker)}</span>'
            f'<span class="podium-meta">{html.escape(meta)}</span>{paragraphs_html(turn.text)}</div>'
        )
    out.append("</div>")
    return "".join(out)


def card_html(kind: str, speaker: str, text: str, n_words: int, colours: dict[str, str] | None = None) -> str:
    """Render one side of a question/answer pair as an escaped card."""
    if not text:
        body = '<p class="podium-stage">No answer followed this question.</p>'
    else:
        body = paragraphs_html(text)
    label = "Question" if kind == "question" else "Answer"
    who = html.escape(speaker) if speaker else "—"
    return (
        f'<div class="podium-card {kind}"><span class="podium-badge">{label} · {plural(n_words, "word")}</span><br>'
        f'{swatch(speaker, colours)}<span class="podium-speaker">{who}</span>{body}</div>'
    )


def plural(n: int, word: str, plural_form: str | None = None) -> str:
    """``plural(1, "turn")`` -> ``"1 turn"``; ``plural(3, "turn")`` -> ``"3 turns"`` (thousands separated)."""
    return f"{n:,} {word if n == 1 else (plural_form or word + 's')}"


def fmt_duration(seconds: float) -> str:
    """Human duration: ``"42 s"``, ``"12.3 min"``, ``"1 h 36 min"``."""
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.1f} min"
    hours, rest = divmod(round(seconds / 60), 60)
    return f"{hours} h {rest} min"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|>~$<:])")


def md_code(text: str) -> str:
    """``text`` as a Markdown code span that shows it literally (a path such as ``tmp_test/library``:
    inside a code span backslash escapes are shown, not applied). The fence is one backtick more than
    the longest run of backticks in ``text``; newlines become spaces."""
    text = text.replace("\n", " ")
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_escape(text: str) -> str:
    """Escape Markdown (emphasis, links, code, headings, LaTeX ``$``, emoji ``:codes:``) so
    transcript text shows literally in ``st.title`` and ``st.markdown``."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\s*)([-+])(\s)", r"\1\\\2\3", text)  # "- item" is a list marker at the start
    return re.sub(r"^(\s*\d+)\.(\s)", r"\1\\.\2", text)  # so is "1. item"

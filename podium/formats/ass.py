"""ASS/SSA subtitles (Advanced SubStation Alpha: Aegisub, fansubs, some broadcasters).

Read with pysubs2, which splits each ``Dialogue:`` line at the commas of its ``Format:`` fields
only, so a text full of commas stays whole, and gives the text without override blocks such
as ``{\\an8}`` or ``{\\i1}`` (``\\N`` becomes a line break). ``Comment:`` events are not
speech. The ``Name`` (actor) field names the speaker when it is filled; otherwise a label in
the text, ``>>`` or a dialogue dash does (see :func:`~podium.formats.subtitles.read_cues`).
"""

from __future__ import annotations

import re

from .base import ReadResult
from .rttm import SpeakerTimeline
from .subtitles import Cue, read_cues

__all__ = ["looks_like_ass", "read_ass"]


def looks_like_ass(text: str) -> bool:
    """True when ``text`` has an ``[Events]`` section (or ``[Script Info]``) and ``Dialogue:`` lines."""
    head = text[:20000]
    return bool(re.search(r"(?im)^\[(?:events|script info)\]\s*$", head)) and bool(re.search(r"(?m)^Dialogue:", text))


def read_ass(text: str, *, timeline: SpeakerTimeline | None = None) -> ReadResult:
    """Read ASS/SSA text into speaker blocks with the events' times.

    Raises:
        ValueError: if pysubs2 cannot read the file or it has no dialogue.
    """
    fmt = "ass" if re.search(r"(?im)^ScriptType:\s*v4\.00\+", text) or "[V4+ Styles]" in text else "ssa"
    import pysubs2  # here, not at import: it costs every page's first visit

    try:
        subs = pysubs2.SSAFile.from_string(text, format_=fmt)
    except Exception as exc:  # pysubs2 raises several kinds for malformed files
        raise ValueError(f"The file looks like ASS/SSA subtitles but could not be read ({exc}).") from exc
    cues = []
    for event in subs.events:
        if event.is_comment:
            continue
        lines = [ln.strip() for ln in event.plaintext.split("\n") if ln.strip()]
        if lines:
            cues.append(Cue(event.start / 1000, event.end / 1000, lines, voice=event.name.strip() or None))
    if not cues:
        raise ValueError("The ASS/SSA file has no Dialogue lines with text.")
    cues.sort(key=lambda c: c.start)
    return read_cues(cues, source_format=fmt, rolling=False, timeline=timeline)

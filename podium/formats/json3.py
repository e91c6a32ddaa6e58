"""YouTube JSON3 captions (``fmt=json3`` timed text).

``events[]`` with ``tStartMs`` and ``dDurationMs`` (milliseconds); an event's words are its
``segs[].utf8`` joined, each a piece of text whose own time is ``tStartMs + tOffsetMs``. Events
without ``segs`` define windows and carry no text; ``aAppend`` events whose text is only a
newline move the window on. Auto-captions do not repeat words across events (the player rolls
them), so every word is read once.
"""

from __future__ import annotations

from typing import Any

from .base import ReadResult
from .rttm import SpeakerTimeline
from .subtitles import Cue, read_cues

__all__ = ["is_json3", "read_json3"]


def is_json3(data: Any) -> bool:
    """True for a parsed JSON value shaped like YouTube JSON3 captions."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("events"), list)
        and any(isinstance(e, dict) and "tStartMs" in e for e in data["events"])
    )


def read_json3(data: dict, *, timeline: SpeakerTimeline | None = None) -> ReadResult:
    """Read parsed YouTube JSON3 captions into speaker blocks with the events' times."""
    cues = []
    for event in data["events"]:
        if not isinstance(event, dict) or not isinstance(event.get("segs"), list):
            continue
        text = "".join(str(seg.get("utf8", "")) for seg in event["segs"] if isinstance(seg, dict))
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        if not lines:
            continue  # an aAppend newline event
        start = float(event.get("tStartMs") or 0) / 1000
        end = start + float(event.get("dDurationMs") or 0) / 1000
        cues.append(Cue(start, end, lines))
    cues.sort(key=lambda c: c.start)
    return read_cues(cues, source_format="youtube_json3", rolling=False, timeline=timeline)

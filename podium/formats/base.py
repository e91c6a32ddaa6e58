"""What every format reader returns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..vocabulary import TITLES, UNKNOWN_SPEAKER, UNNAMED_QUESTIONER

__all__ = ["PAUSE_S", "TITLES", "UNKNOWN_SPEAKER", "UNNAMED_QUESTIONER", "Block", "ReadResult", "parse_clock"]

#: Longest gap (seconds) between two timed pieces of one speaker's speech that still counts as
#: a pause inside speech; a longer gap is silence and is left out of talk time.
PAUSE_S = 2.0


@dataclass
class Block:
    """A stretch of speech under one label, as a format reader finds it.

    ``paragraphs`` are the block's paragraphs in order; ``start_s``/``end_s`` are seconds
    from the source's timestamps, or ``None`` when it has none. ``keep_empty`` keeps a
    block that has timing but no words (speaker segmentations without text).
    """

    speaker: str
    paragraphs: list[str]
    start_s: float | None = None
    end_s: float | None = None
    keep_empty: bool = False
    speech_s: float | None = None
    #: Intervals of speech ``[start, end]`` (seconds) measured by :meth:`add_time`, in order and
    #: disjoint; pauses of at most :data:`PAUSE_S` inside speech are part of an interval.
    spans: list[list[float]] = field(default_factory=list)

    def add_time(self, start: float | None, end: float | None) -> None:
        """Extend the block by a timed piece of its speech (a cue, a word), in seconds.

        ``speech_s`` grows by the piece's length plus the gap before it when that gap is a
        pause of at most :data:`PAUSE_S`; a longer gap is silence and is not talk time.
        Overlapping pieces count once.
        """
        if start is None or end is None:
            return
        end = max(start, end)
        if self.speech_s is None or self.end_s is None:
            self.start_s = start if self.start_s is None else self.start_s
            self.speech_s = max(0.0, end - start)
            self.end_s = end
            self.spans = [[start, end]]
            return
        if start >= self.end_s:
            gap = start - self.end_s
            self.speech_s += (end - start) + (gap if gap <= PAUSE_S else 0.0)
            if gap <= PAUSE_S and self.spans:
                self.spans[-1][1] = end
            else:
                self.spans.append([start, end])
        else:
            self.speech_s += max(0.0, end - self.end_s)
            if self.spans:
                self.spans[-1][1] = max(self.spans[-1][1], end)
        self.end_s = max(self.end_s, end)


@dataclass
class ReadResult:
    """A format reader's output.

    Attributes:
        blocks: speaker blocks in order (not yet merged into turns).
        metadata: text that is not speech (front matter, banners, headers), in order.
        title: a title the source states (front matter, <title>), if any.
        removed: structural text the reader consumed and that is neither speech nor
            metadata: speaker labels, timestamps, cue numbers, page and line numbers.
            Kept so that tests can prove no word was lost.
        notices: sentences for the reader about how the file was read.
        source_format: the name of the format read.
        set_aside: paragraphs taken out of the speech that a notice of the reader already reports
            (documents inserted into a hearing's record, a news page's furniture between the
            speech): page text like ``metadata``, but never the transcript's title or summary.
    """

    blocks: list[Block]
    metadata: list[str] = field(default_factory=list)
    title: str = ""
    removed: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    source_format: str = ""
    set_aside: list[str] = field(default_factory=list)


def unnamed_speakers_notice(unnamed: int, marked: str, prefix: str) -> str:
    """The notice for ``unnamed`` changes of speaker that a file marks without a name, numbered
    ``"{prefix} 1"``, ``"{prefix} 2"``... in order of appearance; ``marked`` says how the file marks
    them ("The captions mark 2 changes of speaker without a name (>> or a dialogue dash)")."""
    named = (
        f"those turns are numbered {prefix} 1 to {prefix} {unnamed} in order of appearance"
        if unnamed > 1
        else f"that turn is named {prefix} 1"
    )
    return f"{marked}; {named}. Rename or merge {'them' if unnamed > 1 else 'it'} on the Speakers page."


_CLOCK_RE = re.compile(r"^\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?\s*$")


def parse_clock(value: str) -> float | None:
    """Parse ``H:MM:SS``, ``M:SS``, ``HH:MM:SS.mmm`` or ``MM:SS,mmm`` to seconds; ``None`` if it is not a clock.

    Hours may run to three digits (``123:04:05``, a recording past 99 hours).

    Seconds of 60 or more, and minutes of 60 or more after hours, are impossible: such a value
    (``99:99:99``) is not a clock. Minutes alone may exceed 59 (``75:30``).

    >>> parse_clock("1:02:03.5")
    3723.5
    >>> parse_clock("0:19:28,081")
    1168.081
    >>> parse_clock("123:04:05")
    443045.0
    """
    m = _CLOCK_RE.match(value)
    if not m:
        return None
    hours, minutes, seconds, frac = m.groups()
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None  # an impossible clock such as 99:99:99 is not a time
    total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    if frac:
        total += int(frac) / 10 ** len(frac)
    return float(total)

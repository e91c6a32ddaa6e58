"""RTTM speaker segmentations (pyannote, NIST diarization tools).

Each ``SPEAKER`` line is ``SPEAKER <file> <channel> <onset> <duration> <NA> <NA> <speaker> <NA> <NA>``
(NIST RT-09 evaluation plan, appendix A): the fifth field is a *duration*, not an end time.
The file id may contain spaces, so the fields are counted from the end of the line. Other
line types (``SPKR-INFO``, ``LEXEME``, ``NON-SPEECH``...) are not speaker turns and are
skipped. A malformed ``SPEAKER`` line is reported with its line number; the rest is read.

RTTM has no words: it gives talk time and the timeline, and word counts are zero.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import Block, ReadResult

__all__ = ["SpeakerTimeline", "looks_like_rttm", "read_rttm", "read_speaker_timeline"]

#: Fields after the file id on a SPEAKER line: channel, onset, duration, ortho, stype, name, conf, slat.
_TAIL = 8


def looks_like_rttm(text: str) -> bool:
    """True when most non-blank lines of ``text`` are RTTM records and some are ``SPEAKER`` lines."""
    lines = [ln.split() for ln in text.split("\n")[:500] if ln.strip() and not ln.lstrip().startswith((";;", "#"))]
    if not lines:
        return False
    record_types = {"SPEAKER", "SPKR-INFO", "LEXEME", "NON-SPEECH", "NON-LEX", "SEGMENT", "NOSCORE", "NO_RT_METADATA"}
    records = [ln for ln in lines if ln[0] in record_types and len(ln) >= 9]
    # a SPEAKER record's onset and duration are numbers (counted from the end of the line, as file
    # ids may hold spaces): "SPEAKER 1: Thank you, I have..." is a labelled transcript
    speakers = [ln for ln in records if ln[0] == "SPEAKER" and _numbers(*ln[-_TAIL:][1:3])]
    return bool(speakers) and len(records) >= 0.8 * len(lines) and len(speakers) >= 0.5 * len(
        [ln for ln in records if ln[0] == "SPEAKER"]
    )


def _numbers(*fields: str) -> bool:
    """True when every field reads as a number."""
    try:
        [float(f) for f in fields]
    except ValueError:
        return False
    return True


#: How far (seconds) a stretch of speech may lie from every speaker segment and still be given
#: the nearest one: diarization trims segment edges, captions run a little long.
NEAREST_S = 1.0


@dataclass(frozen=True)
class SpeakerTimeline:
    """Who speaks when: ``(start, end, speaker)`` segments in seconds, from an RTTM file."""

    segments: tuple[tuple[float, float, str], ...]

    def speaker_at(self, start: float | None, end: float | None) -> str | None:
        """The speaker of the stretch from ``start`` to ``end`` seconds: the one whose segments
        overlap it longest, else the one with a segment within :data:`NEAREST_S` seconds, else
        ``None`` (also when the stretch has no time)."""
        if start is None:
            return None
        end = start if end is None else max(start, end)
        overlap: dict[str, float] = {}
        nearest: tuple[float, str] | None = None
        for seg_start, seg_end, speaker in self.segments:
            shared = min(end, seg_end) - max(start, seg_start)
            if shared > 0 or (shared == 0 and start == end and seg_start <= start <= seg_end):
                overlap[speaker] = overlap.get(speaker, 0.0) + max(shared, 1e-9)
            gap = max(seg_start - end, start - seg_end, 0.0)
            if nearest is None or gap < nearest[0]:
                nearest = (gap, speaker)
        if overlap:
            return max(overlap, key=lambda k: overlap[k])
        if nearest is not None and nearest[0] <= NEAREST_S:
            return nearest[1]
        return None


def read_speaker_timeline(text: str) -> SpeakerTimeline:
    """The speaker segments of an RTTM file, to attribute another transcript's words by time.

    Raises:
        ValueError: if the text holds no readable ``SPEAKER`` line.
    """
    result = read_rttm(text)
    return SpeakerTimeline(tuple((b.start_s or 0.0, b.end_s or 0.0, b.speaker) for b in result.blocks))


def read_rttm(text: str) -> ReadResult:
    """Read RTTM into one word-less block per ``SPEAKER`` segment, ordered by onset (seconds).

    Raises:
        ValueError: if the text holds no readable ``SPEAKER`` line.
    """
    segments: list[tuple[float, float, str]] = []
    problems: list[str] = []
    files: set[str] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        fields = line.split()
        if not fields or fields[0] != "SPEAKER":
            continue
        if len(fields) < 2 + _TAIL:
            problems.append(f"line {number} has {len(fields)} fields, not 10")
            continue
        tail = fields[-_TAIL:]
        try:
            onset, duration = float(tail[1]), float(tail[2])
        except ValueError:
            problems.append(f"line {number} has no numeric onset and duration")
            continue
        if onset < 0 or duration < 0:
            problems.append(f"line {number} has a negative onset or duration")
            continue
        files.add(" ".join(fields[1:-_TAIL]))
        segments.append((onset, onset + duration, tail[5]))
    if not segments:
        raise ValueError("The RTTM file has no readable SPEAKER lines.")
    segments.sort()
    blocks = []
    for start, end, speaker in segments:
        block = Block(speaker, [], keep_empty=True)
        block.add_time(start, end)
        blocks.append(block)
    notices = [
        "This file holds speaker segments without words (RTTM): talk time and the timeline are real; "
        "there are no words for phrases or questions."
    ]
    if problems:
        shown = "; ".join(problems[:5]) + ("; ..." if len(problems) > 5 else "")
        notices.append(f"{len(problems)} malformed SPEAKER line(s) were skipped ({shown}).")
    if len(files) > 1:
        notices.append(f"The RTTM file describes {len(files)} recordings; their segments are read as one.")
    return ReadResult(blocks=blocks, notices=notices, source_format="rttm")

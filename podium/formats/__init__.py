"""Format readers: each turns text into speaker blocks (see :mod:`podium.formats.base`).

:func:`detect_format` picks a reader from the file's content, helped by its suffix; a user can
choose one of :data:`FORMATS` instead. Word documents are bytes, not text: see
:func:`podium.formats.docx.docx_text`, which :func:`podium.parse.parse_bytes` calls first.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import PurePath

from .ass import looks_like_ass, read_ass
from .base import UNKNOWN_SPEAKER, UNNAMED_QUESTIONER, Block, ReadResult
from .json3 import is_json3, read_json3
from .labelled import read_labelled
from .markup import looks_like_html, read_html
from .rttm import SpeakerTimeline, looks_like_rttm, read_rttm
from .stt_json import load_json, looks_like_json, read_stt_json
from .subtitles import SBV_TIMING_RE, looks_like_sbv, looks_like_subtitles, read_subtitles
from .table import looks_like_table, read_table
from .ttml import looks_like_ttml, read_ttml

__all__ = [
    "FORMATS",
    "RAW_TEXT_FORMATS",
    "UNKNOWN_SPEAKER",
    "UNNAMED_QUESTIONER",
    "Block",
    "ReadResult",
    "detect_format",
    "read",
]


class Format(StrEnum):
    """The readers a user can choose (``--format``, 'Read as'); members compare equal to their
    string values, so ``Format.SBV == "sbv"``."""

    AUTO = "auto"
    LABELLED_TEXT = "labelled_text"
    MARKDOWN = "markdown"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"
    SUBTITLES = "subtitles"
    SBV = "sbv"
    TTML = "ttml"
    ASS = "ass"
    YOUTUBE_JSON3 = "youtube_json3"
    STT_JSON = "stt_json"
    RTTM = "rttm"
    TABLE = "table"
    PLAIN = "plain"


#: Formats a user may choose instead of automatic detection, with their descriptions.
FORMATS: dict[str, str] = {
    Format.AUTO: "Detect automatically",
    Format.LABELLED_TEXT: "Labelled text (NAME: speech; rev.com, Otter, briefings, hearings)",
    Format.MARKDOWN: "Markdown (labelled text with **bold** labels and front matter)",
    Format.HTML: "HTML page",
    Format.DOCX: "Word document (.docx; Teams, Otter, rev.com exports)",
    Format.PDF: "PDF with text (court, hearing and press-office transcripts)",
    Format.SUBTITLES: "Subtitles (SRT or WebVTT)",
    Format.SBV: "YouTube SBV captions",
    Format.TTML: "TTML / DFXP captions",
    Format.ASS: "ASS / SSA subtitles",
    Format.YOUTUBE_JSON3: "YouTube JSON3 captions",
    Format.STT_JSON: "Speech-to-text JSON (Deepgram, AWS, Google, Azure, AssemblyAI, Speechmatics, WhisperX)",
    Format.RTTM: "RTTM speaker segments (pyannote; talk time only, no words)",
    Format.TABLE: "Spreadsheet (CSV or TSV with a header naming speaker and text columns)",
    Format.PLAIN: "Plain text, no speaker labels",
}

#: Formats read from the text as decoded, before :func:`~podium.text.normalise_text` (which
#: decodes HTML entities and turns tabs into spaces: an XML, JSON or TSV file must be parsed first).
RAW_TEXT_FORMATS = frozenset({Format.STT_JSON, Format.HTML, Format.TTML, Format.YOUTUBE_JSON3, Format.TABLE})


#: A markdown bold label, colon inside or outside the bold (``**Sir Alder Finch**: Thank you.``).
_BOLD_LABEL_LINE_RE = re.compile(r"(?m)^\s*\*\*[^*\n]{1,100}\*\*\s*:|^\s*\*\*[^*\n]{1,100}:\*\*")


def detect_format(text: str, name: str = "") -> Format:
    """Guess a transcript's format from its text (and file name); returns a key of :data:`FORMATS`.

    Content decides where it is unmistakable (a TTML root element, ASS ``[Events]``, subtitle
    timing lines, RTTM records, JSON); the suffix decides between close cases (``.html`` with
    any tag is HTML, ``.md`` is markdown). A file whose first line is a CSV or TSV header naming a
    speaker and a text column is a spreadsheet, whatever its suffix.
    """
    suffix = PurePath(name).suffix.lower()
    if suffix in (".json", ".json3") or looks_like_json(text):
        try:
            return Format.YOUTUBE_JSON3 if is_json3(load_json(text)) else Format.STT_JSON
        except ValueError:
            return Format.STT_JSON
    if looks_like_table(text):
        return Format.TABLE
    if looks_like_ttml(text) or (suffix in (".ttml", ".dfxp") and text.lstrip().startswith("<")):
        return Format.TTML
    if looks_like_ass(text):
        return Format.ASS
    if looks_like_subtitles(text) or (suffix in (".srt", ".vtt") and "-->" in text):
        return Format.SUBTITLES
    if looks_like_sbv(text) or (suffix == ".sbv" and any(SBV_TIMING_RE.match(ln) for ln in text.split("\n")[:50])):
        return Format.SBV
    if looks_like_rttm(text):
        return Format.RTTM
    if looks_like_html(text) or (suffix in (".html", ".htm", ".php") and re.search(r"<[a-zA-Z][^<>]*>", text)):
        return Format.HTML
    if suffix in (".srt", ".vtt"):
        return Format.SUBTITLES
    if (
        suffix in (".md", ".markdown")
        or text.startswith("---\n")
        or len(_BOLD_LABEL_LINE_RE.findall(text[:200000])) >= 2
    ):
        return Format.MARKDOWN
    return Format.LABELLED_TEXT


def read(
    text: str,
    *,
    name: str = "",
    source_format: str = "auto",
    keep_suspect: bool = False,
    timeline: SpeakerTimeline | None = None,
) -> ReadResult:
    """Read text in ``source_format`` (``"auto"`` detects it). Formats in :data:`RAW_TEXT_FORMATS`
    take the text as decoded; the others take it normalised. ``keep_suspect`` keeps speech
    recognition segments that look like hallucinations (see
    :func:`~podium.formats.stt_json.suspect_segments`). A ``timeline`` of speaker segments (from
    an RTTM file) names the speakers of captions and speech-to-text output that has none.

    Raises:
        ValueError: if the text is not in the chosen format (for example invalid JSON or XML).
    """
    fmt = detect_format(text, name) if source_format == "auto" else source_format
    if fmt == "stt_json":
        return read_stt_json(text, keep_suspect=keep_suspect, timeline=timeline)
    if fmt == "youtube_json3":
        try:
            data = load_json(text)
        except ValueError as exc:
            raise ValueError(f"The file is not valid JSON ({exc.args[0].split(':')[0]}).") from exc
        if not is_json3(data):
            raise ValueError("The file is JSON, but not YouTube JSON3 captions (no events with tStartMs).")
        return read_json3(data, timeline=timeline)
    if fmt == "ttml":
        return read_ttml(text, timeline=timeline)
    if fmt == "ass":
        return read_ass(text, timeline=timeline)
    if fmt == "subtitles":
        return read_subtitles(text, timeline=timeline)
    if fmt == "sbv":
        return read_subtitles(text, sbv=True, timeline=timeline)
    if fmt == "rttm":
        return read_rttm(text)
    if fmt == "table":
        return read_table(text)
    if fmt == "html":
        return read_html(text)
    if fmt == "markdown":
        return read_labelled(text, markdown=True)
    if fmt == "docx":
        raise ValueError("A Word document is read from the file itself; open the .docx file.")
    if fmt == "pdf":
        raise ValueError("A PDF is read from the file itself; open the .pdf file.")
    if fmt == "plain":
        return ReadResult(blocks=[], source_format="plain")
    return read_labelled(text)

"""Format readers: each turns normalised text into speaker blocks (see :mod:`podium.formats.base`)."""

from __future__ import annotations

from pathlib import PurePath

from .base import UNKNOWN_SPEAKER, UNNAMED_QUESTIONER, Block, ReadResult
from .labelled import read_labelled
from .markup import looks_like_html, read_html
from .stt_json import looks_like_json, read_stt_json
from .subtitles import looks_like_subtitles, read_subtitles

__all__ = ["FORMATS", "UNKNOWN_SPEAKER", "UNNAMED_QUESTIONER", "Block", "ReadResult", "detect_format", "read"]

#: Formats a user may choose instead of automatic detection, with their descriptions.
FORMATS: dict[str, str] = {
    "auto": "Detect automatically",
    "labelled_text": "Labelled text (NAME: speech; rev.com, Otter, briefings, hearings)",
    "markdown": "Markdown (labelled text with **bold** labels and front matter)",
    "html": "HTML page",
    "subtitles": "Subtitles (SRT or WebVTT)",
    "stt_json": "Speech-to-text JSON (Deepgram, AWS, Google, Speechmatics, WhisperX)",
    "plain": "Plain text, no speaker labels",
}


def detect_format(text: str, name: str = "") -> str:
    """Guess a transcript's format from its text (and file name); returns a key of :data:`FORMATS`."""
    suffix = PurePath(name).suffix.lower()
    if suffix == ".json" or looks_like_json(text):
        return "stt_json"
    if suffix in (".srt", ".vtt") or looks_like_subtitles(text):
        return "subtitles"
    if (suffix in (".html", ".htm", ".php") and looks_like_html(text)) or looks_like_html(text):
        return "html"
    if suffix in (".md", ".markdown") or text.startswith("---\n"):
        return "markdown"
    return "labelled_text"


def read(text: str, *, name: str = "", source_format: str = "auto") -> ReadResult:
    """Read normalised text in ``source_format`` (``"auto"`` detects it).

    Raises:
        ValueError: if the text is not in the chosen format (for example invalid JSON).
    """
    fmt = detect_format(text, name) if source_format == "auto" else source_format
    if fmt == "stt_json":
        return read_stt_json(text)
    if fmt == "subtitles":
        return read_subtitles(text)
    if fmt == "html":
        return read_html(text)
    if fmt == "markdown":
        return read_labelled(text, markdown=True)
    if fmt == "plain":
        return ReadResult(blocks=[], source_format="plain")
    return read_labelled(text)

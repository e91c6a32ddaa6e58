"""Podium's analysis core: parse transcripts, measure talk time, count phrases, pair questions and answers.

This package is pure Python and pandas; it never imports streamlit.
"""

from .model import TURN_COLUMNS, ParseError, Transcript
from .parse import parse_bytes, parse_text, read_transcript
from .text import DecodeError

__all__ = ["TURN_COLUMNS", "DecodeError", "ParseError", "Transcript", "parse_bytes", "parse_text", "read_transcript"]

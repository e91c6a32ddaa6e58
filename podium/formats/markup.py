"""HTML transcripts: markup stripped to labelled text, then read by the labelled-text reader."""

from __future__ import annotations

import re

from ..text import normalise_text
from .base import ReadResult
from .labelled import read_labelled

__all__ = ["html_to_text", "looks_like_html", "read_html"]

_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "header",
    "footer",
    "cite",
    "time",
    "figure",
}
#: Inline elements that may hold a speaker label (``<strong>NAME:</strong>``).
_INLINE_TAGS = {"b", "strong", "em", "i", "u", "span", "font", "a", "label"}


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment rather than text with a stray tag."""
    head = text[:2000].lower()
    if "<!doctype html" in head or "<html" in head or "<body" in head:
        return True
    tags = re.findall(r"</?(?:p|br|div|strong|b|cite|time|span|font|em|i)\b[^>]*>", text[:20000], re.IGNORECASE)
    return len(tags) >= 6


def html_to_text(markup: str) -> tuple[str, str]:
    """Turn HTML into plain text with one block element per paragraph; return ``(text, title)``.

    Inline elements (``<strong>Mr. LIMAN</strong>:``) stay on their line so a label keeps its
    colon, and one that ends in a colon is followed by a space (``<b>NAME:</b>Speech``);
    ``<br><br>`` and block elements become paragraph breaks; ``<cite>``/``<time>`` go on
    lines of their own (``<cite>Travis:</cite><time>0:00</time>``). Scripts, styles and comments
    are dropped; entities are decoded by the parser.
    """
    from bs4 import BeautifulSoup, Comment  # here, not at import: bs4 costs every page's first visit

    soup = BeautifulSoup(markup, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for element in soup(["script", "style", "head", "noscript", "template"]):
        element.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(True):
        if tag.name == "br":
            tag.replace_with("\n")
        elif tag.name in _BLOCK_TAGS:
            tag.insert_before("\n\n")
            tag.insert_after("\n\n")
        elif tag.name in _INLINE_TAGS and tag.get_text().rstrip().endswith(":"):
            tag.insert_after(" ")  # "<strong>NAME:</strong>Speech": the label ends at the tag
    text = soup.get_text()
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n", title


def read_html(text: str) -> ReadResult:
    """Read an HTML transcript; see :func:`html_to_text` and :func:`~podium.formats.labelled.read_labelled`."""
    plain, title = html_to_text(text)
    result = read_labelled(normalise_text(plain))
    result.source_format = "html"
    if title and not result.title:
        result.title = normalise_text(title).strip()
    return result

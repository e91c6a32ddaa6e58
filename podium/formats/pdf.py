"""PDF transcripts (court transcripts, hearings, government press offices), read with pypdf.

Text-only PDFs are extracted page by page (pypdf's plain mode; a scanned PDF without a text
layer yields no text and is refused with a sentence that says so). Page furniture is taken
out before the text is read as a transcript, and kept as page text:

- running headers and footers: a line among the first or last three lines of a page that
  recurs, digits aside, on at least half the pages (and two or more): ``Official - Subject to
  Final Review``, a reporting company's name, a letterhead such as ``PRIME MINISTER``;
- bare page numbers at the top or bottom of a page (``12``, ``- 12 -``, ``Page 12``,
  ``Page 12 of 40``);
- court line numbers: when most pages number their lines 1, 2, 3... at the left margin, the
  numbers are removed from every numbered line.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter

__all__ = ["is_pdf", "pdf_text"]

_PAGE_NUMBER_RE = re.compile(r"^\s*(?:-\s*)?(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?(?:\s*-)?\s*$", re.IGNORECASE)
_LINE_NUMBER_RE = re.compile(r"^\s*([1-9]|[12]\d|3[0-2])(?:\s+|$)")
_ZONE = 3  # lines at the top and bottom of a page where headers and footers sit


def is_pdf(data: bytes) -> bool:
    """True when ``data`` starts like a PDF file (``%PDF-``)."""
    return data[:1024].lstrip().startswith(b"%PDF-")


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().lower()))


def _numbered_lines(page: list[str]) -> bool:
    """Whether a page numbers its lines 1, 2, 3... at the left margin (five or more in order)."""
    numbers = [int(m.group(1)) for line in page if (m := _LINE_NUMBER_RE.match(line))]
    in_order = sum(1 for a, b in itertools.pairwise(numbers) if b == a + 1)
    return bool(numbers) and numbers[0] <= 2 and in_order >= 4


def pdf_text(data: bytes) -> tuple[str, list[str]]:
    """The text of a PDF without its page furniture.

    Returns:
        ``(text, furniture)``: the pages' text joined line to line (a page break ends no
        paragraph), and the furniture lines taken out (headers, footers, page numbers), in order.

    Raises:
        ValueError: if the file cannot be read as a PDF, or it has no text layer.
    """
    import pypdf  # lazy: only PDF uploads need it

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = [(page.extract_text() or "").replace("\r\n", "\n").split("\n") for page in reader.pages]
    except Exception as exc:  # pypdf raises several kinds for damaged files
        raise ValueError(f"The file looks like a PDF but could not be read ({exc}).") from exc
    if not any(line.strip() for page in pages for line in page):
        raise ValueError("The PDF has no text layer (it may be scanned images); Podium needs a PDF with text.")

    def zone(page: list[str]) -> list[int]:
        filled = [i for i, line in enumerate(page) if line.strip()]
        return sorted(set(filled[:_ZONE] + filled[-_ZONE:]))

    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_furniture_key(page[i]) for i in zone(page)})
    repeated = {k for k, n in seen.items() if n >= 2 and n >= 0.5 * len(pages) and re.search(r"[^\W\d_]", k)}
    numbered = sum(_numbered_lines(page) for page in pages) >= max(1, 0.5 * len(pages))

    furniture: list[str] = []
    kept_pages = []
    for page in pages:
        edge = set(zone(page))
        kept = []
        for i, line in enumerate(page):
            if i in edge and (_furniture_key(line) in repeated or _PAGE_NUMBER_RE.match(line)):
                furniture.append(line.strip())
                continue
            if numbered:
                m = _LINE_NUMBER_RE.match(line)
                if m:
                    line = line[m.end() :]
            kept.append(line)
        kept_pages.append("\n".join(kept))
    return "\n".join(kept_pages), furniture  # a page break is not a paragraph break

"""Microsoft Word ``.docx`` transcripts (Teams, Otter and rev.com exports, typed transcripts).

python-docx reads the document body in order, paragraphs and tables alike; the text then goes
through the same format detection as any text file (labelled text, Otter ``Name  0:03`` headers,
Teams ``0:0:0.0 --> 0:0:5.3`` cues). Each paragraph is a line; empty paragraphs are blank
lines. A table row of two cells reads as ``speaker: text``, of three cells whose first is a
time as ``[time] speaker: text``; other rows join their cells with spaces.
"""

from __future__ import annotations

import io
import re
import zipfile

__all__ = ["docx_text", "is_docx"]

_CLOCK_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?$")


def is_docx(data: bytes) -> bool:
    """True when ``data`` is a zip archive holding ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


#: A Word document whose parts would unpack to more than this many bytes is refused before it is
#: opened: transcripts are a few MB, and a "zip bomb" (a small file that inflates to gigabytes) must
#: never be inflated. The sizes are those the archive declares; zipfile never inflates past them.
MAX_DOCX_UNPACKED_BYTES = 200 * 2**20


def docx_text(data: bytes) -> str:
    """The text of a ``.docx`` file, one line per paragraph or table row.

    Raises:
        ValueError: if the file is not a readable Word document, or its parts would unpack to more
            than :data:`MAX_DOCX_UNPACKED_BYTES`.
    """
    from docx import Document  # python-docx; imported here so text-only use does not load lxml
    from docx.table import Table

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise ValueError("The file looks like a Word document but is not a readable zip archive.") from exc
    if unpacked > MAX_DOCX_UNPACKED_BYTES:
        raise ValueError(
            f"The Word document would unpack to {unpacked / 2**20:,.0f} MB, far more than any transcript; "
            "it was not opened."
        )

    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for damaged files
        raise ValueError(f"The file looks like a Word document but could not be opened ({exc}).") from exc
    lines: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = [c.text.strip() for c in row.cells]
                cells = [c for k, c in enumerate(cells) if c and (k == 0 or c != cells[k - 1])]  # merged cells
                if len(cells) == 2:
                    lines.append(f"{cells[0].rstrip(':')}: {cells[1]}")
                elif len(cells) == 3 and _CLOCK_RE.match(cells[0]):
                    lines.append(f"[{cells[0]}] {cells[1].rstrip(':')}: {cells[2]}")
                else:
                    lines.append(" ".join(cells))
                lines.append("")
            continue
        lines.append(item.text)
    return "\n".join(lines)

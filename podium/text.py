"""Text normalisation and tokenisation shared by every count in Podium.

Everything that counts words (turn lengths, talk time, phrases) goes through
:func:`words` so that one rule decides what a word is. Normalisation happens
once, in :func:`normalise_text`, before a transcript is parsed.
"""

from __future__ import annotations

import html
import re
import unicodedata

from charset_normalizer import from_bytes

from .languages import CAPTION_EVENT_PATTERN, has_cjk, segment_cjk, segment_cjk_words

__all__ = [
    "CUT_OFF_RE",
    "RESUME_RE",
    "STAGE_DIRECTION_RE",
    "DecodeError",
    "decode_bytes",
    "normalise_text",
    "sentence_runs",
    "stage_directions",
    "strip_stage_directions",
    "words",
]


class DecodeError(ValueError):
    """Raised when bytes cannot be read as text (binary, empty or undecodable)."""


# Quotes and apostrophes folded to ASCII so that "NATO’s" and "NATO's" are one word.
_QUOTE_MAP = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark (the usual curly apostrophe)
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",  # prime, sometimes used as an apostrophe
        "\u02bc": "'",  # modifier letter apostrophe
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)

# Every whitespace character other than newline and the ASCII space (NBSP, thin space, tab,
# ...) becomes one ASCII space; runs are kept, since column layout carries meaning in some formats.
_SPACES_RE = re.compile(r"[^\S\n ]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u00ad\u200b\u200c\u200d\u2060\ufeff]")


#: Single-byte Latin code pages that charset detection confuses with cp1252 on short English texts.
_WESTERN_LOOKALIKES = frozenset(
    {
        "cp1250",
        "cp1254",
        "cp1257",
        "latin_1",
        "iso8859_2",
        "iso8859_9",
        "iso8859_15",
        "iso8859_13",
        "mac_roman",
        "mac_latin2",
        "cp850",
        "cp437",
    }
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a transcript file's bytes to text, detecting the encoding.

    Tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8,
    then charset-normalizer's detection (which covers cp1252 "smart quotes" such
    as ``\\x92``); a guess of another Western single-byte code page is replaced by
    cp1252 when the bytes are valid cp1252. Returns ``(text, encoding_name)``.

    Raises:
        DecodeError: if ``data`` is empty, looks binary (NUL bytes outside a
            UTF-16/32 file) or no encoding decodes it to readable text.
    """
    if not data or not data.strip():
        raise DecodeError("The file is empty.")
    boms = [
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ]
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"The file starts like {encoding} but is not valid {encoding}.") from exc
    if b"\x00" in data:
        raise DecodeError("The file looks binary (it contains NUL bytes), not like a text transcript.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("The file's text encoding could not be recognised.")
    text, encoding = str(best), best.encoding
    if encoding in _WESTERN_LOOKALIKES:
        # Short Western texts are often guessed as a sibling code page (cp1250 turns
        # "naïve" into "naďve"); cp1252 is what Windows wrote for English transcripts.
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
    if printable < 0.95 * len(text):
        raise DecodeError("The file does not look like text.")
    return text, encoding


def normalise_text(text: str) -> str:
    """Return ``text`` with line endings, spaces, quotes and entities made uniform.

    - CRLF and lone CR become LF; form feeds become blank lines.
    - HTML entities (``&amp;``, ``&#39;``) are decoded.
    - Curly quotes and apostrophes become ASCII ``'`` and ``"``.
    - Non-breaking and other Unicode spaces, and tabs, become ASCII spaces (runs are
      kept); zero-width characters, soft hyphens and the BOM are removed.
    - Compatibility forms are composed with Unicode NFC.
    - Trailing spaces are removed from each line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_QUOTE_MAP)
    text = _CONTROL_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


# A word: letters or digits, with single inner apostrophes, hyphens, periods or
# colons between them ("NATO's", "open-door", "U.S", "10:30"). Underscore is not a letter.
_WORD_RE = re.compile(r"[^\W_]+(?:['\-.:][^\W_]+)*")

_STAGE_WORDS = (
    r"laughter|laughs|laughing|applause|inaudible|unintelligible|indiscernible|crosstalk|"
    r"cross-talk|cross talk|interruption|interrupted|as interpreted|off-mike|off mike|off-mic|"
    r"off mic|break|no translation provided|recess|music|silence|pause|sighs|chuckles|"
    r"audio gap|technical difficulties|simultaneous conversation|booing|cheers|cheering|"
    r"the assemblage|speaking in|through (?:an )?interpreter|through translator|whereupon|ph|"
    r"there was no (?:audible )?response|response of|standing applause|standing ovation|pii|redacted"
)


# A stage direction: a parenthesis or bracket whose content starts with one of
# the known non-speech words, e.g. "(Laughter.)", "[crosstalk 00:06:51]", or a caption event.
STAGE_DIRECTION_RE = re.compile(
    r"[\(\[]\s*(?:" + _STAGE_WORDS.replace(" ", r"\s+") + r")\b[^\(\)\[\]]{0,80}[\)\]]|" + CAPTION_EVENT_PATTERN,
    re.IGNORECASE,
)

# A turn is cut off when it ends with a dash or an ellipsis.
CUT_OFF_RE = re.compile(r"(?:--+|[\u2014\u2013]|\.\.\.|\u2026|(?<=\w)-)\s*[\"']?\s*$")


# A turn resumes an interrupted one when it starts with a dash or an ellipsis ("-- and so", "— yes").
RESUME_RE = re.compile(r"^\s*(?:--+|[\u2014\u2013]|\.\.\.|\u2026|-(?=\s))")


def stage_directions(text: str) -> list[str]:
    """Return the stage directions in ``text`` in order, e.g. ``["(Laughter.)"]``."""
    return [m.group(0) for m in STAGE_DIRECTION_RE.finditer(text)]


def strip_stage_directions(text: str) -> str:
    """Return ``text`` with stage directions replaced by a line break (a sentence boundary)."""
    return STAGE_DIRECTION_RE.sub("\n", text)


def words(text: str) -> list[str]:
    """Split ``text`` into words, excluding stage directions.

    A word is a run of letters or digits with single inner apostrophes, hyphens,
    periods or colons (``NATO's``, ``open-door``, ``U.S``, ``10:30``); ``--`` and
    punctuation separate words. Curly apostrophes must already be folded by
    :func:`normalise_text`; this function folds them too, to be safe.

    >>> words("NATO’s open-door policy -- (Laughter.) it's 10:30.")
    ["NATO's", 'open-door', 'policy', "it's", '10:30']
    """
    text = strip_stage_directions(text.replace("\u2019", "'"))
    return segment_cjk_words(_WORD_RE.findall(text), text)


# Between two words, any of these ends a sentence-like run for n-gram counting.
_BOUNDARY_RE = re.compile(r"[.!?;:\u2014\u2013\u2026()\[\]\"\n\u3002\uff01\uff1f\uff1b\uff1a\u061f]|--|(?<=\s)-(?=\s)")
_ABBREV_RE = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")  # U.S, p.m, e.g
# Titles and abbreviations written with a period that does not end a sentence ("Mr. President").
_TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gen sen rep gov lt col capt maj sgt prof rev hon vs no amb adm cmdr supt".split()
)


def sentence_spans(text: str) -> list[list[tuple[str, int, int]]]:
    """Like :func:`sentence_runs`, with each word's character offsets in ``text``.

    Returns runs of ``(lower-cased word, start, end)``; ``text[start:end]`` is the word as
    written. Used to show phrases in context exactly where they were counted.
    """
    # blank stage directions out without moving any offset: "\n" then spaces
    text = STAGE_DIRECTION_RE.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), text.replace("\u2019", "'"))
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    last_end = 0
    previous = ""
    cjk = has_cjk(text)
    for match in _WORD_RE.finditer(text):
        gap = text[last_end : match.start()]
        if current and _BOUNDARY_RE.search(gap):
            after_abbreviation = _ABBREV_RE.match(previous) or previous.lower() in _TITLE_ABBREVIATIONS
            if not (after_abbreviation and gap.strip() == "."):
                runs.append(current)
                current = []
        previous = match.group(0)
        for word, start, end in segment_cjk(previous, match.start()) if cjk else [(previous, *match.span())]:
            current.append((word.lower(), start, end))
        last_end = match.end()
    if current:
        runs.append(current)
    return runs


def sentence_runs(text: str) -> list[list[str]]:
    """Split ``text`` into runs of words that n-grams may span.

    A run ends at sentence punctuation (``. ! ? ; :``), a dash (``--``, em or en
    dash), an ellipsis, a bracket, a quotation mark, a line break or a stage
    direction, so that a phrase is never counted across a sentence or an
    interruption. A period right after an abbreviation (``U.S.``, ``Mr.``) does not
    end a run. Words are lower-cased.

    >>> sentence_runs("No change. There will be no change.")
    [['no', 'change'], ['there', 'will', 'be', 'no', 'change']]
    """
    return [[word for word, _, _ in run] for run in sentence_spans(text)]


def all_words(text: str) -> list[str]:
    """Split ``text`` into words like :func:`words`, but keep the words of stage directions.

    Used to check that parsing loses no word of the source.
    """
    text = text.replace("\u2019", "'")
    return segment_cjk_words(_WORD_RE.findall(text), text)

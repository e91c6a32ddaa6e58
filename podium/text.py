"""Text normalisation and tokenisation shared by every count in Podium.

Everything that counts words (turn lengths, talk time, phrases) goes through
:func:`words` so that one rule decides what a word is. Normalisation happens
once, in :func:`normalise_text`, before a transcript is parsed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from charset_normalizer import from_bytes

from .languages import CAPTION_EVENT_PATTERN, has_cjk, segment_cjk, segment_cjk_words

__all__ = [
    "CUT_OFF_RE",
    "RESUME_RE",
    "STAGE_DIRECTION_RE",
    "DecodeError",
    "Decoded",
    "decode",
    "decode_bytes",
    "folded_phrase_runs",
    "has_words",
    "is_cut_off",
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

_QUOTE_PAIRS = tuple((chr(code), ascii_quote) for code, ascii_quote in _QUOTE_MAP.items())

# Every whitespace character other than newline and the ASCII space (NBSP, thin space, tab,
# ...) becomes one ASCII space; runs are kept, since column layout carries meaning in some formats.
_SPACES_RE = re.compile(r"[^\S\n ]")
# Control characters, soft hyphens, zero-width characters, the BOM, and the invisible bidirectional
# formatting controls (LRM/RLM, embeddings, overrides and isolates, Unicode TR9) that can hide or
# reorder a speaker label without changing what it says.
_CONTROL_RE = re.compile(
    r"[\x00-\x08\x0b\x0e-\x1f\x7f\u00ad\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)


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


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file's bytes.

    Attributes:
        text: the decoded text (not yet normalised).
        encoding: the encoding used, e.g. ``"utf-8"``, ``"cp1252"``, ``"utf-16-le"``, or
            ``"utf-8+cp1252"`` for a file mixing the two.
        notices: sentences for the reader about anything repaired while decoding.
    """

    text: str
    encoding: str
    notices: tuple[str, ...] = ()


#: File signatures ("magic numbers") of binary formats people upload by mistake, with what to say.
#: Sources: the formats' specifications (PNG, PDF, ZIP/OOXML, gzip, ELF, JPEG, GIF, RTF).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "The file is a PNG image, not a text transcript."),
    (b"\xff\xd8\xff", "The file is a JPEG image, not a text transcript."),
    (b"GIF8", "The file is a GIF image, not a text transcript."),
    (b"%PDF-", "The file is a PDF; copy its text into a .txt file, or save it as text, and open that."),
    (b"PK\x03\x04", "The file is a zip archive (or a Word or Office file), not a text transcript."),
    (b"\x1f\x8b", "The file is gzip-compressed; decompress it and open the transcript inside."),
    (b"\x7fELF", "The file is a program, not a text transcript."),
    (b"MZ", "The file is a Windows program, not a text transcript."),
    (b"{\\rtf", "The file is in Rich Text Format (RTF); save it as plain text (.txt) and open that."),
)

#: At most :data:`_MAX_STRAY_NULS` NUL bytes, and at most this share of the file, are taken as stray
#: bytes in a text file and removed, with a notice; more means the file is binary (UTF-16/32 is
#: detected before). What is left must still decode to printable text.
_MAX_STRAY_NUL_SHARE = 0.02
_MAX_STRAY_NULS = 16

# ANSI escape sequences (terminal colours, cursor moves): ECMA-48 CSI and OSC sequences.
_ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def _printable(text: str) -> bool:
    """True when at least 95 % of ``text``'s characters are printable or line breaks and tabs."""
    return sum(ch.isprintable() or ch in "\n\r\t" for ch in text) >= 0.95 * len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec of a BOM-less UTF-16 text (``"utf-16-le"`` or ``"utf-16-be"``), else ``None``.

    Mostly-Latin UTF-16 has a NUL in every other byte: in odd positions for little-endian,
    even positions for big-endian. Requires that pattern in at least 60 % of the pairs, that
    the bytes decode strictly, and that the text is printable.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    pairs = len(data) // 2
    for codec, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) >= 0.6 * pairs:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _printable(text):
                return codec
    return None


def _mixed_utf8_cp1252(data: bytes) -> tuple[str, int] | None:
    """Decode a file whose lines are partly UTF-8 and partly cp1252 (text pasted from two sources).

    Each line is decoded as UTF-8 when it is valid UTF-8, else as cp1252. Returns
    ``(text, lines read as cp1252)``, or ``None`` when no line holds valid multi-byte UTF-8
    (then the file is simply in one legacy encoding) or a line is valid in neither.
    """
    lines = data.split(b"\n")
    out: list[str] = []
    legacy = 0
    utf8_multibyte = False
    for line in lines:
        try:
            decoded = line.decode("utf-8")
            utf8_multibyte = utf8_multibyte or any(b >= 0x80 for b in line)
        except UnicodeDecodeError:
            try:
                decoded = line.decode("cp1252")
            except UnicodeDecodeError:
                return None
            legacy += 1
        out.append(decoded)
    if not utf8_multibyte or not legacy:
        return None
    return "\n".join(out), legacy


def decode(data: bytes) -> Decoded:
    """Decode a transcript file's bytes to text, detecting the encoding, with notices.

    Tries, in order: known binary signatures (refused with a sentence naming the format);
    a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a BOM; strict UTF-8 (after
    removing a handful of stray NUL bytes, with a notice); a file mixing UTF-8 and cp1252
    lines (each line decoded on its own, with a notice); then charset-normalizer's detection
    (which covers cp1252 "smart quotes" such as ``\\x92``); a guess of another Western
    single-byte code page is replaced by cp1252 when the bytes are valid cp1252.

    Raises:
        DecodeError: if ``data`` is empty, has a binary signature, looks binary (NUL bytes
            outside a UTF-16/32 file, beyond a few stray ones) or no encoding decodes it to
            readable text.
    """
    if not data or not data.strip():
        raise DecodeError("The file is empty.")
    for signature, sentence in _SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(sentence)
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
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"The file starts like {encoding} but is not valid {encoding}.") from exc
    notices: list[str] = []
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec:
            return Decoded(data.decode(codec), codec)
        n_nul = data.count(0)
        data = data.replace(b"\x00", b"")
        if n_nul > min(_MAX_STRAY_NULS, _MAX_STRAY_NUL_SHARE * len(data)) or not _printable(
            data.decode("utf-8", errors="replace")
        ):
            raise DecodeError("The file looks binary (it contains NUL bytes), not like a text transcript.")
        plural = n_nul != 1
        were = "were" if plural else "was"
        notices.append(f"{n_nul} stray NUL byte{'s' if plural else ''} {were} removed from the file.")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", tuple(notices))
    except UnicodeDecodeError:
        pass
    mixed = _mixed_utf8_cp1252(data)
    if mixed:
        text, legacy = mixed
        notices.append(
            f"The file mixes text encodings: {legacy} line{'s' if legacy != 1 else ''} in Windows-1252 "
            f"{'were' if legacy != 1 else 'was'} read as such and the rest as UTF-8; check accented words."
        )
        return Decoded(text, "utf-8+cp1252", tuple(notices))
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
    if not _printable(text):
        raise DecodeError("The file does not look like text.")
    return Decoded(text, encoding, tuple(notices))


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a transcript file's bytes; return ``(text, encoding_name)``. See :func:`decode`.

    Raises:
        DecodeError: as :func:`decode`.
    """
    decoded = decode(data)
    return decoded.text, decoded.encoding


def normalise_text(text: str) -> str:
    """Return ``text`` with line endings, spaces, quotes and entities made uniform.

    - CRLF and lone CR become LF; form feeds and the Unicode paragraph separator become blank
      lines, the Unicode line separator a line break.
    - ANSI terminal escape sequences (colours) are removed.
    - HTML entities (``&amp;``, ``&#39;``) are decoded.
    - Curly quotes and apostrophes become ASCII ``'`` and ``"``.
    - Non-breaking and other Unicode spaces, and tabs, become ASCII spaces (runs are
      kept); zero-width characters, soft hyphens and the BOM are removed.
    - Compatibility forms are composed with Unicode NFC.
    - Trailing spaces are removed from each line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _ANSI_RE.sub("", text)
    text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    for quote, ascii_quote in _QUOTE_PAIRS:  # str.replace per quote: 5x faster than str.translate
        if quote in text:
            text = text.replace(quote, ascii_quote)
    text = _CONTROL_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


# ---- Word tokeniser (what one word is, for n_words everywhere) -------------------------------
# A word: letters or digits, with single inner apostrophes, hyphens, periods or colons between
# them ("NATO's", "open-door", "U.S", "10:30", "3.5"); a number with thousands separators is one
# word with its currency sign ("$1,250,000", "2,000"); an ampersand between letters joins them
# ("P&L", "AT&T", "Q&A"). Underscore is not a letter.
_JOINER = r"(?:['\-.:]|(?<=[^\W\d_])&(?=[^\W\d_])|(?<=\d),(?=\d{3}(?!\d)))"
_WORD_RE = re.compile(rf"(?:[$\u00a3\u20ac\u00a5](?=\d))?[^\W_]++(?:{_JOINER}[^\W_]++)*+")
# ---- end of the word tokeniser ----------------------------------------------------------------

_STAGE_WORDS = (
    r"laughter|laughs|laughing|applause|inaudible|unintelligible|indiscernible|crosstalk|"
    r"cross-talk|cross talk|interruption|interrupted|as interpreted|off-mike|off mike|off-mic|"
    r"off mic|break|no translation provided|recess|music|silence|pause|sighs|chuckles|"
    r"audio gap|technical difficulties|simultaneous conversation|booing|cheers|cheering|"
    r"the assemblage|speaking in|through (?:an )?interpreter|through translator|whereupon|ph|"
    r"there was no (?:audible )?response|response of|standing applause|standing ovation|pii|redacted|"
    # broadcast transcripts (CNN): "(BEGIN VIDEO CLIP)", "(END VIDEOTAPE)", "(COMMERCIAL BREAK)"
    r"(?:begin|end) (?:video|audio|videotape|audiotape|tape|clip|live|voice|sot)|commercial|chanting|singing|"
    # court transcripts: "(Sidebar conference held off the record.)", "(Jury exits.)", "(Witness sworn.)"
    r"sidebar|side-bar|side bar|bench conference|off the record|discussion (?:held )?off|"
    r"jury (?:exits|exit|enters|enter|present|not present|out|in|excused|leaves|returns|retires|sworn|seated)|"
    r"jurors? (?:exit|exits|enter|enters|leave|leaves|present)|"
    r"witness (?:sworn|duly sworn|excused|steps down|stepped down|withdrew|exits|resumes)|"
    r"(?:video|audio|videotape|recording) (?:played|plays|shown|clip played|recording played)|"
    r"speaking (?:spanish|french|german|italian|portuguese|russian|chinese|mandarin|cantonese|arabic|"
    r"japanese|korean|hebrew|hindi|urdu|farsi|persian|turkish|ukrainian|polish|vietnamese|foreign language)|"
    # congressional hearings (GPO): "[The prepared statement of Ms. Doe follows:]", "[GRAPHIC] [TIFF OMITTED]"
    r"the (?:prepared )?statements? of|prepared statements? of|"
    r"the (?:information|material|documents?|letters?|articles?|reports?|charts?) (?:referred to )?follows?|"
    r"graphic|tiff omitted|questions? for the record|"
    # interpreters and languages ("(via interpreter)", "(spoke in French)", "(Speaks Ukrainian.)"),
    # radio ("(SOUNDBITE OF MUSIC)"), exhibits and adjournments in court records
    r"via (?:an )?interpreter|via (?:a )?translator|in english|translated|interpreted|interpretation|"
    r"spoke in|speaks (?:in )?[a-z]+|sign language|soundbite|sound bite|archived recording|"
    r"exhibit [\w.\-]+ (?:was )?(?:marked|received|admitted|shown)|marked for identification|"
    r"proceedings (?:adjourned|concluded|recessed)"
)


# A stage direction: a parenthesis or bracket whose content starts with one of
# the known non-speech words, e.g. "(Laughter.)", "[crosstalk 00:06:51]", or a caption event.
# Every alternative starts with "(", "[" or "♪"; the lookahead says so to the regex engine, which
# then skips other characters fast (3x faster on plain speech, the same matches).
STAGE_DIRECTION_RE = re.compile(
    r"(?=[\(\[\u266a])(?:[\(\[]\s*(?:"
    + _STAGE_WORDS.replace(" ", r"\s+")
    + r")\b[^\(\)\[\]]{0,80}[\)\]]|"
    + CAPTION_EVENT_PATTERN
    + ")",
    re.IGNORECASE,
)

# A turn is cut off when it ends with a dash or an ellipsis.
CUT_OFF_RE = re.compile(r"(?:--+|[\u2014\u2013]|\.\.\.|\u2026|(?<=\w)-)\s*[\"']?\s*$")


def is_cut_off(text: str) -> bool:
    """``bool(CUT_OFF_RE.search(text))`` for a text without trailing whitespace, searching only its end.

    A match ends where the trailing quotes and spaces begin, and its dash, ellipsis or hyphen is at
    most 3 characters long there, so the search starts 3 characters before them (the hyphen's
    look-behind still sees the character before): the same answer without scanning a long turn.
    """
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in "\"'"):
        end -= 1
    return CUT_OFF_RE.search(text, max(0, end - 3)) is not None


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
    periods or colons (``NATO's``, ``open-door``, ``U.S``, ``10:30``, ``3.5``); a number
    with thousands separators is one word, with its currency sign (``$1,250,000``); an
    ampersand between letters joins them (``P&L``, ``AT&T``); ``--`` and punctuation
    separate words. Curly apostrophes must already be folded by
    :func:`normalise_text`; this function folds them too, to be safe.

    >>> words("NATO’s open-door policy -- (Laughter.) it's 10:30.")
    ["NATO's", 'open-door', 'policy', "it's", '10:30']
    """
    text = strip_stage_directions(text.replace("\u2019", "'"))
    return segment_cjk_words(_WORD_RE.findall(text), text)


def has_words(text: str) -> bool:
    """Whether ``text`` holds at least one word: ``bool(words(text))``, without building the list
    (a 50 MB transcript is 6 million words)."""
    text = text.replace("\u2019", "'")
    word = _WORD_RE.search(text)
    if word is None:
        return False
    # a word that ends before the first stage direction is a word of the stripped text too (the text
    # up to there is unchanged, and what follows the word, "(", "[", "♪" or a line break, never
    # joins it): no need to strip a whole 50 MB file to find its first word
    direction = STAGE_DIRECTION_RE.search(text)  # the first one strip_stage_directions replaces
    if direction is None or word.end() <= direction.start():
        return True
    return _WORD_RE.search(strip_stage_directions(text)) is not None


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


# ---- Phrase tokens (n-grams, log-odds, KWIC, word clouds) -------------------------------------
# One pipeline turns a turn's text into runs of phrase tokens; every phrase count, chart, cloud
# and search uses it. Stopwords are not removed here (see podium.phrases).

# Where a run of phrase tokens ends: sentence punctuation, a dash, a bracket, a quotation mark,
# a line break; a period or colon only when it is not inside a word ("3.5", "10:30", "U.S").
_RUN_BREAK_RE = re.compile(
    r"(?=[!?;\u2014\u2013\u2026()\[\]\"\n.:-])"  # a quick first-character test
    r"(?:[!?;\u2014\u2013\u2026()\[\]\"\n]|--|(?<=\s)-(?=\s)|(?<![^\W_])[.:]|[.:](?![^\W_]))"
)
# A period after a title or a dotted abbreviation, followed by a word on the same line, does not
# end a sentence ("Mr. President", "U.S. forces", "No. 5"); it is masked as a space first.
_PERIOD_CANDIDATE_RE = re.compile(
    r"\.(?= +[^\W_])(?:(?<=\.[^\W\d_]\.)|(?<=\b(?i:mr|ms|dr|st|jr|sr|lt|vs|no)\.)"
    r"|(?<=\b(?i:mrs|gen|sen|rep|gov|col|maj|sgt|rev|hon|amb|adm)\.)|(?<=\b(?i:capt|prof|cmdr|supt)\.))"
)
_ABBREV_TAIL_RE = re.compile(
    r"(?:^|[^\w.'&-])(?:((?:[^\W\d_]\.)+[^\W\d_]|(?i:mr|mrs|ms|dr|st|jr|sr|gen|sen|rep|gov|lt|col|capt|maj|"
    r"sgt|prof|rev|hon|vs|amb|adm|cmdr|supt))|((?i:no)))$"
)
_DOTTED_CAPS_RE = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")
# Upper- and lower-case letters for :func:`is_caps_text`, as inclusive code-point ranges:
# [A-Z\u00c0-\u00d6\u00d8-\u00de] and [a-z\u00df-\u00f6\u00f8-\u00ff].
_UPPER_RANGES = ((0x41, 0x5A), (0xC0, 0xD6), (0xD8, 0xDE))
_LOWER_RANGES = ((0x61, 0x7A), (0xDF, 0xF6), (0xF8, 0xFF))


def _count_in(points: np.ndarray, ranges: tuple[tuple[int, int], ...]) -> int:
    """How many of ``points`` (code points) lie in one of the inclusive ``ranges``."""
    return sum(int(np.count_nonzero((points >= lo) & (points <= hi))) for lo, hi in ranges)


#: Contractions ending in 's that are not possessives ("it's" is "it is"): never folded.
S_CONTRACTIONS = frozenset(
    "it's that's let's he's she's what's there's here's who's where's how's when's why's this's".split()
)


def _mask_period(m: re.Match) -> str:
    tail = _ABBREV_TAIL_RE.search(m.string, max(0, m.start() - 16), m.start())
    if tail is None:
        return "."
    if tail.group(2) is not None:  # "No. 5", not "no. Then"
        return " " if m.string[m.end() : m.end() + 20].lstrip(" ")[:1].isdigit() else "."
    return " " if m.string[m.end() : m.end() + 1] == " " else "."


def _mask_abbreviation_periods(text: str) -> str:
    """Replace with a space each period after a title or a dotted abbreviation that is followed by
    a word on the same line ("Mr. President", "U.S. forces", "No. 5"); offsets are kept."""
    return _PERIOD_CANDIDATE_RE.sub(_mask_period, text)


def is_caps_text(text: str) -> bool:
    """Whether ``text`` is written in capitals (closed captions, shouting): more upper- than
    lower-case letters, and at least 20 letters. Case then carries no meaning for phrases."""
    # letters counted over the code points with numpy: no list of one-letter strings (findall of
    # every letter cost a quarter of a second per million words)
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    upper = _count_in(points, _UPPER_RANGES)
    return upper >= 20 and upper > _count_in(points, _LOWER_RANGES)


@lru_cache(maxsize=500_000)
def phrase_token_parts(word: str, sentence_initial: bool = False, caps_text: bool = False) -> tuple[str, ...]:
    """Turn one word (as :func:`words` finds it) into its phrase tokens.

    Rules, in order:

    - A possessive ``'s`` is dropped: ``Lander's`` counts as ``Lander`` (not the contractions in
      :data:`S_CONTRACTIONS`, such as ``it's``).
    - A dotted capital abbreviation loses its periods: ``U.S`` is ``US``, ``U.N`` is ``UN``.
    - A hyphenated compound is its words: ``open-door`` is ``open``, ``door`` (so it counts with
      "open door").
    - Case: a part written in capitals with two or more letters keeps its case (``US`` the
      country is not ``us`` the pronoun; ``NATO``, ``AT&T``), except the first word of a sentence
      whose lower-case form is a stopword of :func:`library_stopwords` (a sentence-opening ``US``
      is read as ``us``) and any word of a text written in capitals (``caps_text``, see
      :func:`is_caps_text`); every other part is lower-cased.

    Numbers are kept as written (``$1,250,000``, ``3.5``); there is no plural folding.
    """
    if word.isalpha():  # the common case: no apostrophe, hyphen, period or digit
        if word.islower():
            return (word,)
        if (
            word.isupper()
            and len(word) >= 2
            and not caps_text
            and not (sentence_initial and word.lower() in library_stopwords())
        ):
            return (word,)
        return (word.lower(),)
    lower = word.lower()
    if lower.endswith("'s") and len(word) > 2 and lower not in S_CONTRACTIONS:
        word = word[:-2]
    if _DOTTED_CAPS_RE.match(word) and word.isupper():
        word = word.replace(".", "")
    parts = [p for p in word.split("-") if p] if "-" in word else [word]
    out = []
    for i, part in enumerate(parts):
        keep = (
            not caps_text
            and part.isupper()
            and sum(ch.isalpha() for ch in part) >= 2
            and not (sentence_initial and i == 0 and part.lower() in library_stopwords())
        )
        out.append(part if keep else part.lower())
    return tuple(out)


@lru_cache(maxsize=1)
def library_stopwords() -> frozenset[str]:
    """wordcloud's English ``STOPWORDS`` (lower case): the documented list Podium starts from.

    wordcloud ships the classic English list (articles, pronouns, auxiliaries, contractions
    with straight apostrophes; https://github.com/amueller/word_cloud, ``wordcloud/stopwords``).
    """
    import importlib.util

    # wordcloud's own file, read as wordcloud reads it into STOPWORDS, without importing the package:
    # that pulls in matplotlib (a quarter of a second on every page's first visit)
    spec = importlib.util.find_spec("wordcloud")
    folder = Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else None
    if folder is None or not (folder / "stopwords").is_file():
        from wordcloud import STOPWORDS

        return frozenset(w.lower() for w in STOPWORDS)
    lines = (folder / "stopwords").read_text().splitlines()
    return frozenset(w.strip().lower() for w in lines) - {""}


def _prepare(text: str) -> str:
    """Text with stage directions blanked and abbreviation periods masked, offsets kept."""
    text = text.replace("\u2019", "'")
    if "(" in text or "[" in text or "\u266a" in text:  # every stage direction starts with one of these
        text = STAGE_DIRECTION_RE.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), text)
    if "." in text:
        text = _mask_abbreviation_periods(text)
    return text


#: Marks a run break in :func:`phrase_tokens`; no token contains it.
RUN_BREAK = "\x00"
_WORD_OR_BREAK_RE = re.compile("\x00|" + _WORD_RE.pattern)


def _caps(text: str, runs: list[str] | None = None) -> bool:
    """:func:`is_caps_text`, with a quick exit for texts with fewer than five runs of capitals
    (``runs``: :data:`_CAPS_RUN_RE` matches, when already found)."""
    if runs is None:
        runs = _CAPS_RUN_RE.findall(text)
    return len(runs) >= 5 and is_caps_text(text)


@lru_cache(maxsize=1)
def _sentence_initial_caps() -> frozenset[str]:
    """Stopwords written in capitals ("WE", "THE", "IT'S"): lower-cased at a sentence start."""
    return frozenset(w.upper() for w in library_stopwords() if sum(c.isalpha() for c in w) >= 2)


# Capitals that may become a capitalised stopword at a sentence start: "WE", "AN" of "AN-0",
# "IT'S", "I'M", "WE'S" (a possessive), "A.N" (a dotted form).
# (every run starts with a capital: the look-ahead lets the regex engine skip other characters fast)
_CAPS_RUN_RE = re.compile(
    r"(?=[A-Z\u00c0-\u00d6\u00d8-\u00de])(?<![^\W_])(?:(?:[A-Z]\.)+[A-Z]|[A-Z\u00c0-\u00d6\u00d8-\u00de]+(?:'[A-Z\u00c0-\u00d6\u00d8-\u00de]+)?)"
    r"(?![^\W_])"
)


def _has_capitalised_stopword(runs: list[str]) -> bool:
    forms = _sentence_initial_caps()
    for run in runs:
        if run in forms or run.split("'")[0] in forms or run.replace(".", "") in forms:
            return True
    return False


def phrase_words(text: str) -> tuple[list[str], bool, bool]:
    """The words of ``text`` (one turn) with :data:`RUN_BREAK` between runs, as :func:`words` finds
    them, and two flags: the text is in capitals (:func:`is_caps_text`), and a capitalised stopword
    may open a sentence (then the first word of each run needs :func:`phrase_token_parts` with
    ``sentence_initial=True``; otherwise every word's tokens are its mid-sentence ones)."""
    text = _RUN_BREAK_RE.sub(RUN_BREAK, _prepare(text))
    runs = _CAPS_RUN_RE.findall(text)
    caps = _caps(text, runs)
    found = segment_cjk_words(_WORD_OR_BREAK_RE.findall(text), text)  # Chinese/Japanese split into words
    return found, caps, bool(found) and not caps and _has_capitalised_stopword(runs)


def mid_sentence_parts(word: str, caps_text: bool = False) -> tuple[str, ...]:
    """Cached :func:`phrase_token_parts` of a word that does not open a sentence; :data:`RUN_BREAK`
    stays itself."""
    return _mid_sentence_parts_caps(word) if caps_text else _mid_sentence_parts(word)


def phrase_tokens(text: str) -> tuple[list[str], int]:
    """The phrase tokens of ``text`` as one list, runs separated by :data:`RUN_BREAK`, and the
    number of words (``len(words(text))``). The fast form of :func:`phrase_runs`, for counting."""
    found, caps, initial_caps = phrase_words(text)
    if not found:
        return [], 0
    n_breaks = found.count(RUN_BREAK)
    if not initial_caps:
        mid = _mid_sentence_parts_caps if caps else _mid_sentence_parts
        tokens = [part for word in found for part in mid(word)]
    else:  # a sentence-opening "WE": the slow, exact path
        tokens = []
        initial = True
        for word in found:
            if word == RUN_BREAK:
                initial = True
                tokens.append(word)
            else:
                tokens.extend(phrase_token_parts(word, initial, False))
                initial = False
    return tokens, len(found) - n_breaks


def phrase_runs_and_words(text: str) -> tuple[list[list[str]], int]:
    """:func:`phrase_runs` of ``text`` and its number of words (``len(words(text))``), in one pass."""
    tokens, n_words = phrase_tokens(text)
    runs: list[list[str]] = [[]]
    for token in tokens:
        if token == RUN_BREAK:
            runs.append([])
        else:
            runs[-1].append(token)
    return [run for run in runs if run], n_words


@lru_cache(maxsize=500_000)
def _mid_sentence_parts(word: str) -> tuple[str, ...]:
    if word == RUN_BREAK:
        return (RUN_BREAK,)
    return phrase_token_parts(word, False, False)


@lru_cache(maxsize=100_000)
def _mid_sentence_parts_caps(word: str) -> tuple[str, ...]:
    if word == RUN_BREAK:
        return (RUN_BREAK,)
    return phrase_token_parts(word, False, True)


def phrase_runs(text: str) -> list[list[str]]:
    """Split ``text`` (one turn) into runs of phrase tokens that n-grams may span.

    A run ends where :func:`sentence_runs` ends one (sentence punctuation, dashes, brackets,
    quotation marks, line breaks, stage directions; not the period of ``U.S.`` or ``Mr.``);
    each word becomes its tokens by :func:`phrase_token_parts`. Stopwords are kept.

    >>> phrase_runs("NATO's open-door policy. The US told us.")
    [['NATO', 'open', 'door', 'policy'], ['the', 'US', 'told', 'us']]
    """
    return phrase_runs_and_words(text)[0]


def folded_phrase_runs(text: str) -> list[list[str]]:
    """:func:`phrase_runs` in lower case: the runs that case-blind phrase search counts in (the
    archive and the Compare page), by the same pipeline as the Phrases page."""
    return [[token.lower() for token in run] for run in phrase_runs(text)]


def phrase_spans(text: str) -> list[list[tuple[str, int, int]]]:
    """Like :func:`phrase_runs`, with each token's character offsets in ``text``.

    Returns runs of ``(token, start, end)``; ``text[start:end]`` is the word as written (for a
    hyphenated compound, the part; for a possessive, the word with its ``'s``).
    """
    text = _prepare(text)
    caps = _caps(text)
    bounds = [(m.start(), m.end()) for m in _RUN_BREAK_RE.finditer(text)] + [(len(text), len(text))]
    runs = []
    start = 0
    for end, after in bounds:
        run = []
        for m in _WORD_RE.finditer(text, start, end):
            word = m.group(0)
            parts = phrase_token_parts(word, not run, caps)
            if len(parts) == 1:
                run.append((parts[0], m.start(), m.end()))
                continue
            pos = m.start()
            for part, raw in zip(parts, [r for r in word.split("-") if r], strict=False):
                pos = text.index(raw, pos)
                run.append((part, pos, pos + len(raw)))
                pos += len(raw)
            if word.lower().endswith("'s"):
                token, first, _ = run[-1]
                run[-1] = (token, first, m.end())
        if run:
            runs.append(run)
        start = after
    return runs


__all__ += [
    "RUN_BREAK",
    "S_CONTRACTIONS",
    "is_caps_text",
    "library_stopwords",
    "mid_sentence_parts",
    "phrase_runs",
    "phrase_runs_and_words",
    "phrase_spans",
    "phrase_token_parts",
    "phrase_tokens",
    "phrase_words",
]
# ---- end of phrase tokens ---------------------------------------------------------------------

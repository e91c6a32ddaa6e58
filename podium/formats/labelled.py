"""Labelled text: a speaker label, then what they said.

Covers, after :func:`podium.text.normalise_text`:

- ``NAME: speech`` in any case (``MS. PSAKI:``, ``Ms. Ortagus:``, ``MR. McCLELLAN:``), labels with
  parentheticals and roles (``Mr. Michael Howard (Folkestone and Hythe) (Con):``,
  ``KIM (through translator):``), ``**Name:**`` markdown bold, labels alone on their line
  (``SPEAKER_00:``) with the speech below;
- reporter labels ``Q``/``Q:``/``QUESTION:`` (``Q`` followed only by spaces, as on whitehouse.gov),
  ``A:``; the reference transcript's unnamed ``- `` lines;
- Congressional-record labels ending in a period (``Chairman HAMILTON.``), alone or inline;
- timestamps: rev.com ``Name (00:04):`` and ``Name: (00:04)``, Otter ``Name  0:03`` header lines
  (M:SS switching to H:MM:SS), ``[HH:MM:SS] Name:`` prefixes;
- court-reporter layouts with line numbers 1-25 and page numbers, YAML front matter, markdown
  escapes and inline HTML in markdown files;
- one-line "flattened" scrapes where labels are glued to the text (``01:40 WALLACEGentlemen``);
- emoji or symbols around a name (``🎤 HOST:`` is ``HOST``), formatting around a label in a
  text file (``<b>NAME:</b>``, ``**NAME:**``, ``[b]NAME:[/b]``), and labels longer than 8 words or 100 characters (see
  :func:`_long_label_ok`), with a notice.

Text before the first label is metadata (headline, banners, datelines), not a speaker.

:func:`read_labelled` runs five steps, each a function of plain data with its own test
(tests/test_labelled_steps.py): :func:`prepare_text` (front matter, markdown, line numbers) →
:func:`find_candidates` (what each line starts with, by shape) → :func:`decide_labels` (which
candidates are labels, from the file-wide :class:`LabelStats`) → :func:`split_blocks` (speaker
blocks, paragraphs, metadata) → :func:`name_layout` (the layout's name and notices). The word
lists it uses live in :mod:`podium.vocabulary`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from ..text import STAGE_DIRECTION_RE, words
from ..vocabulary import (
    EMPHASIS_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_LABELS,
    ROLE_WORDS,
    TITLES,
    UNNAMED_PREFIX,
)
from .base import UNKNOWN_SPEAKER, UNNAMED_QUESTIONER, Block, ReadResult, parse_clock, unnamed_speakers_notice

__all__ = [
    "NOT_LABELS",
    "Candidate",
    "LabelKind",
    "LabelStats",
    "Layout",
    "Prepared",
    "Split",
    "decide_labels",
    "find_candidates",
    "is_cue_label",
    "is_double_spaced",
    "long_label_notices",
    "name_layout",
    "prepare_text",
    "read_labelled",
    "split_blocks",
]

# A clock: M:SS, H:MM:SS, or past 99 hours HHH:MM:SS (a hearing's or a stream's running time).
_TS = r"(?:\d{3}:\d{2}:\d{2}|\d{1,2}:\d{2}(?::\d{2})?)(?:[.,]\d{1,3})?"
_FRONT_MATTER_RE = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_HTML_TAG_RE = re.compile(r"<!--.*?-->|<[a-zA-Z/!][^<>]*>", re.DOTALL)
_LIQUID_RE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
_BOLD_LABEL_RE = re.compile(r"^(\s*)\*\*([^*\n]{1,120}?)(:?)\*\*(:?)")
_BOLD_RE = re.compile(r"\*\*([^*\n]+?)\*\*")
_HEADING_RE = re.compile(r"^#{1,6}\s+\S")
# A label wrapped in an inline formatting tag in a text file, colon inside or after the tag:
# "<b>MODERATOR:</b> Good morning", "<strong>Ana Ruiz</strong>: Thanks".
_HTML_LABEL_RE = re.compile(
    r"^([ \t]*)(<(b|strong|em|i|u|span|font)(?:\s[^<>\n]*)?>)"
    r"[ \t]*([^<>\n:]{1,120}?)[ \t]*(:?)[ \t]*(</\3[ \t]*>)([ \t]*:)?",
    re.IGNORECASE | re.MULTILINE,
)
# The same in markdown emphasis ("**MODERATOR:** Good morning", "*Ana Ruiz*: Thanks") and forum
# BBCode ("[b]MODERATOR:[/b]") in a file not read as markdown.
_EMPHASIS_LABEL_RE = re.compile(
    r"^([ \t]*)(\*\*|__|\*|_)()[ \t]*([^*_<>\n:]{1,120}?)[ \t]*(:?)[ \t]*(\2)([ \t]*:)?", re.MULTILINE
)
_BBCODE_LABEL_RE = re.compile(
    r"^([ \t]*)(\[(b|i|u)\])[ \t]*([^\[\]\n:]{1,120}?)[ \t]*(:?)[ \t]*(\[/\3\])([ \t]*:)?",
    re.IGNORECASE | re.MULTILINE,
)

_DASH_RE = re.compile(r"^-\s+(?P<rest>[^-\s].*)$")
_Q_RE = re.compile(r"^(?P<label>Q|QUESTION|A|ANSWER)(?P<sep>\s*:\s*|\.\s+|\s+)(?P<rest>\S.*)$")
# a clock before a label, in brackets or parentheses: "[00:05] Host: ...", "(00:05) Host: ..."
_BRACKET_TS_RE = re.compile(r"^(?:\[(?P<ts>" + _TS + r")\]|\((?P<pts>" + _TS + r")\))\s*(?P<after>.*)$")
_CLOCK_PREFIX_RE = re.compile(r"^(?P<ts>\d{1,3}:\d{2}:\d{2})\s+(?P<after>[A-Z].*)$")  # Zoom chat "00:21:14 Name: msg"
_OTTER_RE = re.compile(
    r"^(?P<label>[^\W\d_][^\s:]*(?: [^\s:]+){0,5}?)\s+"
    r"(?:(?P<ts>" + _TS + r")|\[(?P<bts>" + _TS + r")\]|\((?P<pts>" + _TS + r")\))$"
)
_COLON_RE = re.compile(
    r"^(?P<label>[^\W\d_\[][^:\uff1a\n]{0,100}?|\[[^:\uff1a\n]{0,100}?)"
    r"(?:\s*[(\[](?P<ts1>" + _TS + r")[)\]])?"  # "Name (00:05):", "Host [00:00:05]:"
    r"\s*(?::|\uff1a)(?:\s*[(\[](?P<ts2>" + _TS + r")[)\]])?"  # "Name: [00:00:05] text" too
    r"(?:\s+|$|(?<=\uff1a)|(?<=[A-Z]:)(?=[A-Z\"\u201c\u00bf\u00a1]))(?P<rest>.*)$"  # "HOST:What is new?" too
)
# A Congressional Record name in capitals, as the Record prints it: accented capitals (VELÁZQUEZ),
# a lowercase particle before capitals (McGOVERN, DeLAURO), up to four words (DE LA CRUZ,
# JACKSON LEE, PRESIDING OFFICER), "pro tempore" after an office.
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_RECORD_NAME = (
    rf"(?:(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)?[{_UPPER}][{_UPPER}'\u2019\-]+)"
    rf"(?:\s+(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)?[{_UPPER}][{_UPPER}'\u2019\-]+){{0,3}}"
    r"(?:\s+pro\s+tempore)?"
)
_PERIOD_RE = re.compile(
    r"^(?P<label>(?:(?:(?:Mr|Mrs|Ms|Dr|Chairman|Chairwoman|Senator|Representative|Judge|Justice|General|"
    r"Admiral|Colonel|Governor|Secretary|The|MR|MRS|MS|DR|CHAIRMAN|CHAIRWOMAN|SENATOR|THE|"
    r"Miss|MISS|Acting|ACTING|Madam|MADAM)\.?\s+)+"
    + _RECORD_NAME
    + r"(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"  # "Mr. SMITH of Texas", "Mr. KING of New York"
    r"(?:\s*\((?:[a-z][^()]{0,40}|(?:Mr|Mrs|Ms|Dr)\.\s+[^()]{1,40})\))?)"  # "(continuing)", "(Mr. KAINE)"
    r"|(?:A\s+)?Voices?)"  # GPO's unidentified speaker: "Voice. Shame!"
    r"\.(?:\s+(?P<rest>.*))?$"
)
# Lines that are a record's furniture, not speech: a court transcript's examination headings
# ("DIRECT EXAMINATION", "CROSS-EXAMINATION"), a hearing record's headings ("STATEMENT OF JANE DOE,
# DIRECTOR, ..."), its image placeholders ("[GRAPHIC] [TIFF OMITTED] T1234.001"), the
# Congressional Record's narration of the clerk and a federal court filing's page header
# ("Case 1:21-cr-00123-ABC Document 45 Filed 03/02/22 Page 13 of 200").
_FURNITURE_LINE_RE = re.compile(
    r"(?:(?:RE-?)?DIRECT|(?:RE-?)?CROSS|REDIRECT|VOIR DIRE|FURTHER (?:RE)?(?:DIRECT|CROSS))[- ]?EXAMINATION"
    r"(?: \(?CONTINUED\)?| BY [A-Z][A-Z .,'\-]{1,60})?:?"
    r"|EXAMINATION BY [A-Z][A-Z .,'\-]{1,60}:?"
    r"|(?:OPENING |PREPARED |JOINT )?(?:STATEMENTS?|TESTIMONY) OF [A-Z][A-Z0-9 .,'&()\-]{2,200}"
    r"|\[(?:GRAPHIC|TIFF OMITTED)\].*"
    r"|Case \d+:\d{2}-[a-z]{2,3}-\d+\S*\s+Document \d+.{0,80}\bPage \d+ of \d+.{0,40}"
    # a UN meeting record's times: "The meeting rose at 11.40 a.m."
    r"|The meeting (?:rose|was called to order|was suspended|was resumed|resumed|adjourned) at .{1,30}"
    # the Congressional Record's narration: "The legislative clerk proceeded to call the roll."
    r"|The (?:[a-z]+ ){0,3}clerk (?:proceeded to call the roll|called the roll"
    r"|read (?:the [a-z ]{1,40}|as follows:?))\.?"
)
# "BY MR. HARRIS:" alone on a line: who examines from here on (the "Q." lines are that lawyer's);
# a court record's marker, not a speaker's turn.
_EXAMINER_RE = re.compile(r"BY (?:MR|MRS|MS|MISS|DR)\.? [A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){0,2}")
_CLOSING_RE = re.compile(r"^(?:END\s+)?\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,4})?\.?$|^END$|^# # #$|^###$")
_EMPTY_LABEL_RE = re.compile(r"^:\s*(?P<rest>.*)$")
# Back matter after the last turn: a copyright notice or a separator line.
_BACK_MATTER_RE = re.compile(
    r"^(?:copyright\b|\u00a9|\(c\)\s*\d{4})|all rights reserved\.?$|^[-_*=~\u2014]{3,}$", re.IGNORECASE
)


_SEPARATOR_RE = re.compile(r"[-_*=~\u2014]{3,}")


def _front_matter(text: str) -> tuple[str, str, str]:
    """Split YAML front matter off; return (front matter, its title, the rest)."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return "", "", text
    block = m.group(1)
    title = ""
    tm = re.search(r"(?m)^title:\s*(.+(?:\n  +\S.*)*)$", block)
    if tm:
        title = re.sub(r"\s+", " ", tm.group(1)).strip().strip("\"'")
        title = re.sub(r"\s+", " ", re.sub(r"\\_|(?<=\w)_(?=\w)", " ", title)).strip()
    return block, title, text[m.end() :]


_NUMBERED_LINE_RE = re.compile(r"^\s{0,10}([1-9]|1\d|2[0-5])(\s{2,}|$)")
_LINE_NUMBER_RE = re.compile(r"^\s{0,10}([1-9]|1\d|2[0-5])(?=\s{2,}|$)")
_PAGE_NUMBER_RE = re.compile(r"^\s{30,}\d{1,4}\s*$")


def _strip_line_numbers(lines: list[str], removed: list[str]) -> list[str]:
    """Remove court-reporter line numbers (1-25 at the left margin) and page-number lines."""
    nonblank_lines = [ln for ln in lines if ln.strip()]
    numbered = sum(1 for ln in nonblank_lines if _NUMBERED_LINE_RE.match(ln))
    nonblank = len(nonblank_lines)
    strip_numbers = nonblank and numbered >= 0.3 * nonblank
    out = []
    for line in lines:
        # a page number follows 30 or more spaces (\s is str.isspace): other lines are not tried
        if line[:30].isspace() and _PAGE_NUMBER_RE.match(line):
            removed.append(line.strip())
            continue
        if strip_numbers:
            m = _LINE_NUMBER_RE.match(line)
            if m:
                removed.append(m.group(1))
                line = line[m.end() :]
        out.append(line)
    return out


_GLUED_RE = re.compile(
    r"(?<![\d:])(\d{1,2}:\d{2})\s*([A-Z][A-Z.'\-]*[A-Z](?: [A-Z][A-Z.'\-]*[A-Z]){0,3})(?=[A-Z][a-z]|I[ ']|--|[.,\s])"
)


# A label in capitals inside running text, after a sentence's end: a name of up to four words,
# a title with its period allowed ("SEN. GRASSLEY", "GEN. MILLEY (via video)", "AG GARLAND").
_TITLE_STOPS = "".join(
    rf"(?<!\b{t}\.)"
    for t in ("MR", "MRS", "MS", "DR", "SEN", "REP", "GEN", "GOV", "LT", "COL", "SGT", "ST", "AMB", "PROF", "HON",
              "REV", "CAPT", "ADM", "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gen", "Gov")
)
_INNER_LABEL_RE = re.compile(  # the period of "MR." in "MR. SMITH:" is not a sentence's end
    r"(?<=[.?!\u2026\"\u201d])" + _TITLE_STOPS
    + r" +((?:[A-Z][A-Z'\-]+\.? ){0,3}[A-Z][A-Z'\-]+(?: \([^()\n]{1,40}\))?): "
)


def _recurring_inner_labels(body: str) -> bool:
    """True for a short scrape with labels inside its running text: at least two labels in
    capitals after a sentence's end, one of them seen twice or the label that opens the text
    ("HOST: Welcome. GUEST: Thanks. HOST: What is the deficit? GUEST: ...")."""
    inner = Counter(m for m in _INNER_LABEL_RE.findall(body) if m not in NOT_LABELS)
    if sum(inner.values()) < 2:
        return False
    opening = _candidate(body.lstrip().split("\n", 1)[0])
    return max(inner.values()) >= 2 or (opening is not None and opening.label in inner)


def _unflatten(text: str) -> str:
    """Put each label of a one-line scrape on its own line, as ``[time] LABEL: speech``."""
    # USA Today: "01:40 WALLACEGentlemen", then the same labels glued anywhere ("-BIDENThat's")
    vocabulary = Counter(m.group(2).strip(" .,") for m in _GLUED_RE.finditer(text))
    for name in list(vocabulary):  # "BIDENI think": the label is BIDEN when BIDEN is seen too
        if name.endswith("I") and name[:-1] in vocabulary:
            vocabulary[name[:-1]] += vocabulary.pop(name)
    vocabulary = Counter({k: v for k, v in vocabulary.items() if k.upper() not in NOT_LABELS and len(k) >= 3})
    if sum(vocabulary.values()) >= 3:
        names = sorted(vocabulary, key=len, reverse=True)
        pattern = re.compile(
            r"(?:(?<![\d:])(\d{1,2}:\d{2})\s*)?(?<![A-Z])(" + "|".join(map(re.escape, names)) + r")(?![A-Z]{2}|[a-z])"
        )

        def split(m: re.Match) -> str:
            stamp = f"[{m.group(1)}] " if m.group(1) else ""
            return f"\n\n{stamp}{m.group(2)}: "

        return pattern.sub(split, text)
    # debates.org: "... HOLT: Good evening" (ALL-CAPS name and colon inside the line)
    return _INNER_LABEL_RE.sub(r"\n\n\1: ", text)


#: A label holds at most this many words (outside parentheses) and characters; a longer one is a
#: :attr:`Candidate.long` label, judged by :func:`_long_label_ok`.
MAX_LABEL_WORDS = 8
MAX_LABEL_CHARS = 100
#: A lowercase label: one word, or a word and a word or number ("host", "guest", "caller 2").
_LOWER_LABEL_RE = re.compile(r"[a-z][a-z'\-]{1,29}(?: [a-z0-9][a-z0-9'\-]{0,29})?")


def _name_tokens_ok(label: str, max_tokens: int | None = MAX_LABEL_WORDS, *, last_first: bool = False) -> bool:
    """True if every word of the label outside parentheses looks like part of a name or title
    (and there are at most ``max_tokens`` of them; ``None``: any number). ``last_first``: a name
    written surname first ("Smith, John") is one too (Teams and Otter headers)."""
    name = re.sub(r"\([^()]*\)", " ", label)
    name, _, role = name.partition(",")
    if role and not (_role_ok(name, role, last_first=last_first) and len(role.split()) <= MAX_LABEL_WORDS):
        # "GOV. X (D-XX), CANDIDATE", "JOE BIDEN, PRESIDENT OF THE UNITED STATES", "Jane Doe,
        # Director of Policy" yes; "First, on vaccinations" no
        return False
    tokens = name.split()
    if not tokens or (max_tokens is not None and len(tokens) > max_tokens):
        return False
    for token in tokens:
        core = token.strip(".'\"-")
        if not core:
            return False
        if core.lower() in NAME_PARTICLES or core == "&" or re.fullmatch(r"#\d+", core):
            continue  # "MR. SMITH & MS. JONES", "JUROR #3", "UNIDENTIFIED MALE #2"
        if core[0].isupper() or core[0].isdigit() or _caseless(core[0]) or re.fullmatch(r"[A-Z]\.?", token):
            if re.search(r"[!?;\"]", token):
                return False
            continue
        return False
    return True


#: Small words a title-case role keeps in lowercase ("Director of Policy", "Chairman of the Board").
_ROLE_SMALL_WORDS = frozenset(
    {"of", "the", "and", "for", "on", "at", "to", "in", "de", "du", "del", "la", "le", "von", "van"}
)


def _is_role(role: str) -> bool:
    """True for the role after a label's comma: in capitals ("CNN CHIEF POLITICAL CORRESPONDENT")
    or in title case with small words ("President of the United States")."""
    if _is_capitalised(role):
        return True
    words = re.sub(r"\([^)]*\)", " ", role).split()
    return bool(words) and words[0][0].isupper() and all(w[0].isupper() or w in _ROLE_SMALL_WORDS for w in words)


def _role_ok(name: str, role: str, *, last_first: bool = False) -> bool:
    """The role after a label's comma: in capitals, or in title case after a name of two or more
    words ("Jane Doe, Director of Policy"; not "Bruno, Senate Resolution:", a wrapped line); with
    ``last_first``, also the first name of a name written surname first."""
    if _is_capitalised(role):
        return True
    if last_first and _LAST_FIRST_RE.fullmatch(f"{name.strip()}, {role.strip()}"):
        return True  # "Smith, John", "Müller, Jürgen": Teams and directory names, surname first
    return len(name.split()) >= 2 and _is_role(role)


#: A name written surname first, as Microsoft Teams and directories write it: one or two
#: capitalised words, a comma, one or two capitalised words ("Smith, John", "Garcia Lopez, Maria").
_LAST_FIRST_RE = re.compile(r"[^\W\d_][\w'\-]*(?: [^\W\d_][\w'\-]*)?, [^\W\d_][\w'\-]*(?: [^\W\d_][\w'\-]*)?")


def _caseless(char: str) -> bool:
    """True for a letter of a script without case (Chinese, Japanese, Arabic, Hebrew...): such a
    label (``主持人：``, ``صحفي:``) is judged like a capitalised one."""
    return char.isalpha() and not char.isupper() and not char.islower()


def _is_capitalised(label: str) -> bool:
    name = re.sub(r"\([^)]*\)", "", label)
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and sum(c.isupper() or _caseless(c) for c in letters) >= 0.7 * len(letters)


def _key(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip()


class LabelKind(StrEnum):
    """The shapes of speaker label the reader knows (a :class:`Candidate`'s ``kind``)."""

    DASH = "dash"  # "- question": the bundled transcript's unnamed reporters
    Q = "q"  # "Q:", "QUESTION:", "A:", "ANSWER:"
    Q_BARE = "q_bare"  # "Q   text" (whitehouse.gov: Q and spaces)
    Q_DOT = "q_dot"  # "Q. text" / "A. text" (depositions)
    OTTER = "otter"  # "Name  0:03" header line, speech on the next line
    COLON = "colon"  # "NAME: text"
    PERIOD = "period"  # "Mr. NAME. text" (Congressional Record)
    TIMESTAMPED = "timestamped"  # "Name (00:04):", "[00:01:02] Name:"
    CHAT = "chat"  # "00:21:14 Name: message" (Zoom chat)
    TIMESTAMP = "timestamp"  # "[00:01:02] : text": a time and no name


class Layout(StrEnum):
    """Names of the layouts the labelled-text reader reports as ``source_format``."""

    LABELLED = "labelled_text"
    TIMESTAMPED = "timestamped_text"
    CONGRESSIONAL = "congressional"
    CHAT = "chat"
    FLATTENED = "flattened_text"


@dataclass(slots=True)
class Candidate:
    """A label a line starts with, before deciding whether it is one.

    Attributes:
        label: the speaker as written (spaces collapsed).
        rest: the speech after the label on the same line.
        start: seconds from a timestamp in or before the label, if any.
        kind: the label's shape.
        removed: the text that makes up the label (kept to prove no word is lost).
        long: the name is longer than :data:`MAX_LABEL_WORDS` words or :data:`MAX_LABEL_CHARS`
            characters ("THE HONORABLE PAT MERRIWEATHER, UNDER SECRETARY ... :"); such a label
            is taken only in a file whose other labels are written the same way.
        lower: the name is one or two lowercase words (``host:``, ``caller 2:``); such a label is
            taken only in a file with two or more recurring lowercase labels.
    """

    label: str
    rest: str
    start: float | None
    kind: LabelKind
    removed: str
    long: bool = False
    lower: bool = False


#: Characters that decorate a label without being part of the name: emoji and other symbols
#: (Unicode category So, and Sk outside ASCII: skin tones), the emoji variation selector and the
#: keycap mark. ``🎤 HOST:`` and ``HOST 🎤:`` are the label ``HOST``.
_DECORATION_MARKS = frozenset("\ufe0e\ufe0f\u20e3")
#: Symbols that are not decoration: the copyright and registered signs, and music notes (they mark
#: sung lyrics, a stage direction: see :data:`podium.text.STAGE_DIRECTION_RE`).
_NOT_DECORATION = frozenset("\u00a9\u00ae\u2669\u266a\u266b\u266c")


def _is_decoration(char: str) -> bool:
    return char in _DECORATION_MARKS or (
        ord(char) > 127 and unicodedata.category(char) in ("So", "Sk") and char not in _NOT_DECORATION
    )


def _decoration_length(text: str) -> int:
    """Length of the run of emoji or symbols (and the spaces after them) ``text`` starts with; 0 if none."""
    if not text or text[0] < "\x80" or not _is_decoration(text[0]):  # no decoration is ASCII
        return 0
    i = 1
    while i < len(text) and (_is_decoration(text[i]) or text[i] == " "):
        i += 1
    return i


def _strip_decoration(label: str) -> str:
    """The label without emoji or symbols at its ends (``"HOST 🎤"`` -> ``"HOST"``)."""
    start, end = 0, len(label)
    while start < end and (_is_decoration(label[start]) or label[start].isspace()):
        start += 1
    while end > start and (_is_decoration(label[end - 1]) or label[end - 1].isspace()):
        end -= 1
    return label[start:end]


def _long_candidate(stripped: str) -> tuple[str, str, str] | None:
    """``(label, speech, text removed)`` when the line opens with a name-like label too long for
    :data:`_COLON_RE` (more than :data:`MAX_LABEL_CHARS` characters or :data:`MAX_LABEL_WORDS`
    words, every word capitalised or a particle) and a colon; else ``None``."""
    cuts = [i for i in (stripped.find(":"), stripped.find("\uff1a")) if i > 0]
    if not cuts or not stripped[:1].isalpha():
        return None
    cut = min(cuts)
    after = stripped[cut + 1 :]
    if after and not after[0].isspace() and stripped[cut] == ":":
        return None  # "10:30", "http://"
    label = _key(_strip_decoration(stripped[:cut]))
    if len(label) <= MAX_LABEL_CHARS and len(re.sub(r"\([^()]*\)", " ", label).split()) <= MAX_LABEL_WORDS:
        return None
    if not _name_tokens_ok(label.replace(",", " "), max_tokens=None):
        return None  # every word a name word, after a comma too ("PAT MERRIWEATHER, UNDER SECRETARY OF STATE")
    return label, after.strip(), stripped[: cut + 1]


#: Zoom's chat export names the sender and the audience: "From Ana Ruiz to Everyone", "From Ana
#: Ruiz to Ben O'Hara(Direct Message)"; the speaker is the sender.
_ZOOM_SENDER_RE = re.compile(r"^From (.+?) to (?:.+?)(?:\s*\((?:Direct Message|Privately|privately)\))?$")


def _clock_group(m: re.Match) -> str:
    """The clock a match found, whichever of its groups (bare, bracketed, in parentheses) holds it."""
    groups = m.groupdict()
    return next(groups[g] for g in ("ts", "bts", "pts") if groups.get(g))


# The number a UK select committee's evidence gives each question, before the label: "Q12   Chair:".
_QUESTION_NUMBER_RE = re.compile(r"Q\d{1,4}\s+(?=[^\W\d_][^:\n]{0,60}:\s)")


def _candidate(line: str) -> Candidate | None:
    """Return the label a line starts with, if it starts like one."""
    stripped = line.strip()
    if not stripped:
        return None
    start: float | None = None
    prefix = ""
    m = _BRACKET_TS_RE.match(stripped) or _CLOCK_PREFIX_RE.match(stripped)
    if m:
        start = parse_clock(_clock_group(m))
        prefix = m.group(0)[: m.start("after")]
        stripped = m.group("after")
        e = _EMPTY_LABEL_RE.match(stripped)
        if e:
            return Candidate(UNKNOWN_SPEAKER, e.group("rest"), start, LabelKind.TIMESTAMP, prefix + ":")
    m = _DASH_RE.match(stripped)
    if m and not prefix:
        return Candidate(UNNAMED_QUESTIONER, m.group("rest"), None, LabelKind.DASH, "-")
    m = _Q_RE.match(stripped)
    if m:
        sep = m.group("sep")
        label = m.group("label")
        kind: LabelKind | None
        if ":" in sep:
            kind = LabelKind.Q
        elif label in ("Q", "A") and sep.startswith("."):
            kind = LabelKind.Q_DOT  # "Q. text" / "A. text" (depositions)
        elif label == "Q":
            kind = LabelKind.Q_BARE  # "Q  text" (whitehouse.gov)
        else:
            kind = None
        if kind:
            return Candidate(label, m.group("rest"), start, kind, prefix + label)
    # an Otter header ends in a clock, so in a digit (str.isdigit holds for every \d)
    m = _OTTER_RE.match(stripped) if stripped[-1:].isdigit() or stripped[-1:] in ")]" else None
    if m and not prefix and _name_tokens_ok(m.group("label"), last_first=True):
        return Candidate(_key(m.group("label")), "", parse_clock(_clock_group(m)), LabelKind.OTTER, stripped)
    # the kind of a label after a time prefix: chat ("00:21:14 Name:") or timestamped ("[00:01] Name:")
    timed_kind = LabelKind.CHAT if prefix and not prefix.startswith(("[", "(")) else LabelKind.TIMESTAMPED
    timed = bool(prefix)
    decoration = _decoration_length(stripped)  # "🎤 HOST:": an emoji or symbol before the name
    if decoration:
        prefix += stripped[:decoration]
        stripped = stripped[decoration:]
    if stripped.startswith(">>"):  # a caption's speaker-change mark before the label: ">> ANCHOR: ..."
        rest = stripped.lstrip(">").lstrip()
        prefix += stripped[: len(stripped) - len(rest)]
        stripped = rest
    q_number = _QUESTION_NUMBER_RE.match(stripped) if stripped[:1] == "Q" else None
    if q_number:  # a UK select committee's question number before the label: "Q12   Chair: ..."
        prefix += q_number.group(0)
        stripped = stripped[q_number.end() :]
    # a colon label and a long label both need a colon (ASCII or full-width); most lines have none
    has_colon = ":" in stripped or "\uff1a" in stripped
    m = _COLON_RE.match(stripped) if has_colon else None
    if m:
        label = _key(_strip_decoration(m.group("label")))
        if timed and label.startswith("From "):
            label = _ZOOM_SENDER_RE.sub(r"\1", label)  # Zoom chat: "From  Ana Ruiz  to  Everyone" is Ana Ruiz
        ts = m.group("ts1") or m.group("ts2")
        if ts:
            start = parse_clock(ts)
        removed = stripped[: m.start("rest")].strip() if m.group("rest") else stripped
        if _name_tokens_ok(label) and len(label) <= MAX_LABEL_CHARS:
            kind = timed_kind if timed else LabelKind.TIMESTAMPED if ts else LabelKind.COLON
            return Candidate(label, m.group("rest"), start, kind, prefix + removed)
        if _LOWER_LABEL_RE.fullmatch(label) and not ts:
            kind = timed_kind if timed else LabelKind.COLON
            return Candidate(label, m.group("rest"), start, kind, prefix + removed, lower=True)
    long = _long_candidate(stripped) if has_colon else None
    if long is not None:
        label, rest, removed = long
        kind = timed_kind if timed else LabelKind.COLON
        return Candidate(label, rest, start, kind, prefix + removed, long=True)
    if decoration:
        return None  # a symbol then no label: the line is text
    m = _PERIOD_RE.match(stripped)
    if m:
        rest = m.group("rest") or ""
        return Candidate(_key(m.group("label")), rest, start, LabelKind.PERIOD, prefix + m.group("label") + ".")
    return None


def _paragraph_starts(lines: list[str]) -> list[int]:
    """Indexes of lines that start a paragraph (first non-blank line after a blank or the start)."""
    starts, blank_before = [], True
    for i, line in enumerate(lines):
        if line.strip():
            if blank_before:
                starts.append(i)
            blank_before = False
        else:
            blank_before = True
    return starts


def _drop_list_items(lines: list[str], candidates: list[Candidate | None]) -> None:
    """Un-mark ``- `` lines that are items of a bulleted list rather than unnamed questioners.

    The reference format gives unnamed questioners a ``- `` paragraph followed by a labelled
    answer. So a run of ``- `` paragraphs is kept as questions only when the paragraph after
    the run starts with a speaker label, the paragraph before it does not end with a colon
    ("three goals:"), and, for a run of several, at least one item reads like a question
    (ends with "?" or runs to 15 words or more); otherwise it is a list inside the speech.
    A ``- `` line that does not start a paragraph is always a list item, and so is every ``- ``
    line of a file that labels its questions itself (``Q``, ``QUESTION:``).
    """
    starts = _paragraph_starts(lines)
    start_set = set(starts)
    has_question_labels = any(
        c is not None and c.kind in (LabelKind.Q, LabelKind.Q_BARE, LabelKind.Q_DOT) for c in candidates
    )
    for i, cand in enumerate(candidates):
        if cand is not None and cand.kind == LabelKind.DASH and (i not in start_set or has_question_labels):
            candidates[i] = None
    k = 0
    while k < len(starts):
        i = starts[k]
        cand = candidates[i]
        if cand is None or cand.kind != LabelKind.DASH:
            k += 1
            continue
        run = [i]
        while (
            k + len(run) < len(starts)
            and (c := candidates[starts[k + len(run)]]) is not None
            and c.kind == LabelKind.DASH
        ):
            run.append(starts[k + len(run)])
        after = starts[k + len(run)] if k + len(run) < len(starts) else None
        before = next((lines[j].strip() for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        followed_by_label = (
            after is not None and candidates[after] is not None and candidates[after].kind != LabelKind.DASH
        )
        questionlike = any(
            candidates[j].rest.rstrip().endswith("?") or len(candidates[j].rest.split()) >= 15 for j in run
        )
        if not followed_by_label or before.endswith(":") or (len(run) > 1 and not questionlike):
            for j in run:
                candidates[j] = None
        k += len(run)


def _surname(label: str) -> str | None:
    """The last name word of a label of two or more name words, upper-cased, without a
    parenthetical, a role after a comma or a suffix (``SEN. CHRIS MURPHY (D-CT)``, ``JAKE
    TAPPER, CNN ANCHOR`` and ``MARTIN LUTHER KING JR.`` give ``MURPHY``, ``TAPPER``, ``KING``);
    ``None`` for one-word labels."""
    name = re.sub(r"\([^()]*\)", " ", label).partition(",")[0]
    words = [w.strip(".'").upper() for w in name.split()]
    words = [w for w in words if w and w not in NAME_SUFFIXES]
    if (
        len(words) < 2
        or words[0] == "THE"
        or words[-1] in TITLES
        or words[-1] in ROLE_WORDS
        or not re.fullmatch(r"[^\W\d_][\w'\-]+", words[-1])
    ):
        return None  # "THE PRESIDENT", "SENIOR OFFICIAL": an office, not a surname
    return words[-1]


@dataclass
class LabelStats:
    """File-wide statistics that decide whether a candidate label is a label.

    Attributes:
        counts: how many lines of the file start with each candidate label.
        otter_headers: number of ``Name  0:03`` header lines when they outnumber ``NAME:``
            labels, else 0 (an Otter export is full of them; elsewhere they are prose).
        colon_labels: number of ``NAME:`` candidates in the file (:attr:`Candidate.long` ones
            are not counted in this and the next two).
        caps_labels: number of distinct capitalised ``NAME:`` candidates.
        mixed_recurring: number of distinct mixed-case ``Name:`` candidates seen at least twice.
        recurring_period_labels: number of distinct ``Mr. NAME.`` candidates seen at least twice.
        period_labels: number of distinct ``Mr. NAME.`` candidates.
        recurring_single_caps: number of distinct one-word capitalised ``NAME:`` candidates seen
            at least twice.
        lower_recurring: number of distinct lowercase candidates (``host:``) seen at least twice.
        surnames: the last name word, upper-cased, of every candidate of two or more name words
            (``SEN. CHRIS MURPHY (D-CT)`` gives ``MURPHY``), so that ``MURPHY:`` seen once is
            read as a label.
        flattened: the file is a one-line scrape whose labels were found inside the text.
    """

    counts: Counter = field(default_factory=Counter)
    otter_headers: int = 0
    colon_labels: int = 0
    caps_labels: int = 0
    mixed_recurring: int = 0
    recurring_period_labels: int = 0
    period_labels: int = 0
    recurring_single_caps: int = 0
    lower_recurring: int = 0
    surnames: frozenset[str] = frozenset()
    flattened: bool = False

    @classmethod
    def of(cls, candidates: list[Candidate | None], *, flattened: bool = False) -> LabelStats:
        """Count the candidates of one file (``None`` for lines that start with no label)."""
        found = [c for c in candidates if c is not None]
        n_otter = sum(1 for c in found if c.kind == LabelKind.OTTER)
        colon = Counter(c.label for c in found if c.kind == LabelKind.COLON and not c.long and not c.lower)
        lower = Counter(c.label for c in found if c.lower)
        period = Counter(c.label for c in found if c.kind == LabelKind.PERIOD)
        return cls(
            counts=Counter(c.label for c in found),
            otter_headers=n_otter if n_otter > sum(colon.values()) else 0,
            colon_labels=sum(colon.values()),
            caps_labels=sum(1 for k in colon if _is_capitalised(k)),
            mixed_recurring=sum(1 for k, n in colon.items() if n >= 2 and not _is_capitalised(k)),
            recurring_period_labels=sum(1 for n in period.values() if n >= 2),
            period_labels=len(period),
            recurring_single_caps=sum(
                1 for k, n in colon.items() if n >= 2 and _is_capitalised(k) and len(k.split()) == 1
            ),
            lower_recurring=sum(1 for n in lower.values() if n >= 2),
            surnames=frozenset(  # once per distinct label, not per line that repeats it
                s for k in {c.label for c in found if not c.long and not c.lower} if (s := _surname(k)) is not None
            ),
            flattened=flattened,
        )


def is_cue_label(text: str) -> tuple[str, str, str] | None:
    """Whether a subtitle cue (or caption line) opens with a speaker label.

    A cue prefix is judged like a label that recurs in a labelled file: ``MAYOR QUINTERO: We
    agree.``, ``Ana: Hi.`` and ``Q: When?`` are labels; ``Look: we did.`` is not (an emphasis
    word, :data:`~podium.vocabulary.EMPHASIS_WORDS`), nor is a prefix with nothing after it.

    Returns:
        ``(label, text removed as the label, the speech after it)``, or ``None``.
    """
    cand = _candidate(text) if text.strip() else None
    if cand is None or cand.kind not in (LabelKind.COLON, LabelKind.Q) or not cand.rest.strip():
        return None
    if cand.label.lower() in EMPHASIS_WORDS:
        return None  # "Look: we did.", "Now: the weather"
    if not _accepted(cand, LabelStats(counts=Counter({cand.label: 2}))):
        return None
    return cand.label, cand.removed, cand.rest.strip()


#: Label shapes that are labels wherever they occur.
_ALWAYS_LABELS = frozenset(
    {LabelKind.DASH, LabelKind.Q, LabelKind.Q_BARE, LabelKind.Q_DOT, LabelKind.TIMESTAMPED, LabelKind.CHAT}
)


#: An agenda's or a document's numbered heading is never a speaker ("Item 1:", "Part 2:", "Exhibit 12:").
_NUMBERED_HEADING_RE = re.compile(
    r"(?:agenda\s+)?(?:item|part|step|section|chapter|exhibit|motion|resolution|article|topic|point|slide|"
    r"page|figure|table|appendix|annex|amendment)\s+(?:no\.?\s*)?[\dIVXivx]+[a-z]?\b",
    re.IGNORECASE,
)


def _accepted(c: Candidate, stats: LabelStats) -> bool:
    """Whether candidate ``c`` is a speaker label, given the file's :class:`LabelStats`.

    Rules, in order:

    1. Page-furniture words (:data:`~podium.vocabulary.NOT_LABELS`: ``NOTE:``, ``DATE:``) and
       numbered headings (``Item 1:``, ``Exhibit 12:``) never are.
    2. Otter ``Name  0:03`` headers are labels only in a file with 3 or more of them that
       outnumber ``NAME:`` labels.
    3. A :attr:`~Candidate.long` label is one as :func:`_long_label_ok` says (not in a one-line
       scrape). ``- `` lines, ``Q``/``A`` forms, timestamped and chat labels always are.
    4. In a one-line scrape, a label must recur or be a title and a name (``GEN. MILLEY:``).
    5. A period label (``Mr. SMITH.``) recurs, stands alone on its line, or sits in a file with two
       or more recurring period labels (or one, among three or more period labels).
    6. A ``NAME:`` label that recurs is one (unless a URL follows it). Seen once, it is one when it
       is alone on its line, a role word, has a parenthetical or a title and a name, or is two or
       more capitalised words; one capitalised word seen once is a label in a short excerpt of
       such labels (6 or fewer), or among two or more recurring one-word labels when a sentence
       follows and it is no emphasis word; a mixed-case name seen once is one in a file whose
       other mixed-case labels recur, when a sentence follows. One word seen once that is the surname of another label
       (``MURPHY:`` after ``SEN. CHRIS MURPHY (D-CT):``) is one when a sentence follows.
    7. A lowercase label (``host:``) is one in a file with two or more recurring lowercase labels,
       when it recurs or a sentence follows.
    """
    counts = stats.counts
    flattened = stats.flattened
    label = c.label
    upper = label.upper().rstrip(".")
    if upper in NOT_LABELS or upper.split(" (")[0] in NOT_LABELS or _NUMBERED_HEADING_RE.match(label):
        return False
    if c.kind == LabelKind.OTTER:
        return stats.otter_headers >= 3  # "Name  0:03" header lines: only in a file full of them
    if c.long:
        return not flattened and _long_label_ok(c, stats)
    if c.kind in _ALWAYS_LABELS:
        return True
    if flattened:
        # a label must recur, unless it is a title and a name ("GEN. MILLEY (via video)")
        words = re.sub(r"\([^)]*\)", "", label).split()
        return counts[label] >= 2 or (len(words) > 1 and words[0].rstrip(".").upper() in TITLES)
    if c.kind == LabelKind.PERIOD:
        # seen once, a period label is a label in a file of recurring period labels
        # (``Mr.  PEMBROKE. I yield.``, ``MS. ODUYA (reading). Into the record.``)
        # or in a short excerpt of three or more of them, one recurring
        return (
            counts[label] >= 2
            or not c.rest
            or stats.recurring_period_labels >= 2
            or (stats.recurring_period_labels >= 1 and stats.period_labels >= 3)
        )
    if c.rest.startswith("//"):
        return False  # "Speedy Trial proposal: https://..." style link captions
    if c.lower:
        # "host:", "caller 2:": only in a file of two or more recurring lowercase labels, and
        # seen once only before a sentence ("note: the vote" stays prose)
        return (
            stats.lower_recurring >= 2
            and label not in EMPHASIS_WORDS
            and (counts[label] >= 2 or not c.rest.lstrip()[:1].islower())
        )
    if counts[label] >= 2:
        return True
    # A label seen once is prose more often than not ("Look: we balanced...", "First Item: the
    # President...", "REMEMBER: we created..."). Accept it when it is alone on its line (the
    # speech below it), a role word, a name with a title or a parenthetical ("Ms. Garcia",
    # "Dr. Brown (via video)"), in a transcript whose other labels are written the same way and
    # recur (mixed-case names, or capitals), or in a short excerpt where every label is new.
    words = re.sub(r"\([^)]*\)", "", label).split()
    if not c.rest or upper in ROLE_WORDS or "(" in label:
        return True
    if words and words[0].rstrip(".").upper() in TITLES and len(words) > 1:
        return True
    if len(words) == 1 and upper in stats.surnames and not c.rest.lstrip()[:1].islower():
        return True  # "MURPHY:" after "SEN. CHRIS MURPHY (D-CT):", "Jones:" after "CHAIRMAN JONES:"
    if _is_capitalised(label):
        if len(words) > 1:
            return True  # "ANTONY BLINKEN", "SENIOR STATE DEPARTMENT OFFICIAL"
        # one capitalised word seen once: a speaker in a short excerpt of such labels
        # (HOLT: / TRUMP: / CLINTON:), emphasis in a long transcript ("REMEMBER: ...")
        if stats.colon_labels <= 6 and stats.caps_labels >= 2:
            return True
        # a short name among recurring one-word labels (JO: among ANA: and BEN:), when what
        # follows starts a sentence; "REMEMBER: we created" and "SO: what" stay prose
        return (
            stats.recurring_single_caps >= 2
            and bool(re.match(r"[^\W_]|[\"'(]", c.rest.lstrip()))
            and not c.rest.lstrip()[:1].islower()
            and label.lower() not in EMPHASIS_WORDS
        )
    # a mixed-case name seen once (before any ", role": "Jane Doe, Director of the Budget Office"),
    # when a sentence follows ("Point taken: we agree" stays prose)
    return (
        stats.mixed_recurring >= 1
        and len(re.sub(r"\([^)]*\)", "", label).split(",")[0].split()) <= 4
        and not c.rest.lstrip()[:1].islower()
    )


def _long_label_ok(c: Candidate, stats: LabelStats) -> bool:
    """Whether a :attr:`~Candidate.long` ``NAME:`` label (every word a capitalised name word or a
    particle, but more than 8 words or 100 characters) is a speaker label: when the file's other
    ``NAME:`` labels are written the same way (capitals among two or more capitalised label lines,
    or mixed case among recurring mixed-case labels) and the speech after it is not itself in
    capitals, so it cannot be a shouted sentence ("WE HAVE THREE GOALS ... :"). After a time
    (``[00:01:02] THE HONORABLE ...:``) only the last condition applies."""
    letters = [ch for ch in c.rest if ch.isalpha()]
    if letters and _is_capitalised(c.rest) and not all(_caseless(ch) for ch in letters):
        return False
    if c.kind in _ALWAYS_LABELS:
        return True  # after a time ("[00:01:02] THE HONORABLE ... :")
    if _is_capitalised(c.label):
        return stats.colon_labels >= 2 and stats.caps_labels >= 1
    return stats.mixed_recurring >= 1


@dataclass
class Prepared:
    """Labelled text made ready for finding labels (the output of :func:`prepare_text`).

    Attributes:
        lines: the body's lines, front matter, markdown and court line numbers removed.
        metadata: front matter, if any.
        removed: structural text taken out (front-matter fences, tags, line numbers).
        title: the front matter's title, if any.
        flattened: the body was a one-line scrape whose labels were put on lines of their own.
        markdown: the text is markdown (asked for, or it has front matter).
        opening: the body's first line of text as it was before a one-line scrape was split.
    """

    lines: list[str]
    metadata: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    title: str = ""
    flattened: bool = False
    markdown: bool = False
    opening: str = ""


def _unwrap_labels(body: str, removed: list[str]) -> str:
    """Take the formatting off labels at line starts: inline HTML tags (``<b>NAME:</b> text`` ->
    ``NAME: text``), markdown emphasis (``**NAME:**``, ``*Name*:``) and BBCode (``[b]NAME:[/b]``),
    adding the marks to ``removed``. Formatting around text with no colon is left alone, and so
    is any other markup (``<script>`` is never a label)."""

    def unwrap(m: re.Match) -> str:
        if not (m.group(5) or m.group(7)):
            return m.group(0)
        removed.extend([m.group(2), m.group(6)])
        return f"{m.group(1)}{m.group(4)}: "

    if "<" in body:
        body = _HTML_LABEL_RE.sub(unwrap, body)
    if "*" in body or "_" in body:
        body = _EMPHASIS_LABEL_RE.sub(unwrap, body)
    if "[" in body:
        body = _BBCODE_LABEL_RE.sub(unwrap, body)
    return body


_CLOCK_LINE_RE = re.compile(r"\s*[\[(]?" + _TS + r"[\])]?\s*")
_HEADER_NAME_RE = re.compile(r"[^\W\d_][\w.'\-]*,?(?: [\w.'\-()]+,?){0,4}")


def _clock_lines(lines: list[str]) -> list[int]:
    """Indexes of the lines that are only a clock ("00:00:05", "[1:02:03]")."""
    return [
        i
        for i, line in enumerate(lines)
        if (line.rstrip()[-1:].isdigit() or line.rstrip()[-1:] in ")]") and _CLOCK_LINE_RE.fullmatch(line)
    ]


def _join_name_clock_lines(lines: list[str]) -> list[str]:
    """A name on a line of its own, then a clock on the next ("Host" / "00:00:05" / speech): the
    two lines are one Otter-style header ("Host  00:00:05"), judged as such (three or more)."""
    clocks = _clock_lines(lines)
    if len(clocks) < 3:
        return lines
    joined = set()
    for i in clocks:
        name = lines[i - 1].strip() if i else ""
        if (
            name
            and (i < 2 or not lines[i - 2].strip())
            and _HEADER_NAME_RE.fullmatch(name)
            and name[0].isupper()
            and not name.endswith((".", "?", "!", ","))
        ):
            joined.add(i)
    if len(joined) < 3:
        return lines
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in joined:
            out[-1] = f"{out[-1].rstrip()}  {line.strip()}"
        else:
            out.append(line)
    return out


def prepare_text(text: str, *, markdown: bool = False) -> Prepared:
    """Step 1: split off YAML front matter, take formatting off labels (``<b>NAME:</b>``,
    ``**NAME:**``, ``[b]NAME:[/b]``) in text that is not markdown, put the labels of a one-line
    scrape on their own lines, strip markdown (liquid tags, inline HTML, bold around labels,
    escapes) when ``markdown`` or front matter says so, and remove court-reporter line and page
    numbers.

    A body is a one-line scrape ("flattened") when it is over 3,000 characters on at most 5
    lines, fewer than 2 of them start with a label, and labels are found inside its text (one
    label opening one long line is an ordinary labelled text).
    """
    removed: list[str] = []
    metadata: list[str] = []
    front, title, body = _front_matter(text)
    if front:
        metadata.append(front.strip())
        removed.extend(["---", "---"])
        markdown = True
    if not markdown:
        body = _unwrap_labels(body, removed)
    lines_all = body.split("\n")
    flattened = (
        sum(bool(ln.strip()) for ln in lines_all) <= 5
        and (len(body) > 3000 or _recurring_inner_labels(body))
        and sum(1 for ln in lines_all if _candidate(ln) is not None) < 2  # long lines that start with labels are fine
    )
    opening = next((ln.strip() for ln in lines_all if ln.strip()), "")
    if flattened:
        unflattened = _unflatten(body)
        flattened = unflattened != body  # one label on one long line: no label inside the text
        body = unflattened
    if markdown:
        liquid = _LIQUID_RE.findall(body)
        removed.extend(liquid)
        body = _LIQUID_RE.sub(" ", body)
        removed.extend(_HTML_TAG_RE.findall(body))
        body = _HTML_TAG_RE.sub(" ", body)
        body = "\n".join(_BOLD_LABEL_RE.sub(r"\1\2\3\4", ln) for ln in body.split("\n"))
        body = _BOLD_RE.sub(r"\1", body)
        body = _MD_ESCAPE_RE.sub(r"\1", body)
    lines = _join_name_clock_lines(_strip_line_numbers(body.split("\n"), removed))
    cover = _cover_page_end(lines)
    if cover:
        metadata.extend(line.strip() for line in lines[:cover] if line.strip())
        lines = lines[cover:]
    return Prepared(lines, metadata, removed, title, flattened, markdown, opening)


_PROCEEDINGS_RE = re.compile(r"^\s*P\s?R\s?O\s?C\s?E\s?E\s?D\s?I\s?N\s?G\s?S\s*:?\s*$")


def _cover_page_end(lines: list[str]) -> int:
    """Index after a court transcript's cover page: the line ``PROCEEDINGS`` (or
    ``P R O C E E D I N G S``) in the first 40% of the text ends the case caption, appearances
    and contents, which are not speech (``ACME HOLDINGS, ET AL.,   :`` is not a speaker).
    0 when there is no such line."""
    limit = max(1, int(0.4 * len(lines)))
    for i, line in enumerate(lines[:limit]):
        if _PROCEEDINGS_RE.match(line):
            return i + 1
    return 0


_UNSEEN = object()


def find_candidates(lines: list[str]) -> list[Candidate | None]:
    """Step 2: the label each line starts with, if it starts like one (``None`` otherwise).

    Shapes that are labels only in context are dropped here: ``- `` lines that are items of a
    list (see :func:`_drop_list_items`), a bare ``Q`` that does not start a paragraph ("Q
    Street" on a wrapped line), ``Q.``/``A.`` unless the file has both (a deposition), and an
    Otter ``Name  0:03`` header without its speech on the next line.
    """
    # a line that recurs (a cue's "MODERATOR:", a chorus of "Thank you.") is read once; candidates
    # are never changed after they are made, so equal lines share one
    seen: dict[str, Candidate | None] = {}
    candidates = []
    for line in lines:
        cand = seen.get(line, _UNSEEN)
        if cand is _UNSEEN:
            cand = seen[line] = _candidate(line)
        candidates.append(cand)
    _drop_list_items(lines, candidates)
    starts = set(_paragraph_starts(lines))
    dotted = Counter(c.label for c in candidates if c is not None and c.kind == LabelKind.Q_DOT)
    last_text = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    for i, cand in enumerate(candidates):
        if cand is None:
            continue
        if (
            (cand.kind == LabelKind.Q_BARE and i not in starts)
            or (cand.kind == LabelKind.Q_DOT and min(dotted["Q"], dotted["A"]) == 0)
            or (cand.kind == LabelKind.OTTER and i < last_text and not lines[i + 1].strip())
        ):
            candidates[i] = None
    return candidates


def decide_labels(candidates: list[Candidate | None], stats: LabelStats) -> list[Candidate | None]:
    """Step 3: keep the candidates that are speaker labels, judged with the file-wide
    :class:`LabelStats` (see :func:`_accepted` for the rules); the others become ``None``."""
    return [c if c is not None and _accepted(c, stats) else None for c in candidates]


def is_double_spaced(lines: list[str]) -> bool:
    """Whether the text is a court reporter's double-spaced layout: 20 lines of text or more,
    and at least 80% of them followed by a blank line. There a blank line is not a paragraph
    break; a paragraph starts with a deeper indent instead."""
    text_lines = [i for i, line in enumerate(lines) if line.strip()]
    followed_by_blank = sum(1 for i in text_lines if i + 1 < len(lines) and not lines[i + 1].strip())
    return len(text_lines) >= 20 and followed_by_blank >= 0.8 * len(text_lines)


@dataclass
class Split:
    """Blocks and the text around them (the output of :func:`split_blocks`)."""

    blocks: list[Block]
    metadata: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    examiners: list[str] = field(default_factory=list)  # lawyers whose "Q." lines were named after them


# A court reporter's note that a witness was sworn: "THERESA ANN VANCE-WHITAKER, called as a witness
# by the Government, having been duly sworn, testified as follows:" (over one to four lines).
_SWORN_RE = re.compile(
    r"(?P<name>[A-Z][A-Z.'\- ]{2,60}?),?\s+(?:(?:was\s+)?called as a witness|a witness (?:called|produced)|"
    r"having been (?:first )?(?:duly )?sworn)[^:]{0,300}?(?:testified|was examined|deposed|examined and testified)"
    r"(?: and testified)?\s+as follows\s*:?"
)


_SWORN_START_RE = re.compile(r"[A-Z][A-Z.'\- ]{2,60},")
# A new witness, or the witness leaving: the "A." lines after it are no longer the sworn one's.
_WITNESS_CHANGE_RE = re.compile(r"\((?:the )?witness (?:sworn|excused|steps? down|stepped down|withdr)", re.IGNORECASE)
_HEADING_EXAMINER_RE = re.compile(
    r"EXAMINATION BY (?P<name>(?:MR|MRS|MS|MISS|DR)\.? [A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){0,2}):?$"
)


def _heading_examiner(heading: str, examiner: str) -> str:
    """The lawyer an examination heading names ("CROSS-EXAMINATION BY MR. GRANT:"), or ``examiner``
    unchanged when it names none."""
    m = _HEADING_EXAMINER_RE.search(heading)
    return m.group("name") if m else examiner


def _sworn_witnesses(lines: list[str]) -> dict[int, str]:
    """Lines of a court reporter's swearing-in note (see :data:`_SWORN_RE`), one to four lines that
    open with the witness's name in capitals and a comma: ``{line index: witness name on the
    note's first line, "" on its other lines}``."""
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        if not _SWORN_START_RE.match(line.lstrip()):
            continue
        joined = ""
        for j in range(i, min(i + 4, len(lines))):
            if not lines[j].strip():
                break
            joined = f"{joined} {lines[j].strip()}".strip()
            m = _SWORN_RE.fullmatch(joined)
            if m:
                out.update(dict.fromkeys(range(i, j + 1), ""))
                out[i] = re.sub(r"\s+", " ", m.group("name")).strip()
                break
    return out


def split_blocks(lines: list[str], labels: list[Candidate | None], *, markdown: bool = False) -> Split:
    """Step 4: cut the lines into speaker blocks at the labels.

    Lines before the first label are metadata (markdown headings lose their ``#``). After it,
    unlabelled lines continue the block: a blank line starts a new paragraph (in a
    :func:`double-spaced <is_double_spaced>` layout, a deeper indent does); a clock on the line
    after a label alone gives the block its start; a line that is only a bracketed clock
    (``[16:10:15]``, a broadcast's wall-clock mark) is not speech; markdown headings are metadata. A closing
    time line, a copyright notice or a separator line at the end ("6:17 P.M. EDT", "END",
    "Copyright © 2021 ... All rights reserved.", "----") is metadata. Blocks whose label has no
    time keep ``start_s=None``; :func:`podium.parse.fill_missing_starts` decides what to do with them.
    """
    removed: list[str] = []
    metadata: list[str] = []
    double_spaced = is_double_spaced(lines)
    blocks: list[Block] = []
    pending_break = False
    awaiting_time = False
    previous_indent = 0
    sworn = _sworn_witnesses(lines) if any(c is not None and c.kind == LabelKind.Q_DOT for c in labels) else {}
    examiner = witness = ""  # who asks the "Q." lines and who answers the "A." lines, from here on
    examiners: list[str] = []
    for i, (line, cand) in enumerate(zip(lines, labels, strict=True)):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if i in sworn:
            witness = sworn[i] or witness
            if stripped:
                removed.append(stripped)  # "JANE DOE, called as a witness ..., testified as follows:"
            continue
        if cand is not None and not cand.rest.strip() and _FURNITURE_LINE_RE.fullmatch(stripped):
            removed.append(stripped)  # "REDIRECT EXAMINATION BY MR. HARRIS:": a heading, not a label
            examiner = _heading_examiner(stripped, examiner)
            continue
        if cand is not None and not cand.rest.strip() and _EXAMINER_RE.fullmatch(cand.label):
            removed.append(stripped)  # "BY MR. HARRIS:": the court record's examination marker
            examiner = cand.label[3:].strip()
            continue
        if cand is not None:
            rest = cand.rest.strip()
            label = cand.label
            if cand.kind == LabelKind.Q_DOT and label == "Q" and examiner:
                label = f"Q ({examiner})"  # the examining lawyer's question
                if examiner not in examiners:
                    examiners.append(examiner)
            elif cand.kind == LabelKind.Q_DOT and label == "A" and witness:
                label = f"A ({witness})"  # the sworn witness's answer
            blocks.append(Block(label, [rest] if rest else [], start_s=cand.start))
            removed.append(cand.removed)
            pending_break = False
            awaiting_time = not rest and cand.start is None
            previous_indent = indent
            continue
        if not blocks:
            if markdown and _HEADING_RE.match(stripped):
                stripped = stripped.lstrip("#").strip()
            metadata.append(stripped)
            continue
        if not stripped:
            pending_break = not double_spaced
            continue
        if double_spaced:
            pending_break = indent >= previous_indent + 4
            previous_indent = indent
        if awaiting_time and parse_clock(stripped) is not None:
            blocks[-1].start_s = parse_clock(stripped)  # "<cite>Travis:</cite><time>0:00</time>" layouts
            removed.append(stripped)
            awaiting_time = False
            continue
        if _FURNITURE_LINE_RE.fullmatch(stripped):
            removed.append(stripped)  # an examination heading, a hearing's heading, a filing's page header
            examiner = _heading_examiner(stripped, examiner)
            pending_break = True
            continue
        if witness and _WITNESS_CHANGE_RE.search(stripped):
            witness = ""  # "(Witness excused.)", "(Witness sworn.)": the next answers are not hers
        bracketed = _BRACKET_TS_RE.match(stripped)
        if bracketed and not bracketed.group("after"):
            removed.append(stripped)  # a broadcast's wall-clock mark between turns ("[16:10:15]"): not speech
            if awaiting_time:
                blocks[-1].start_s = parse_clock(_clock_group(bracketed))
                awaiting_time = False
            continue
        if bracketed and pending_break:
            # a paragraph of the turn opening with its time (Descript: "[00:00:09] My guest is ..."):
            # the time is no word of the speech
            removed.append(stripped[: bracketed.start("after")].strip())
            stripped = bracketed.group("after").strip()
        awaiting_time = False
        if markdown and _HEADING_RE.match(stripped):
            metadata.append(stripped.lstrip("#").strip())
            pending_break = True
            continue
        paragraphs = blocks[-1].paragraphs
        if paragraphs and not pending_break:
            paragraphs[-1] = f"{paragraphs[-1]} {stripped}"
        else:
            paragraphs.append(stripped)
        pending_break = False

    trailer: list[str] = []
    # a separator line near the end, then a short note ("---" / "Este documento es una versión
    # estenográfica."): the note is back matter as the separator is
    last = blocks[-1].paragraphs if blocks else []
    cut = next((j for j in range(len(last) - 1, -1, -1) if _SEPARATOR_RE.fullmatch(last[j])), None)
    if cut is not None and cut > 0 and len(last) - cut <= 4 and sum(len(p.split()) for p in last[cut:]) <= 100:
        trailer = last[cut:]
        del last[cut:]
    while (
        blocks
        and blocks[-1].paragraphs
        and (_CLOSING_RE.match(blocks[-1].paragraphs[-1]) or _BACK_MATTER_RE.search(blocks[-1].paragraphs[-1]))
    ):
        trailer.insert(0, blocks[-1].paragraphs.pop())
    metadata.extend(trailer)
    return Split(blocks, metadata, removed, examiners)


def name_layout(labels: list[Candidate | None], *, flattened: bool = False) -> tuple[Layout, list[str]]:
    """Step 5: name the layout from the kinds of labels found, with notices for the reader.

    A one-line scrape is :attr:`Layout.FLATTENED`; a file whose most common labels are chat
    lines is :attr:`Layout.CHAT` (with a notice that times are when messages were sent), one of
    period labels :attr:`Layout.CONGRESSIONAL`; Otter headers or timestamped labels make
    :attr:`Layout.TIMESTAMPED`; anything else is :attr:`Layout.LABELLED`.
    """
    kinds = Counter(c.kind for c in labels if c is not None)
    if flattened:
        layout = Layout.FLATTENED
    elif kinds.get(LabelKind.OTTER) or kinds.get(LabelKind.TIMESTAMPED):
        layout = Layout.TIMESTAMPED
    else:
        layout = Layout.LABELLED
    if kinds.get(LabelKind.PERIOD) and kinds[LabelKind.PERIOD] >= max(kinds.values()):
        layout = Layout.CONGRESSIONAL
    notices = []
    if kinds.get(LabelKind.CHAT) and kinds[LabelKind.CHAT] >= max(kinds.values()):
        layout = Layout.CHAT
        notices.append(
            "Every line starts with a clock time, then a name (a chat log, or a transcript timed line by "
            "line): each line starts at its time and counts as at most one second per word of talk time."
        )
    if flattened:
        notices.append(
            "This file has no line breaks; speaker labels were found inside the running text, so check turn boundaries."
        )
    return layout, notices


def _keep_opening_label(prepared: Prepared, candidates: list[Candidate | None], labels: list[Candidate | None]) -> None:
    """In a one-line scrape, a label must recur to be taken (labels are found inside running text);
    but a label that opens the file's first line was at a line start in the file itself, so it is
    judged as in any labelled text ("MODERATOR: Good evening. ... TRUMP: ... BIDEN: ...")."""
    first = next((i for i, line in enumerate(prepared.lines) if line.strip()), None)
    if first is None or labels[first] is not None or candidates[first] is None:
        return
    line = prepared.lines[first].strip()
    if prepared.opening.startswith(line[:200]) and _accepted(candidates[first], LabelStats.of(candidates)):
        labels[first] = candidates[first]


def _shown(label: str, limit: int = 40) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "\u2026"


def long_label_notices(candidates: list[Candidate | None], labels: list[Candidate | None]) -> list[str]:
    """Sentences about :attr:`~Candidate.long` labels: those read as speakers (the name is kept in
    full; check it), and those that were not, whose line stays in the turn before it.

    ``candidates`` and ``labels`` are the outputs of :func:`find_candidates` and
    :func:`decide_labels` for the same lines. A long label before the first label is page text,
    which the parser's page-text notice reports, so it is not listed here.
    """
    taken = [c for c in labels if c is not None and c.long]
    first = next((i for i, c in enumerate(labels) if c is not None), len(labels))
    missed = [
        c for i, (c, k) in enumerate(zip(candidates, labels, strict=True)) if c and c.long and not k and i > first
    ]
    notices = []
    if taken:
        longest, n = max(taken, key=lambda c: len(c.label)), len(taken)
        notices.append(
            f"{n} label{'s' if n != 1 else ''} longer than {MAX_LABEL_WORDS} words or {MAX_LABEL_CHARS} characters "
            f"({_shown(longest.label)}, {len(longest.label):,} characters) {'were' if n != 1 else 'was'} read as "
            "a speaker's name, kept in full; check it on the Speakers page."
        )
    if missed:
        longest, n = max(missed, key=lambda c: len(c.label)), len(missed)
        notices.append(
            f"{n} line{'s' if n != 1 else ''} {'open' if n != 1 else 'opens'} like a speaker label longer than "
            f"{MAX_LABEL_WORDS} words or {MAX_LABEL_CHARS} characters ({_shown(longest.label)}) but "
            f"{'were' if n != 1 else 'was'} not read as one: kept in the turn before, so check the labels there."
        )
    return notices


#: A line that opens like ``X: text`` with up to four words before the colon (label-shaped).
_SENTENCE_END_RE = re.compile(r"[.?!\"')\]\u201d]\s*$")
_LABEL_SHAPE_RE = re.compile(r"^\s*(?P<label>[^\s:][^:\n]{0,60}?)\s*:\s+\S")


def unread_label_notices(lines: list[str], labels: list[Candidate | None]) -> list[str]:
    """A sentence about lines after the first label that open like a speaker label (``=cmd|:``,
    ``2024:``, ``@JOURNALIST_99:``: up to four words before a colon, none starting in lowercase,
    no page-furniture word) at a paragraph start or after a line that ends a sentence, but were
    not read as one, so their words stay in the turn before.
    Nothing is said when fewer than two labels were read (the file is not a labelled transcript).

    ``labels`` is the output of :func:`decide_labels` for ``lines``. Returns zero or one sentence.
    """
    first = next((i for i, c in enumerate(labels) if c is not None), None)
    if first is None or all(c is None for c in labels[first + 1 :]):
        return []
    missed = []
    starts: set[int] | None = None  # paragraph starts, found when a line first needs them
    for i in range(first + 1, len(lines)):
        line = lines[i]
        if labels[i] is not None or ":" not in line:
            continue
        m = _LABEL_SHAPE_RE.match(line)
        if not m or _BACK_MATTER_RE.search(line.strip()):
            continue  # "Copyright 2025. Contact: ..." is back matter, not left in a turn
        if starts is None:  # in a court reporter's double-spaced layout every line follows a blank one
            starts = set() if is_double_spaced(lines) else set(_paragraph_starts(lines))
        if i not in starts:
            j = i - 1
            while j > first and not lines[j].strip():
                j -= 1
            if not _SENTENCE_END_RE.search(lines[j]):
                continue  # a line of a wrapped paragraph ("... Senate Resolution:  Resolved that")
        label = m.group("label").strip()
        words = label.split()
        if (
            len(words) <= 4
            and not any(w[:1].islower() for w in words)
            and label.upper().rstrip(".") not in NOT_LABELS
            and label.lower() not in EMPHASIS_WORDS
            and not re.search(r"\d:\d|^https?$", label)
        ):
            missed.append(label)
    if not missed:
        return []
    n, shown = len(missed), ", ".join(f"{_shown(x, 30)}:" for x in list(dict.fromkeys(missed))[:3])
    return [
        f"{n} line{'s' if n != 1 else ''} {'open' if n != 1 else 'opens'} like a speaker label ({shown}) but "
        f"{'were' if n != 1 else 'was'} not read as one: {'their' if n != 1 else 'its'} words are counted in "
        "the turn before, so check them there."
    ]


#: A line longer than this is looked at as a passage scraped without line breaks: labels in capitals
#: that recur inside it after a sentence's end start turns there, as in a one-line scrape.
_SCRAPED_LINE_CHARS = 3000


def split_inline_labels(
    lines: list[str], labels: list[Candidate | None]
) -> tuple[list[str], list[Candidate | None]]:
    """Step 3b: a recurring label in capitals inside a line, after a sentence's end, starts a turn
    ("MAYOR LEE: ... I am proud of our record. MODERATOR: Thank you." — a line break lost in
    copying): the line is cut there and the new line gets that label.

    Only labels already taken at least twice at a line's start, written in capitals, are looked
    for (``Q:``, ``A:`` and the like too, when they open three lines or more: "Q: Why? A: Because."),
    and only on lines holding ``": "``; on a line over :data:`_SCRAPED_LINE_CHARS` characters
    (a passage scraped without line breaks), also the labels in capitals that recur inside it. The
    words are all kept (the label's own text goes to ``Candidate.removed``). Returns the lines and
    labels unchanged when there is nothing to cut.
    """
    counts = Counter(c.label for c in labels if c is not None and c.kind == LabelKind.COLON)
    known = {
        k for k, n in counts.items() if n >= 2 and len(k) >= 2 and k.upper() == k and any(ch.isalpha() for ch in k)
    }
    # "Q:" / "A:" (a magazine's Q&A: "Q: Why? A: Because."), when such labels open three lines or more
    asked = Counter(c.label for c in labels if c is not None and c.kind == LabelKind.Q)
    q_labels = set(asked) if asked.total() >= 3 else set()
    known |= q_labels
    long_lines = [line for line in lines if len(line) > _SCRAPED_LINE_CHARS]
    if not (known or long_lines) or not any(": " in line for line in lines):
        return lines, labels

    def pattern(names: set[str]) -> re.Pattern:
        alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        return re.compile(r"(?<=[.?!\u2026\"\u201d)\]])[ \t]+(" + alternatives + r"):[ \t]+(?=\S)")

    inline = pattern(known) if known else None
    out_lines: list[str] = []
    out_labels: list[Candidate | None] = []
    for line, cand in zip(lines, labels, strict=True):
        text = cand.rest if cand is not None else line  # a label line's speech is its candidate's rest
        here = inline
        if len(line) > _SCRAPED_LINE_CHARS:  # a scraped passage without line breaks inside a file that has them
            scraped = Counter(n for n in _INNER_LABEL_RE.findall(text) if n not in NOT_LABELS)
            local = {n for n, k in scraped.items() if k >= 2}
            if local - known:
                here = pattern(known | local)
        m = here.search(text) if here is not None and ": " in text else None
        if m is None:
            out_lines.append(line)
            out_labels.append(cand)
            continue
        cuts = [m]
        while (m := here.search(text, m.end())) is not None:
            cuts.append(m)
        first = text[: cuts[0].start()]
        if cand is not None:
            out_lines.append(line[: len(line) - len(text)] + first if line.endswith(text) else line)
            out_labels.append(replace(cand, rest=first.rstrip()))
        else:
            out_lines.append(first)
            out_labels.append(None)
        for k, cut in enumerate(cuts):
            rest = text[cut.end() : cuts[k + 1].start() if k + 1 < len(cuts) else len(text)].strip()
            out_lines.append(f"{cut.group(1)}: {rest}")
            kind = LabelKind.Q if cut.group(1) in q_labels else LabelKind.COLON
            out_labels.append(Candidate(cut.group(1), rest, None, kind, f"{cut.group(1)}:"))
    return out_lines, out_labels


_NAME_WORD = r"(?:[^\W\d_][\w'.\-]*|of|the|and|for|de|du|van|von|la|le|\([^()]{1,60}\))"
_NAME_ALONE_RE = re.compile(rf"[^\W\d_a-z][\w'.\-]*(?: {_NAME_WORD}){{0,9}}")


def _name_line_layout(lines: list[str]) -> list[str] | None:
    """Text with no labels whose paragraphs open with a name on a line of its own, speech on the
    next line (Hansard online: "Mrs Kemi Badenoch (North West Essex) (Con)" / "Will the Prime
    Minister confirm the figure?"). When three or more paragraphs open so, and two or more of
    those names recur or (Hansard) two or more carry a party or are the House's own speakers and
    three have a title or a parenthetical, the names get a colon and are read as labels by the
    usual rules. Returns the rewritten lines, or ``None`` when the text is not laid out so."""
    found: list[int] = []
    for i, line in enumerate(lines):
        name = line.strip()
        if (
            name
            and (i == 0 or not lines[i - 1].strip())
            and i + 1 < len(lines)
            and lines[i + 1].strip()
            and len(name) <= MAX_LABEL_CHARS
            and not name.endswith((":", ",", ";", "?", "!"))
            and _NAME_ALONE_RE.fullmatch(name)
            and all(w[0].isupper() or w in _ROLE_SMALL_WORDS for w in re.sub(r"\([^()]*\)", " ", name).split())
        ):
            found.append(i)
    counts = Counter(lines[i].strip() for i in found)
    recurring = {n for n, k in counts.items() if k >= 2}
    titled = {n for n in counts if _titled_name(n)}
    hansard = sum(counts[n] for n in counts if _HANSARD_NAME_RE.search(n))
    if len(found) < 3 or (len(recurring) < 2 and (hansard < 2 or sum(counts[n] for n in titled) < 3)):
        return None  # subheads over news prose ("Senate Majority Leader John Thune (R-SD)") are not names
    out = list(lines)
    for i in found:
        if lines[i].strip() in recurring or lines[i].strip() in titled:
            out[i] = f"{lines[i].strip()}:"
    return out


# An earnings call's name line (The Motley Fool): "Tim Cook -- Chief Executive Officer", "Erik
# Woodring -- Morgan Stanley -- Analyst"; the separator is two hyphens or a dash between spaces.
_NAME_ROLE_LINE_RE = re.compile(
    rf"(?P<name>[^\W\d_a-z][\w'.\-]*(?: {_NAME_WORD}){{0,5}}) (?:--|\u2014|\u2013) (?P<role>[^\n]{{2,120}})"
)
#: The conference-call operator's name line in the same layout.
_OPERATOR_LINES = frozenset({"Operator", "OPERATOR"})
# The same page's section headings, and the closing list of participants (with the call's length)
# that ends the transcript: page text, not speech.
_CALL_HEADING_RE = re.compile(r"(?:Prepared [Rr]emarks|Questions (?:&|and) [Aa]nswers|Contents)\s*:?", re.IGNORECASE)
_CALL_END_RE = re.compile(r"(?:Call [Pp]articipants|Duration)\s*:.*")


def _name_role_layout(lines: list[str], removed: list[str], metadata: list[str]) -> list[str] | None:
    """An earnings-call transcript as The Motley Fool prints it: each turn opens with a paragraph
    that is only the speaker's name and role ("Tim Cook -- Chief Executive Officer", "Erik Woodring
    -- Morgan Stanley -- Analyst", or "Operator"), the speech in the paragraphs below. When three or
    more paragraphs are such name lines and a name recurs, each becomes a label of the name alone
    ("Tim Cook:"; the role, "-- Chief Executive Officer", is structure, added to ``removed``) and is
    read by the usual rules. Section headings ("Prepared Remarks:", "Questions & Answers:") are
    structure (``removed``); from "Duration: 57 minutes" or "Call participants:" on, the page's
    closing list of participants is page text (``metadata``). Returns the rewritten lines, or
    ``None`` when the text is not laid out so."""
    found: dict[int, str] = {}
    for i, line in enumerate(lines):
        if line[:1].isspace():
            line = line.strip()
        if not line or (i and lines[i - 1].strip()) or len(line) > 2 * MAX_LABEL_CHARS:
            continue
        if line in _OPERATOR_LINES:
            found[i] = line
            continue
        m = _NAME_ROLE_LINE_RE.fullmatch(line)
        if m and not m.group("role").rstrip().endswith((".", "?", "!", ",", ";", ":")):
            found[i] = m.group("name")
    names = Counter(n for n in found.values() if n not in _OPERATOR_LINES)
    if len(found) < 3 or not any(k >= 2 for k in names.values()):
        return None
    end = next(
        (i for i, ln in enumerate(lines) if _CALL_END_RE.fullmatch(ln.strip()) and sum(j < i for j in found) >= 3),
        len(lines),
    )
    metadata.extend(ln.strip() for ln in lines[end:])  # blank lines kept: its paragraphs stay apart
    out = list(lines[:end])
    for i, line in enumerate(out):
        if i in found:
            role = line.strip()[len(found[i]) :].strip()
            if role:
                removed.append(role)
            out[i] = f"{found[i]}:"
        elif _CALL_HEADING_RE.fullmatch(line.strip()) and (i == 0 or not lines[i - 1].strip()):
            removed.append(line.strip())
            out[i] = ""
    return out


# Seeking Alpha's earnings-call layout: a roster under "Company Participants" / "Conference Call
# Participants" ("Tim Cook - CEO"), then each turn opens with a paragraph that is only a name.
_ROSTER_HEADING_RE = re.compile(
    r"(?:Company|Corporate|Conference Call|Call|Executive|Analyst)s? Participants\s*:?", re.IGNORECASE
)
_ROSTER_LINE_RE = re.compile(rf"(?P<name>[^\W\d_a-z][\w'.\-]*(?: {_NAME_WORD}){{0,5}}) ?(?:--?|\u2014|\u2013) ?\S.*")
_UNIDENTIFIED_LINE_RE = re.compile(
    r"Unidentified (?:Analyst|Company Representative|Participant|Speaker|Corporate Participant)"
)
_SESSION_HEADING_RE = re.compile(
    r"Question-and-Answer Session|Questions? (?:&|and) Answers?(?: Session)?\s*:?", re.IGNORECASE
)


def _roster_layout(lines: list[str], removed: list[str]) -> list[str] | None:
    """An earnings-call transcript as Seeking Alpha prints it: the participants listed under
    "Company Participants" and "Conference Call Participants" ("Tim Cook - CEO"), then each turn
    opening with a paragraph that is only a listed name, "Operator" or "Unidentified Analyst".
    When three or more paragraphs open so, those lines become labels ("Tim Cook:") read by the
    usual rules; the roster stays page text and "Question-and-Answer Session" is structure (added to
    ``removed``). Returns the rewritten lines, or ``None`` when the text is not laid out so."""
    names: set[str] = set()
    for i, line in enumerate(lines):
        if _ROSTER_HEADING_RE.fullmatch(line.strip()):
            for later in lines[i + 1 :]:
                m = _ROSTER_LINE_RE.fullmatch(later.strip())
                if m is None:
                    if later.strip():
                        break
                    continue
                names.add(m.group("name").strip())
    if not names:
        return None
    found = [
        i
        for i, line in enumerate(lines)
        if (i == 0 or not lines[i - 1].strip())
        and i + 1 < len(lines)
        and (
            line.strip() in names or line.strip() in _OPERATOR_LINES or _UNIDENTIFIED_LINE_RE.fullmatch(line.strip())
        )
        and not _ROSTER_LINE_RE.fullmatch(lines[i + 1].strip())
    ]
    if len(found) < 3:
        return None
    out = list(lines)
    for i in found:
        out[i] = f"{lines[i].strip()}:"
    for i in range(found[0], len(lines)):
        if _SESSION_HEADING_RE.fullmatch(lines[i].strip()) and (i == 0 or not lines[i - 1].strip()):
            removed.append(lines[i].strip())
            out[i] = ""
    return out


#: What marks a name line as Hansard's: a party after the constituency ("(Con)", "(Lab)", "(LD)")
#: or one of the House's own speakers.
_HANSARD_NAME_RE = re.compile(
    r"\((?:Con|Lab|LD|SNP|DUP|PC|Green|Reform|Ind|Alliance|SDLP|UUP|SF|Lab/Co-op|Co-op|TUV)\)$"
    r"|^(?:The Prime Minister|Mr Speaker|Madam Speaker|Mr Deputy Speaker|Madam Deputy Speaker|Hon\. Members)\b"
)


def _titled_name(name: str) -> bool:
    """A name line that names a person or an office: it opens with a title ("Mrs Kemi Badenoch",
    "The Prime Minister", "Hon. Members") or carries a parenthetical ("Sir Ed Davey (Kingston and
    Surbiton) (LD)")."""
    words = [w.rstrip(".").upper() for w in re.sub(r"\([^()]*\)", " ", name).split()]
    if "(" in name:
        return True
    if words[0] == "THE":  # "The Prime Minister", "The Speaker"; not "The Budget"
        return len(words) >= 2 and words[1] in TITLES and words[1] != "THE"
    return len(words) >= 2 and words[0] in TITLES


#: A name in square brackets opening a line: "[JOHN] Hello.", "[Ana Ruiz] Hi.", "[DR. LEE]".
BRACKET_TAG_RE = re.compile(r"\[\s*([^\W\d_][\w.'\-]*(?: [\w.'\-]+){0,3})\s*\](?:\s+|$)")
#: Caption tags that are sounds, music or production marks, not people ("[KNOCKING]", "[ON PHONE]",
#: "[BLANK_AUDIO]", "[AD BREAK]"): with the stage directions of :data:`podium.text.STAGE_DIRECTION_RE`.
_SOUND_TAGS = frozenset(
    "ON PHONE|ON TV|ON RADIO|ON SPEAKER|OFF SCREEN|OFFSCREEN|OVER PA|VOICEOVER|VOICE OVER|NARRATOR|SOUND|"
    "BLANK_AUDIO|NO SPEECH|STATIC|CLICK|CLICKS|BEEP|BEEPS|BELL|BELLS|THUNDER|SIREN|SIRENS|GUNSHOT|GUNSHOTS|"
    "GUNFIRE|EXPLOSION|INTRO|OUTRO|AD BREAK|BREAK|END|CREDITS|CHORUS|VERSE|BRIDGE|THEME|JINGLE|SILENCE|"
    "INDISTINCT|INDISTINCT CHATTER|CHATTER|IN SPANISH|IN FRENCH|IN ENGLISH|IN ARABIC|SIC|NAME|REDACTED".split("|")
)
_LONG_ING_RE = re.compile(r"[A-Za-z]{4,}ING\b", re.IGNORECASE)  # KNOCKING, WHISPERING, DOG BARKING


def bracket_speaker_tags(lines: Iterable[str]) -> frozenset[str]:
    """The names a text gives in square brackets at a line's start (``[JOHN] Hello.``, ``[Ana Ruiz]``
    / ``Hi.``), a captioning convention for who speaks.

    A tag (:data:`BRACKET_TAG_RE`, followed by a space or the line's end: "[T]he" is an
    alteration) is a name when it is one to four capitalised words (name particles such as "de"
    allowed), seen at least twice, and not a sound, music or stage tag (``[MUSIC]``,
    ``[APPLAUSE]``, ``[SPEAKING SPANISH]``: :data:`podium.text.STAGE_DIRECTION_RE`; ``[ON
    PHONE]``, ``[AD BREAK]``: :data:`_SOUND_TAGS`; ``[KNOCKING]``: a long word in -ING; a word of
    :data:`~podium.vocabulary.NOT_LABELS`). The text uses the convention only when two or more
    names are tagged, three or more times in all and on at least a quarter of its lines (people
    talking to each other), so SDH captions' occasional "[DOOR SLAMS]" stay speech. Returns the
    names, as written, or an empty set.
    """
    seen: Counter[str] = Counter()
    n_lines = 0
    for line in lines:
        if not line.strip():
            continue
        n_lines += 1
        if line.startswith("[") or line.lstrip().startswith("["):
            m = BRACKET_TAG_RE.match(line.lstrip())
            if m:
                seen[m.group(1)] += 1
    names = {
        tag
        for tag, n in seen.items()
        if n >= 2
        and len(tag) >= 2
        and all(w[0].isupper() or w in NAME_PARTICLES for w in tag.split())
        and not STAGE_DIRECTION_RE.fullmatch(f"[{tag}]")
        and tag.upper().rstrip(".") not in NOT_LABELS
        and tag.upper() not in _SOUND_TAGS
        and not _LONG_ING_RE.search(tag)
    }
    tagged = sum(seen[t] for t in names)
    # people talking open a good share of the lines with their names; sound tags come now and then
    return frozenset(names) if len(names) >= 2 and tagged >= 3 and tagged >= 0.25 * n_lines else frozenset()


# The words a headline written like a label opens with ("The Interview:", "Full transcript:",
# "Exclusive:"): an announcer's one line ("ANNOUNCER: Live from New York") stays a speaker's.
_HEADLINE_LABEL_RE = re.compile(
    r"^The\b|\b(?:interview|transcript|conversation|Q&A|exclusive|analysis|opinion|podcast|episode|watch|read)\b",
    re.IGNORECASE,
)


def _headline_label(lines: list[str], labels: list[Candidate | None]) -> None:
    """A headline written like a label on the text's first line ("The Interview: Mayor Whitlock on
    the stadium deal", "Transcript: ...") is page text, not a speaker: when that label reads like a
    headline's (:data:`_HEADLINE_LABEL_RE`), is seen only there, what follows it is not a sentence
    (no closing punctuation, at most 20 words) and the text has two or more other labels that
    recur. ``labels`` is changed in place."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    cand = labels[first] if first is not None else None
    if cand is None or cand.kind != LabelKind.COLON:
        return
    counts = Counter(c.label for c in labels if c is not None)
    rest = cand.rest.strip()
    if (
        _HEADLINE_LABEL_RE.search(cand.label)
        and counts[cand.label] == 1
        and rest
        and not rest.endswith((".", "?", "!", "\u2026", '"', "\u201d", "'", ")"))
        and len(rest.split()) <= 20
        and sum(1 for label, n in counts.items() if n >= 2) >= 2
    ):
        labels[first] = None


_QUOTATION_RE = re.compile(r"[\"\u201c\u201e\u00ab].*[\"\u201d\u00bb][.!?]?|'.*'[.!?]?|\u2018.*\u2019[.!?]?")


def _quoted_labels(lines: list[str], labels: list[Candidate | None]) -> None:
    """A post or statement quoted on a line of its own after a line that introduces it ("The
    Secretary posted on X last night:" / 'Secretary Rubio: "Iran will be held accountable."') is
    part of the turn that quotes it, not a speaker: a label seen once, whose speech is all one
    quotation, after a line ending with a colon. ``labels`` is changed in place."""
    counts = Counter(c.label for c in labels if c is not None)
    previous = ""
    for i, line in enumerate(lines):
        cand = labels[i]
        if (
            cand is not None
            and cand.kind == LabelKind.COLON
            and counts[cand.label] == 1
            and previous.endswith(":")
            and _QUOTATION_RE.fullmatch(cand.rest.strip())
        ):
            labels[i] = None
        if line.strip():
            previous = line.strip()


def _bracket_labels(lines: list[str], labels: list[Candidate | None]) -> int:
    """Lines with no label that open with a bracketed name of :func:`bracket_speaker_tags` start
    that speaker's turn (``labels`` is changed in place). Returns how many."""
    tagged = bracket_speaker_tags(lines)
    n = 0
    for i, line in enumerate(lines) if tagged else ():
        m = BRACKET_TAG_RE.match(line.lstrip()) if labels[i] is None else None
        if m and m.group(1) in tagged:
            labels[i] = Candidate(m.group(1), line.lstrip()[m.end() :], None, LabelKind.COLON, m.group(0).strip())
            n += 1
    return n


# Zoom and Teams chat lines that are not a participant's own words: a reaction to someone else's
# message, its removal, and the quoted message a reply opens with ("Replying to \"...\":").
_CHAT_REACTION_RE = re.compile(
    r'(?:Reacted to ".*" with \S+|Removed an? \S+ reaction from ".*")\s*', re.DOTALL
)
_CHAT_REPLY_RE = re.compile(r'Replying to "[^\n]*"[ \t]*:?[ \t]*\n?\s*')


def _drop_chat_quotes(blocks: list[Block], removed: list[str]) -> int:
    """In a chat log, take out what quotes another participant: reactions (``Reacted to "Good
    morning..." with 👍``, ``Removed a 👍 reaction from "..."``) and the quoted message a reply
    opens with (``Replying to "Yes, loud and clear."``), adding them to ``removed``; a message that
    was only a reaction leaves no turn. ``blocks`` is changed in place. Returns how many were taken."""
    taken = 0
    emptied = set()
    for k, block in enumerate(blocks):
        kept = []
        for paragraph in block.paragraphs:
            if _CHAT_REACTION_RE.fullmatch(paragraph):
                removed.append(paragraph)
                taken += 1
                continue
            reply = _CHAT_REPLY_RE.match(paragraph)
            if reply:
                removed.append(reply.group(0).strip())
                taken += 1
                paragraph = paragraph[reply.end() :]
            if paragraph.strip():
                kept.append(paragraph)
        if block.paragraphs and not kept:
            emptied.add(k)
        block.paragraphs = kept
    blocks[:] = [b for k, b in enumerate(blocks) if k not in emptied]
    return taken


# A congressional record's note that a document is inserted into the record here, not read out:
# "[The prepared statement of Ms. Rivera follows:]", "[The information referred to follows:]",
# "[Additional material submitted for the record follows:]" (GPO hearings).
_INSERTION_RE = re.compile(r"\[[^\[\]\n]{3,200}?\bfollows?\s*:?\s*\]")


# A news page's furniture between the paragraphs of an interview: advertisement slots, links to
# other stories, editors' notes and corrections, and photo captions that end with the credit.
_PAGE_FURNITURE_RE = re.compile(
    r"(?:Skip )?Advertisement|ADVERTISEMENT|(?:Story|Article) continues below(?: (?:advertisement|this ad))?|"
    r"Continue reading(?: the main story)?|Scroll to continue(?: with content)?|"
    r"(?:Related|RELATED|Read more|READ MORE|See also|SEE ALSO|Also read|ALSO READ|Related coverage|RELATED COVERAGE)"
    r"\s*:.{0,200}|"
    # a correction or editors' note about the article ("Correction: An earlier version of this article
    # misstated ..."), not a speaker correcting themselves ("Correction: the count was 51 to 49.")
    r"(?:Correction|CORRECTION|Clarification|CLARIFICATION|Editor's [Nn]ote|EDITOR'S NOTE|Editors' [Nn]ote)"
    r"\s*:[^\n]{0,300}?\b(?:version of this|this (?:article|story|transcript|interview|report|post)|"
    r"(?:article|story|transcript|interview) (?:has been|was) (?:updated|corrected|edited|condensed))[^\n]{0,700}|"
    r"This (?:interview|conversation|transcript) has been (?:lightly )?(?:edited|condensed)[^.\n]{0,80}\.|"
    # a photo caption: a sentence or two, then the credit that ends it: "... Bill Pugliano / Getty
    # Images", "... (AP Photo/Jane Doe)", "... Photo: Reuters" (whole words: "(APPLAUSE)" is no credit)
    r"[A-Z][^\n]{10,250}?(?:"
    r"\s/\s[^/()\n]{0,60}?\b(?:Getty Images|AFP|Reuters|Bloomberg|EPA|Shutterstock|Sipa|Pool|AP)"
    r"(?: via Getty Images)?|"
    r"\s\((?:AP Photo|Reuters|AFP|Getty Images|Photo|Photograph)\b[^()\n]{0,60}\)|"
    r"\s(?:Photo(?:graph)?|Credit):\s[^\n]{2,80}"
    r")\.?",
    re.DOTALL,
)


# an em dash opening a line of dialogue, then a capital or an opening ¿ ¡ ("—¿Y si ...?", "—Tenemos");
# "—and nobody answered" (a lower-case word) resumes the same speaker
_DIALOGUE_DASH_RE = re.compile(
    r"[\u2014\u2015](?=[\u00bf\u00a1\"\u201c\u00ab]?[^\W\d_])(?=[\u00bf\u00a1\"\u201c\u00ab]|[^\W\d_a-z])"
)


def _split_dash_dialogue(blocks: list[Block], removed: list[str]) -> int:
    """Dialogue dashes inside a turn, as Spanish transcripts write a quick exchange after the
    labelled ones ("—¿Y si impone los aranceles?" / "—Tenemos un plan B."): two or more paragraphs
    in a row that open with an em dash, the first a question, take turns, starting with the other
    party of the exchange (the speaker before this one). Each dash is structure (``removed``).
    ``blocks`` is changed in place. Returns how many turns were split off."""
    split = 0
    out: list[Block] = []
    for block in blocks:
        paragraphs = block.paragraphs
        dashed = [bool(_DIALOGUE_DASH_RE.match(p)) for p in paragraphs]
        first = next((j for j in range(1, len(paragraphs)) if dashed[j]), None)
        other = next((b.speaker for b in reversed(out) if b.speaker != block.speaker), None)
        if (
            first is None
            or other is None
            or first + 1 >= len(paragraphs)
            or not dashed[first + 1]
            or not paragraphs[first].rstrip().endswith("?")
        ):
            out.append(block)
            continue
        out.append(replace(block, paragraphs=paragraphs[:first], spans=list(block.spans)))
        speakers = (other, block.speaker)
        turn = 0
        for j in range(first, len(paragraphs)):
            text = paragraphs[j]
            if dashed[j]:
                removed.append(text[0])
                text = text[1:]
                out.append(Block(speakers[turn % 2], [text]))
                turn += 1
                split += 1
            else:
                out[-1].paragraphs.append(text)
    blocks[:] = out
    return split


def is_page_furniture(paragraph: str) -> bool:
    """Whether a paragraph is a news page's furniture (see :func:`_set_aside_page_furniture`)."""
    return _PAGE_FURNITURE_RE.fullmatch(paragraph.strip()) is not None


def _set_aside_page_furniture(blocks: list[Block], metadata: list[str]) -> int:
    """Move a news page's furniture out of the speech: a paragraph that is an advertisement slot
    ("Advertisement", "Story continues below advertisement"), a link to another story ("Related:
    ..."), an editors' note or correction ("Correction: An earlier version of this article..."),
    "This interview has been edited for length and clarity." or a photo caption ending with its
    credit ("... Bill Pugliano / Getty Images") is page text (``metadata``), not the words of the
    speaker whose turn it sits in. ``blocks`` is changed in place. Returns how many paragraphs."""
    moved = 0
    for block in blocks:
        kept = block.paragraphs[:1]  # never a turn's first paragraph (what follows its label): no turn is emptied
        for paragraph in block.paragraphs[1:]:
            if is_page_furniture(paragraph):
                metadata.append(paragraph.strip())
                moved += 1
            else:
                kept.append(paragraph)
        block.paragraphs = kept
    return moved


def _set_aside_insertions(blocks: list[Block], metadata: list[str]) -> int:
    """Move documents inserted into a hearing's record out of the speech: after a note such as
    ``[The prepared statement of Ms. Rivera follows:]`` the text up to the next speaker label is
    that document (a witness's written statement, a letter), printed in the record but not said by
    the speaker who asked for it to be inserted. It goes to ``metadata`` (listed on the Overview,
    not counted as speech); the note stays in the turn as a stage direction. ``blocks`` is changed
    in place. Returns the number of words set aside."""
    n_words = 0
    for block in blocks:
        for k, paragraph in enumerate(block.paragraphs):
            note = _INSERTION_RE.search(paragraph)
            if note is None:
                continue
            inserted = [paragraph[note.end() :].strip(), *block.paragraphs[k + 1 :]]
            inserted = [p for p in inserted if p]
            block.paragraphs = [*block.paragraphs[:k], paragraph[: note.end()].strip()]
            metadata.extend(inserted)
            n_words += sum(len(words(p)) for p in inserted)
            break
    return n_words


def _unnamed_caption_changes(lines: list[str], labels: list[Candidate | None]) -> int:
    """In text copied from captions, where two or more labels were read after ``>>`` (">> ANCHOR:
    ..."), a line that opens with ``>>`` and no label is a change of speaker the captions did not
    name: it starts a turn of "SPEAKER 1", "SPEAKER 2"... in order, as the subtitle reader numbers
    them (``labels`` is changed in place). Returns how many."""
    if sum(1 for c in labels if c is not None and c.removed.lstrip().startswith(">>")) < 2:
        return 0
    unnamed = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if labels[i] is None and stripped.startswith(">>"):
            rest = stripped.lstrip(">").strip()
            if rest:
                unnamed += 1
                mark = stripped[: len(stripped) - len(rest)]
                labels[i] = Candidate(f"{UNNAMED_PREFIX} {unnamed}", rest, None, LabelKind.COLON, mark)
    return unnamed


def _timed_without_labels(lines: list[str], labels: list[Candidate | None]) -> int:
    """Text with no speaker label but three or more lines that are only a clock (YouTube's "Show
    transcript" copied: "0:05" / "thanks for coming today"): each such line starts a passage of
    the unknown speaker at its time (``labels`` is changed in place). Returns how many."""
    if any(c is not None for c in labels):
        return 0
    clocks = _clock_lines(lines)
    if len(clocks) < 3:
        return 0
    for i in clocks:
        stamp = lines[i].strip()
        labels[i] = Candidate(UNKNOWN_SPEAKER, "", parse_clock(stamp.strip("[]()")), LabelKind.TIMESTAMP, stamp)
    return len(clocks)


def read_labelled(text: str, *, markdown: bool = False) -> ReadResult:
    """Read labelled text into speaker blocks, in five steps: :func:`prepare_text`,
    :func:`find_candidates`, :func:`decide_labels` (with :class:`LabelStats`),
    :func:`split_blocks` and :func:`name_layout`.

    Parameters:
        text: normalised text (see :func:`podium.text.normalise_text`).
        markdown: strip markdown (bold, escapes, inline HTML, headings) first.

    Returns:
        A :class:`~podium.formats.base.ReadResult`; ``blocks`` is empty when no label was found.
    """
    prepared = prepare_text(text, markdown=markdown)
    candidates = find_candidates(prepared.lines)
    labels = decide_labels(candidates, LabelStats.of(candidates, flattened=prepared.flattened))
    named = None
    ending: list[str] = []  # an earnings call's closing list of participants
    if not any(c is not None for c in labels):
        roles: list[str] = []
        named = _name_role_layout(prepared.lines, roles, ending) or _roster_layout(prepared.lines, roles)
        if named is not None:
            prepared.removed.extend(roles)
        else:
            named = _name_line_layout(prepared.lines)
    if named is not None:  # Hansard's web layout: the speaker's name on a line of its own, no colon
        prepared = replace(prepared, lines=named)
        candidates = find_candidates(named)
        labels = decide_labels(candidates, LabelStats.of(candidates, flattened=prepared.flattened))
    if prepared.flattened:
        _keep_opening_label(prepared, candidates, labels)
    _headline_label(prepared.lines, labels)
    _quoted_labels(prepared.lines, labels)
    _bracket_labels(prepared.lines, labels)
    unnamed = _unnamed_caption_changes(prepared.lines, labels)
    timed_only = _timed_without_labels(prepared.lines, labels)
    lines, cut = split_inline_labels(prepared.lines, labels)
    split = split_blocks(lines, cut, markdown=prepared.markdown)
    layout, notices = name_layout(labels, flattened=prepared.flattened)
    set_aside: list[str] = []  # page text a notice reports, kept out of the title and summary
    inserted = _set_aside_insertions(split.blocks, set_aside)
    dashed = _split_dash_dialogue(split.blocks, split.removed)
    if dashed:
        notices.append(
            f"{dashed:,} paragraph{'s' if dashed != 1 else ''} opening with a dialogue dash (—) after a question "
            f"{'were' if dashed != 1 else 'was'} read as a quick exchange, the speakers taking turns; check them on "
            "the Q&A page."
        )
    furniture = _set_aside_page_furniture(split.blocks, set_aside)
    if furniture:
        notices.append(
            f"{furniture:,} paragraph{'s' if furniture != 1 else ''} of web-page furniture between the speech "
            "(advertisement slots, Related: links, editors' notes and corrections, photo captions with their credit) "
            f"{'were' if furniture != 1 else 'was'} set aside as page text, not counted as anyone's words; "
            "the Overview lists them."
        )
    if inserted:
        notices.append(
            f"{inserted:,} word{'s' if inserted != 1 else ''} of documents inserted into the record (after notes such "
            "as [The prepared statement of ... follows:]) were set aside, not counted as the speech of whoever asked "
            "for them to be inserted; the Overview lists them."
        )
    if split.examiners:
        notices.append(
            "The Q. lines after each BY ...: marker are named after the examining lawyer ("
            + ", ".join(f"Q ({e})" for e in split.examiners)
            + "), so questions stay on the asking side; merge them with the lawyer's own label on the Speakers page "
            "for one row per person."
        )
    if layout == Layout.CHAT:
        _drop_chat_quotes(split.blocks, split.removed)
    if unnamed:
        marked = f"The text marks {unnamed} change{'s' if unnamed != 1 else ''} of speaker with >> and no name"
        notices.append(unnamed_speakers_notice(unnamed, marked, UNNAMED_PREFIX))
    if timed_only:
        notices.append(
            f"No speaker labels were found, so all the text is attributed to one unknown speaker; its {timed_only:,} "
            "times on lines of their own (a video platform's transcript) time the passages below them."
        )
    notices.extend(long_label_notices(candidates, labels))
    notices.extend(unread_label_notices(lines, cut))
    return ReadResult(
        blocks=split.blocks,
        metadata=prepared.metadata + split.metadata + ending,
        title=prepared.title,
        removed=prepared.removed + split.removed,
        notices=notices,
        source_format=str(layout),
        set_aside=set_aside,
    )

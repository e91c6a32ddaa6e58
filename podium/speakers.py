"""Speakers: roles and aliases (one person under several labels). The user's edits are in :mod:`podium.edits`."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .text import STAGE_DIRECTION_RE
from .vocabulary import (
    COURTESY_TITLES,
    FEMALE_COURTESY_TITLES,
    MALE_COURTESY_TITLES,
    NAME_SUFFIXES,
    OTHER_LABELS,
    QUESTION_LABELS,
    QUESTION_LABELS_OTHER_SCRIPTS,
    ROLE_WORDS,
    TITLES,
    UNKNOWN_SPEAKER,
    UNNAMED_QUESTIONER,
)

__all__ = ["ROLES", "infer_role", "propose_aliases"]

#: The roles a speaker can have.
ROLES = ("question", "answer", "other")


#: The last word of a ", ROLE" after a name that puts the speaker on the asking side.
_ASKING_ROLES = frozenset({"HOST", "CO-HOST", "COHOST", "ANCHOR", "MODERATOR", "INTERVIEWER"})


@lru_cache(maxsize=65_536)  # once per label, not per turn
def infer_role(speaker: str) -> str:
    """Return the usual role of a speaker label: ``"question"``, ``"answer"`` or ``"other"``.

    Reporters, ``Q``/``QUESTION``, interviewers and moderators ask (also as a role after a name:
    ``STEVE INSKEEP, HOST``, ``JAKE TAPPER, CNN ANCHOR``); unknown speakers,
    operators, announcers, clerks and interpreters are ``"other"``; everyone else answers.
    """
    if re.sub(r"\([^)]*\)", "", speaker).strip() in QUESTION_LABELS_OTHER_SCRIPTS:
        return "question"
    key = re.sub(r"\([^)]*\)", "", speaker.upper())
    key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))  # MODÉRATEUR
    key = re.sub(r"[^A-Z ]", " ", key)
    key = re.sub(r"\s+", " ", key).strip()
    _, comma, role = speaker.rpartition(",")
    role_key = re.sub(r"[^A-Z ]", " ", role.upper()).split() if comma else []
    if (
        key in QUESTION_LABELS
        or (role_key and role_key[-1] in _ASKING_ROLES)  # "STEVE INSKEEP, HOST", "JAKE TAPPER, CNN ANCHOR"
        or key.startswith(("REPORTER", "QUESTION", "AUDIENCE MEMBER"))
        or key in ("UNIDENTIFIED REPORTER", "UNIDENTIFIED JOURNALIST", "UNIDENTIFIED QUESTIONER")
    ):
        return "question"
    if key in OTHER_LABELS or key.startswith(("UNKNOWN", "UNIDENTIFIED", "VOICE")):
        return "other"
    return "answer"


@lru_cache(maxsize=65_536)  # several times per label in propose_aliases
def _tokens(label: str) -> tuple[str, ...]:
    base = re.sub(r"\([^)]*\)", " ", label).split(",")[0]
    return tuple(t for t in re.sub(r"[^\w'\- ]", " ", base).upper().split() if t)


@lru_cache(maxsize=65_536)
def _name_tokens(label: str) -> tuple[str, ...]:
    return tuple(t for t in _tokens(label) if t.rstrip(".") not in TITLES and t not in NAME_SUFFIXES)


#: A person's name in a label's parentheses: two to four capitalised words, a courtesy title allowed
#: ("Keir Starmer", "Mr. KAINE").
_PERSON_IN_NOTE_RE = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.? )?[A-Z][\w'\-]+(?: [A-Z][\w'\-]+){0,3}")


#: Abbreviated titles and the word they stand for, so "SEN. KELLY" is compared with "SENATOR MARK
#: KELLY" as with "SEN. SCOTT KELLY".
_TITLE_SPELLINGS = {
    "SEN": "SENATOR",
    "REP": "REPRESENTATIVE",
    "GOV": "GOVERNOR",
    "GEN": "GENERAL",
    "SEC": "SECRETARY",
    "PRES": "PRESIDENT",
    "AMB": "AMBASSADOR",
    "LT": "LIEUTENANT",
    "COL": "COLONEL",
    "ADM": "ADMIRAL",
    "PROF": "PROFESSOR",
}


def _other_sex(title: str, full: str) -> bool:
    """Whether the courtesy title ``title`` ("MR") and the courtesy title of the label ``full``
    ("Ms. Jane Smith") are of different sexes: then they do not name one person."""
    titles = {t.rstrip(".") for t in _tokens(full)} & COURTESY_TITLES
    if title in MALE_COURTESY_TITLES:
        return bool(titles & FEMALE_COURTESY_TITLES)
    return title in FEMALE_COURTESY_TITLES and bool(titles & MALE_COURTESY_TITLES)


def propose_aliases(labels: list[str]) -> dict[str, str]:
    """Propose which labels name the same person; return ``{label: canonical label}``.

    Rules, applied to labels in order of first appearance (``labels`` may repeat; the most
    frequent spelling wins among variants):

    1. Labels equal but for case, punctuation and spacing (``Chris Wallace`` / ``CHRIS WALLACE``).
    1b. A label with a note on how the person speaks, one that is a stage direction
       (``PRESIDENT ALVAREZ (through interpreter)``, ``MODERATOR (off mic)``), and the label
       without it; without such a label, two or more noted ones are that person named without
       the note (``ZELENSKYY (via interpreter)`` and ``ZELENSKYY (in English)`` are ``ZELENSKYY``).
    1c. An office with its holder's name in parentheses and the office alone, when only one
       holder is named (``The Prime Minister (Keir Starmer)`` and ``The Prime Minister``).
    2. An abbreviation given in parentheses at first mention (``Aaron van Wirdum (AvW)``) and
       the later label ``AvW``.
    3. A short form, a courtesy title (Mr, Mrs, Ms, Miss, Dr) and surname or the surname alone
       (``MR. LITTLE``, ``WALLACE``), and the one full name with at least a first name and that
       surname (``GEORGE LITTLE``, ``CHRIS WALLACE``). Two different people who share a surname
       are never merged: not when two full names share it, not an office and surname
       (``PRESIDENT CLINTON`` is not ``HILLARY CLINTON``), not ``MR.`` and ``MRS.`` forms of it,
       and not ``MR. SMITH`` and ``MS. JANE SMITH``.
    3a. A title and surname (``SECRETARY YELLEN``, ``Sen. Cortez Masto``, ``Ms. de la Cruz``) and
       the one full name with that title and surname (``TREASURY SECRETARY JANET YELLEN``, ``Sen.
       Catherine Cortez Masto (D-NV)``, ``Ms. Ana de la Cruz``; a courtesy title must not differ);
       then a bare surname goes with them as in rule 3 (``MURPHY`` beside ``SEN. MURPHY`` and ``SEN.
       CHRIS MURPHY``).
    4. A bare surname (``TRUMP``, ``Warren``) and the one label of a title and that surname
       (``PRESIDENT TRUMP``, ``Senator Warren``, ``GOV. DeSANTIS``), when no full name has that
       surname and no second titled form does.

    Labels with no alias map to themselves. Generic labels (``Q``, ``REPORTER``, ``UNKNOWN``,
    ``Speaker 1``) are never merged with anything else.
    """
    counts = Counter(labels)
    order = list(dict.fromkeys(labels))
    position = {label: i for i, label in enumerate(order)}
    generic = {UNKNOWN_SPEAKER, UNNAMED_QUESTIONER, "Q", "QUESTION", "A", "ANSWER"}
    canonical: dict[str, str] = {label: label for label in order}

    # 1. spelling variants
    by_key: dict[str, list[str]] = {}
    for label in order:
        key = " ".join(_tokens(label)) + "|" + "|".join(re.findall(r"\(([^)]*)\)", label.upper()))
        by_key.setdefault(key, []).append(label)
    for variants in by_key.values():
        best = max(variants, key=lambda v: (counts[v], -position[v]))
        for v in variants:
            canonical[v] = best

    # 1b. one person with and without a note on how they speak: "PRESIDENT ALVAREZ (through
    #     interpreter)" and "PRESIDENT ALVAREZ", "MODERATOR (off mic)" and "MODERATOR". Only notes
    #     that are stage directions; parse_text keeps the note at the start of the turn.
    bare: dict[str, str] = {}
    for label in order:
        if "(" not in label:
            bare.setdefault(" ".join(_tokens(label)), label)
    for label in order:
        notes = re.findall(r"\([^()]*\)", label)
        target = bare.get(" ".join(_tokens(label)))
        if (
            notes
            and target
            and label not in generic
            and target not in generic
            and all(STAGE_DIRECTION_RE.fullmatch(n) for n in notes)
        ):
            canonical[label] = canonical[target]
    #     Two or more such notes and no label without one ("ZELENSKYY (via interpreter)",
    #     "ZELENSKYY (in English)"): one person, named without the note.
    noted: dict[str, list[str]] = {}
    for label in order:
        notes = re.findall(r"\([^()]*\)", label)
        key = " ".join(_tokens(label))
        if notes and key not in bare and label not in generic and all(STAGE_DIRECTION_RE.fullmatch(n) for n in notes):
            noted.setdefault(key, []).append(label)
    for variants in noted.values():
        if len(variants) >= 2:
            name = re.sub(r"\s+", " ", re.sub(r"\([^()]*\)", " ", variants[0])).strip()
            canonical.setdefault(name, name)
            for v in variants:
                canonical[v] = name

    # 1c. an office with the holder's name in parentheses and the office alone, when one name is
    #     given: "The Prime Minister (Keir Starmer)" and "The Prime Minister" (Hansard)
    named: dict[str, list[str]] = {}
    for label in order:
        notes = re.findall(r"\(([^()]*)\)", label)
        if len(notes) == 1 and _PERSON_IN_NOTE_RE.fullmatch(notes[0].strip()) and label not in generic:
            named.setdefault(" ".join(_tokens(label)), []).append(label)
    for key, holders in named.items():
        office = bare.get(key)
        if len(holders) == 1 and office and office not in generic and canonical[office] == office:
            canonical[office] = canonical[holders[0]]

    # 2. parenthetical abbreviations
    for label in order:
        for abbr in re.findall(r"\(([A-Za-z]{2,6})\)", label):
            for other in order:
                if other != label and other.strip() == abbr and other not in generic:
                    canonical[other] = canonical[label]

    # 3. short forms to a unique full name: a bare surname or a courtesy title and surname
    full_names = [lab for lab in order if len(_name_tokens(lab)) >= 2 and lab not in generic and canonical[lab] == lab]
    by_surname: dict[str, list[str]] = {}  # full names by last name token, in order
    for full in full_names:
        by_surname.setdefault(_name_tokens(full)[-1], []).append(full)
    # labels of an office (not a courtesy title) and a surname: "PRESIDENT TRUMP", "SEN. HARRIS"
    titled_forms: dict[str, list[str]] = {}
    for label in order:
        toks = [t.rstrip(".") for t in _tokens(label)]
        if len(_name_tokens(label)) == 1 and len(toks) >= 2 and toks[0] in TITLES and toks[0] not in COURTESY_TITLES:
            titled_forms.setdefault(_name_tokens(label)[0], []).append(label)
    # 3a. a title and surname and the one full name with that title and surname: "SECRETARY YELLEN" and
    #     "TREASURY SECRETARY JANET YELLEN", "Sen. Cortez Masto" and "Sen. Catherine Cortez Masto (D-NV)",
    #     "Ms. de la Cruz-O'Brien" and "Ms. Jennifer de la Cruz-O'Brien"
    for label in order:
        toks = [t.rstrip(".") for t in _tokens(label)]
        names = _name_tokens(label)
        k = len(names)
        if label in generic or canonical[label] != label or not 1 <= k <= 3 or len(toks) <= k:
            continue
        title = {_TITLE_SPELLINGS.get(t, t) for t in toks[:-k]}
        if tuple(toks[-k:]) != names or not title <= TITLES or (k == 1 and title <= COURTESY_TITLES):
            continue  # "MR. LITTLE": rule 3
        courtesy = title & COURTESY_TITLES
        matches = []
        for full in by_surname.get(names[-1], []):
            full_tokens = {_TITLE_SPELLINGS.get(t.rstrip("."), t.rstrip(".")) for t in _tokens(full)}
            if (
                full != label
                and len(_name_tokens(full)) > k
                and _name_tokens(full)[-k:] == names
                and title - COURTESY_TITLES <= full_tokens
                and (not courtesy or not full_tokens & COURTESY_TITLES or full_tokens & COURTESY_TITLES == courtesy)
            ):
                matches.append(full)
        if len(matches) == 1:
            canonical[label] = matches[0]
    proposals: dict[str, list[str]] = {}
    for label in order:
        if label in generic or canonical[label] != label:
            continue
        names = _name_tokens(label)
        tokens = [t.rstrip(".") for t in _tokens(label)]
        is_short = len(names) == 1 and (len(tokens) == 1 or (len(tokens) == 2 and tokens[0] in COURTESY_TITLES))
        if not is_short or re.fullmatch(r"SPEAKER[ _]?\d+|\d+", " ".join(tokens)):
            continue
        matches = [f for f in by_surname.get(names[0], []) if f != label and not _other_sex(tokens[0], f)]
        offices = [t for t in titled_forms.get(names[0], []) if t != label and canonical[t] == t]  # not merged in 3a
        if len(matches) == 1 and not (len(tokens) == 1 and offices):
            # a bare "TRUMP" beside "MELANIA TRUMP" and "PRESIDENT TRUMP" could be either: left alone
            proposals.setdefault(matches[0], []).append(label)
    for full, shorts in proposals.items():
        honorifics = {_tokens(s)[0].rstrip(".") for s in shorts if len(_tokens(s)) == 2}
        if honorifics & MALE_COURTESY_TITLES and honorifics & FEMALE_COURTESY_TITLES:
            continue  # MR. SMITH and MRS. SMITH under JOHN SMITH: two people, merge neither
        for short in shorts:
            canonical[short] = full

    # 4. a bare surname and the one label of a title and that surname, when no full name has it
    #    ("TRUMP" and "PRESIDENT TRUMP", "Warren" and "Senator Warren"); with two titled forms
    #    ("MR. SMITH", "MRS. SMITH") or a full name, the bare surname is left alone
    titled: dict[str, list[str]] = {}
    for label in order:
        tokens = [t.rstrip(".") for t in _tokens(label)]
        names = _name_tokens(label)
        if label not in generic and canonical[label] == label and len(names) == 1 and len(tokens) >= 2:
            titled.setdefault(names[0], []).append(label)
    for label in order:
        tokens = _tokens(label)
        if (
            label in generic
            or canonical[label] != label
            or len(tokens) != 1
            or tokens[0].rstrip(".") in TITLES
            or tokens[0] in QUESTION_LABELS
            or tokens[0] in OTHER_LABELS
            or tokens[0] in ROLE_WORDS
        ):
            continue  # "MODERATOR" is a role, not a surname
        forms = titled.get(tokens[0], [])
        if len(forms) == 1 and not by_surname.get(tokens[0]):
            canonical[label] = forms[0]
    # resolve chains
    for label in order:
        seen = {label}
        while canonical[canonical[label]] != canonical[label] and canonical[label] not in seen:
            seen.add(canonical[label])
            canonical[label] = canonical[canonical[label]]
    return canonical

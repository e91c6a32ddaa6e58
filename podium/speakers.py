"""Speakers: roles and aliases (one person under several labels). The user's edits are in :mod:`podium.edits`."""

from __future__ import annotations

import re
from collections import Counter

from .formats.base import TITLES, UNKNOWN_SPEAKER, UNNAMED_QUESTIONER

__all__ = ["ROLES", "infer_role", "propose_aliases"]

#: The roles a speaker can have.
ROLES = ("question", "answer", "other")

_QUESTION_KEYS = {
    "Q",
    "QUESTION",
    "QUESTIONER",
    "REPORTER",
    "INTERVIEWER",
    "MODERATOR",
    "AUDIENCE MEMBER",
    "AUDIENCE QUESTION",
    "PARTICIPANT",
    "THE PRESS",
    "PRESS",
    "JOURNALIST",
    "HOST",
    "CO-HOST",
    "COHOST",
    "ANCHOR",
}
_OTHER_KEYS = {
    "UNKNOWN",
    "OPERATOR",
    "ANNOUNCER",
    "NARRATOR",
    "STAFF",
    "INTERPRETER",
    "VOICE OVER",
    "VOICEOVER",
    "THE CLERK",
    "CLERK",
    "AUDIENCE",
    "UNIDENTIFIED",
    "CROSSTALK",
    "MULTIPLE SPEAKERS",
}
#: Titles that say nothing about office, so "MR. LITTLE" can be "GEORGE LITTLE"; "PRESIDENT CLINTON"
#: and "SECRETARY CLINTON" are never taken to be "HILLARY CLINTON".
_COURTESY = {"MR", "MRS", "MS", "MISS", "DR", "MX"}
_SUFFIXES = {"JR", "SR", "II", "III", "IV", "PHD", "MD", "ESQ"}


def infer_role(speaker: str) -> str:
    """Return the usual role of a speaker label: ``"question"``, ``"answer"`` or ``"other"``.

    Reporters, ``Q``/``QUESTION``, interviewers and moderators ask; unknown speakers,
    operators, announcers, clerks and interpreters are ``"other"``; everyone else answers.
    """
    key = re.sub(r"\([^)]*\)", "", speaker.upper())
    key = re.sub(r"[^A-Z ]", " ", key)
    key = re.sub(r"\s+", " ", key).strip()
    if key in _QUESTION_KEYS or key.startswith(("REPORTER", "QUESTION", "AUDIENCE MEMBER")):
        return "question"
    if key in _OTHER_KEYS or key.startswith(("UNKNOWN", "UNIDENTIFIED", "VOICE")):
        return "other"
    return "answer"


def _tokens(label: str) -> list[str]:
    base = re.sub(r"\([^)]*\)", " ", label).split(",")[0]
    return [t for t in re.sub(r"[^\w'\- ]", " ", base).upper().split() if t]


def _name_tokens(label: str) -> list[str]:
    return [t for t in _tokens(label) if t.rstrip(".") not in TITLES and t not in _SUFFIXES]


def propose_aliases(labels: list[str]) -> dict[str, str]:
    """Propose which labels name the same person; return ``{label: canonical label}``.

    Rules, applied to labels in order of first appearance (``labels`` may repeat; the most
    frequent spelling wins among variants):

    1. Labels equal but for case, punctuation and spacing (``Chris Wallace`` / ``CHRIS WALLACE``).
    2. An abbreviation given in parentheses at first mention (``Aaron van Wirdum (AvW)``) and
       the later label ``AvW``.
    3. A short form, a courtesy title (Mr, Mrs, Ms, Miss, Dr) and surname or the surname alone
       (``MR. LITTLE``, ``WALLACE``), and the one full name with at least a first name and that
       surname (``GEORGE LITTLE``, ``CHRIS WALLACE``). Two different people who share a surname
       are never merged: not when two full names share it, not an office and surname
       (``PRESIDENT CLINTON`` is not ``HILLARY CLINTON``), and not ``MR.`` and ``MRS.`` forms of it.

    Labels with no alias map to themselves. Generic labels (``Q``, ``REPORTER``, ``UNKNOWN``,
    ``Speaker 1``) are never merged with anything else.
    """
    counts = Counter(labels)
    order = list(dict.fromkeys(labels))
    generic = {UNKNOWN_SPEAKER, UNNAMED_QUESTIONER, "Q", "QUESTION", "A", "ANSWER"}
    canonical: dict[str, str] = {label: label for label in order}

    # 1. spelling variants
    by_key: dict[str, list[str]] = {}
    for label in order:
        key = " ".join(_tokens(label)) + "|" + "|".join(re.findall(r"\(([^)]*)\)", label.upper()))
        by_key.setdefault(key, []).append(label)
    for variants in by_key.values():
        best = max(variants, key=lambda v: (counts[v], -order.index(v)))
        for v in variants:
            canonical[v] = best

    # 2. parenthetical abbreviations
    for label in order:
        for abbr in re.findall(r"\(([A-Za-z]{2,6})\)", label):
            for other in order:
                if other != label and other.strip() == abbr and other not in generic:
                    canonical[other] = canonical[label]

    # 3. short forms to a unique full name: a bare surname or a courtesy title and surname
    full_names = [lab for lab in order if len(_name_tokens(lab)) >= 2 and lab not in generic and canonical[lab] == lab]
    proposals: dict[str, list[str]] = {}
    for label in order:
        if label in generic or canonical[label] != label:
            continue
        names = _name_tokens(label)
        tokens = [t.rstrip(".") for t in _tokens(label)]
        is_short = len(names) == 1 and (len(tokens) == 1 or (len(tokens) == 2 and tokens[0] in _COURTESY))
        if not is_short or re.fullmatch(r"SPEAKER[ _]?\d+|\d+", " ".join(tokens)):
            continue
        matches = [f for f in full_names if _name_tokens(f)[-1] == names[0] and f != label]
        if len(matches) == 1:
            proposals.setdefault(matches[0], []).append(label)
    for full, shorts in proposals.items():
        honorifics = {_tokens(s)[0].rstrip(".") for s in shorts if len(_tokens(s)) == 2}
        if len(honorifics & {"MR"}) and len(honorifics & {"MRS", "MS", "MISS"}):
            continue  # MR. SMITH and MRS. SMITH under JOHN SMITH: two people, merge neither
        for short in shorts:
            canonical[short] = full
    # resolve chains
    for label in order:
        seen = {label}
        while canonical[canonical[label]] != canonical[label] and canonical[label] not in seen:
            seen.add(canonical[label])
            canonical[label] = canonical[canonical[label]]
    return canonical

"""Keyword in context (KWIC): every place a word or phrase is said, with a quotable sentence."""

from __future__ import annotations

import re

import pandas as pd

from .text import _mask_abbreviation_periods, phrase_runs, phrase_spans

__all__ = ["KWIC_COLUMNS", "clock", "kwic", "quote"]

KWIC_COLUMNS: dict[str, str] = {
    "turn_id": "int64",
    "speaker": "str",
    "time_s": "float64",  # seconds from the start: the turn's start plus its share of the turn by word position
    "left": "str",  # context before, cut at a word boundary ("…" where cut)
    "keyword": "str",  # the words as written in the turn
    "right": "str",  # context after, cut at a word boundary
    "quote": "str",  # the whole sentence, attributed: “…,” SPEAKER said at M:SS
}

# The end of a sentence: . ! ? (with closing quotes or brackets) before a space, or a blank line.
_SENTENCE_END_RE = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|--+(?=\s|$)|\n\s*\n")
_SPACES_RE = re.compile(r"\s+")
# A middle initial ("Donald J. Trump"): for quotes only; phrase runs still break there, since a
# capital letter may end a sentence ("Plan B. Then") and no phrase may cross a sentence end.
_INITIAL_RE = re.compile(r"(?<![\w.'&-])[A-Z]\.(?= +[A-Z][a-z])")
_NAME_BEFORE_RE = re.compile(r"[A-Z][a-z]+ $")


def _mask_initials(text: str) -> str:
    def mask(m: re.Match) -> str:
        name_before = _NAME_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        return m.group(0)[0] + " " if name_before else m.group(0)

    return _INITIAL_RE.sub(mask, text)


def _fold(text: str) -> str:
    """``text`` case-folded, without periods, with straight apostrophes: every phrase token of a
    text, folded so, is a substring of the text folded so."""
    return text.replace("\u2019", "'").casefold().replace(".", "")


def clock(seconds: float) -> str:
    """Format seconds as ``M:SS`` or ``H:MM:SS``."""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]`` (periods of "U.S." and "Mr." do not
    end one)."""
    masked = _mask_initials(_mask_abbreviation_periods(text))
    begin, finish = 0, len(text)
    for m in _SENTENCE_END_RE.finditer(masked):
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= end:
            finish = m.end() if not m.group(0).startswith("\n") else m.start()
            break
    return _SPACES_RE.sub(" ", text[begin:finish]).strip()


def quote(sentence: str, speaker: str, seconds: float, *, estimated: bool) -> str:
    """A sentence as a news quote: ``“There will be no change,” ANTONY BLINKEN said at 0:42.``

    A final full stop becomes a comma inside the quotation marks; a question is "asked"; an
    ``estimated`` time reads "at about".
    """
    verb = "said"
    if sentence.endswith("?"):
        verb = "asked"
    elif sentence.endswith(".") and not sentence.endswith("..."):
        sentence = sentence[:-1] + ","
    elif sentence[-1:].isalnum():
        sentence += ","
    at = f"at about {clock(seconds)}" if estimated else f"at {clock(seconds)}"
    return f"\u201c{sentence}\u201d {speaker} {verb} {at}."


def kwic(
    turns: pd.DataFrame, query: str, *, window: int = 60, exact: bool = False, estimated: bool = True
) -> pd.DataFrame:
    """List every occurrence of a word or phrase with the text around it (keyword in context).

    The query is split into phrase tokens by the same pipeline as the phrase counts
    (:func:`podium.text.phrase_runs`: "Lander's" finds "Lander", "open-door" finds "open door"),
    and found, in order, inside one sentence run of a turn, so a phrase chosen from the phrase
    table shows exactly as many lines as its count there. Any word or phrase may be searched,
    not only repeated ones.

    Parameters:
        turns: a turns table (``turn_id``, ``speaker``, ``text``, ``start_s``, ``end_s``).
        query: the words to find, e.g. ``"open door"``.
        window: characters of context on each side, at most; context is cut at a word boundary.
        exact: match tokens exactly as counted (``US`` is not ``us``); otherwise a query typed
            in lower case also finds capitals (``nato`` finds ``NATO``), and one with capitals
            is matched exactly.
        estimated: times are estimates (the quote says "at about").

    Returns:
        One row per occurrence, in transcript order, with the columns of :data:`KWIC_COLUMNS`.
    """
    target = [t for run in phrase_runs(query) for t in run]
    fold = not exact and target == [t.lower() for t in target]
    rows = []
    n = len(target)
    if n:
        columns = ["turn_id", "speaker", "text", "start_s", "end_s"]
        # Only turns whose text holds every query token can match. A token is part of a word as
        # written, lower-cased, without periods, with a straight apostrophe (phrase_token_parts),
        # so this test on the text folded the same way never drops a match; it spares tokenising
        # every turn for each search (20,000 turns: most of the Phrases page).
        keys = {_fold(t) for t in target}
        folded = map(_fold, turns["text"].tolist())
        candidates = [i for i, text in enumerate(folded) if all(k in text for k in keys)]
        for turn_id, speaker, text, start_s, end_s in turns[columns].iloc[candidates].itertuples(index=False):
            spans = phrase_spans(text)
            n_tokens = sum(len(run) for run in spans)
            seen = 0
            for run in spans:
                tokens = [t.lower() for t, _, _ in run] if fold else [t for t, _, _ in run]
                for i in range(len(run) - n + 1):
                    if tokens[i : i + n] == target:
                        start, end = run[i][1], run[i + n - 1][2]
                        at = start_s + (end_s - start_s) * (seen + i) / max(n_tokens, 1)
                        left = text[max(0, start - window) : start]
                        if start - window > 0:
                            if not text[start - window - 1].isspace():  # the window starts mid-word
                                cut = re.search(r"\s", left)
                                left = left[cut.end() :] if cut else ""
                            left = "\u2026" + left
                        right = text[end : end + window]
                        if end + window < len(text):
                            if not text[end + window].isspace():  # the window ends mid-word
                                cut = list(re.finditer(r"\s", right))
                                right = right[: cut[-1].start()] if cut else ""
                            right = right.rstrip() + "\u2026"
                        rows.append(
                            {
                                "turn_id": turn_id,
                                "speaker": speaker,
                                "time_s": at,
                                "left": _SPACES_RE.sub(" ", left),
                                "keyword": _SPACES_RE.sub(" ", text[start:end]),
                                "right": _SPACES_RE.sub(" ", right),
                                "quote": quote(_sentence(text, start, end), speaker, at, estimated=estimated),
                            }
                        )
                seen += len(run)
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS)).astype(KWIC_COLUMNS)

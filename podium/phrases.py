"""Repeated phrases: word n-gram counts, per speaker, and maximal repeated phrases.

Every count here is built from :func:`podium.text.phrase_runs`, the one pipeline that turns a
turn's text into phrase tokens (numbers, ``P&L``, ``US`` vs ``us``, hyphenated compounds,
possessives); stopwords are never removed before n-grams are built, so no phrase is made of
words that were not said next to each other. Keyword in context lives in :mod:`podium.kwic`,
distinctive terms in :mod:`podium.logodds`.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

import pandas as pd

from .text import RUN_BREAK, library_stopwords, phrase_tokens

__all__ = [
    "KEPT_STOPWORDS",
    "MAX_N",
    "PHRASE_COLUMNS",
    "SPEAKER_PHRASE_COLUMNS",
    "Tally",
    "count_ngrams",
    "parse_stopwords",
    "phrase_table",
    "speaker_phrase_table",
    "stopwords",
    "tally",
    "top_with_ties",
]

#: Longest phrase counted, in words.
MAX_N = 5

#: Negations are removed from the stopword list: in political speech "no change"
#: and "not" carry the news, and dropping them would hide phrases like "no change".
KEPT_STOPWORDS = frozenset({"no", "not", "nor", "never"})

PHRASE_COLUMNS: dict[str, str] = {
    "phrase": "str",  # phrase tokens joined by single spaces (lower case but for capitals such as US, NATO)
    "n": "int64",  # words in the phrase
    "count": "int64",  # occurrences
    "n_turns": "int64",  # turns the phrase occurs in
    "per_1000_words": "float64",  # occurrences per 1,000 words of the counted turns
    "maximal": "bool",  # False when every occurrence lies inside one longer phrase of the table
}

SPEAKER_PHRASE_COLUMNS: dict[str, str] = {
    "speaker": "str",
    "phrase": "str",
    "n": "int64",
    "count": "int64",  # occurrences by this speaker
    "n_turns": "int64",  # this speaker's turns with the phrase
    "per_1000_words": "float64",  # occurrences per 1,000 of this speaker's words
}


def stopwords() -> frozenset[str]:
    """Return the default stopword list: :func:`podium.text.library_stopwords` (wordcloud's
    documented English list, 192 words) minus :data:`KEPT_STOPWORDS`."""
    return library_stopwords() - KEPT_STOPWORDS


def parse_stopwords(text: str) -> frozenset[str]:
    """Read a stopword list typed by a user: words separated by commas, spaces or new lines.

    Words are lower-cased unless written in capitals of two or more letters (``US`` stays
    ``US``, so it stops the country and not the pronoun); curly apostrophes become straight.
    """
    out = set()
    for word in re.split(r"[\s,;]+", text.replace("\u2019", "'")):
        word = word.strip()
        if word:
            out.add(word if word.isupper() and sum(c.isalpha() for c in word) >= 2 else word.lower())
    return frozenset(out)


@dataclass(frozen=True)
class Tally:
    """Raw n-gram counts of a set of turns, per speaker, before any stopword rule or minimum.

    Attributes:
        counts: ``{speaker: {n: Counter({gram tuple: occurrences})}}``.
        turn_counts: ``{speaker: {n: Counter({gram tuple: turns containing it})}}``.
        n_words: ``{speaker: words}`` as counted by :func:`podium.text.words` (the ``n_words``
            of the turns table), the base of every rate per 1,000 words.
        ns: phrase lengths counted.
    """

    counts: dict[str, dict[int, Counter]]
    turn_counts: dict[str, dict[int, Counter]]
    n_words: dict[str, int]
    ns: tuple[int, ...] = field(default=(1, 2, 3, 4, 5))

    def pooled(self, n: int) -> tuple[Counter, Counter]:
        """Counts and turn counts of length-``n`` grams summed over all speakers."""
        counts: Counter = Counter()
        turns: Counter = Counter()
        for speaker in self.counts:
            counts.update(self.counts[speaker][n])
            turns.update(self.turn_counts[speaker][n])
        return counts, turns


def _check(ns: Iterable[int], min_count: int) -> tuple[int, ...]:
    ns = tuple(ns)
    for n in ns:
        if not 1 <= n <= MAX_N:
            raise ValueError(f"n must be from 1 to {MAX_N}, not {n}")
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, not {min_count}")
    return ns


def tally(texts: Iterable[str], speakers: Iterable[str] | None = None, *, ns: Iterable[int] = (1, 2, 3, 4, 5)) -> Tally:
    """Count every n-gram of the given lengths in each text (one text per turn), per speaker.

    An n-gram is ``n`` consecutive phrase tokens inside one run of
    :func:`podium.text.phrase_runs`: it never spans a sentence end, a dash, a bracket, a stage
    direction, a turn or a speaker change. ``speakers`` gives each text's speaker (all texts are
    one speaker, ``""``, when omitted). Raises ValueError if an ``n`` is not from 1 to :data:`MAX_N`.
    """
    ns = _check(ns, 1)
    texts = list(texts)
    speakers = [""] * len(texts) if speakers is None else list(speakers)
    counts: dict[str, dict[int, Counter]] = {}
    turn_counts: dict[str, dict[int, Counter]] = {}
    n_words: dict[str, int] = {}
    # The counters hold millions of small tuples that can never form cycles: the cyclic garbage
    # collector would re-scan them on every generation-0 pass (cost quadratic in words).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        _tally_into(texts, speakers, ns, counts, turn_counts, n_words)
    finally:
        if was_enabled:
            gc.enable()
    return Tally(counts, turn_counts, n_words, ns)


def _tally_into(texts, speakers, ns, counts, turn_counts, n_words) -> None:
    # Grams are counted straight from zip() in C, breaks and all; grams that span a run break
    # are dropped afterwards (there are far fewer distinct grams than grams).
    for text, speaker in zip(texts, speakers, strict=True):
        if speaker not in counts:
            counts[speaker] = {n: Counter() for n in ns}
            turn_counts[speaker] = {n: Counter() for n in ns}
            n_words[speaker] = 0
        tokens, words = phrase_tokens(text)
        n_words[speaker] += words
        for n in ns:
            if n == 1:
                grams = tokens
            elif n == 2:
                grams = list(pairwise(tokens))
            elif n == 3:
                grams = list(zip(tokens, tokens[1:], tokens[2:], strict=False))
            else:
                grams = list(zip(*(tokens[i:] for i in range(n)), strict=False))
            counts[speaker][n].update(grams)
            turn_counts[speaker][n].update(set(grams))
    for by_n in (*counts.values(), *turn_counts.values()):
        for n, counter in by_n.items():
            if n == 1:
                by_n[n] = Counter({(t,): c for t, c in counter.items() if t != RUN_BREAK})
            else:
                by_n[n] = Counter({g: c for g, c in counter.items() if RUN_BREAK not in g})


def _keep(gram: tuple[str, ...], stops: frozenset[str]) -> bool:
    return gram[0] not in stops and gram[-1] not in stops


def _maximal(table: pd.DataFrame) -> pd.Series:
    """Whether each row's phrase is maximal: no longer phrase of the table contains it with the
    same count (then every occurrence of the shorter one lies inside the longer one)."""
    count = dict(zip(table["phrase"], table["count"], strict=True))
    covered = set()
    for phrase, c in count.items():
        tokens = phrase.split(" ")
        m = len(tokens)
        for k in range(1, m):
            for i in range(m - k + 1):
                sub = " ".join(tokens[i : i + k])
                if count.get(sub) == c:
                    covered.add(sub)
    return ~table["phrase"].isin(covered)


def phrase_table_from_tally(
    counted: Tally,
    *,
    ns: Iterable[int] | None = None,
    min_count: int = 2,
    stops: frozenset[str] | None = None,
    drop_stopwords: bool = True,
    maximal_only: bool = False,
) -> pd.DataFrame:
    """The phrase table of all speakers in ``counted``; see :func:`phrase_table`. ``maximal`` is
    judged against phrases of every length in ``counted``, not only those of ``ns``."""
    ns = _check(counted.ns if ns is None else ns, min_count)
    stops = (stopwords() if stops is None else stops) if drop_stopwords else frozenset()
    total_words = sum(counted.n_words.values())
    rows = []
    for n in counted.ns:  # every counted length, so that maximality sees the longer phrases
        counts, turns = counted.pooled(n)
        for gram, c in counts.items():
            if c >= min_count and _keep(gram, stops):
                rows.append((" ".join(gram), n, c, turns[gram]))
    table = pd.DataFrame(rows, columns=["phrase", "n", "count", "n_turns"])
    table["per_1000_words"] = table["count"] * 1000.0 / total_words if total_words else 0.0
    table["maximal"] = _maximal(table) if len(table) else pd.Series(dtype=bool)
    table = table[table["n"].isin(ns)]
    if maximal_only:
        table = table[table["maximal"]]
    table = table.astype(PHRASE_COLUMNS)
    order = table.sort_values(["n", "count", "phrase"], ascending=[True, False, True], kind="stable")
    return order.reset_index(drop=True)


def phrase_table(
    texts: Iterable[str],
    *,
    ns: Iterable[int] = (1, 2, 3, 4, 5),
    min_count: int = 2,
    stops: frozenset[str] | None = None,
    drop_stopwords: bool = True,
    maximal_only: bool = False,
) -> pd.DataFrame:
    """Count repeated phrases (word n-grams) of several lengths in ``texts`` (one per turn).

    Parameters:
        texts: one string per turn.
        ns: phrase lengths in words, each from 1 to :data:`MAX_N`.
        min_count: keep phrases said at least this many times.
        stops: the stopword list (default :func:`stopwords`).
        drop_stopwords: drop phrases that start or end with a stopword (textacy's
            ``filter_stops`` rule); stopwords inside a phrase stay ("state of the union"), and
            none is removed before the n-grams are built.
        maximal_only: keep only maximal phrases (a 4-word phrase said only inside one 5-word
            phrase is shown once, as the 5-word phrase).

    Returns:
        One row per phrase with the columns of :data:`PHRASE_COLUMNS`: ``phrase`` (str),
        ``n`` (int64, words), ``count`` (int64, occurrences), ``n_turns`` (int64),
        ``per_1000_words`` (float64, occurrences per 1,000 words of ``texts`` as
        :func:`podium.text.words` counts them), ``maximal`` (bool); sorted by ``n``, then count
        descending, then phrase.

    Raises:
        ValueError: if an ``n`` is not from 1 to :data:`MAX_N` or ``min_count < 1``.
    """
    ns = _check(ns, min_count)
    return phrase_table_from_tally(
        tally(texts, ns=range(min(ns, default=MAX_N), MAX_N + 1)),  # longer phrases decide maximality
        ns=ns,
        min_count=min_count,
        stops=stops,
        drop_stopwords=drop_stopwords,
        maximal_only=maximal_only,
    )


def count_ngrams(texts: Iterable[str], *, n: int = 2, min_count: int = 2, drop_stopwords: bool = True) -> pd.DataFrame:
    """:func:`phrase_table` for one phrase length ``n``, sorted by count descending, then phrase."""
    return phrase_table(texts, ns=(n,), min_count=min_count, drop_stopwords=drop_stopwords)


def speaker_phrase_table(counted: Tally, phrases: pd.DataFrame) -> pd.DataFrame:
    """Each speaker's use of the phrases of ``phrases`` (a :func:`phrase_table` result).

    Returns one row per (speaker, phrase) the speaker said at least once, with the columns of
    :data:`SPEAKER_PHRASE_COLUMNS`: ``count`` and ``n_turns`` are the speaker's own, and
    ``per_1000_words`` is per 1,000 of the speaker's words. Rows follow ``phrases``, speakers
    in order of first appearance within a phrase.
    """
    rows = []
    for phrase, n in phrases[["phrase", "n"]].itertuples(index=False):
        gram = tuple(phrase.split(" "))
        for speaker, by_n in counted.counts.items():
            c = by_n[n][gram] if n in by_n else 0
            if c:
                per = c * 1000.0 / counted.n_words[speaker] if counted.n_words[speaker] else 0.0
                rows.append((speaker, phrase, n, c, counted.turn_counts[speaker][n][gram], per))
    return pd.DataFrame(rows, columns=list(SPEAKER_PHRASE_COLUMNS)).astype(SPEAKER_PHRASE_COLUMNS)


def top_with_ties(frame: pd.DataFrame, column: str, top: int) -> tuple[pd.DataFrame, list[str]]:
    """The first ``top`` rows of ``frame`` (already sorted by ``column`` descending) and the
    ``phrase`` values left out that tie with the last row shown (a cut tie), in table order."""
    shown = frame.head(top)
    if len(frame) <= top or not len(shown):
        return shown, []
    last = shown[column].iloc[-1]
    rest = frame.iloc[top:]
    return shown, list(rest.loc[rest[column] == last, "phrase"])

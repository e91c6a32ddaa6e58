"""Repeated phrases: word n-gram counts and keyword in context (KWIC)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from .text import sentence_runs, sentence_spans

__all__ = ["KEPT_STOPWORDS", "KWIC_COLUMNS", "PHRASE_COLUMNS", "count_ngrams", "kwic", "phrase_table", "stopwords"]

#: Negations are removed from the stopword list: in political speech "no change"
#: and "not" carry the news, and dropping them would hide phrases like "no change".
KEPT_STOPWORDS = frozenset({"no", "not", "nor", "never"})

PHRASE_COLUMNS: dict[str, str] = {
    "phrase": "str",  # lower-cased words joined by single spaces
    "n": "int64",  # words in the phrase
    "count": "int64",  # occurrences
    "n_turns": "int64",  # turns the phrase occurs in
}

KWIC_COLUMNS: dict[str, str] = {
    "turn_id": "int64",
    "speaker": "str",
    "left": "str",
    "keyword": "str",
    "right": "str",
}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Return the English stopword list: wordcloud's ``STOPWORDS`` minus :data:`KEPT_STOPWORDS`.

    wordcloud ships the classic ~190-word English list (articles, pronouns, auxiliaries,
    contractions with straight apostrophes); it is already a dependency for the word cloud,
    so the cloud and the phrase table drop exactly the same words.
    """
    from wordcloud import STOPWORDS  # imported lazily: wordcloud pulls in matplotlib

    return frozenset(w.lower() for w in STOPWORDS) - KEPT_STOPWORDS


def _ngrams(run: list[str], n: int) -> Iterable[tuple[str, ...]]:
    return (tuple(run[i : i + n]) for i in range(len(run) - n + 1))


def count_ngrams(
    texts: Iterable[str],
    *,
    n: int = 2,
    min_count: int = 2,
    drop_stopwords: bool = True,
) -> pd.DataFrame:
    """Count word n-grams within the sentences of each text.

    An n-gram is ``n`` consecutive words inside one sentence run (see
    :func:`podium.text.sentence_runs`): phrases never span a sentence end, a dash,
    a bracket or a stage direction, and are never formed from words that were not
    next to each other. With ``drop_stopwords``, phrases that start or end with a
    stopword are dropped (the rule of textacy's ``ngrams(filter_stops=True)``), so
    no stopword-only phrase is kept; stopwords inside a phrase stay ("state of the union").

    Parameters:
        texts: one string per turn.
        n: words per phrase (1 or more).
        min_count: keep phrases seen at least this many times.
        drop_stopwords: apply the stopword rule above, with :func:`stopwords`.

    Returns:
        One row per phrase with the columns of :data:`PHRASE_COLUMNS`: ``phrase``
        (str, lower case), ``n`` (int64, words), ``count`` (int64, occurrences),
        ``n_turns`` (int64, texts it occurs in); sorted by count descending, then phrase.

    Raises:
        ValueError: if ``n < 1`` or ``min_count < 1``.
    """
    return _count([sentence_runs(text) for text in texts], n=n, min_count=min_count, drop_stopwords=drop_stopwords)


def _count(runs_per_text: list[list[list[str]]], *, n: int, min_count: int, drop_stopwords: bool) -> pd.DataFrame:
    """:func:`count_ngrams` on texts already split by :func:`podium.text.sentence_runs`."""
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, not {min_count}")
    stops = stopwords() if drop_stopwords else frozenset()
    counts: Counter[tuple[str, ...]] = Counter()
    turn_counts: Counter[tuple[str, ...]] = Counter()
    for runs in runs_per_text:
        seen: set[tuple[str, ...]] = set()
        for run in runs:
            for gram in _ngrams(run, n):
                if gram[0] in stops or gram[-1] in stops:
                    continue
                counts[gram] += 1
                seen.add(gram)
        turn_counts.update(seen)
    rows = [
        {"phrase": " ".join(g), "n": n, "count": c, "n_turns": turn_counts[g]}
        for g, c in counts.items()
        if c >= min_count
    ]
    table = pd.DataFrame(rows, columns=list(PHRASE_COLUMNS)).astype(PHRASE_COLUMNS)
    return table.sort_values(["count", "phrase"], ascending=[False, True], kind="stable").reset_index(drop=True)


def phrase_table(texts: Iterable[str], *, ns: Iterable[int] = (1, 2, 3, 4), min_count: int = 2) -> pd.DataFrame:
    """Count repeated phrases for several phrase lengths at once.

    Returns the rows of :func:`count_ngrams` for each ``n`` in ``ns``, stacked, in the
    order of ``ns``; same columns. Raises ValueError as :func:`count_ngrams` does.
    """
    runs = [sentence_runs(text) for text in texts]  # split once, count every n
    frames = [_count(runs, n=n, min_count=min_count, drop_stopwords=True) for n in ns]
    return pd.concat(frames, ignore_index=True).astype(PHRASE_COLUMNS)


def kwic(turns: pd.DataFrame, phrase: str, *, window: int = 60) -> pd.DataFrame:
    """List every occurrence of ``phrase`` with the text around it (keyword in context).

    Occurrences are found exactly as :func:`count_ngrams` counts them: the phrase's words,
    in order, inside one sentence run (see :func:`podium.text.sentence_spans`), compared in
    lower case; so a phrase shows as many lines here as its count in the phrase table.

    Parameters:
        turns: a turns table (``turn_id``, ``speaker``, ``text``).
        phrase: words to look for, e.g. ``"open door"``, as in the ``phrase`` column.
        window: characters of context on each side.

    Returns:
        One row per occurrence, in transcript order, with the columns of
        :data:`KWIC_COLUMNS`: ``left`` and ``right`` context (str, at most ``window``
        characters, line breaks as spaces) and ``keyword`` as written in the turn.
    """
    target = [w for w, _, _ in (sentence_spans(phrase.lower())[0] if phrase.split() else [])]
    rows = []
    n = len(target)
    if n:
        for turn_id, speaker, text in turns[["turn_id", "speaker", "text"]].itertuples(index=False):
            for run in sentence_spans(text):
                for i in range(len(run) - n + 1):
                    if [w for w, _, _ in run[i : i + n]] == target:
                        start, end = run[i][1], run[i + n - 1][2]
                        rows.append(
                            {
                                "turn_id": turn_id,
                                "speaker": speaker,
                                "left": re.sub(r"\s+", " ", text[max(0, start - window) : start]),
                                "keyword": re.sub(r"\s+", " ", text[start:end]),
                                "right": re.sub(r"\s+", " ", text[end : end + window]),
                            }
                        )
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS)).astype(KWIC_COLUMNS)

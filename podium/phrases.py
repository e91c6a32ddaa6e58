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
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from .text import RUN_BREAK, library_stopwords, phrase_token_parts, phrase_words

__all__ = [
    "KEPT_STOPWORDS",
    "MAX_N",
    "PHRASE_COLUMNS",
    "SPEAKER_PHRASE_COLUMNS",
    "GramCounts",
    "Tally",
    "count_ngrams",
    "parse_stopwords",
    "phrase_table",
    "phrase_table_from_tally",
    "speaker_phrase_table",
    "stopwords",
    "tally",
    "top_with_ties",
    "turn_token_ids",
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


# ---- token ids: every phrase token gets a small integer, for fast counting ----------------------
_VOCAB: dict[str, int] = {RUN_BREAK: 0}
_TOKENS: list[str] = [RUN_BREAK]  # append-only: an id never changes meaning
_VOCAB_LOCK = threading.Lock()


def _token_id(token: str) -> int:
    found = _VOCAB.get(token)
    if found is None:
        with _VOCAB_LOCK:  # pages run in threads: one id per token
            found = _VOCAB.get(token)
            if found is None:
                found = len(_TOKENS)
                _TOKENS.append(token)
                _VOCAB[token] = found
    return found


@lru_cache(maxsize=500_000)
def _word_ids(word: str) -> tuple[int, ...]:
    if word == RUN_BREAK:
        return (0,)
    return tuple(_token_id(t) for t in phrase_token_parts(word, False, False))


@lru_cache(maxsize=100_000)
def _caps_word_ids(word: str) -> tuple[int, ...]:
    if word == RUN_BREAK:
        return (0,)
    return tuple(_token_id(t) for t in phrase_token_parts(word, False, True))


@lru_cache(maxsize=100_000)
def _initial_word_ids(word: str) -> tuple[int, ...]:
    """Ids of a word that opens a run of a text that is not in capitals (see :func:`phrase_tokens`)."""
    return tuple(_token_id(t) for t in phrase_token_parts(word, True, False))


def _turn_ids(text: str) -> tuple[list[int], int]:
    """Token ids of one turn (0 between runs) and its number of words."""
    found, caps, initial_caps = phrase_words(text)
    n_words = len(found) - found.count(RUN_BREAK)
    if initial_caps:
        # phrase_tokens' exact path (a capitalised stopword may open a run), from the same words:
        # the first word of each run is read as sentence-initial, every other word as usual
        out: list[int] = []
        initial = True
        for word in found:
            if word == RUN_BREAK:
                initial = True
                out.append(0)
            else:
                out.extend(_initial_word_ids(word) if initial else _word_ids(word))
                initial = False
        return out, n_words
    if caps:
        return _ids_of_words(found, _caps_word_ids, _SINGLE_CAPS_IDS), n_words
    return _ids_of_words(found, _word_ids, _SINGLE_IDS), n_words


#: Words whose ids (``_word_ids``, ``_caps_word_ids``) are a single id, mapped to it: a plain dict
#: look-up per word instead of a cached call (most words are one token), bounded like those caches.
_SINGLE_IDS: dict[str, int] = {RUN_BREAK: 0}
_SINGLE_CAPS_IDS: dict[str, int] = {RUN_BREAK: 0}
_MAX_SINGLE_IDS = 500_000


def _ids_of_words(found: list[str], ids_of, single: dict[str, int]) -> list[int]:
    """``[i for word in found for i in ids_of(word)]``: each word's ids, looked up in ``single``
    where it has one id (one C-level pass); the others (hyphenated compounds, words not seen yet)
    are spliced in from ``ids_of``, and a single id found is remembered."""
    get = single.get
    codes = [get(word, -1) for word in found]
    try:
        k = codes.index(-1)
    except ValueError:
        return codes
    out = codes[:k]
    while True:
        word = found[k]
        got = ids_of(word)
        if len(got) == 1 and len(single) < _MAX_SINGLE_IDS:
            single[word] = got[0]  # the same id every time: safe to set from several threads
        out.extend(got)
        try:
            after = codes.index(-1, k + 1)
        except ValueError:
            out.extend(codes[k + 1 :])
            return out
        out.extend(codes[k + 1 : after])
        k = after


# ---- one tokenising pass per turn, shared by the turn's word count and the phrase counts --------
#: Bytes of turn text and token ids that :func:`turn_token_ids` keeps (about 10 MB per million
#: words); beyond it the turns cached first are dropped and tokenised again when asked for.
TOKEN_CACHE_BYTES = 96_000_000
_TURN_CACHE: dict[str, tuple[np.ndarray, int]] = {}
_turn_cache_bytes = 0
_TURN_CACHE_LOCK = threading.Lock()


def turn_token_ids(text: str) -> tuple[np.ndarray, int]:
    """The phrase-token ids of one turn and its number of words, from one tokenising pass.

    Returns ``(ids, n_words)``: ``ids`` is a read-only int32 array of token ids (0 where a run of
    :func:`podium.text.phrase_runs` ends, and once more at the end of the turn; :meth:`Tally.phrase`
    turns ids back into tokens), and ``n_words`` equals ``len(podium.text.words(text))``, the
    turn's ``n_words``. Parsing measures each turn with it and :func:`tally` counts phrases from
    the same arrays, so a turn's text is tokenised once. Cached per text (bounded by
    :data:`TOKEN_CACHE_BYTES`; identical turns, such as "Thank you.", share one entry).
    """
    global _turn_cache_bytes
    hit = _TURN_CACHE.get(text)
    if hit is not None:
        return hit
    ids, n_words = _turn_ids(text)
    ids.append(0)  # a turn ends a run
    array = np.asarray(ids, dtype=np.int32)
    array.flags.writeable = False
    entry = (array, n_words)
    with _TURN_CACHE_LOCK:  # pages run in threads
        if text not in _TURN_CACHE:
            _TURN_CACHE[text] = entry
            _turn_cache_bytes += len(text) + array.nbytes
            while _turn_cache_bytes > TOKEN_CACHE_BYTES and len(_TURN_CACHE) > 1:
                old_text, (old_ids, _) = next(iter(_TURN_CACHE.items()))
                del _TURN_CACHE[old_text]
                _turn_cache_bytes -= len(old_text) + old_ids.nbytes
    return entry


@dataclass(frozen=True)
class GramCounts:
    """Every distinct n-gram of one length in a :class:`Tally`, as arrays.

    Attributes:
        tokens: int64 array ``(grams, n)`` of token ids (see :meth:`Tally.phrase`).
        count: int64 array ``(grams,)``: occurrences.
        n_turns: int64 array ``(grams,)``: turns the gram occurs in.
        by_speaker: one row per (gram, speaker) pair that occurs, columns ``gram`` (row of
            ``tokens``), ``speaker`` (index into :attr:`Tally.speakers`), ``count``, ``n_turns``.
    """

    tokens: np.ndarray
    count: np.ndarray
    n_turns: np.ndarray
    by_speaker: pd.DataFrame


@dataclass(frozen=True)
class Tally:
    """Raw n-gram counts of a set of turns, per speaker, before any stopword rule or minimum.

    Attributes:
        grams: ``{n: GramCounts}`` for each length counted.
        speakers: speakers in order of first appearance.
        n_words: ``{speaker: words}`` as counted by :func:`podium.text.words` (the ``n_words``
            of the turns table), the base of every rate per 1,000 words.
        ns: phrase lengths counted.
    """

    grams: dict[int, GramCounts]
    speakers: tuple[str, ...]
    n_words: dict[str, int]
    ns: tuple[int, ...] = field(default=(1, 2, 3, 4, 5))

    @staticmethod
    def phrase(ids: Iterable[int]) -> str:
        """The phrase of a row of token ids: tokens joined by single spaces."""
        return " ".join(_TOKENS[i] for i in ids)

    def phrases(self, n: int) -> list[str]:
        """Every distinct length-``n`` phrase, in the order of :attr:`GramCounts.tokens`."""
        tokens = _TOKENS
        return [" ".join(tokens[i] for i in row) for row in self.grams[n].tokens.tolist()]

    def pooled(self, n: int) -> tuple[Counter, Counter]:
        """Counts and turn counts of length-``n`` grams over all speakers, keyed by token tuples."""
        grams = self.grams[n]
        keys = [tuple(_TOKENS[i] for i in row) for row in grams.tokens.tolist()]
        return Counter(dict(zip(keys, grams.count.tolist(), strict=True))), Counter(
            dict(zip(keys, grams.n_turns.tolist(), strict=True))
        )

    def speaker_counts(self, n: int) -> dict[str, dict[str, int]]:
        """``{speaker: {phrase: occurrences}}`` for every length-``n`` phrase each speaker said."""
        grams = self.grams[n]
        phrases = self.phrases(n)
        out: dict[str, dict[str, int]] = {s: {} for s in self.speakers}
        for g, s, c in grams.by_speaker[["gram", "speaker", "count"]].itertuples(index=False):
            out[self.speakers[s]][phrases[g]] = c
        return out


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

    Method: tokens become integer ids; the n-grams of every length are numbered by hashing
    (``pandas.factorize``) the (n-1)-gram's number with the next token, so counting is a few
    vectorised passes over the token array whatever the vocabulary.
    """
    ns = _check(ns, 1)
    texts = list(texts)
    speakers = [""] * len(texts) if speakers is None else list(speakers)
    if len(speakers) != len(texts):
        raise ValueError("texts and speakers differ in length")
    names = list(dict.fromkeys(speakers))
    index = {s: i for i, s in enumerate(names)}
    n_words = dict.fromkeys(names, 0)
    parts: list[np.ndarray] = []
    lengths = []
    was_enabled = gc.isenabled()
    gc.disable()  # millions of small objects, no cycles: the collector would rescan them all
    try:
        for text, speaker in zip(texts, speakers, strict=True):
            turn_ids, words = turn_token_ids(text)  # usually cached by the parse
            n_words[speaker] += words
            parts.append(turn_ids)
            lengths.append(len(turn_ids))
    finally:
        if was_enabled:
            gc.enable()
    tok = np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)
    del parts
    turn = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)  # int32: a quarter of the memory
    speaker_of_turn = np.asarray([index[s] for s in speakers], dtype=np.int64)
    grams = {}
    codes = valid = None
    n_vocab = len(_TOKENS)
    for n in range(1, max(ns) + 1):
        m = len(tok) - n + 1
        if m <= 0:
            codes = valid = np.zeros(0, dtype=np.int64)
        else:
            last = tok[n - 1 :]
            if n == 1:
                key, valid = tok, tok != 0
            else:
                key, valid = codes[:m] * n_vocab + last, valid[:m] & (last != 0)
            codes = None  # freed before the next numbering is built (a 50 MB transcript has 8 M tokens)
            # token ids already number the 1-grams (below n_vocab, so the 2-gram keys stay below
            # n_vocab ** 2); a numbering only needs equal keys to get equal numbers
            codes = key if n == 1 else pd.factorize(key)[0].astype(np.int64, copy=False)
            del key
        if n in ns:
            grams[n] = _summarise(codes, valid, n, tok, turn, speaker_of_turn, len(texts), len(names))
    return Tally(grams, tuple(names), n_words, ns)


def _summarise(codes, valid, n, tok, turn, speaker_of_turn, n_texts, n_speakers) -> GramCounts:
    """Counts of the valid grams numbered by ``codes`` (see :func:`tally`)."""
    pos = np.flatnonzero(valid)
    if not len(pos):
        empty = np.zeros(0, dtype=np.int64)
        frame = pd.DataFrame({"gram": empty, "speaker": empty, "count": empty, "n_turns": empty})
        return GramCounts(np.zeros((0, n), dtype=np.int64), empty, empty, frame)
    dense = pd.factorize(codes[pos])[0].astype(np.int64, copy=False)  # numbered in order of first appearance
    n_grams = int(dense.max()) + 1
    running = np.maximum.accumulate(dense)
    first = pos[np.flatnonzero(np.diff(running, prepend=-1) > 0)]  # where each gram first occurs
    del running
    tokens = np.stack([tok[first + k] for k in range(n)], axis=1)
    count = np.bincount(dense, minlength=n_grams)
    t = turn[pos]
    pairs = pd.unique(dense * n_texts + t)  # distinct (gram, turn)
    pair_gram, pair_turn = pairs // n_texts, pairs % n_texts
    n_turns = np.bincount(pair_gram, minlength=n_grams)
    s = speaker_of_turn[t]
    del t, pos
    sp_codes, sp_keys = pd.factorize(dense * n_speakers + s)
    del s, dense
    sp_count = np.bincount(sp_codes)
    turn_keys = pair_gram * n_speakers + speaker_of_turn[pair_turn]
    tk_codes, tk_keys = pd.factorize(turn_keys)
    sp_turns = pd.Series(np.bincount(tk_codes), index=tk_keys).reindex(sp_keys).to_numpy()
    frame = pd.DataFrame(
        {
            "gram": sp_keys // n_speakers,
            "speaker": sp_keys % n_speakers,
            "count": sp_count.astype(np.int64),
            "n_turns": sp_turns.astype(np.int64),
        }
    )
    return GramCounts(tokens, count.astype(np.int64), n_turns.astype(np.int64), frame)


def _token_index(tokens: np.ndarray) -> pd.Index:
    """An index of rows of token ids (one column: a plain index)."""
    return pd.Index(tokens[:, 0]) if tokens.shape[1] == 1 else pd.MultiIndex.from_arrays(list(tokens.T))


def _maximal_rows(kept: dict[int, tuple[np.ndarray, np.ndarray]], n: int) -> np.ndarray:
    """:func:`_maximal` on token ids: whether each length-``n`` row of ``kept`` (``{n: (token ids,
    counts)}``, the rows of a phrase table) lies inside no longer row of ``kept`` with the same count.

    Each longer row's sub-phrases of length ``n`` are looked up among the length-``n`` rows at once
    (a phrase is its tokens joined by spaces, and no token holds a space, so rows and phrases match
    one to one)."""
    tokens, count = kept[n]
    maximal = np.ones(len(tokens), dtype=bool)
    if not len(tokens):
        return maximal
    index = _token_index(tokens)
    for m, (longer, longer_count) in kept.items():
        if m <= n or not len(longer):
            continue
        for i in range(m - n + 1):
            found = index.get_indexer(_token_index(longer[:, i : i + n]))
            hit = found >= 0
            same = found[hit][count[found[hit]] == longer_count[hit]]
            maximal[same] = False
    return maximal


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
    if not set(ns) <= set(counted.ns):
        raise ValueError(f"phrase lengths {sorted(set(ns) - set(counted.ns))} were not counted")
    stops = (stopwords() if stops is None else stops) if drop_stopwords else frozenset()
    stop_ids = np.asarray(sorted(_VOCAB[w] for w in stops if w in _VOCAB), dtype=np.int64)
    total_words = sum(counted.n_words.values())
    frames = []
    kept: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # n: (token ids, counts) of the table's rows
    for n in counted.ns:  # every counted length, so that maximality sees the longer phrases
        grams = counted.grams[n]
        keep = grams.count >= min_count
        if len(stop_ids):
            keep &= ~np.isin(grams.tokens[:, 0], stop_ids) & ~np.isin(grams.tokens[:, -1], stop_ids)
        rows = np.flatnonzero(keep)
        kept[n] = (grams.tokens[rows], grams.count[rows])
        frames.append(
            pd.DataFrame(
                {
                    "phrase": [Tally.phrase(r) for r in grams.tokens[rows].tolist()],
                    "n": n,
                    "count": grams.count[rows],
                    "n_turns": grams.n_turns[rows],
                }
            )
        )
    table = (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["phrase", "n", "count", "n_turns"])
    )
    table["per_1000_words"] = table["count"] * 1000.0 / total_words if total_words else 0.0
    table["maximal"] = np.concatenate([_maximal_rows(kept, n) for n in counted.ns]) if len(table) else False
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
    frames = []
    for n, group in phrases.groupby("n", sort=False):
        grams = counted.grams[int(n)]
        ids = [[_VOCAB.get(t, -1) for t in p.split(" ")] for p in group["phrase"]]
        if int(n) == 1:
            index = pd.Index(grams.tokens[:, 0])
            wanted = pd.Index([row[0] for row in ids])
        else:
            index = pd.MultiIndex.from_arrays(list(grams.tokens.T))
            wanted = pd.MultiIndex.from_tuples([tuple(row) for row in ids])
        rows = index.get_indexer(wanted)
        order = pd.DataFrame({"gram": rows, "phrase": list(group["phrase"]), "_order": group.index})
        own = grams.by_speaker.merge(order[order["gram"] >= 0], on="gram")
        own["n"] = int(n)
        frames.append(own)
    if not frames:
        return pd.DataFrame(columns=list(SPEAKER_PHRASE_COLUMNS)).astype(SPEAKER_PHRASE_COLUMNS)
    out = pd.concat(frames, ignore_index=True).sort_values(["_order", "speaker"], kind="stable")
    words = np.asarray([counted.n_words[s] for s in counted.speakers], dtype=float)
    per_words = words[out["speaker"].to_numpy()]
    out["per_1000_words"] = np.where(per_words > 0, out["count"] * 1000.0 / np.maximum(per_words, 1), 0.0)
    out["speaker"] = [counted.speakers[i] for i in out["speaker"]]
    return out[list(SPEAKER_PHRASE_COLUMNS)].astype(SPEAKER_PHRASE_COLUMNS).reset_index(drop=True)


def top_with_ties(frame: pd.DataFrame, column: str, top: int) -> tuple[pd.DataFrame, list[str]]:
    """The first ``top`` rows of ``frame`` (already sorted by ``column`` descending) and the
    ``phrase`` values left out that tie with the last row shown (a cut tie), in table order."""
    shown = frame.head(top)
    if len(frame) <= top or not len(shown):
        return shown, []
    last = shown[column].iloc[-1]
    rest = frame.iloc[top:]
    return shown, list(rest.loc[rest[column] == last, "phrase"])

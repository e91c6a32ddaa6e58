"""Distinctive words and phrases: weighted log-odds ratios with an informative Dirichlet prior.

Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). "Fightin' Words: Lexical Feature Selection
and Evaluation for Identifying the Content of Political Conflict." *Political Analysis* 16(4),
372-403, section 3.5 (equations 16, 19 and 20). Each speaker is compared with all the other
speakers together.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

__all__ = ["LOG_ODDS_COLUMNS", "distinctive_from_tally", "log_odds"]

LOG_ODDS_COLUMNS: dict[str, str] = {
    "speaker": "str",
    "term": "str",  # a word or phrase (phrase tokens joined by spaces)
    "count": "int64",  # y_w^i: occurrences by this speaker
    "count_others": "int64",  # y_w^j: occurrences by all the other speakers
    "prior": "float64",  # alpha_w: the Dirichlet prior's pseudo-count for the term
    "log_odds": "float64",  # delta_w^(i-j): weighted log-odds ratio, natural log
    "se": "float64",  # sqrt of the approximate variance 1/(y_w^i + alpha_w) + 1/(y_w^j + alpha_w)
    "z": "float64",  # log_odds / se; above 1.96, the speaker uses the term more than the others at the 5% level
}


def log_odds(
    counts: Mapping[str, Mapping[str, int]],
    *,
    prior: Mapping[str, float] | None = None,
    prior_scale: float = 1.0,
) -> pd.DataFrame:
    """Weighted log-odds ratio of every term for each speaker against all other speakers.

    For speaker ``i``, the others ``j`` (pooled), a term ``w`` with counts ``y_w^i`` and
    ``y_w^j``, totals ``n^i`` and ``n^j`` (all terms' counts) and prior pseudo-counts ``alpha_w``
    summing to ``alpha_0`` (Monroe et al. 2008, eq. 16, 19-20)::

        delta_w = log((y_w^i + alpha_w) / (n^i + alpha_0 - y_w^i - alpha_w))
                - log((y_w^j + alpha_w) / (n^j + alpha_0 - y_w^j - alpha_w))
        var(delta_w) ~= 1 / (y_w^i + alpha_w) + 1 / (y_w^j + alpha_w)
        z_w = delta_w / sqrt(var(delta_w))

    Parameters:
        counts: ``{speaker: {term: count}}``, two or more speakers; terms a speaker never said
            may be left out.
        prior: ``{term: alpha_w}``. Default: the informative prior estimated from the data
            themselves, ``alpha_w`` = the term's count over all speakers times ``prior_scale``
            (the empirical-Bayes prior of the tidylo R package, Schnoebelen & Silge).
        prior_scale: multiplies the default prior (ignored when ``prior`` is given).

    Returns:
        One row per (speaker, term) the speaker said at least once, with the columns of
        :data:`LOG_ODDS_COLUMNS`, sorted by speaker (in the order of ``counts``), then ``z``
        descending, then term.

    Raises:
        ValueError: if fewer than two speakers have any count, or a prior is not positive.
    """
    speakers = [s for s, c in counts.items() if sum(c.values()) > 0]
    if len(speakers) < 2:
        raise ValueError("Log-odds compare speakers: at least two speakers with words are needed.")
    pooled: dict[str, int] = {}
    for speaker in speakers:
        for term, c in counts[speaker].items():
            pooled[term] = pooled.get(term, 0) + int(c)
    alpha = {t: c * prior_scale for t, c in pooled.items()} if prior is None else dict(prior)
    if any(alpha.get(t, 0) <= 0 for t in pooled):
        raise ValueError("Every term needs a positive prior pseudo-count.")
    alpha_0 = sum(alpha.values())
    total = sum(pooled.values())
    rows = []
    for speaker in speakers:
        own = counts[speaker]
        n_i = sum(int(c) for c in own.values())
        n_j = total - n_i
        for term, y_i in own.items():
            y_i = int(y_i)
            if y_i <= 0:
                continue
            y_j = pooled[term] - y_i
            a = alpha[term]
            delta = math.log((y_i + a) / (n_i + alpha_0 - y_i - a)) - math.log((y_j + a) / (n_j + alpha_0 - y_j - a))
            se = math.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))
            rows.append((speaker, term, y_i, y_j, a, delta, se, delta / se))
    table = pd.DataFrame(rows, columns=list(LOG_ODDS_COLUMNS)).astype(LOG_ODDS_COLUMNS)
    order = {s: i for i, s in enumerate(speakers)}
    table["_order"] = table["speaker"].map(order)
    table = table.sort_values(["_order", "z", "term"], ascending=[True, False, True], kind="stable")
    return table.drop(columns="_order").reset_index(drop=True)


def distinctive_from_tally(
    counted,
    n: int,
    *,
    min_count: int = 1,
    stops: frozenset[str] = frozenset(),
    drop_stopwords: bool = False,
) -> pd.DataFrame:
    """:func:`log_odds` of every length-``n`` phrase of a :class:`podium.phrases.Tally`, each speaker
    against the others, with the default prior (each phrase's count over all speakers); then only
    the rows of phrases said at least ``min_count`` times in all and, with ``drop_stopwords``, not
    starting or ending with a word of ``stops``. Totals and the prior use every phrase.

    The same numbers, rows and order as ``log_odds(counted.speaker_counts(n))`` filtered so
    (logarithms by :func:`math.log`, in the same order of operations), computed over the tally's
    arrays: with 10,000 speakers the dictionaries of :func:`log_odds` took seconds.

    Returns:
        The columns of :data:`LOG_ODDS_COLUMNS`, sorted by speaker (first appearance), ``z``
        descending, then term. Raises ValueError if fewer than two speakers said any phrase.
    """
    from .phrases import _VOCAB, Tally

    grams = counted.grams[n]
    rows = grams.by_speaker
    speaker = rows["speaker"].to_numpy(np.int64)
    gram = rows["gram"].to_numpy(np.int64)
    y_i = rows["count"].to_numpy(np.int64)
    n_of = np.zeros(len(counted.speakers), dtype=np.int64)
    np.add.at(n_of, speaker, y_i)
    if int((n_of > 0).sum()) < 2:
        raise ValueError("Log-odds compare speakers: at least two speakers with words are needed.")
    pooled = grams.count.astype(np.int64)
    total = int(pooled.sum())
    alpha_0 = float(total)  # the default prior: alpha_w = pooled count, so alpha_0 = all counts
    y_j = pooled[gram] - y_i
    a = pooled[gram].astype(np.float64)
    n_i = n_of[speaker]
    n_j = total - n_i
    mine = (y_i + a) / (n_i + alpha_0 - y_i - a)
    theirs = (y_j + a) / (n_j + alpha_0 - y_j - a)
    log = math.log
    delta = np.fromiter(map(log, mine.tolist()), np.float64, len(mine)) - np.fromiter(
        map(log, theirs.tolist()), np.float64, len(theirs)
    )
    se = np.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))
    keep = pooled[gram] >= min_count
    if drop_stopwords:
        stop_ids = np.asarray(sorted(_VOCAB[w] for w in stops if w in _VOCAB), dtype=np.int64)
        if len(stop_ids):
            keep &= ~np.isin(grams.tokens[gram, 0], stop_ids) & ~np.isin(grams.tokens[gram, -1], stop_ids)
    kept = np.flatnonzero(keep)
    used = np.unique(gram[kept])
    phrase_of = dict(zip(used.tolist(), (Tally.phrase(r) for r in grams.tokens[used].tolist()), strict=True))
    speakers = np.asarray(counted.speakers, dtype=object)
    table = pd.DataFrame(
        {
            "speaker": speakers[speaker[kept]],
            "term": [phrase_of[g] for g in gram[kept].tolist()],
            "count": y_i[kept],
            "count_others": y_j[kept],
            "prior": a[kept],
            "log_odds": delta[kept],
            "se": se[kept],
            "z": delta[kept] / se[kept],
            "_order": speaker[kept],
        }
    )
    table = table.sort_values(["_order", "z", "term"], ascending=[True, False, True], kind="stable")
    return table.drop(columns="_order").astype(LOG_ODDS_COLUMNS).reset_index(drop=True)

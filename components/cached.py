"""The pure analysis functions of :mod:`podium`, cached per input with ``st.cache_data``.

Streamlit returns a fresh copy of a cached DataFrame on every call, so pages may not
mutate what they get back, and never need to.
"""

from __future__ import annotations

import hashlib
import pickle

import numpy as np
import pandas as pd
import streamlit as st

from podium import annotations, compare, logodds, phrases, qa, talk_time
from podium import kwic as kwic_module
from podium import turn_taking as turn_taking_


def _tuple_digest(items: tuple) -> bytes:
    """A content digest of a tuple argument: for strings (a transcript's turn texts and speakers)
    one hash of their lengths and their text joined, instead of Streamlit hashing each of tens of
    thousands of strings on its own (a quarter of a second per call at 20,000 turns, on every rerun)."""
    if all(type(item) is str for item in items):
        digest = hashlib.blake2b(digest_size=20)
        digest.update(np.fromiter(map(len, items), dtype=np.int64, count=len(items)).tobytes())
        digest.update("".join(items).encode("utf-8", "surrogatepass"))
        return b"str:" + digest.digest()
    return b"pickle:" + hashlib.blake2b(pickle.dumps(items), digest_size=20).digest()


#: Hash tuples of turn texts by content in one pass (see :func:`_tuple_digest`).
_TEXTS = {tuple: _tuple_digest}


@st.cache_data(show_spinner=False, max_entries=64)
def speaker_table(turns: pd.DataFrame) -> pd.DataFrame:
    """Cached :func:`podium.talk_time.speaker_table`."""
    return talk_time.speaker_table(turns)


@st.cache_resource(show_spinner=False, max_entries=8, hash_funcs=_TEXTS)
def phrase_tally(texts: tuple[str, ...], speakers: tuple[str, ...]) -> phrases.Tally:
    """Cached :func:`podium.phrases.tally` (n = 1 to 5), shared, never mutated."""
    return phrases.tally(texts, speakers)


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=_TEXTS)
def phrase_tables(
    texts: tuple[str, ...],
    speakers: tuple[str, ...],
    n: int,
    min_count: int,
    stops: tuple[str, ...],
    drop_stopwords: bool,
    maximal_only: bool,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The phrase table of length-``n`` phrases and each speaker's use of them
    (:func:`podium.phrases.phrase_table_from_tally`, :func:`podium.phrases.speaker_phrase_table`)."""
    counted = phrase_tally(texts, speakers)
    table = phrases.phrase_table_from_tally(
        counted,
        ns=(n,),
        min_count=min_count,
        stops=frozenset(stops),
        drop_stopwords=drop_stopwords,
        maximal_only=maximal_only,
    )
    return table, phrases.speaker_phrase_table(counted, table)


@st.cache_data(show_spinner=False, max_entries=32, hash_funcs=_TEXTS)
def distinctive_terms(
    texts: tuple[str, ...],
    speakers: tuple[str, ...],
    n: int,
    min_count: int,
    stops: tuple[str, ...],
    drop_stopwords: bool,
) -> pd.DataFrame:
    """:func:`podium.logodds.log_odds` of every length-``n`` phrase, each speaker against the others,
    keeping terms said at least ``min_count`` times in all and (optionally) not starting or ending
    with a stopword; totals and the prior use every phrase. Empty with fewer than two speakers."""
    counted = phrase_tally(texts, speakers)
    try:  # computed over the tally's arrays (10,000 speakers); the same rows as log_odds(speaker_counts)
        return logodds.distinctive_from_tally(
            counted, n, min_count=min_count, stops=frozenset(stops), drop_stopwords=drop_stopwords
        )
    except ValueError:  # fewer than two speakers said a phrase of this length
        return pd.DataFrame(columns=list(logodds.LOG_ODDS_COLUMNS)).astype(logodds.LOG_ODDS_COLUMNS)


@st.cache_data(show_spinner=False, max_entries=64)
def kwic(turns: pd.DataFrame, query: str, exact: bool = False, estimated: bool = True) -> pd.DataFrame:
    """Cached :func:`podium.kwic.kwic`."""
    return kwic_module.kwic(turns, query, exact=exact, estimated=estimated)


@st.cache_data(show_spinner=False, max_entries=64)
def qa_pairs(turns: pd.DataFrame) -> pd.DataFrame:
    """Cached :func:`podium.qa.qa_pairs`."""
    return qa.qa_pairs(turns)


@st.cache_data(show_spinner=False, max_entries=32)
def word_cloud(table: pd.DataFrame):
    """Cached :func:`components.charts.word_cloud_image`."""
    from components.charts import word_cloud_image

    return word_cloud_image(table)


@st.cache_data(show_spinner=False, max_entries=64)
def stage_directions(turns: pd.DataFrame) -> pd.DataFrame:
    """Cached :func:`podium.annotations.stage_direction_table`."""
    return annotations.stage_direction_table(turns)


@st.cache_data(show_spinner=False, max_entries=64)
def _whole_speaker_measures(turns: pd.DataFrame, timed: bool) -> pd.DataFrame:
    return talk_time.speaker_table(turns, timed=timed)


@st.cache_data(show_spinner=False, max_entries=64)
def speaker_measures(turns: pd.DataFrame, speakers: tuple[str, ...], timed: bool) -> pd.DataFrame:
    """Cached :func:`podium.talk_time.speaker_table` of the whole ``turns`` with a speaker filter:
    the whole table is measured once per transcript and each filter picks its rows
    (:func:`podium.talk_time.filter_speaker_table`)."""
    return talk_time.filter_speaker_table(_whole_speaker_measures(turns, timed), list(speakers))


@st.cache_data(show_spinner=False, max_entries=64)
def speech_intervals(turns: pd.DataFrame) -> pd.DataFrame:
    """Cached :func:`podium.talk_time.speech_intervals`."""
    return talk_time.speech_intervals(turns)


@st.cache_data(show_spinner=False, max_entries=64)
def speech_duration(turns: pd.DataFrame) -> float:
    """Cached :func:`podium.talk_time.speech_duration`."""
    return talk_time.speech_duration(turns)


@st.cache_data(show_spinner=False, max_entries=64)
def turn_lengths(turns: pd.DataFrame) -> pd.DataFrame:
    """``turns``' ``turn_id``, ``speaker``, ``role``, ``n_words``, ``start_s`` and ``turn_s``
    (:func:`podium.talk_time.turn_seconds`)."""
    return turns[["turn_id", "speaker", "role", "n_words", "start_s"]].assign(turn_s=talk_time.turn_seconds(turns))


@st.cache_data(show_spinner=False, max_entries=64)
def cumulative_talk_time(turns: pd.DataFrame) -> pd.DataFrame:
    """Cached :func:`podium.talk_time.cumulative_talk_time`."""
    return talk_time.cumulative_talk_time(turns)


@st.cache_data(show_spinner=False, max_entries=64)
def turn_taking(turns: pd.DataFrame, timed: bool) -> dict[str, pd.DataFrame]:
    """Cached turn-taking tables of the whole ``turns``: ``interruptions``, ``crosstalk``,
    ``questions``, ``per_speaker`` (:mod:`podium.turn_taking`) and ``changes`` (a one-cell frame)."""
    return {
        "interruptions": turn_taking_.interruptions(turns, timed=timed),
        "crosstalk": turn_taking_.crosstalk(turns),
        "questions": turn_taking_.questions(turns),
        "per_speaker": turn_taking_.turn_taking_table(turns, timed=timed),
        "changes": pd.DataFrame({"speaker_changes": [turn_taking_.speaker_changes(turns)]}),
    }


@st.cache_data(show_spinner=False, max_entries=64)
def qa_exchanges(turns: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cached :func:`podium.qa.qa_exchanges`: ``(pairs, opening and closing remarks)``."""
    return qa.qa_exchanges(turns)


@st.cache_data(show_spinner=False, max_entries=64)
def assess_pairs(pairs: pd.DataFrame, phrases: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    """Cached :func:`podium.answers.assess_pairs` with a phrase list (as a tuple, to hash)."""
    from podium import answers

    return answers.assess_pairs(pairs, list(phrases))


@st.cache_data(show_spinner=False, max_entries=2048)
def label_answer(question: str, answer: str) -> dict:
    """Cached :func:`podium.answers.label_answer` (the signals behind one pair's label)."""
    from podium import answers

    return answers.label_answer(question, answer)


@st.cache_data(show_spinner=False, max_entries=4096)
def pair_highlights(
    question: str, answer: str, question_speaker: str, answer_speaker: str, phrases: tuple[tuple[str, str], ...]
) -> tuple[list, list, list]:
    """A Q&A pair's deflection-list matches and highlight spans, computed once per pair
    (:func:`components.qa_view.answer_matches`, :func:`components.qa_view.pair_spans`):
    ``(matches, question spans, answer spans)``."""
    from types import SimpleNamespace

    from components.qa_view import answer_matches, pair_spans

    pair = SimpleNamespace(
        question=question, answer=answer, question_speaker=question_speaker, answer_speaker=answer_speaker
    )
    matches = answer_matches(pair, list(phrases))
    return (matches, *pair_spans(pair, matches))


@st.cache_data(show_spinner=False, max_entries=16)
def compare_talk_share(turns_by_event: dict[str, pd.DataFrame], people: pd.DataFrame) -> pd.DataFrame:
    """Cached :func:`podium.compare.talk_share` (the Compare page's events and matched people)."""
    return compare.talk_share(turns_by_event, people)


@st.cache_data(show_spinner=False, max_entries=16)
def compare_qa_summary(turns_by_event: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Cached :func:`podium.compare.qa_summary`."""
    return compare.qa_summary(turns_by_event)


@st.cache_data(show_spinner=False, max_entries=32)
def compare_phrase_rates(turns_by_event: dict[str, pd.DataFrame], phrases_: tuple[str, ...]) -> pd.DataFrame:
    """Cached :func:`podium.compare.phrase_rates` of ``phrases_``."""
    return compare.phrase_rates(turns_by_event, phrases_)

"""The pure analysis functions of :mod:`podium`, cached per input with ``st.cache_data``.

Streamlit returns a fresh copy of a cached DataFrame on every call, so pages may not
mutate what they get back, and never need to.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from podium import annotations, phrases, qa, talk_time


@st.cache_data(show_spinner=False, max_entries=64)
def speaker_table(turns: pd.DataFrame) -> pd.DataFrame:
    """Cached :func:`podium.talk_time.speaker_table`."""
    return talk_time.speaker_table(turns)


@st.cache_data(show_spinner=False, max_entries=64)
def count_ngrams(texts: tuple[str, ...], n: int, min_count: int, drop_stopwords: bool) -> pd.DataFrame:
    """Cached :func:`podium.phrases.count_ngrams`."""
    return phrases.count_ngrams(texts, n=n, min_count=min_count, drop_stopwords=drop_stopwords)


@st.cache_data(show_spinner=False, max_entries=64)
def kwic(turns: pd.DataFrame, phrase: str) -> pd.DataFrame:
    """Cached :func:`podium.phrases.kwic`."""
    return phrases.kwic(turns, phrase)


@st.cache_data(show_spinner=False, max_entries=64)
def qa_pairs(turns: pd.DataFrame) -> pd.DataFrame:
    """Cached :func:`podium.qa.qa_pairs`."""
    return qa.qa_pairs(turns)


@st.cache_data(show_spinner=False, max_entries=16)
def word_cloud(table: pd.DataFrame):
    """Cached :func:`components.charts.word_cloud_image`."""
    from components.charts import word_cloud_image

    return word_cloud_image(table)


@st.cache_data(show_spinner=False, max_entries=64)
def stage_directions(turns: pd.DataFrame) -> pd.DataFrame:
    """Cached :func:`podium.annotations.stage_direction_table`."""
    return annotations.stage_direction_table(turns)


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

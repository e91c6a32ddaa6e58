"""Story facts: the few sentences a reporter would write from a transcript, with live numbers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from .kwic import kwic
from .phrases import phrase_table_from_tally, stopwords, tally
from .qa import speaker_names
from .roles import first_question_turn, longest_answer

__all__ = ["StoryFact", "repeated_phrases", "say_duration", "story_facts"]


@dataclass(frozen=True)
class StoryFact:
    """One sentence and the view that proves it.

    Attributes:
        text: the sentence, plain text (no Markdown), ready to paste into a story.
        view: the page that shows the evidence: ``"Speaker time"``, ``"Phrases"``, ``"Q&A"``
            or ``"Overview"``.
    """

    text: str
    view: str


def say_duration(seconds: float) -> str:
    """A duration as a reporter writes it: ``"42 seconds"``, ``"1 minute 40 seconds"``,
    ``"1 hour 5 minutes"`` (rounded to the second, or to the minute past an hour)."""

    def unit(n: int, word: str) -> str:
        return f"{n:,} {word}{'' if n == 1 else 's'}"

    seconds = round(seconds)
    if seconds < 60:
        return unit(seconds, "second")
    if seconds < 3600:
        minutes, secs = divmod(seconds, 60)
        return unit(minutes, "minute") + (f" {unit(secs, 'second')}" if secs else "")
    hours, minutes = divmod(round(seconds / 60), 60)
    return unit(hours, "hour") + (f" {unit(minutes, 'minute')}" if minutes else "")


def _clock(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def _count(n: int, word: str, plural: str | None = None) -> str:
    """AP style: numbers under ten in words, 10 and up in figures with thousands separators."""
    number = _NUMBER_WORDS.get(n, f"{n:,}")
    return f"{number} {word if n == 1 else (plural or word + 's')}"


def written_forms(turns: pd.DataFrame, phrase: str) -> list[str]:
    """How a counted phrase is written in the turns, most frequent first (ties in order of first
    use): phrases are counted as lower-case tokens ("yesterday meeting" counts "yesterday's
    meeting"), so a sentence that quotes one must quote what was said. Found with
    :func:`podium.kwic.kwic` (``exact``), whose ``keyword`` is the words as written; spaces are
    collapsed. ``turns`` needs ``turn_id``, ``speaker``, ``text``, ``start_s`` and ``end_s``."""
    found = kwic(turns, phrase, exact=True)["keyword"].str.split().str.join(" ")
    return [form for form, _ in Counter(found.tolist()).most_common()]


def repeated_phrases(texts: Iterable[str]) -> pd.DataFrame:
    """The repeated two-word phrases the story's phrase fact reads, most repeated first: the rows
    (``phrase``, ``count``, ``n_turns``, ``per_1000_words``, in that order) of the Phrases page's
    default table (:func:`podium.phrases.phrase_table_from_tally`, 2 words, said at least twice,
    not starting or ending with a stopword) from a tally of two-word phrases only, without
    per-speaker counts: a quarter of the work of the full tally (n = 1 to 5, per speaker), which
    matters with thousands of speakers. Its ``maximal`` column is not meaningful (longer phrases
    are not counted). ``texts`` are the turns' texts."""
    return phrase_table_from_tally(tally(texts, ns=(2,)), ns=(2,), min_count=2, stops=stopwords())


def story_facts(
    speakers: pd.DataFrame,
    lengths: pd.DataFrame,
    phrases: pd.DataFrame,
    pairs: pd.DataFrame,
    *,
    total_s: float,
    estimated: bool,
    turns: pd.DataFrame | None = None,
) -> list[StoryFact]:
    """Three to five sentences from a whole transcript's tables, each with the view that proves it.

    Parameters:
        speakers: :func:`podium.talk_time.speaker_table` of the whole transcript (``speaker``,
            ``talk_time_s``, ``talk_share``, ``n_words``, ``n_turns``), any order.
        lengths: one row per turn with ``turn_id`` (0-based), ``speaker``, ``role``, ``start_s``
            and ``turn_s`` (seconds of talk time).
        phrases: :func:`podium.phrases.count_ngrams` (``phrase``, ``n``, ``count``, ``n_turns``),
            most repeated first; may be empty.
        pairs: :func:`podium.qa.qa_pairs` (``question_speaker``, ``answer_words``); may be empty.
        total_s: the transcript's speech time in seconds (:func:`podium.talk_time.speech_duration`).
        estimated: times are estimates from word counts (the sentences say so).
        turns: the whole transcript's turns; when given, the phrase fact quotes the phrase as it is
            written (:func:`written_forms`: "yesterday's meeting", not the counted "yesterday
            meeting") and says when it was written in other forms too.

    Returns:
        The facts in reading order: who spoke most; the longest answer (or turn; see
        :func:`podium.roles.longest_answer`: opening statements are not answers); the most
        repeated phrase, when one is repeated; the questions and how many were answered, when
        there are questions; the size of the transcript. Turns are numbered from 1
        (``turn_id + 1``), as on every page.
    """
    facts: list[StoryFact] = []
    if speakers.empty:
        return facts
    est = "an estimated " if estimated else ""
    order = speakers.sort_values(["talk_time_s", "speaker"], ascending=[False, True], kind="stable")
    top = order.iloc[0]
    facts.append(
        StoryFact(
            f"{top['speaker']} spoke the most: {est}{say_duration(top['talk_time_s'])}, "
            f"{top['talk_share']:.0%} of the talk time of {_count(len(speakers), 'speaker')}.",
            "Speaker time",
        )
    )
    longest, kind = longest_answer(lengths, first_question_turn(lengths))
    if longest is not None:
        facts.append(
            StoryFact(
                f"The longest {kind} ran {'about ' if estimated else ''}{say_duration(longest['turn_s'])}: "
                f"{longest['speaker']}, turn {int(longest['turn_id']) + 1}, "
                f"{'about ' if estimated else ''}{_clock(longest['start_s'])} in.",
                "Speaker time",
            )
        )
    if len(phrases):
        phrase = phrases.iloc[0]
        forms = written_forms(turns, phrase["phrase"]) if turns is not None else []
        said = f"“{forms[0]}”" if forms else f"“{phrase['phrase']}”"
        if len(forms) > 1:
            said += f" (counted with “{forms[1]}”{' and other forms' if len(forms) > 2 else ''})"
        facts.append(
            StoryFact(
                f"The most repeated phrase was {said}, said {_count(int(phrase['count']), 'time')} "
                f"in {_count(int(phrase['n_turns']), 'turn')}.",
                "Phrases",
            )
        )
    if len(pairs):
        answered = int((pairs["answer_words"] > 0).sum())
        # a question put by several turns names them "MODERATOR / Q": count the people, not the strings
        askers = list(dict.fromkeys(n for s in pairs["question_speaker"] for n in speaker_names(s)))
        who = askers[0] if len(askers) == 1 else _count(len(askers), "questioner")
        if answered == len(pairs) and answered > 1:
            result = "both were answered" if answered == 2 else "all were answered"
        elif answered == 0:
            result = "none was answered" if len(pairs) > 1 else "it was not answered"
        else:
            result = f"{_NUMBER_WORDS.get(answered, f'{answered:,}')} {'was' if answered == 1 else 'were'} answered"
        sentence = f"{who} asked {_count(len(pairs), 'question')}; {result}."
        facts.append(StoryFact(sentence[0].upper() + sentence[1:], "Q&A"))
    n_words = int(speakers["n_words"].sum())
    n_turns = int(speakers["n_turns"].sum())
    facts.append(
        StoryFact(
            f"In all, {_count(len(speakers), 'speaker')} said {_count(n_words, 'word')} in "
            f"{_count(n_turns, 'turn')}, {est}{say_duration(total_s)} of speech.",
            "Overview",
        )
    )
    return facts

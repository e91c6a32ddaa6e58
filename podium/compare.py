"""Comparing events: one person across transcripts, questions per event, phrase rates per 1,000 words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from .qa import qa_pairs
from .speakers import _name_tokens, _tokens, propose_aliases
from .talk_time import speaker_table
from .text import folded_phrase_runs

__all__ = [
    "PEOPLE_COLUMNS",
    "PHRASE_RATE_COLUMNS",
    "QA_SUMMARY_COLUMNS",
    "REPORTERS",
    "TALK_SHARE_COLUMNS",
    "count_phrase",
    "match_people",
    "phrase_rates",
    "qa_summary",
    "split_phrases",
    "talk_share",
]

#: Columns of :func:`match_people`.
PEOPLE_COLUMNS: dict[str, str] = {"event_id": "str", "label": "str", "person": "str"}
#: Columns of :func:`talk_share`.
TALK_SHARE_COLUMNS: dict[str, str] = {
    "event_id": "str",
    "person": "str",
    "labels": "str",  # the speaker labels of this person in this event, " / "-joined
    "n_turns": "int64",
    "n_words": "int64",
    "talk_time_s": "float64",  # seconds
    "word_share": "float64",  # fraction of the event's words, 0..1
    "talk_share": "float64",  # fraction of the event's talk time, 0..1
}
#: Columns of :func:`qa_summary`.
QA_SUMMARY_COLUMNS: dict[str, str] = {
    "event_id": "str",
    "n_questions": "int64",
    "n_answered": "int64",
    "n_unanswered": "int64",
    "question_words_mean": "float64",  # words per question
    "answer_words_mean": "float64",  # words per answered question's answer
    "n_words": "int64",  # words in the event
}
#: Columns of :func:`phrase_rates`.
PHRASE_RATE_COLUMNS: dict[str, str] = {
    "event_id": "str",
    "phrase": "str",
    "count": "int64",  # occurrences
    "n_words": "int64",  # words in the event
    "per_1000_words": "float64",  # count / n_words * 1000
}

#: The person shown for the labels that stand for any reporter (``Q``, ``QUESTION``, ``REPORTER``).
REPORTERS = "Reporters"
_QUESTIONERS = {"Q", "QUESTION", "REPORTER", "REPORTERS", "AUDIENCE MEMBER"}

#: Labels that name a slot, not a person (``Speaker 1``, ``SPEAKER_08``, ``spk_0``): the same label in
#: two files is two people, so it is never matched across events.
_SLOT_RE = re.compile(r"(?i)^(speaker|spk|participant|guest|unknown)[ _-]?\d*$")


def match_people(labels_by_event: Mapping[str, Iterable[str]], edits: Mapping[tuple[str, str], str] | None = None):
    """Decide which speaker labels in several events are the same person.

    Rules, in order:

    1. :func:`podium.speakers.propose_aliases` over every label of every event (spelling variants,
       parenthetical abbreviations, a surname alone to the one full name with that surname).
    2. Labels whose names are equal once titles are dropped, with at least two name words:
       ``President Donald J. Trump`` and ``Donald J. Trump``; ``Vice President Joe Biden`` and
       ``President Joe Biden``. An office and a surname alone (``PRESIDENT TRUMP``) is not matched,
       as in rule 1, because the same office names different people in different years.
    3. Labels that stand for any reporter (``Q``, ``QUESTION``, ``REPORTER``) are one group,
       :data:`REPORTERS`, in every event.
    4. An office and a surname (``PRESIDENT TRUMP``) is the one full name that carries the same
       office and surname in some event (``President Donald J. Trump``), and so whoever that is
       matched with. ``THE PRESIDENT`` (no surname) is never matched.
    5. Slot labels (``Speaker 1``, ``SPEAKER_08``, ``spk_0``) stay within their event: they are
       shown as ``label (event id)``.
    6. ``edits``: ``{(event_id, label): person}`` from the user, applied last (blank ones ignored).

    Returns:
        A DataFrame with the columns of :data:`PEOPLE_COLUMNS`: one row per (event, label), in event
        order then order of first appearance.
    """
    events = {event: list(dict.fromkeys(labels)) for event, labels in labels_by_event.items()}
    everyone = [label for labels in events.values() for label in labels if not _SLOT_RE.match(label.strip())]
    canonical = propose_aliases(everyone)
    by_name: dict[tuple[str, ...], str] = {}
    for label in everyone:
        names = tuple(t.rstrip(".") for t in _name_tokens(canonical[label]))
        if len(names) >= 2:
            canonical[label] = by_name.setdefault(names, canonical[label])
    # an office and surname to the one full name that carries the same office and surname
    for label in everyone:
        names = [t.rstrip(".") for t in _name_tokens(label)]
        offices = {t.rstrip(".") for t in _tokens(label)} - set(names)
        if len(names) != 1 or not offices or canonical[label] != label:
            continue
        people = {
            canonical[full]
            for full in everyone
            if len(_name_tokens(full)) >= 2
            and _name_tokens(full)[-1].rstrip(".") == names[0]
            and offices <= {t.rstrip(".") for t in _tokens(full)}
        }
        if len(people) == 1:
            canonical[label] = people.pop()
    rows = []
    for event, labels in events.items():
        for label in labels:
            if _SLOT_RE.match(label.strip()):
                person = f"{label} ({event})"
            elif label.strip().upper() in _QUESTIONERS:
                person = REPORTERS
            else:
                person = canonical.get(label, label)
            edited = (edits or {}).get((event, label))
            if edited and edited.strip():
                person = edited.strip()
            rows.append({"event_id": event, "label": label, "person": person})
    return pd.DataFrame(rows, columns=list(PEOPLE_COLUMNS)).astype(PEOPLE_COLUMNS)


def talk_share(turns_by_event: Mapping[str, pd.DataFrame], people: pd.DataFrame) -> pd.DataFrame:
    """Each person's share of each event's words and talk time.

    Parameters:
        turns_by_event: ``{event_id: turns table}`` (columns of :data:`podium.model.TURN_COLUMNS`).
        people: :func:`match_people`'s table; labels missing from it are their own person.

    Returns:
        One row per (event, person) with the columns of :data:`TALK_SHARE_COLUMNS`, events in the
        given order, people by talk time (longest first).
    """
    person_of = {(e, lab): p for e, lab, p in people[["event_id", "label", "person"]].itertuples(index=False)}
    frames = []
    for event, turns in turns_by_event.items():
        table = speaker_table(turns)
        if table.empty:
            continue
        table = table.assign(person=[person_of.get((event, s), s) for s in table["speaker"]])
        total_time = float(table["talk_time_s"].sum())
        total_words = int(table["n_words"].sum())
        grouped = (
            table.groupby("person", sort=False)
            .agg(
                labels=("speaker", lambda s: " / ".join(s)),
                n_turns=("n_turns", "sum"),
                n_words=("n_words", "sum"),
                talk_time_s=("talk_time_s", "sum"),
            )
            .reset_index()
            .assign(
                event_id=event,
            )
            .sort_values("talk_time_s", ascending=False, kind="stable")
        )
        grouped["word_share"] = grouped["n_words"] / total_words if total_words else 0.0
        grouped["talk_share"] = grouped["talk_time_s"] / total_time if total_time else 0.0
        frames.append(grouped)
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in TALK_SHARE_COLUMNS.items()})
    return pd.concat(frames, ignore_index=True)[list(TALK_SHARE_COLUMNS)].astype(TALK_SHARE_COLUMNS)


def qa_summary(turns_by_event: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Questions and answers per event, as :func:`podium.qa.qa_pairs` pairs them.

    Returns:
        One row per event with the columns of :data:`QA_SUMMARY_COLUMNS`: questions asked, answered
        (followed by at least one answer turn) and unanswered; mean words per question and per
        answer (NaN when there are none); and the event's words.
    """
    rows = []
    for event, turns in turns_by_event.items():
        pairs = qa_pairs(turns)
        answered = pairs[pairs["answer_turn_ids"] != ""]
        rows.append(
            {
                "event_id": event,
                "n_questions": len(pairs),
                "n_answered": len(answered),
                "n_unanswered": len(pairs) - len(answered),
                "question_words_mean": pairs["question_words"].mean() if len(pairs) else float("nan"),
                "answer_words_mean": answered["answer_words"].mean() if len(answered) else float("nan"),
                "n_words": int(turns["n_words"].sum()),
            }
        )
    return pd.DataFrame(rows, columns=list(QA_SUMMARY_COLUMNS)).astype(QA_SUMMARY_COLUMNS)


def split_phrases(text: str) -> list[str]:
    """Phrases typed as a comma- or line-separated list, lower-cased, blanks and repeats dropped."""
    out = []
    for part in re.split(r"[,\n;]", text or ""):
        phrase = " ".join(w for run in folded_phrase_runs(part) for w in run)
        if phrase and phrase not in out:
            out.append(phrase)
    return out


def count_phrase(runs_per_turn: Iterable[list[list[str]]], phrase: str) -> int:
    """Occurrences of ``phrase`` (words, in order, inside one sentence run), counted exactly as
    the Phrases page and :func:`podium.kwic.kwic` count them, case aside.

    ``runs_per_turn`` is :func:`podium.text.folded_phrase_runs` of each turn's text.
    """
    target = [w for run in folded_phrase_runs(phrase) for w in run]
    n = len(target)
    if not n:
        return 0
    first = target[0]
    count = 0
    for runs in runs_per_turn:
        for run in runs:
            for i in range(len(run) - n + 1):
                if run[i] == first and run[i : i + n] == target:
                    count += 1
    return count


def phrase_rates(turns_by_event: Mapping[str, pd.DataFrame], phrases: Iterable[str]) -> pd.DataFrame:
    """How often each phrase is said in each event, per 1,000 words.

    Parameters:
        turns_by_event: ``{event_id: turns table}``.
        phrases: phrases as typed (see :func:`split_phrases`); matched case-insensitively.

    Returns:
        One row per (event, phrase) with the columns of :data:`PHRASE_RATE_COLUMNS`;
        ``per_1000_words`` is 0 for an event without words.
    """
    wanted = list(phrases)
    rows = []
    for event, turns in turns_by_event.items():
        runs = [folded_phrase_runs(text) for text in turns["text"]]
        n_words = int(turns["n_words"].sum())
        for phrase in wanted:
            count = count_phrase(runs, phrase)
            rows.append(
                {
                    "event_id": event,
                    "phrase": phrase,
                    "count": count,
                    "n_words": n_words,
                    "per_1000_words": count / n_words * 1000 if n_words else 0.0,
                }
            )
    return pd.DataFrame(rows, columns=list(PHRASE_RATE_COLUMNS)).astype(PHRASE_RATE_COLUMNS)

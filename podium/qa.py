"""Question and answer pairing."""

from __future__ import annotations

import pandas as pd

__all__ = ["QA_COLUMNS", "filter_pairs", "qa_pairs"]

QA_COLUMNS: dict[str, str] = {
    "pair_id": "int64",  # 0-based, in transcript order
    "question_turn_id": "int64",
    "question_speaker": "str",
    "question": "str",
    "question_words": "int64",
    "answer_turn_ids": "str",  # space-separated turn ids, "" when unanswered
    "answer_speaker": "str",  # " / "-joined when several people answer, "" when unanswered
    "answer": "str",
    "answer_words": "int64",
}


def qa_pairs(turns: pd.DataFrame) -> pd.DataFrame:
    """Pair every question turn with the answer that follows it.

    A question is a turn whose ``role`` is ``"question"``. Its answer is the run of
    ``"answer"`` turns right after it, up to the next question or ``"other"`` turn.
    When several people answer, each part of ``answer`` is prefixed with its speaker
    (``"NAME: ..."``) so no words are attributed to the wrong person. A question
    followed by another question gets an empty answer (it stays in the table:
    an unanswered question is news).

    Parameters:
        turns: the full turns table in transcript order (pair before filtering by
            speaker, or questions lose their answers).

    Returns:
        One row per question with the columns of :data:`QA_COLUMNS`; word counts are
        ``n_words`` of the turns (int64, words).
    """
    records = turns[["turn_id", "speaker", "role", "text", "n_words"]].to_dict("records")
    rows = []
    for i, turn in enumerate(records):
        if turn["role"] != "question":
            continue
        answers = []
        for later in records[i + 1 :]:
            if later["role"] != "answer":
                break
            answers.append(later)
        speakers = list(dict.fromkeys(a["speaker"] for a in answers))
        if len(speakers) > 1:
            answer = "\n\n".join(f"{a['speaker']}: {a['text']}" for a in answers)
        else:
            answer = "\n\n".join(a["text"] for a in answers)
        rows.append(
            {
                "pair_id": len(rows),
                "question_turn_id": turn["turn_id"],
                "question_speaker": turn["speaker"],
                "question": turn["text"],
                "question_words": turn["n_words"],
                "answer_turn_ids": " ".join(str(a["turn_id"]) for a in answers),
                "answer_speaker": " / ".join(speakers),
                "answer": answer,
                "answer_words": sum(a["n_words"] for a in answers),
            }
        )
    return pd.DataFrame(rows, columns=list(QA_COLUMNS)).astype(QA_COLUMNS)


def filter_pairs(pairs: pd.DataFrame, speakers: list[str] | None) -> pd.DataFrame:
    """Keep the pairs in which one of ``speakers`` asks or answers; all pairs when ``speakers`` is empty.

    Returns a new DataFrame with the columns of :data:`QA_COLUMNS`.
    """
    if not speakers:
        return pairs
    wanted = set(speakers)
    answered_by = pairs["answer_speaker"].str.split(" / ")
    mask = pairs["question_speaker"].isin(wanted) | answered_by.map(lambda names: bool(wanted & set(names)))
    return pairs[mask].reset_index(drop=True)

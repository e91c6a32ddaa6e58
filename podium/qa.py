"""Question and answer pairing: question units, their answers, opening statements and closing remarks.

One linear pass over the turns (see :func:`qa_exchanges`):

- A **question unit** is one or more consecutive question-side turns. A reporter's follow-up after
  being cut off joins the unit: when a question-side turn ends cut off, or the unit has not asked
  anything yet ("Mr. Secretary, if I can ask you about Gaza.") and the answer side only says go ahead
  ("Sure.", "Go ahead, please."), a brief interjection (at most two turns of at most
  :data:`BRIEF_WORDS` words) and the follow-up belong to the same unit.
- A unit **asks** when its question-side turns ask at least one question (``n_questions``, counted
  by :func:`podium.questions.count_questions`). Only a unit that asks opens a pair.
- The **answer** of a pair is everything that follows until the next unit that asks: answer-side
  turns (one block per turn, each with its speaker, so two candidates answering in turn are two
  blocks and both are answerers), ``other`` turns such as an interpreter, and question-side turns
  that ask nothing ("It just happened, yeah.", "Two minutes, President Trump."), kept as
  interjections with their speaker.
- Answer-side speech before the first unit that asks is the **opening statement**; a closing
  thank-you from the question side after the last answer ("Q Thank you.") and what follows it are
  **closing remarks**. Neither is an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from .questions import count_questions

__all__ = [
    "BRIEF_WORDS",
    "HANDOVER_WORDS",
    "QA_COLUMNS",
    "REMARK_COLUMNS",
    "called_on_name",
    "filter_pairs",
    "qa_exchanges",
    "qa_pairs",
    "speaker_names",
]

#: A question-side turn of at most this many words that asks nothing, by another speaker after a
#: unit that asked, is a hand-over ("We have time for one more. Go ahead, Said.") that ends the unit.
HANDOVER_WORDS = 25

#: An answer-side turn of at most this many words between a cut-off question turn and its
#: continuation is an interjection inside the question unit, not an answer.
BRIEF_WORDS = 6

QA_COLUMNS: dict[str, str] = {
    "pair_id": "int64",  # 0-based, in transcript order
    "question_turn_id": "int64",  # the first turn of the question unit
    "question_turn_ids": "str",  # space-separated turn ids of the question unit
    "question_speaker": "str",  # question-side speakers of the unit, " / "-joined
    "question": "str",  # full text; each block prefixed "NAME: " when the unit has several speakers
    "question_words": "int64",  # words said by the question side in the unit
    "n_questions": "int64",  # questions the unit asks
    "answer_turn_ids": "str",  # space-separated turn ids, "" when unanswered
    "answer_speaker": "str",  # answer-side speakers in order, " / "-joined; "" when unanswered
    "answer": "str",  # full text; each block prefixed "NAME: " when several people speak in it
    "answer_words": "int64",  # words said by the answer side
    "question_cut_off": "bool",  # a turn of the question unit ends cut off (the other side cut in)
    "answer_cut_off": "bool",  # an answer-side turn of the answer ends cut off
    "probable_questioner": "str",  # name the answer side called on just before the unit; "" if none
}

REMARK_COLUMNS: dict[str, str] = {
    "kind": "str",  # "opening statement" or "closing remarks"
    "turn_ids": "str",  # space-separated turn ids
    "speaker": "str",  # speakers, " / "-joined
    "text": "str",  # full text; blocks prefixed "NAME: " when several people speak
    "n_words": "int64",  # words in the remark, whoever says them (what the page shows with it)
}

_TURN_FIELDS = ["turn_id", "speaker", "role", "text", "n_words", "cut_off", "n_questions"]
_THANKS_RE = re.compile(
    r"^\W*(?:(?:okay|ok|all right|alright|well|great|and|so|yes|yeah)[,.!]?\s+)*(?:thank|thanks|"
    r"appreciate|good ?bye|bye|take care|have a (?:good|great)|good to see|great to see|see you)",
    re.IGNORECASE,
)
_THANKS_MAX_WORDS = 20
_GO_AHEAD_RE = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|sure|okay|ok|please|of course|go ahead|go on|absolutely|certainly|all right|"
    r"alright|mm-hmm|uh-huh)\b[\s,.!\-—]*)+$",
    re.IGNORECASE,
)


@dataclass
class _Segment:
    question: list[dict] = field(default_factory=list)
    answer: list[dict] = field(default_factory=list)
    close_at: int | None = None  # index in ``answer`` of the last thank-you from the question side


def _turn_records(turns: pd.DataFrame) -> list[dict]:
    frame = turns
    if "n_questions" not in frame:
        frame = frame.assign(n_questions=frame["text"].map(count_questions))
    if "cut_off" not in frame:
        frame = frame.assign(cut_off=False)
    columns = [frame[c].tolist() for c in _TURN_FIELDS]
    return [dict(zip(_TURN_FIELDS, values, strict=True)) for values in zip(*columns, strict=True)]


#: At most this many words of the question side, cut off before asking, are an attempt to cut in
#: ("Now-", "But, Colonel-") rather than the start of the question (see :func:`_segments`).
_ATTEMPT_WORDS = 3


def _segments(turns: pd.DataFrame) -> tuple[list[_Segment], _Segment, _Segment]:
    """One pass: ``(pairs, opening, closing)``; each turn lands in exactly one of them."""
    records = _turn_records(turns)
    n = len(records)
    pairs: list[_Segment] = []
    opening = _Segment()
    current: _Segment | None = None
    i = 0
    while i < n:
        if records[i]["role"] != "question":
            (current or opening).answer.append(records[i])
            i += 1
            continue
        unit: list[dict] = []
        j = i
        while True:
            while j < n and records[j]["role"] == "question":
                if _hands_over(unit, records[j], records[j + 1] if j + 1 < n else None):
                    break  # "Will he meet Lavrov?" / MODERATOR: "Go ahead, Said." / "On Gaza...?": two units
                unit.append(records[j])
                j += 1
            asks_so_far = any(r["n_questions"] for r in unit if r["role"] == "question")
            if j >= n or (asks_so_far and not unit[-1]["cut_off"]):
                break
            k = j
            while k < n and k - j < 2 and records[k]["role"] != "question" and records[k]["n_words"] <= BRIEF_WORDS:
                k += 1
            if k == j or k >= n or records[k]["role"] != "question":
                break
            go_ahead = all(_GO_AHEAD_RE.match(r["text"]) for r in records[j:k])
            if not unit[-1]["cut_off"] and not go_ahead:
                break  # a wind-up continues only across a go-ahead ("Sure.", "Go ahead, please.")
            if (
                current is not None
                and not asks_so_far
                and sum(r["n_words"] for r in unit) <= _ATTEMPT_WORDS
                and not any(r["n_questions"] for r in records[j:k])
                and not go_ahead
            ):
                # a word or three cut off before asking while the answer side finishes its answer
                # ("Now-" / "And advocated it."): both belong to the answer before; the question
                # starts after them (a longer wind-up cut off, "I'd like to circle back to
                # immigration —", stays the question's)
                current.answer.extend([*unit, *records[j:k]])
                unit = []
                j = k
                continue
            unit.extend(records[j:k])  # a brief interjection, then the question side goes on
            j = k
        asks = sum(r["n_questions"] for r in unit if r["role"] == "question") > 0
        if asks:
            current = _Segment(question=unit)
            pairs.append(current)
        elif current is None:
            opening.answer.extend(unit)
        else:
            text = " ".join(r["text"] for r in unit)
            if _THANKS_RE.match(text) and sum(r["n_words"] for r in unit) <= _THANKS_MAX_WORDS:
                current.close_at = len(current.answer)
            current.answer.extend(unit)
        i = j
    closing = _Segment()
    last = pairs[-1] if pairs else None
    if last is not None and last.close_at is None:
        # the answer side's own sign-off after the last answer ("Thank you, everybody.")
        k = len(last.answer)
        while k and last.answer[k - 1]["role"] != "question" and _is_thanks(last.answer[k - 1]):
            k -= 1
        if k < len(last.answer):
            last.close_at = k
    if last is not None and last.close_at is not None:
        before = last.answer[: last.close_at]
        if any(r["role"] == "answer" for r in before):
            closing.answer = last.answer[last.close_at :]
            last.answer = before
    return pairs, opening, closing


def _is_thanks(record: dict) -> bool:
    """A short thank-you or goodbye that asks nothing ("Thank you, everybody.", "Thanks, all.")."""
    return (
        record["n_questions"] == 0
        and record["n_words"] <= _THANKS_MAX_WORDS
        and bool(_THANKS_RE.match(record["text"]))
    )


def _hands_over(unit: list[dict], record: dict, following: dict | None) -> bool:
    """Whether question-side turn ``record`` ends question unit ``unit`` rather than joining it:
    the unit has asked and was not cut off, and another question-side speaker now speaks briefly
    (at most :data:`HANDOVER_WORDS` words) without asking, and the turn ``following`` it is a
    question-side turn that asks (a moderator handing the floor to the next reporter). What that speaker says then
    opens the next unit, or is an interjection in the answer when no question follows."""
    return (
        bool(unit)
        and record["n_questions"] == 0
        and record["n_words"] <= HANDOVER_WORDS
        and record["speaker"] != unit[-1]["speaker"]
        and following is not None
        and following["role"] == "question"
        and following["n_questions"] > 0
        and not unit[-1]["cut_off"]
        and any(r["n_questions"] for r in unit if r["role"] == "question")
    )


def _joined(blocks: list[dict]) -> str:
    if len({b["speaker"] for b in blocks}) > 1:
        return "\n\n".join(f"{b['speaker']}: {b['text']}" for b in blocks)
    return "\n\n".join(b["text"] for b in blocks)


def _speakers(blocks: list[dict], role: str) -> str:
    return " / ".join(dict.fromkeys(b["speaker"] for b in blocks if b["role"] == role))


def speaker_names(cell: object) -> list[str]:
    """The speakers of a ``question_speaker`` or ``answer_speaker`` cell (``" / "``-joined, see
    :data:`QA_COLUMNS`), in order: ``"MODERATOR / Q"`` gives ``["MODERATOR", "Q"]``; ``[]`` for an
    empty cell or one that is not a string (a missing value)."""
    return [n for n in cell.split(" / ") if n] if isinstance(cell, str) else []


_NOT_NAMES = frozenset(
    """thanks thank yes yeah yep okay ok sure go ahead please everyone everybody all next sir ma'am maam right
    great good question questions again absolutely so well no nope alright anyway exactly correct indeed true
    done period nothing none nobody never always certainly definitely fine agreed understood look listen see
    thanks. hello hi hey welcome congratulations sorry pardon what why how who when where which wow oh ah
    um uh hmm mm mhm yes. totally precisely obviously clearly perhaps maybe probably anyone anybody today tomorrow
    tonight yesterday now then later first second third last finally also too either both excellent perfect
    awesome cool nice fantastic wonderful terrific interesting fair noted beautiful amazing incredible mm-hmm
    uh-huh huh thank-you bravo ready here there this that these those it he she they we you i""".split()
)
_NOT_NAME_ENDINGS = ("ing", "ed", "ly", "ous", "ful", "able", "ible")
_NAME = r"(?-i:[A-Z][a-z'’\-]+(?:\s+(?:[A-Z][a-z'’\-]+|[A-Z]\.))?)"
_CALL_RES = (
    # "Go ahead, Dev." / "Yes, Marisol." / "Next question, Peter."
    re.compile(
        rf"(?:.*\s)?(?:go ahead|yes|yeah|okay|ok|sure|please|all right|alright|next|let's go to|let me go to|"
        rf"over to|let's take|i'll take|we'll take)(?: (?:question|one))?,?\s+(?P<name>{_NAME})\s*[.!]?",
        re.IGNORECASE,
    ),
    # "Dev, go ahead." / "Kristen, please."
    re.compile(rf"(?P<name>{_NAME}),?\s+(?:go ahead|please|you're up|your turn)\s*[.!]?"),
    # "... we'll see. Marisol."
    re.compile(rf"(?P<name>{_NAME})\s*[.!]?"),
)
_LAST_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")


def called_on_name(text: str) -> str:
    """Return the name an official calls on at the end of ``text`` ("... we'll see. Marisol.",
    "Go ahead, Dev.", "Kristen, go ahead."), or ``""``.

    A called-on name is one or two capitalised words (not a common word such as "Thanks",
    "Absolutely" or "Next") making up the last sentence of the text, alone or with "go ahead",
    "yes", "please" and similar. It is a *probable* name of whoever asks next: officials also end
    answers with a name they mention.
    """
    tail = re.sub(r"\s*\([^)]*\)\s*$", "", text.strip()[-200:])  # "(Laughter.)"
    last = _LAST_SENTENCE_RE.split(tail)[-1].strip()
    if not last or len(last) > 60:
        return ""
    for pattern in _CALL_RES:
        match = pattern.fullmatch(last)
        if match:
            name = match.group("name").strip()
            first = name.split()[0].lower().strip("'’")
            if first in _NOT_NAMES or (pattern is _CALL_RES[2] and first.endswith(_NOT_NAME_ENDINGS)):
                continue
            return name
    return ""


def _pair_row(pair_id: int, seg: _Segment, previous_answer: list[dict]) -> dict:
    q_side = [b for b in seg.question if b["role"] == "question"]
    a_side = [b for b in seg.answer if b["role"] == "answer"]
    caller = next((b for b in reversed(previous_answer) if b["role"] == "answer"), None)
    asker = next((b for b in seg.question if b["n_questions"]), None)
    handing = [b for b in seg.question[: seg.question.index(asker)]] if asker is not None else []
    if handing and handing[-1]["speaker"] != asker["speaker"] and called_on_name(handing[-1]["text"]):
        caller = handing[-1]  # a moderator in the unit called on the reporter: "Go ahead, Said."
    return {
        "pair_id": pair_id,
        "question_turn_id": seg.question[0]["turn_id"],
        "question_turn_ids": " ".join(str(b["turn_id"]) for b in seg.question),
        "question_speaker": _speakers(seg.question, "question"),
        "question": _joined(seg.question),
        "question_words": sum(b["n_words"] for b in q_side),
        "n_questions": sum(b["n_questions"] for b in q_side),
        "answer_turn_ids": " ".join(str(b["turn_id"]) for b in seg.answer),
        "answer_speaker": _speakers(seg.answer, "answer"),
        "answer": _joined(seg.answer),
        "answer_words": sum(b["n_words"] for b in a_side),
        "question_cut_off": any(b["cut_off"] for b in q_side),
        "answer_cut_off": any(b["cut_off"] for b in a_side),
        "probable_questioner": called_on_name(caller["text"]) if caller is not None else "",
    }


def qa_exchanges(turns: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split a transcript into question/answer pairs and opening or closing remarks, in one pass.

    Parameters:
        turns: the full turns table in transcript order, with at least ``turn_id``, ``speaker``,
            ``role``, ``text`` and ``n_words`` (``cut_off`` and ``n_questions`` are used when
            present, else taken as False and counted). Pair before filtering by speaker, or
            questions lose their answers.

    Returns:
        ``(pairs, remarks)``: one row per question unit that asks (columns :data:`QA_COLUMNS`),
        and zero to two rows of opening statement and closing remarks (:data:`REMARK_COLUMNS`).
        Time and memory are linear in the number of turns.
    """
    pairs, opening, closing = _segments(turns)
    rows = []
    previous = opening.answer
    for pair_id, seg in enumerate(pairs):
        rows.append(_pair_row(pair_id, seg, previous))
        previous = seg.answer
    remarks = []
    for kind, seg in (("opening statement", opening), ("closing remarks", closing)):
        if seg.answer:
            remarks.append(
                {
                    "kind": kind,
                    "turn_ids": " ".join(str(b["turn_id"]) for b in seg.answer),
                    "speaker": " / ".join(dict.fromkeys(b["speaker"] for b in seg.answer)),
                    "text": _joined(seg.answer),
                    "n_words": sum(b["n_words"] for b in seg.answer),  # every word shown in the remark
                }
            )
    return (
        pd.DataFrame(rows, columns=list(QA_COLUMNS)).astype(QA_COLUMNS),
        pd.DataFrame(remarks, columns=list(REMARK_COLUMNS)).astype(REMARK_COLUMNS),
    )


def qa_pairs(turns: pd.DataFrame, *, indicators: bool = True) -> pd.DataFrame:
    """Pair every question unit that asks with the answer that follows it; see :func:`qa_exchanges`.

    Parameters:
        turns: the full turns table in transcript order.
        indicators: add the per-pair indicators of :func:`podium.answers.assess_pairs`
            (overlap, deflection phrases, the direct/partial/deflected label and its reasons).

    Returns:
        One row per pair: the columns of :data:`QA_COLUMNS`, then (with ``indicators``) those of
        :data:`podium.answers.INDICATOR_COLUMNS`.
    """
    pairs, _ = qa_exchanges(turns)
    if not indicators:
        return pairs
    from .answers import assess_pairs

    return assess_pairs(pairs)


def filter_pairs(pairs: pd.DataFrame, speakers: list[str] | None) -> pd.DataFrame:
    """Keep the pairs in which one of ``speakers`` asks or answers; all pairs when ``speakers`` is empty.

    Returns a new DataFrame with the same columns.
    """
    if not speakers:
        return pairs
    wanted = set(speakers)
    asked_by = pairs["question_speaker"].str.split(" / ")
    answered_by = pairs["answer_speaker"].str.split(" / ")
    mask = asked_by.map(lambda names: bool(wanted & set(names))) | answered_by.map(
        lambda names: bool(wanted & set(names))
    )
    return pairs[mask].reset_index(drop=True)

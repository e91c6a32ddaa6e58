"""Roles inferred from what speakers do, for transcripts whose labels do not say who asks.

Diarized speech-to-text (``SPEAKER_00``, ``spk_1``, ``0``) and debates or podcasts labelled only
with names give every speaker the role "answer" from :func:`podium.speakers.infer_role`, so no
question has anyone to pair with. :func:`infer_roles` then looks at behaviour:

- a speaker's **question rate** is the questions they ask (``n_questions``) per 100 words;
  the speaker who opens or closes the transcript gets it multiplied by 1.25 for each (hosts and
  moderators open and close);
- a speaker is put on the **asking side** when that rate is at least :data:`RATE_RATIO` times the
  rate of everyone else taken together, at least :data:`MIN_TURN_SHARE` of their turns ask, and
  they ask at least twice (or ask in their only, short turn: an audience question);
- nothing is inferred in transcripts of fewer than :data:`MIN_TURNS` turns, when any label already
  says who asks, or when everyone would end up asking.

On the shared corpus this puts the moderators of the 2016 and 2020 US presidential debates, the
host of a diarized podcast and the counsel questioning a witness on the asking side. The roles are
a proposal: they are listed as inferred, and the user changes them on the Speakers page.
"""

from __future__ import annotations

import re

import pandas as pd

from .questions import count_questions

__all__ = ["MIN_TURNS", "MIN_TURN_SHARE", "RATE_RATIO", "first_question_turn", "infer_roles", "longest_answer"]

MIN_TURNS = 6
RATE_RATIO = 2.0
MIN_TURN_SHARE = 0.3
_EDGE_BONUS = 1.25
_SHORT_TURN_WORDS = 150


def infer_roles(turns: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Put speakers who behave like questioners on the asking side when no label says who asks
    (and, when labels do, unidentified voices whose every turn asks and is answered).

    Parameters:
        turns: a turns table (columns of :data:`podium.model.TURN_COLUMNS`; ``n_questions`` is
            counted from ``text`` when absent).

    Returns:
        ``(turns, reasons)``: a new turns table with ``role`` set to ``"question"`` for the
        inferred askers (the input itself when nothing is inferred), and ``{speaker: reason}``
        for each of them, e.g. ``"asks 13 questions in 34 turns (0.67 per 100 words, 4.2x the
        others); speaks first"``.
    """
    if (turns["role"] == "question").any():
        return _unidentified_askers(turns)
    if len(turns) < MIN_TURNS:
        return turns, {}
    n_questions = _question_counts(turns)
    frame = turns.assign(_q=n_questions, _asks=n_questions > 0)
    answering = frame[frame["role"] == "answer"]
    stats = answering.groupby("speaker", sort=False).agg(
        n_turns=("_q", "size"), n_asking=("_asks", "sum"), n_q=("_q", "sum"), n_words=("n_words", "sum")
    )
    if len(stats) < 2:
        return turns, {}
    first, last = turns["speaker"].iloc[0], turns["speaker"].iloc[-1]
    total_q, total_w = stats["n_q"].sum(), stats["n_words"].sum()
    # the rule for every speaker at once (10,000 speakers), then a reason for each one put on the asking side
    n_edges = (stats.index == first).astype(int) + (stats.index == last).astype(int)
    rate = 100 * stats["n_q"] / stats["n_words"].clip(lower=1)
    weighted = rate * _EDGE_BONUS**n_edges
    others_rate = 100 * (total_q - stats["n_q"]) / (total_w - stats["n_words"]).clip(lower=1)
    asks_enough = (stats["n_q"] >= 2) | (
        (stats["n_q"] >= 1) & (stats["n_asking"] == stats["n_turns"]) & (stats["n_words"] <= _SHORT_TURN_WORDS)
    )
    asking = (
        asks_enough
        & (stats["n_asking"] / stats["n_turns"] >= MIN_TURN_SHARE)
        & (weighted >= RATE_RATIO * others_rate)
        & (weighted > 0)
    )
    reasons: dict[str, str] = {}
    for speaker in stats.index[asking.to_numpy()]:
        row = stats.loc[speaker]
        edges = [w for w, s in (("speaks first", first), ("speaks last", last)) if s == speaker]
        ratio = (
            f"{rate[speaker] / others_rate[speaker]:.1f}x the others" if others_rate[speaker] else "the others ask none"
        )
        reasons[str(speaker)] = (
            f"asks {int(row.n_q)} question{'s' if row.n_q != 1 else ''} in {int(row.n_turns)} "
            f"turn{'s' if row.n_turns != 1 else ''} ({rate[speaker]:.2f} per 100 words, {ratio})"
            + ("; " + " and ".join(edges) if edges else "")
        )
    # a hearing: members of the committee question the witnesses. Two or more speakers whose labels
    # carry a legislator's title ("SEN. BILL CASSIDY", "Rep. Lee", "CHAIRMAN COMER") and who ask,
    # beside speakers without one, are on the asking side however little they ask
    titled = [
        str(sp) for sp in stats.index if _LEGISLATOR_RE.match(re.sub(r"^the\s+", "", str(sp), flags=re.IGNORECASE))
    ]
    # not when those without a title ask half as many questions as the titled or more (a Sunday show:
    # the host asks and the senators answer, some of them with rhetorical questions)
    untitled = [sp for sp in stats.index if str(sp) not in titled]
    if (
        len(titled) >= 2
        and untitled
        and 2 * stats.loc[untitled, "n_q"].sum() < stats.loc[titled, "n_q"].sum()
    ):
        for speaker in titled:
            row = stats.loc[speaker]
            if row.n_q >= 1 and speaker not in reasons:
                reasons[speaker] = (
                    f"a legislator who asks {int(row.n_q)} question{'s' if row.n_q != 1 else ''} in "
                    f"{int(row.n_turns)} turn{'s' if row.n_turns != 1 else ''} of a hearing"
                )
    if not reasons or len(reasons) == len(stats):
        return turns, {}
    return _on_asking_side(turns, reasons)


#: A legislator's title opening a label: senators, representatives, chairs and ranking members.
_LEGISLATOR_RE = re.compile(
    r"(?:sen|senator|rep|representative|congressman|congresswoman|chairman|chairwoman|chair|"
    r"ranking member|vice chair(?:man|woman)?|assemblyman|assemblywoman|assemblymember|delegate)\b\.?\s",
    re.IGNORECASE,
)


def _question_counts(turns: pd.DataFrame) -> pd.Series:
    """Each turn's ``n_questions``, counted from ``text`` when the table has no such column."""
    return turns["n_questions"] if "n_questions" in turns else turns["text"].map(count_questions)


def _on_asking_side(turns: pd.DataFrame, reasons: dict[str, str]) -> tuple[pd.DataFrame, dict[str, str]]:
    """``turns`` with the speakers of ``reasons`` in the ``"question"`` role, and ``reasons``."""
    roles = turns["role"].where(~turns["speaker"].isin(list(reasons)), "question")
    return turns.assign(role=roles), reasons


def _unidentified_askers(turns: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """In a transcript whose labels say who asks, put unidentified voices (``UNIDENTIFIED FEMALE``,
    ``UNIDENTIFIED MALE #2``: role ``"other"``) on the asking side when every one of their turns
    asks a question and is followed by a turn in the answer role: a reporter the transcriber could
    not name. Same return as :func:`infer_roles`."""
    unidentified = (turns["role"] == "other") & turns["speaker"].str.upper().str.startswith("UNIDENTIFIED")
    if not unidentified.any():
        return turns, {}
    n_questions = _question_counts(turns)
    answered_next = turns["role"].shift(-1).eq("answer")
    frame = turns[unidentified].assign(_asks=(n_questions[unidentified] > 0) & answered_next[unidentified])
    stats = frame.groupby("speaker", sort=False)["_asks"].agg(["size", "sum"])
    askers = stats[stats["sum"] == stats["size"]]
    if askers.empty:
        return turns, {}
    reasons = {
        str(speaker): (
            "is an unidentified voice that asks in its one turn, answered next"
            if n == 1
            else f"is an unidentified voice that asks in all {n} of its turns, each answered next"
        )
        for speaker, n in askers["size"].items()
    }
    return _on_asking_side(turns, reasons)


def first_question_turn(turns: pd.DataFrame) -> int | None:
    """The ``turn_id`` (0-based) of the first turn in the ``"question"`` role, ``None`` if no turn asks.

    ``turns`` needs ``turn_id`` (int) and ``role`` (``"question"``, ``"answer"``, ``"other"``).
    """
    asking = turns.loc[turns["role"] == "question", "turn_id"]
    return int(asking.min()) if len(asking) else None


def longest_answer(lengths: pd.DataFrame, first_question: int | None) -> tuple[pd.Series | None, str]:
    """The longest answer of ``lengths``, or its longest turn when it holds no answer.

    An answer is a turn by a speaker in the ``"answer"`` role after the transcript's first turn in
    the ``"question"`` role: an opening statement made before anyone asks (a joint press
    conference's, a witness's) is not an answer, so it is not quoted as "the longest answer".

    Parameters:
        lengths: one row per turn with ``turn_id`` (int, 0-based), ``speaker``, ``role``,
            ``start_s``, ``turn_s`` (seconds of talk time) and optionally ``n_words``; any subset
            of a transcript's turns (a speaker filter's).
        first_question: :func:`first_question_turn` of the whole transcript (not of the subset,
            which may hold no question), ``None`` when nobody asks.

    Returns:
        ``(row, kind)``: the row of the longest answer and ``"answer"``, or of the longest turn and
        ``"turn"`` when there is no answer; ``(None, "turn")`` when ``lengths`` is empty. Ties go
        to the turn with more words (``n_words``, when given), then to the earlier turn, as
        ``longest_turn_id`` in :func:`podium.talk_time.speaker_table`.
    """
    if first_question is None:
        pool, kind = lengths, "turn"
    else:
        answers = lengths[(lengths["role"] == "answer") & (lengths["turn_id"] > first_question)]
        pool, kind = (answers, "answer") if len(answers) else (lengths, "turn")
    if pool.empty:
        return None, "turn"
    keys = ["turn_s", "n_words", "turn_id"] if "n_words" in pool else ["turn_s", "turn_id"]
    return pool.sort_values(keys, ascending=[False] * (len(keys) - 1) + [True], kind="stable").iloc[0], kind

"""Answer indicators: overlap, deflection phrases in place, the shipped label model and label-answers."""

import csv
import io
import json
import subprocess
import sys

import pytest

from podium.answers import (
    INDICATOR_COLUMNS,
    LABELS,
    MODEL_PATH,
    SIGNALS,
    assess_pairs,
    find_phrases,
    label_answer,
    load_phrases,
    overlap,
    parse_phrases,
    shared_word_spans,
)
from tests.conftest import ROOT


@pytest.mark.parametrize(
    "answer, phrase, surface",
    [
        (
            "Again, without going into the specifics of the document, I can tell you.",
            "without going into the specifics",
            "without going into the specifics",
        ),
        ("Look, I'm not going to get into that.", "I'm not going to get into", "I'm not going to get into"),
        ("I am not going to get into that.", "I'm not going to get into", "I am not going to get into"),
        ("I’m not gonna get into that.", "I'm not going to get into", "I’m not gonna get into"),
        ("And I won't speculate on it.", "I won't speculate", "I won't speculate"),
        ("I will not speculate on it.", "I won't speculate", "I will not speculate"),
        ("I'd refer you to the Department of Justice.", "I'd refer you to", "I'd refer you to"),
        (
            "I don't have anything for you on that.",
            "I don't have anything for you on that",
            "I don't have anything for you on that",
        ),
        ("WE'LL SEE.", "we'll see", "WE'LL SEE"),
    ],
)
def test_deflection_phrases_are_found_in_place(answer, phrase, surface):
    first = find_phrases(answer)[0]
    assert first.phrase == phrase
    assert answer[first.start : first.end] == surface  # the offsets point at the words as written
    assert first.start == answer.index(surface)


def test_longest_phrase_wins_and_matches_do_not_overlap():
    text = "I don't have anything for you on that. I don't know."
    found = find_phrases(text)
    assert [(m.kind, text[m.start : m.end]) for m in found] == [
        ("refusal", "I don't have anything for you on that"),
        ("ignorance", "I don't know"),
    ]


def test_phrases_need_whole_words():
    assert find_phrases("The hypotheticals aside, maybelline sells well.") == []


def test_phrase_list_is_documented_and_editable():
    shipped = load_phrases()
    assert ("deflection", "without going into the specifics") in shipped
    assert {kind for kind, _ in shipped} == {"deflection", "refusal", "ignorance", "clarification", "hedge"}
    custom = parse_phrases("# my beat\nrefusal | no dice\nnot my department\n\n")
    assert custom == [("refusal", "no dice"), ("deflection", "not my department")]
    text = "That is not my department, and no dice."
    assert [text[m.start : m.end] for m in find_phrases(text, custom)] == ["not my department", "no dice"]


def test_overlap_counts_the_questions_content_words_once():
    share, shared = overlap("Will the sanctions on Russia stay?", "The sanction stays until Russia leaves.")
    # content words of the question: sanctions, russia, stay -> all three in the answer (sanction, stays)
    assert shared == ["sanctions", "Russia", "stay"] and share == 1.0
    share, shared = overlap("What about the levy and the library?", "We will see.")
    assert share == 0.0 and shared == []
    assert overlap("Why?", "Because.") == (0.0, [])


def test_shared_word_spans_point_into_the_text():
    question = "Is the levy fair?"
    spans = shared_word_spans(question, "The levy is fair to everyone.")
    assert [question[s:e] for s, e in spans] == ["levy", "fair"]


def test_label_is_a_probability_with_reasons():
    result = label_answer("Will you run again?", "I'm not going to get into that today.")
    assert result["label"] == "deflected"
    assert abs(sum(result[f"p_{lab}"] for lab in LABELS) - 1) < 1e-9
    assert "refusal phrases (1)" in result["reasons"]
    direct = label_answer("Will you run again?", "Yes, I will run again, and I will win again.")
    assert direct["label"] == "direct" and "for direct" in direct["reasons"]
    empty = label_answer("Will you run again?", "")
    assert empty["label"] == "deflected" and empty["reasons"] == "no answer before the next question"


def test_shipped_model_matches_the_signals_and_loads_offline():
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert model["labels"] == list(LABELS) and model["signals"] == list(SIGNALS)
    assert len(model["coef"]) == 3 and all(len(row) == len(SIGNALS) for row in model["coef"])
    # a fresh interpreter with no network access to anything: sockets refuse to connect
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from podium.answers import label_answer\n"
        "print(label_answer('Will you go?', 'No.')['label'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() in LABELS


def test_assess_pairs_adds_the_indicator_columns():
    import pandas as pd

    pairs = pd.DataFrame({"question": ["Will you go?"], "answer": ["I won't speculate. Maybe."]})
    out = assess_pairs(pairs)
    assert list(out.columns) == ["question", "answer", *INDICATOR_COLUMNS]
    assert out.loc[0, "deflection_phrases"] == "refusal: I won't speculate; hedge: Maybe"
    assert out.loc[0, "n_deflections"] == 1 and out.loc[0, "n_hedges"] == 1


# --- python -m podium label-answers ----------------------------------------------------------


def _run(*args):
    return subprocess.run(
        [sys.executable, "-m", "podium", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def _read(path):
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def test_label_answers_cli_columns_and_determinism(tmp_path):
    source = tmp_path / "pairs.csv"
    source.write_text(
        "id,question,answer\n"
        '1,Will you run again?,"Yes, I will run again."\n'
        '2,What about the levy?,"I\'m not going to get into that."\n'
        '3,"Is it over?",""\n',
        encoding="utf-8",
    )
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    result = _run("label-answers", str(source), "--out", str(first))
    assert result.returncode == 0, result.stderr
    assert "labelled 3 pairs" in result.stdout
    _run("label-answers", str(source), "--out", str(second))
    assert first.read_bytes() == second.read_bytes()  # deterministic
    rows = _read(first)
    assert list(rows[0]) == ["id", "question", "answer", "label", "p_direct", "p_partial", "p_deflected", "reasons"]
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert all(r["label"] in LABELS for r in rows)
    assert rows[1]["label"] == "deflected" and rows[2]["label"] == "deflected"
    for r in rows:
        assert abs(sum(float(r[f"p_{lab}"]) for lab in LABELS) - 1) < 1e-3


def test_label_answers_cli_missing_column_is_one_clear_line(tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text("question,reply\nWhy?,Because.\n", encoding="utf-8")
    result = _run("label-answers", str(source), "--out", str(tmp_path / "out.csv"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {source} has no 'answer' column (columns found: 'question', 'reply')."
    assert not (tmp_path / "out.csv").exists()
    result = _run("label-answers", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "out.csv"))
    assert result.returncode == 1 and "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_indicators_use_each_sides_own_words():
    import pandas as pd

    pairs = pd.DataFrame(
        {
            "question_speaker": ["WALLACE"],
            "question": ["Mr. Vice President, why should the people decide the court?"],
            "answer_speaker": ["BIDEN / TRUMP"],
            "answer": [
                "BIDEN: The people should decide.\n\nWALLACE: I don't know, two minutes, President Trump.\n\n"
                "TRUMP: We won the election."
            ],
        }
    )
    out = assess_pairs(pairs)
    # the moderator's "I don't know" is not the answer's; "people" and "decide" are shared, "court" is not
    assert out.loc[0, "deflection_phrases"] == ""
    assert out.loc[0, "shared_words"] == "people decide"


# ---- speed-ups checked against the definitions they replace --------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from podium import answers as _answers  # noqa: E402


def _find_phrases_token_by_token(text, key):
    """The definition before the phrase-start look-ahead: every key token tried in Python."""
    index = _answers._compiled_by_word(key)
    out, last_end = [], 0
    for token in _answers._first_words(key).finditer(text):
        if token.start() < last_end:
            continue
        found = index.get(token.group(0).lower())
        if found is None:
            continue
        match = found[0].match(text, token.start())
        if match:
            kind, phrase = found[1][match.lastindex - 1]
            out.append(_answers.PhraseMatch(kind, phrase, match.start(), match.end()))
            last_end = match.end()
    return tuple(out)


_ANSWER_PIECES = st.sampled_from(
    [
        "I", "i", "I'm", "I am", "not", "sure", "don't", "do not", "know", "I don't know", "won't", "will",
        "comment", "no comment", "that's", "a", "question", "for", "the", "it", "is", "we", "us", "our", "my",
        "me", "let", "me be clear", "look,", "refer you to", "hypothetical", "ſay", "SAY", "İ", "gonna",
        "going to", "can't", "cannot", "nothing", "nobody", "never", "n't", "wasn't", "2", "_", "x",
        " ", " ", " ", "  ", "\n", ",", ".", "?", "'", "’", "-",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_ANSWER_PIECES, max_size=40).map("".join))
def test_find_phrases_same_as_trying_every_key_token(text):
    key = _answers._default_phrases()
    assert _answers._find_phrases.__wrapped__(text, key) == _find_phrases_token_by_token(text, key)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ANSWER_PIECES, max_size=40).map("".join))
def test_rates_in_one_scan_same_as_three(text):
    lowered = text.lower()
    assert _answers._rate_counts(lowered) == {
        "first_person": len(_answers._FIRST_PERSON_RE.findall(lowered)),
        "first_person_plural": len(_answers._WE_RE.findall(lowered)),
        "negation": len(_answers._NEGATION_RE.findall(lowered)),
    }


def test_rates_counted_by_hand():
    # I, my, me / we, our, us / not, n't (in "don't"), never; "I'm" is "I" then "'m"
    counts = _answers._rate_counts("i'm sure my team and me: we don't know our plan, not us. never.")
    assert counts == {"first_person": 3, "first_person_plural": 3, "negation": 3}


def test_find_phrases_on_corpus_answers_same_as_token_by_token():
    from podium.parse import read_transcript
    from podium.qa import qa_exchanges

    key = _answers._default_phrases()
    n = 0
    for path in sorted((ROOT.parent / "shared" / "corpus").glob("*/*.txt"))[:12]:
        pairs, _ = qa_exchanges(read_transcript(path).turns)
        for answer in pairs["answer"]:
            assert _answers._find_phrases.__wrapped__(answer, key) == _find_phrases_token_by_token(answer, key)
            n += len(_find_phrases_token_by_token(answer, key))
    assert n > 20

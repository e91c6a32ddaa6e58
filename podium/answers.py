"""How directly a question was answered: transparent per-pair indicators and a fitted label.

Indicators (each shown with its reason on the Q&A page):

- **overlap**: the share of the question's content words (stopwords dropped, crude suffix stemming)
  that the answer takes up; the shared words are listed and highlighted in both texts.
- **deflection phrases**: matches, in place, of the documented and editable list in
  ``podium/deflection_phrases.txt`` (kinds: deflection, refusal, ignorance, clarification, hedge).
- **label**: ``direct`` / ``partial`` / ``deflected``, from a multinomial logistic regression on the
  signals of :func:`signals`, fitted on the QEvasion data (Thomas et al., EMNLP 2024; see
  ``bench/README.md``) by ``bench/fit_answer_model.py`` and shipped as coefficients in
  ``podium/answer_model.json``. Each signal's contribution (coefficient x standardised value) is
  what pushed the label toward or away from each class; :func:`label_answer` reports them.

Mapping to QEvasion: direct = Clear Reply, partial = Ambivalent, deflected = Clear Non-Reply.
Everything here is CPU-only string work and a dot product: well under a millisecond a pair.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .qa import speaker_names
from .questions import count_questions, question_sentences

__all__ = [
    "DEFAULT_PHRASES_PATH",
    "INDICATOR_COLUMNS",
    "LABELS",
    "MODEL_PATH",
    "PhraseMatch",
    "assess_pairs",
    "assess_row",
    "content_words",
    "find_phrases",
    "indicator_frame",
    "label_answer",
    "load_model",
    "load_phrases",
    "overlap",
    "pair_columns",
    "pair_sides",
    "parse_phrases",
    "shared_word_spans",
    "side_text",
    "signals",
]

DEFAULT_PHRASES_PATH = Path(__file__).with_name("deflection_phrases.txt")
MODEL_PATH = Path(__file__).with_name("answer_model.json")
#: Labels, in the model's class order.
LABELS = ("direct", "partial", "deflected")
PHRASE_KINDS = ("deflection", "refusal", "ignorance", "clarification", "hedge")

INDICATOR_COLUMNS: dict[str, str] = {
    "overlap": "float64",  # share (0-1) of the question's content words the answer takes up
    "shared_words": "str",  # those words, space-separated, in the question's order
    "deflection_phrases": "str",  # "kind: phrase" matches in the answer, "; "-joined, in order
    "n_deflections": "int64",  # matches of kinds deflection, refusal, ignorance or clarification
    "n_hedges": "int64",  # matches of kind hedge
    "label": "str",  # direct / partial / deflected
    "p_direct": "float64",
    "p_partial": "float64",
    "p_deflected": "float64",
    "reasons": "str",  # the signals that pushed the label, strongest first
}


# ---------------------------------------------------------------------------
# Words and overlap

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d[\d,.]*")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from .phrases import stopwords

    extra = {
        "think", "know", "going", "get", "say", "said", "just", "like", "well", "yes", "also", "want", "one",
        "mr", "mrs", "ms", "president", "secretary", "sir", "ma'am", "question", "thank", "thanks", "okay",
        "can", "will", "now", "us", "lot", "really", "right", "make", "sure", "look", "way", "thing", "things",
        "gonna", "let", "tell", "see", "go", "come", "got", "take", "today",
    }  # fmt: skip
    return stopwords() | frozenset(extra)


def _stem(word: str) -> str:
    """A crude suffix stripper (plural, -ing, -ed, -ly) so "sanctions" meets "sanction"."""
    for suffix in ("ing", "ed", "ly", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def content_words(text: str) -> tuple[tuple[str, int, int], ...]:
    """Content words of ``text`` as ``(stem, start, end)`` character spans.

    A content word has at least 3 letters (or is a number) and is not a stopword (wordcloud's
    English list as used for phrases, plus filler such as "think", "going", "president").
    Cached per text: a pair's texts are measured several times (overlap, signals, highlights).
    """
    out = []
    for match in _WORD_RE.finditer(text):
        stem = _content_stem(match.group(0))
        if stem is not None:
            out.append((stem, match.start(), match.end()))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _content_stem(written: str) -> str | None:
    """The stem of a word as written, or None when it is not a content word (see :func:`content_words`);
    cached per written form, since most words of an answer recur."""
    word = written.lower().replace("’", "'")
    if word in _stopwords() or (len(word) < 3 and not word[0].isdigit()):
        return None
    return _stem(word.split("'")[0])


@lru_cache(maxsize=4096)
def _content_stems(text: str) -> frozenset[str]:
    """The stems of :func:`content_words` of ``text``, without their spans (one list of words)."""
    return _stems_of(_WORD_RE.findall(text))


def _stems_of(written: list[str]) -> frozenset[str]:
    """The content stems of a text's words (``_WORD_RE.findall(text)``), as :func:`_content_stems`."""
    stems = set(map(_content_stem, set(written)))  # each written form once
    stems.discard(None)
    return frozenset(stems)


def overlap(question: str, answer: str) -> tuple[float, list[str]]:
    """Return ``(share, shared)``: the share (0-1) of the question's distinct content stems that the
    answer uses, and the shared words as first written in the question. ``(0.0, [])`` when the
    question has no content words."""
    if not content_words(question):
        return 0.0, []
    return _overlap(question, _content_stems(answer))


def _overlap(question: str, a_stems: frozenset[str]) -> tuple[float, list[str]]:
    """:func:`overlap` with the answer's content stems given."""
    q = content_words(question)
    if not q:
        return 0.0, []
    first: dict[str, str] = {}
    for stem, start, end in q:
        first.setdefault(stem, question[start:end])
    shared = [word for stem, word in first.items() if stem in a_stems]
    return len(shared) / len(first), shared


def shared_word_spans(text: str, other: str) -> list[tuple[int, int]]:
    """Character spans of the content words of ``text`` whose stem also occurs in ``other``
    (for highlighting the vocabulary a question and its answer share, in both texts)."""
    stems = {s for s, _, _ in content_words(other)}
    return [(start, end) for stem, start, end in content_words(text) if stem in stems]


# ---------------------------------------------------------------------------
# Deflection phrases

_CONTRACTIONS = [
    (r"\bi'm\b", "i(?:'m| am)"),
    (r"\bi'd\b", "i(?:'d| would)"),
    (r"\bi'll\b", "i(?:'ll| will)"),
    (r"\bi've\b", "i(?:'ve| have)"),
    (r"\bwe're\b", "we(?:'re| are)"),
    (r"\bwe've\b", "we(?:'ve| have)"),
    (r"\bwe'll\b", "we(?:'ll| will)"),
    (r"\bwon't\b", "(?:won't|will not)"),
    (r"\bdon't\b", "(?:don't|do not)"),
    (r"\bcan't\b", "(?:can't|cannot|can not)"),
    (r"\bhaven't\b", "(?:haven't|have not)"),
    (r"\bhasn't\b", "(?:hasn't|has not)"),
    (r"\bdidn't\b", "(?:didn't|did not)"),
    (r"\bcouldn't\b", "(?:couldn't|could not)"),
    (r"\bwouldn't\b", "(?:wouldn't|would not)"),
    (r"\bthat's\b", "(?:that's|that is)"),
    (r"\bwhat's\b", "(?:what's|what is)"),
    (r"\byou'd\b", "you(?:'d| would)"),
    (r"\byou'll\b", "you(?:'ll| will)"),
    (r"\bit's\b", "(?:it's|it is)"),
    (r"\bgoing to\b", "(?:going to|gonna)"),
]


@dataclass(frozen=True)
class PhraseMatch:
    """One deflection-list phrase found in a text: its ``kind``, the listed ``phrase`` and the
    ``start``/``end`` character offsets of the match in the text."""

    kind: str
    phrase: str
    start: int
    end: int


def parse_phrases(text: str) -> list[tuple[str, str]]:
    """Parse a phrase list (the format of ``deflection_phrases.txt``) into ``[(kind, phrase)]``.

    A line is ``KIND | phrase``; a line with no ``|`` is a phrase of kind ``deflection``; blank
    lines and lines starting with ``#`` are skipped. Unknown kinds are kept as given.
    """
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, sep, phrase = line.partition("|")
        if not sep:
            kind, phrase = "deflection", kind
        kind, phrase = kind.strip().lower() or "deflection", " ".join(phrase.split())
        if phrase:
            out.append((kind, phrase))
    return out


@lru_cache(maxsize=1)
def _default_phrases_text() -> str:
    return DEFAULT_PHRASES_PATH.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _default_phrases() -> tuple[tuple[str, str], ...]:
    return tuple(parse_phrases(_default_phrases_text()))


def load_phrases(path: str | Path | None = None) -> list[tuple[str, str]]:
    """Read a phrase list; the shipped ``podium/deflection_phrases.txt`` when ``path`` is None.

    Raises:
        OSError: if the file cannot be read.
    """
    return parse_phrases(_default_phrases_text() if path is None else Path(path).read_text(encoding="utf-8"))


def _phrase_pattern(phrase: str) -> str:
    body = re.escape(phrase.lower().replace("’", "'"))
    body = body.replace(r"\ ", " ").replace("\\'", "'")
    for plain, pattern in _CONTRACTIONS:
        body = re.sub(plain, pattern, body)
    body = body.replace("'", "['’]").replace(" ", r"\s+")
    start = r"\b" if re.match(r"\w", phrase) else ""
    end = r"\b" if re.search(r"\w$", phrase) else ""
    return f"{start}{body}{end}"


_TOKEN_RE = re.compile(r"[^\W\d_]+")
# A phrase's first word as it may appear in a text ("won't" is also "will not").
_FIRST_WORD_KEYS = {"won": ("won", "will"), "don": ("don", "do"), "can": ("can", "cannot"), "going": ("going", "gonna")}


@lru_cache(maxsize=16)
def _compiled(phrases: tuple[tuple[str, str], ...]) -> dict[str, list[tuple[str, str, re.Pattern]]]:
    """Index the phrases by their first word: ``{word: [(kind, phrase, pattern)]}``, longest first,
    so a text is scanned once and only phrases starting with the word at hand are tried."""
    index: dict[str, list[tuple[str, str, re.Pattern]]] = {}
    for kind, phrase in sorted(phrases, key=lambda kp: -len(kp[1])):
        first = _TOKEN_RE.search(phrase.lower())
        if first is None:
            continue
        pattern = re.compile(_phrase_pattern(phrase), re.IGNORECASE)
        for key in _FIRST_WORD_KEYS.get(first.group(0), (first.group(0),)):
            index.setdefault(key, []).append((kind, phrase, pattern))
    return index


@lru_cache(maxsize=16)
def _compiled_by_word(phrases: tuple[tuple[str, str], ...]) -> dict[str, tuple[re.Pattern, list[tuple[str, str]]]]:
    """:func:`_compiled` with each word's phrases joined into one alternation, in the same order:
    ``{word: (pattern, [(kind, phrase)])}``; the ``i``-th phrase is group ``i + 1`` of the pattern.

    Trying the alternation is trying the phrases one by one, longest first, and keeping the first
    that matches (the listed patterns hold no groups of their own), in one call instead of up to 60
    for a word such as "I".
    """
    out = {}
    for word, listed in _compiled(phrases).items():
        alternation = "|".join(f"({pattern.pattern})" for _, _, pattern in listed)
        out[word] = (re.compile(alternation, re.IGNORECASE), [(kind, phrase) for kind, phrase, _ in listed])
    return out


@lru_cache(maxsize=16)
def _first_words(phrases: tuple[tuple[str, str], ...]) -> re.Pattern:
    """A pattern for the whole tokens (runs of letters, as :data:`_TOKEN_RE`) that may start a phrase.

    It matches, ignoring case, at least every token whose ``lower()`` is a key of :func:`_compiled`
    (it may match a few more, such as the long s for "s", which the caller's look-up drops). A key
    whose case mapping is not one character to one ASCII letter makes it match every token.
    """
    keys = sorted(_compiled(phrases), key=len, reverse=True)
    if not keys or not all(k.isascii() and k.isalpha() for k in keys):
        return _TOKEN_RE
    # the look-ahead for the keys' first letters lets the regex engine skip other characters fast
    firsts = "".join(sorted({k[0] for k in keys}))
    return re.compile(rf"(?=[{firsts}])(?<![^\W\d_])(?:" + "|".join(keys) + r")(?![^\W\d_])", re.IGNORECASE)


@lru_cache(maxsize=16)
def _phrase_starts(phrases: tuple[tuple[str, str], ...]) -> re.Pattern:
    """:func:`_first_words`, but only the tokens at which one of their word's phrases matches.

    Each key is tried as a whole token first, then its phrases (the alternation of
    :func:`_compiled_by_word`) as a look-ahead at the same place; the match is the token. So the
    tokens found are those :func:`_first_words` finds whose word's phrase pattern matches there:
    the others are skipped inside the regex engine instead of one by one in Python (most key
    tokens, such as "I", "the" or "that", start no phrase). Falls back to :func:`_first_words`
    when that matches every token.
    """
    first_words = _first_words(phrases)
    if first_words is _TOKEN_RE:
        return first_words
    by_first: dict[str, list[str]] = {}  # keys by first letter, longest first: one letter test per group
    for key in sorted(_compiled(phrases), key=len, reverse=True):
        by_first.setdefault(key[0], []).append(key)

    def alternative(key: str) -> str:
        listed = "|".join(p.pattern for _, _, p in _compiled(phrases)[key])
        return f"(?={key}(?![^\\W\\d_]))(?=(?:{listed}))"

    groups = "|".join(f"(?=[{c}])(?:{'|'.join(map(alternative, keys))})" for c, keys in sorted(by_first.items()))
    firsts = "".join(sorted(by_first))
    return re.compile(rf"(?=[{firsts}])(?<![^\W\d_])(?:{groups})[^\W\d_]+", re.IGNORECASE)


def find_phrases(text: str, phrases: list[tuple[str, str]] | None = None) -> list[PhraseMatch]:
    """Find the listed phrases in ``text``, left to right, without overlaps (longest phrase first).

    Parameters:
        text: an answer.
        phrases: ``[(kind, phrase)]``; the shipped list when None.

    Returns:
        The matches with their offsets in ``text`` (so they can be highlighted in place).
    """
    return list(_find_phrases(text, _default_phrases() if phrases is None else tuple(phrases)))


@lru_cache(maxsize=256)
def _find_phrases(text: str, key: tuple[tuple[str, str], ...]) -> tuple[PhraseMatch, ...]:
    # cached: the indicators and the label of one pair both scan its answer
    index = _compiled_by_word(key)
    # Only the tokens that can start a phrase are visited (one C-level scan of the text); each is
    # still checked by its lower-cased form, so the matches are those of a scan over every token.
    out: list[PhraseMatch] = []
    last_end = 0
    for token in _phrase_starts(key).finditer(text):
        if token.start() < last_end:
            continue
        found = index.get(token.group(0).lower())
        if found is None:
            continue
        pattern, listed = found
        match = pattern.match(text, token.start())
        if match:
            kind, phrase = listed[match.lastindex - 1]
            out.append(PhraseMatch(kind, phrase, match.start(), match.end()))
            last_end = match.end()
    return tuple(out)


# ---------------------------------------------------------------------------
# Signals and the label

_YES_NO_START_RE = re.compile(
    r"^\W*(?:well,?\s+)?(?:yes|yeah|yep|no|nope|absolutely|sure|of course|certainly|definitely|correct|"
    r"exactly|not at all|never|i do|i did|i will|i would|we will|we do|we are|it is|it was|right)\b",
    re.IGNORECASE,
)
_AUX_START_RE = re.compile(
    r"^\W*(?:(?:and|but|so|also|then|well|now|okay)[, ]+)?(?:[^,?]{1,40},\s+)?(?:can|could|would|will|do|does|did|"
    r"is|are|was|were|have|has|had|should|shall|may|might|isn't|aren't|don't|doesn't|didn't|won't|wouldn't)\b",
    re.IGNORECASE,
)
_WH_START_RE = re.compile(r"\b(?:what|why|how|when|where|who|which)\b", re.IGNORECASE)
# The patterns scanned over whole answers open with a look-ahead for their possible first letters
# (under the same IGNORECASE rule), which lets the regex engine skip other characters fast (2-3x
# faster on a long answer; the same matches).
_PIVOT_RE = re.compile(
    r"(?=[blhtwy])\b(?:but let me|let me (?:say|tell you|just|be clear|put it)|look,|here's the thing|"
    r"the fact (?:of the matter )?is|"
    r"the point is|what matters|what's important|the truth is|the reality is|you know,)",
    re.IGNORECASE,
)
_FIRST_PERSON = r"(?=[im])\b(?:i|i'm|i've|i'd|i'll|me|my)\b"
_WE = r"(?=[wou])\b(?:we|we're|we've|we'll|our|us)\b"
_NEGATION = r"(?=n)(?:\b(?:not|no|never|n't|nothing|nobody)\b|n't\b)"
_FIRST_PERSON_RE = re.compile(_FIRST_PERSON, re.IGNORECASE)
_WE_RE = re.compile(_WE, re.IGNORECASE)
_NEGATION_RE = re.compile(_NEGATION, re.IGNORECASE)
# The three in one scan: a match of one never overlaps a match of another (they start with
# different letters, and no "i", "me", "my", "we", "our" or "us" holds the "n" of a negation), so
# the counts by group are those of the three scans (tests/test_answers.py checks it on random text).
_RATES_RE = re.compile(
    rf"(?=[imwoun])(?:(?P<first_person>{_FIRST_PERSON})|(?P<first_person_plural>{_WE})|(?P<negation>{_NEGATION}))",
    re.IGNORECASE,
)


def _rate_counts(lowered: str) -> dict[str, int]:
    """Matches of :data:`_FIRST_PERSON_RE`, :data:`_WE_RE` and :data:`_NEGATION_RE` in ``lowered``
    (keys ``first_person``, ``first_person_plural``, ``negation``), from one scan."""
    counts = {"first_person": 0, "first_person_plural": 0, "negation": 0}
    for match in _RATES_RE.finditer(lowered):
        counts[match.lastgroup] += 1
    return counts


_NUMBER_RE = re.compile(r"\d|\b(?:percent|million|billion|thousand|hundred)\b", re.IGNORECASE)

#: Each signal's description as shown to a reader, with ``{v}`` for its value.
SIGNAL_TEXT: dict[str, str] = {
    "overlap": "answer takes up {v:.0%} of the question's content words",
    "overlap_early": "opening of the answer takes up {v:.0%} of the question's content words",
    "log_answer_words": "answer length",
    "log_question_words": "question length",
    "n_questions": "question asks {v:g} question(s)",
    "yes_no_question": "a yes/no question",
    "wh_question": "a what/why/how question",
    "opens_yes_no": "answer opens with yes, no or a direct verb",
    "deflection": "deflection phrases",
    "refusal": "refusal phrases",
    "ignorance": "claims of not knowing",
    "clarification": "asks what the question means",
    "hedge": "hedges",
    "pivot": 'pivots ("let me say", "look,", "the point is")',
    "answer_questions": "questions asked back",
    "first_person": "first-person singular rate",
    "first_person_plural": '"we"/"our" rate',
    "negation": "negation rate",
    "numbers": "answer gives numbers",
}
SIGNALS = tuple(SIGNAL_TEXT)
#: Short names of the signals, for tables.
SIGNAL_NAMES: dict[str, str] = {
    "overlap": "overlap with the question",
    "overlap_early": "overlap in the answer's first 60 words",
    "log_answer_words": "answer length (log words)",
    "log_question_words": "question length (log words)",
    "n_questions": "questions asked",
    "yes_no_question": "yes/no question",
    "wh_question": "what/why/how question",
    "opens_yes_no": "answer opens with yes/no",
    "deflection": "deflection phrases (log count)",
    "refusal": "refusal phrases (log count)",
    "ignorance": "claims of not knowing (log count)",
    "clarification": "asks what the question means (log count)",
    "hedge": "hedges (log count)",
    "pivot": "pivots (log count)",
    "answer_questions": "questions asked back (log count)",
    "first_person": "I/me/my per word",
    "first_person_plural": "we/our/us per word",
    "negation": "negations per word",
    "numbers": "gives numbers",
}


def signals(question: str, answer: str, phrases: list[tuple[str, str]] | None = None) -> dict[str, float]:
    """Measure the transparent signals of one pair; keys are :data:`SIGNALS`.

    Rates are per answer word; phrase signals are counts of :func:`find_phrases` matches by kind
    (log1p-scaled); lengths are ``log1p(words)``.
    """
    answer_words = _WORD_RE.findall(answer)
    return _signals(question, answer, answer_words, _stems_of(answer_words), find_phrases(answer, phrases))


def _signals(
    question: str, answer: str, answer_words: list[str], a_stems: frozenset[str], found: list[PhraseMatch]
) -> dict[str, float]:
    """:func:`signals` from the answer's words (``_WORD_RE.findall(answer)``), their content stems
    and its phrase matches, measured once per pair by :func:`assess_pairs`."""
    a_words = max(1, len(answer_words))
    q_words = len(_WORD_RE.findall(question))
    share, _ = _overlap(question, a_stems)
    early = " ".join(answer_words[:60])
    share_early, _ = overlap(question, early)
    kinds = dict.fromkeys(PHRASE_KINDS, 0)
    for m in found:
        if m.kind in kinds:
            kinds[m.kind] += 1
    asked = question_sentences(question)
    first_q = asked[0] if asked else question
    rates = _rate_counts(answer.lower())
    return {
        "overlap": share,
        "overlap_early": share_early,
        "log_answer_words": math.log1p(a_words),
        "log_question_words": math.log1p(q_words),
        "n_questions": float(min(len(asked), 4)),
        "yes_no_question": float(bool(_AUX_START_RE.match(first_q))),
        "wh_question": float(bool(_WH_START_RE.search(first_q[:40]))),
        "opens_yes_no": float(bool(_YES_NO_START_RE.match(answer))),
        **{k: math.log1p(v) for k, v in kinds.items()},
        "pivot": math.log1p(len(_PIVOT_RE.findall(answer))),
        "answer_questions": math.log1p(count_questions(answer)),
        "first_person": rates["first_person"] / a_words,
        "first_person_plural": rates["first_person_plural"] / a_words,
        "negation": rates["negation"] / a_words,
        "numbers": float(bool(_NUMBER_RE.search(answer))),
    }


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict:
    """Load the shipped label model (``podium/answer_model.json``): signal names, their means and
    scales, the coefficient matrix (one row per label of :data:`LABELS`) and intercepts.

    Raises:
        OSError: if the file is missing; ValueError: if it is not a model for these signals.
    """
    model = json.loads(Path(path or MODEL_PATH).read_text(encoding="utf-8"))
    if tuple(model["labels"]) != LABELS or tuple(model["signals"]) != SIGNALS:
        raise ValueError("answer_model.json does not match the signals of this Podium version; refit it")
    model["_mean"] = np.asarray(model["mean"], dtype=float)
    model["_scale"] = np.asarray(model["scale"], dtype=float)
    model["_coef"] = np.asarray(model["coef"], dtype=float)
    model["_intercept"] = np.asarray(model["intercept"], dtype=float)
    return model


def _describe(name: str, value: float) -> str:
    text = SIGNAL_TEXT[name]
    if "{v" in text:
        return text.format(v=value)
    if name in PHRASE_KINDS or name in ("pivot", "answer_questions"):
        n = round(math.expm1(value))
        return f"{text} ({n})" if n else f"no {text}"
    if name.startswith("log_"):
        return f"{text} ({round(math.expm1(value))} words)"
    if name in ("yes_no_question", "wh_question", "opens_yes_no", "numbers"):
        return text if value else f"not: {text}"
    return f"{text} ({value:.0%})"


def label_answer(question: str, answer: str, phrases: list[tuple[str, str]] | None = None) -> dict:
    """Label how directly ``answer`` answers ``question``.

    Returns:
        ``{"label": str, "p_direct": float, "p_partial": float, "p_deflected": float,
        "contributions": [(signal, value, {label: contribution})], "reasons": str}``.
        A contribution is coefficient x standardised value, in log-odds; ``reasons`` names the
        signals that pushed most toward the chosen label and the strongest against it.
        An empty answer is ``deflected`` with the reason "no answer".
    """
    if not answer.strip():
        return {
            "label": "deflected",
            "p_direct": 0.0,
            "p_partial": 0.0,
            "p_deflected": 1.0,
            "contributions": [],
            "reasons": "no answer before the next question",
        }
    return _label(signals(question, answer, phrases))


def _label(values: dict[str, float]) -> dict:
    """:func:`label_answer` of a non-empty answer from its :func:`signals`."""
    model = load_model()
    x = np.array([values[s] for s in SIGNALS])
    z = (x - model["_mean"]) / model["_scale"]
    contrib = model["_coef"] * z  # labels x signals
    logits = contrib.sum(axis=1) + model["_intercept"]
    p = np.exp(logits - logits.max())
    p /= p.sum()
    best = int(p.argmax())
    # what pushed toward the chosen label relative to the mean of the other two
    others = [i for i in range(len(LABELS)) if i != best]
    push = contrib[best] - contrib[others].mean(axis=0)
    order = np.argsort(-np.abs(push))
    pro = [SIGNALS[i] for i in order if push[i] > 0.15][:3]
    con = [SIGNALS[i] for i in order if push[i] < -0.15][:2]
    parts = []
    if pro:
        parts.append("for " + LABELS[best] + ": " + "; ".join(_describe(s, values[s]) for s in pro))
    if con:
        parts.append("against: " + "; ".join(_describe(s, values[s]) for s in con))
    return {
        "label": LABELS[best],
        **{f"p_{lab}": float(p[i]) for i, lab in enumerate(LABELS)},
        "contributions": [
            (s, values[s], {lab: float(contrib[i, j]) for i, lab in enumerate(LABELS)}) for j, s in enumerate(SIGNALS)
        ],
        "reasons": " | ".join(parts) or "no signal stands out; the base rate decides",
    }


_BLOCK_SPLIT_RE = re.compile(r"\n\s*\n")


def side_text(text: str, keep: set[str], names: set[str]) -> str:
    """The part of a pair's ``question`` or ``answer`` said by the speakers in ``keep``.

    Texts with several speakers prefix each block ``NAME: `` (:mod:`podium.qa`); paragraphs
    without a prefix continue the block before. Text with no known prefix is returned whole.
    The prefixes themselves are dropped, so speaker names do not count as shared vocabulary.
    """
    if not names or not any(text.startswith(f"{n}: ") for n in names):
        return text
    ordered = sorted(names, key=len, reverse=True)
    longest = len(ordered[0]) + 2  # a prefix "NAME: " has its ": " within the first this-many characters
    kept: list[str] = []
    current_keep = True
    for paragraph in _BLOCK_SPLIT_RE.split(text):
        for name in ordered if ": " in paragraph[:longest] else ():
            if paragraph.startswith(f"{name}: "):
                current_keep = name in keep
                paragraph = paragraph[len(name) + 2 :]
                break
        if current_keep:
            kept.append(paragraph)
    return "\n\n".join(kept)


def _speaker_set(cell: object) -> set[str]:
    return set(speaker_names(cell))


def pair_sides(question: str, answer: str, question_speaker: str = "", answer_speaker: str = "") -> tuple[str, str]:
    """``(question, answer)`` reduced to each side's own words (see :func:`side_text`); the
    speakers are the ``" / "``-joined columns of :data:`podium.qa.QA_COLUMNS`."""
    askers, answerers = _speaker_set(question_speaker), _speaker_set(answer_speaker)
    names = askers | answerers
    return side_text(question, askers, names), side_text(answer, answerers, names)


def assess_pairs(pairs: pd.DataFrame, phrases: list[tuple[str, str]] | None = None) -> pd.DataFrame:
    """Add the per-pair indicators (:data:`INDICATOR_COLUMNS`) to a pairs table.

    The indicators are measured on each side's own words (:func:`side_text`): a moderator's
    "Two minutes, President Trump." inside an answer is neither answer nor deflection.

    Parameters:
        pairs: a table with at least ``question`` and ``answer`` (str); with ``question_speaker``
            and ``answer_speaker`` (``" / "``-joined), prefixed blocks are split by side.
        phrases: ``[(kind, phrase)]`` for the phrase indicators; the shipped list when None. The
            label always uses the shipped list, the one its model was fitted with.

    Returns:
        A new DataFrame: ``pairs``' columns, then :data:`INDICATOR_COLUMNS`.
    """
    rows = [assess_row(*sides, phrases) for sides in zip(*pair_columns(pairs), strict=True)]
    return pd.concat([pairs, indicator_frame(rows, pairs.index)], axis=1)


def pair_columns(pairs: pd.DataFrame) -> tuple[list[str], list[str], list[str], list[str]]:
    """``(questions, answers, question speakers, answer speakers)`` of a pairs table as lists, the
    arguments of :func:`assess_row` row by row (speakers ``""`` when the table has no such column)."""
    n = len(pairs)
    return (
        pairs["question"].tolist(),
        pairs["answer"].tolist(),
        pairs["question_speaker"].tolist() if "question_speaker" in pairs else [""] * n,
        pairs["answer_speaker"].tolist() if "answer_speaker" in pairs else [""] * n,
    )


def assess_row(
    question: str, answer: str, asked_by: str = "", answered_by: str = "", phrases: list[tuple[str, str]] | None = None
) -> dict[str, object]:
    """The indicators of one pair, as :func:`assess_pairs` measures them (arguments: a row of
    :func:`pair_columns`): a dict keyed by :data:`INDICATOR_COLUMNS`. Pairs are measured
    independently, so a table's rows may be measured in any order or process (``--jobs 2``)."""
    # each side's own words, without "NAME: " prefixes or the other side's interjections
    question, answer = pair_sides(question, answer, asked_by, answered_by)
    # the answer's words, content stems and phrases found once, for the indicators and the label
    answer_words = _WORD_RE.findall(answer)
    a_stems = _stems_of(answer_words)
    share, shared = _overlap(question, a_stems)
    found = find_phrases(answer, phrases)
    if answer.strip():
        shipped = found if phrases is None else find_phrases(answer)  # the label uses the shipped list
        result = _label(_signals(question, answer, answer_words, a_stems, shipped))
    else:
        result = label_answer(question, answer)
    return {
        "overlap": share,
        "shared_words": " ".join(shared),
        "deflection_phrases": "; ".join(f"{m.kind}: {answer[m.start : m.end]}" for m in found),
        "n_deflections": sum(m.kind != "hedge" for m in found),
        "n_hedges": sum(m.kind == "hedge" for m in found),
        "label": result["label"],
        "p_direct": result["p_direct"],
        "p_partial": result["p_partial"],
        "p_deflected": result["p_deflected"],
        "reasons": result["reasons"],
    }


def indicator_frame(rows: list[dict[str, object]], index: pd.Index) -> pd.DataFrame:
    """The indicator columns (:data:`INDICATOR_COLUMNS`, their dtypes) of :func:`assess_row` results."""
    return pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS), index=index).astype(INDICATOR_COLUMNS)

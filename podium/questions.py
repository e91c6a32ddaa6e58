"""Counting the questions a turn asks.

Rules (each one is a test in ``tests/test_questions.py``):

1. A sentence that ends in a question mark asks one question: ``?``, the full-width ``？``
   (Chinese, Japanese), the Arabic ``؟``; ``??`` or ``?!`` still count once.
   "Two things. First, on the levy? And second, will you run again?" asks 2.
2. A sentence with no question mark that has the form of a question asks one: an auxiliary or
   modal verb before its subject ("Can you say more about the timeline", "Is it over"), a
   question word before a verb ("What is the plan", "How many are there"), a request to
   speak to something ("Tell us about the levy", "Walk us through the plan"), or an indirect
   question ("I wanted to ask about ...", "I wonder whether ...", "Let me ask ..."). A short opener
   before a comma is skipped ("Secretary, can you ..."). Transcribers often drop the ``?``.
3. A Chinese sentence that ends in the particle ``吗`` asks one question even with no ``？``.
4. Quoted speech does not ask: text inside quotation marks is removed first, so
   ``He said "is it over?" and left.`` asks none.
"""

from __future__ import annotations

import re
import threading

__all__ = ["count_questions", "question_sentences", "sentences"]

_QUESTION_MARKS = "?？؟"
_QUOTED_RE = re.compile(r'"[^"\n]{0,400}"|“[^”\n]{0,400}”|«[^»\n]{0,400}»|「[^」\n]{0,400}」')
# Sentence ends: . ! ? and their full-width and Arabic forms, the ideographic full stop.
_SENT_END_RE = re.compile(r"[.!?？؟。！]+[\"')\]]*(?=\s|$)|[？؟。！]+|\n\s*\n")
# Abbreviations whose full stop does not end a sentence.
_ABBREV_END_RE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gen|Gov|Lt|Col|Sgt|Jr|Sr|Prof|No|vs|etc|Mt|Ft|Pres|Sec|Amb)|\b[A-Z]|\b(?:[A-Za-z]\.){1,4}[A-Za-z])\.$"
)
_AUX = (
    r"(?:can|could|would|will|do|does|did|is|are|was|were|have|has|had|should|shall|may|might|must|"
    r"isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|shouldn't|haven't|hasn't)"
)
_SUBJECT = (
    r"(?:you|we|i|he|she|it|they|there|this|that|these|those|the|a|an|your|our|his|her|their|its|any|anyone|"
    r"anybody|anything|someone|somebody|something|everyone|people|mr|mrs|ms|dr|president|secretary|"
    r"(?-i:[A-Z][a-z]+))"
)
_WH = r"(?:what|why|how|when|where|who|whom|whose|which)"
_WH_NEXT = (
    r"(?:is|are|was|were|do|does|did|can|could|would|will|should|shall|has|have|had|'s|'re|much|many|long|"
    r"soon|far|often|else|kind|sort|exactly|specifically|about)"
)
_OPENER_WORDS = r"(?:and|but|so|also|then|well|now|ok|okay|just|sir|ma'am)"
_OPENER = rf"(?:{_OPENER_WORDS}[, ]+|[^,;:?!\n]{{1,40}},\s+)?"
_INTERROGATIVE_RE = re.compile(
    rf"^{_OPENER}(?:{_AUX}\s+(?:not\s+)?{_SUBJECT}\b|{_WH}(?:'s|'re|\s+{_WH_NEXT}\b)|"
    r"(?:tell|give|walk|take)\s+(?:us|me)\b|talk\s+(?:to\s+us\s+)?about\b|(?:explain|describe)\b|help\s+us\s+understand\b|"
    r"any\s+(?:update|comment|reaction|response|thoughts?)\b|"
    r"i(?:'m|\s+am|\s+was)?\s+(?:just\s+|simply\s+|also\s+|really\s+|actually\s+)?(?:want(?:ed)?|wish(?:ed)?|would\s+like|'d\s+like|"
    r"hoping|hope|wonder(?:ed|ing)?|curious)\s+(?:to\s+(?:ask|see|know|get|hear|follow|check|understand|clarify|confirm|press)|"
    r"if|whether|what|how|why|about)\b|let\s+me\s+ask\b|my\s+question\s+is\b)",
    re.IGNORECASE,
)
_MA_RE = re.compile(r"吗\s*[。.]?\s*$")
# "..., which is.", "..., who was.": a relative clause after a comma, in a sentence closed by a full
# stop, is no question (without the full stop, "Senator, who is your pick" may be one).
_RELATIVE_RE = re.compile(
    rf"^(?!{_OPENER_WORDS}\b)[^,;:?!\n]{{1,40}},\s+(?:which|who|whom|whose)\b"
    r"[^?]*\.$",
    re.IGNORECASE,
)
# "What's important is ...", "What we need is ...", "what is being done now is ...": a wh-clause as
# the subject of "is"/"was" (a pseudo-cleft), a statement when it ends in a full stop.
_PSEUDO_CLEFT_RE = re.compile(
    rf"^{_OPENER}what(?:'s|\s+(?:is|was))?\s+[^,?;:\n]{{1,60}}?\s(?:is|was|are|were)\s[^?]*\.$", re.IGNORECASE
)


def sentences(text: str) -> list[str]:
    """Split ``text`` into sentences (stripped, non-empty), keeping each sentence's final punctuation.

    Full stops after titles and initials (``Mr.``, ``U.S.``) do not end a sentence.
    """
    out: list[str] = []
    start = 0
    pending = ""
    for match in _SENT_END_RE.finditer(text):
        piece = text[start : match.end()]
        start = match.end()
        # an abbreviation's match is at most 10 characters long and ends the piece (which ends in ".")
        if match.group(0) == "." and _ABBREV_END_RE.search(piece, max(0, len(piece) - 12)):
            pending += piece
            continue
        sentence = (pending + piece).strip()
        pending = ""
        if sentence:
            out.append(sentence)
    rest = (pending + text[start:]).strip()
    if rest:
        out.append(rest)
    return out


_QUESTION_MARK_ENDS = tuple(_QUESTION_MARKS)


def _asks(sentence: str) -> bool:
    body = sentence.rstrip("\"')] ")
    if (body and body[-1] in _QUESTION_MARKS) or body.rstrip("!").endswith(_QUESTION_MARK_ENDS):
        return True
    if "吗" in body and _MA_RE.search(body):
        return True
    if body.endswith(("!", "。", "！")) or not any(c.isalpha() for c in body):
        return False
    opened = body.lstrip("-—– ")
    if not _INTERROGATIVE_RE.match(opened):
        return False
    # statements that open like a wh-question: a relative clause after a comma ("Your husband
    # signed NAFTA, which was ...") and a pseudo-cleft ("But what's important is what we achieved.")
    return not (_RELATIVE_RE.match(opened) or _PSEUDO_CLEFT_RE.match(opened))


def question_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` that ask a question, by the rules in this module's docstring."""
    return list(_question_sentences(text))


# A paragraph break. No sentence and no quotation (:data:`_QUOTED_RE` stops at a line end) runs
# across one, and :data:`_SENT_END_RE` ends a sentence at each, so the question sentences of a
# text are those of its paragraphs in order (tests/test_questions.py checks this on random text).
_PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n")

#: Characters of paragraph text whose question sentences :func:`question_sentences` keeps; beyond
#: it the paragraphs cached first are dropped and split again when asked for.
QUESTION_CACHE_CHARS = 32_000_000
_PARAGRAPH_CACHE: dict[str, tuple[str, ...]] = {}
_paragraph_cache_chars = 0
_PARAGRAPH_CACHE_LOCK = threading.Lock()


def _question_sentences(text: str) -> tuple[str, ...]:
    # cached per paragraph: a turn's questions are counted when it is parsed, and the same
    # paragraphs come back inside a Q&A pair's question and answer (turns joined by blank lines),
    # so the pairs' question counts and the label's signals reuse the parse's work
    if "\n" not in text:
        return _paragraph_questions(text)
    out: list[str] = []
    for paragraph in _PARAGRAPH_BREAK_RE.split(text):
        out.extend(_paragraph_questions(paragraph))
    return tuple(out)


def _paragraph_questions(paragraph: str) -> tuple[str, ...]:
    hit = _PARAGRAPH_CACHE.get(paragraph)
    if hit is not None:
        return hit
    unquoted = _QUOTED_RE.sub(" ", paragraph)
    found = tuple(s for s in sentences(unquoted) if _asks(s))
    _remember([(paragraph, found)])
    return found


def _remember(items) -> None:
    """Add ``(paragraph, question sentences)`` pairs to the per-paragraph cache, oldest dropped
    beyond :data:`QUESTION_CACHE_CHARS` characters of paragraphs (pages run in threads: locked)."""
    global _paragraph_cache_chars
    with _PARAGRAPH_CACHE_LOCK:
        for paragraph, found in items:
            if paragraph not in _PARAGRAPH_CACHE:
                _PARAGRAPH_CACHE[paragraph] = found
                _paragraph_cache_chars += len(paragraph)
        while _paragraph_cache_chars > QUESTION_CACHE_CHARS and len(_PARAGRAPH_CACHE) > 1:
            old = next(iter(_PARAGRAPH_CACHE))
            del _PARAGRAPH_CACHE[old]
            _paragraph_cache_chars -= len(old)


def cached_paragraphs() -> dict[str, tuple[str, ...]]:
    """A copy of the per-paragraph cache of :func:`question_sentences`: ``{paragraph: its question
    sentences}`` (for handing a child process's work back to its parent, :mod:`podium.parallel`)."""
    with _PARAGRAPH_CACHE_LOCK:
        return dict(_PARAGRAPH_CACHE)


def remember_paragraphs(items) -> None:
    """Add ``(paragraph, question sentences)`` pairs, as :func:`question_sentences` found them in
    another process, to the per-paragraph cache (bounded as usual)."""
    _remember(items)


def clear_cache() -> None:
    """Empty the per-paragraph cache of :func:`question_sentences` (for benchmarks and tests)."""
    global _paragraph_cache_chars
    with _PARAGRAPH_CACHE_LOCK:
        _PARAGRAPH_CACHE.clear()
        _paragraph_cache_chars = 0


def count_questions(text: str) -> int:
    """Count the questions ``text`` asks (int, >= 0), by the rules in this module's docstring."""
    if not text:
        return 0
    return len(question_sentences(text))

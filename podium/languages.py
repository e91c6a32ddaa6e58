"""Text outside plain English that the word rules of :mod:`podium.text` need (issue 10).

- Languages written without spaces: Chinese is segmented into words with jieba's dictionary
  (the usual Chinese segmenter, default precise mode). Japanese has no segmenter here: a run
  with kana is split where the script changes (kanji / hiragana / katakana), so 今日は予算について
  is 今日 | は | 予算 | について, an approximation of its words. Other scripts without spaces
  (Thai, Lao, Khmer, Burmese) count one word per unbroken run.
- Non-speech events as captions write them, which :data:`podium.text.STAGE_DIRECTION_RE`
  includes: :data:`CAPTION_EVENT_PATTERN`.
"""

from __future__ import annotations

import re

__all__ = ["CAPTION_EVENT_PATTERN", "has_cjk", "segment_cjk", "segment_cjk_words"]


_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_SCRIPT_RUN_RE = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006]+|[\u3040-\u309f]+|[\u30a0-\u30ff]+"
    r"|[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006]+"
)
_jieba = None


def _jieba_tokenize(text: str) -> list[tuple[str, int, int]]:
    global _jieba
    if _jieba is None:
        import logging

        import jieba  # lazy: loads its dictionary (about a second) only for Chinese text

        jieba.setLogLevel(logging.WARNING)
        _jieba = jieba
    return [(w, a, b) for w, a, b in _jieba.tokenize(text) if w.strip()]


def segment_cjk(token: str, start: int = 0) -> list[tuple[str, int, int]]:
    """Split one word-like token written without spaces into words, with offsets.

    Returns ``[(word, start, end)]`` with offsets shifted by ``start``; a token with no Chinese
    or Japanese characters comes back whole.

    >>> [w for w, _, _ in segment_cjk("预算什么时候公布")]
    ['预算', '什么', '时候', '公布']
    """
    if not _CJK_RE.search(token):
        return [(token, start, start + len(token))]
    if _KANA_RE.search(token):
        spans = [(m.group(0), m.start(), m.end()) for m in _SCRIPT_RUN_RE.finditer(token)]
    else:
        spans = _jieba_tokenize(token)
    return [(w, start + a, start + b) for w, a, b in spans]


def segment_cjk_words(found: list[str], text: str) -> list[str]:
    """``found`` with each Chinese or Japanese token split into words (see :func:`segment_cjk`)."""
    if not _CJK_RE.search(text):
        return found
    return [w for token in found for w, _, _ in segment_cjk(token)]


def has_cjk(text: str) -> bool:
    """True when ``text`` holds Chinese or Japanese characters."""
    return bool(_CJK_RE.search(text))


def _caption_event_pattern() -> str:
    """Non-speech events as captions write them (issue 10): ``[LAUGH]``, ``[SIGH]``, ``[COUGHS]``,
    ``(everyone laughs)``, ``(audience members shouting)``, ``[crowd cheering]``, and sung lyrics
    between music notes, ``♪ la la la ♪`` (or a lone ``♪``); and notes on how a person speaks
    (``(reading)``, ``(via video)``, ``(continuing)``)."""
    who = r"(?:(?:the|some|several|many|all)\s+)?(?:everyone|everybody|audience(?:\s+members?)?|crowd|people|all|group|members|others|both|several|protesters?|children|students|panel)\s+"  # noqa: E501
    event = (
        r"laugh\w*|sigh(?:s|ing|ed)?|cough\w*|shout\w*|chant(?:s|ing|ed)?|cheer(?:s|ing|ed)?|applau\w*|"
        r"boo(?:s|ing|ed)?|murmur\w*|groan\w*|gasp\w*|clap(?:s|ping|ped)?|sing(?:s|ing)?|sob(?:s|bing|bed)?|"
        r"cr(?:y|ies|ying)|scream\w*|yell(?:s|ing|ed)?|whistl\w*|clears? throat|sniff\w*|music\w*|inaudible|"
        r"unintelligible|crosstalk|overlapping|chatter\w*|noise\w*|beep\w*|phone\s+ring\w*|"
        r"door\s+(?:clos|open|slam|knock)\w*|gavel\w*"
    )
    # notes on how a person speaks, found in labels: "MS. ODUYA (reading)", "DR. LEE (via video)"
    manner = r"reading|via video|by video|on video|via zoom|by (?:tele)?phone|off camera|continuing|remotely"
    event += "|" + manner
    bracketed = r"[\(\[]\s*(?:" + who + r")?(?:" + event + r")\b[^\(\)\[\]]{0,80}[\)\]]"
    sung = r"\u266a[^\u266a\n]{0,300}\u266a|\u266a+"
    return bracketed + "|" + sung


#: Non-speech events in caption shapes, as a regular-expression alternative (case-insensitive use).
CAPTION_EVENT_PATTERN = _caption_event_pattern()

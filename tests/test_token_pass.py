"""The one tokenising pass shared by word counts, phrase counts and Q&A (issue 14, core speed).

Values are checked by hand against the texts written here.
"""

from __future__ import annotations

from podium.parse import measure_text
from podium.phrases import tally
from podium.text import phrase_runs, words


def test_sung_lyrics_without_brackets_are_not_phrases():
    # "♪ la la la ♪" is a stage direction (caption lyrics): 6 words are spoken, "la" is never a phrase
    text = "♪ la la la ♪ We will act. We will act."
    assert words(text) == ["We", "will", "act", "We", "will", "act"]
    assert phrase_runs(text) == [["we", "will", "act"], ["we", "will", "act"]]
    counted = tally([text])
    assert counted.n_words == {"": 6}
    assert "la" not in counted.phrases(1)
    assert measure_text(text)["n_words"] == 6

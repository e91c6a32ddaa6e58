"""Word conservation for the caption formats (issue 10), as a Hypothesis property: every spoken
word of generated cues is in exactly one turn, whatever the labels, styling and ``>>`` marks."""

from hypothesis import given, settings
from hypothesis import strategies as st

from podium import parse_text
from podium.text import all_words

_word = st.sampled_from(["budget", "vote", "Thursday", "no", "council's", "open-door", "42", "parks", "U.S."])
_cue = st.tuples(
    st.sampled_from([None, "ANA", "MAYOR QUINTERO", "Bo Chen"]),  # a label, or none
    st.lists(_word, min_size=1, max_size=6).map(" ".join),
    st.sampled_from(["", "<i>", "{\\an8}", '<font color="#ffee00">']),  # styling around the text
    st.booleans(),  # a ">>" change of speaker
)


def _clock(seconds, sep="."):
    return f"00:{seconds // 60:02d}:{seconds % 60:02d}{sep}000"


def _line(label, text, style, chevrons):
    close = {"<i>": "</i>", '<font color="#ffee00">': "</font>"}.get(style, "")
    body = f"{label}: {text}" if label else text
    return (">> " if chevrons else "") + f"{style}{body}{close}"


def _expected(cues):
    return [w for _, text, _, _ in cues for w in all_words(text)]


def _check(text, name, cues):
    t = parse_text(text, name=name)
    got = [w for txt in t.turns["text"] for w in all_words(txt)]
    assert got == _expected(cues)
    assert int(t.turns["n_words"].sum()) == len(_expected(cues))


@settings(max_examples=400, deadline=None)
@given(st.lists(_cue, min_size=1, max_size=8))
def test_srt_vtt_and_sbv_conserve_words(cues):
    srt = "".join(
        f"{i + 1}\n{_clock(i, ',')} --> {_clock(i + 1, ',')}\n{_line(*cue)}\n\n" for i, cue in enumerate(cues)
    )
    _check(srt, "x.srt", cues)
    vtt = "WEBVTT\n\n" + "".join(
        f"NOTE Confidence: 0.9\n\n{_clock(i)} --> {_clock(i + 1)}\n{_line(*cue)}\n\n" for i, cue in enumerate(cues)
    )
    _check(vtt, "x.vtt", cues)
    sbv = "".join(f"0:{_clock(i)[3:]},0:{_clock(i + 1)[3:]}\n{_line(*cue)}\n\n" for i, cue in enumerate(cues))
    _check(sbv, "x.sbv", cues)


_ITALIC = "{\\i1}"  # an ASS override block


@settings(max_examples=40, deadline=None)
@given(st.lists(_cue, min_size=1, max_size=8))
def test_ass_conserves_words(cues):
    events = "".join(
        f"Dialogue: 0,0:{_clock(i)[3:-1]},0:{_clock(i + 1)[3:-1]},Default,{label or ''},0,0,0,,"
        f"{_ITALIC if style else ''}{text}\n"
        for i, (label, text, style, _) in enumerate(cues)
    )
    ass = (
        "[Script Info]\nScriptType: v4.00+\n\n"
        "[V4+ Styles]\nFormat: Name, Fontname, Fontsize\nStyle: Default,Arial,20\n\n"
        "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" + events
    )
    _check(ass, "x.ass", cues)

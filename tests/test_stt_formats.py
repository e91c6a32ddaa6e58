"""Speech-to-text JSON kinds of issue 10: AssemblyAI, Azure, Google v2, units and values.

Each file is small and crafted; turns, times and words are checked by hand.
"""

import json

import pytest

from podium import parse_text


def read(data, name="x.json"):
    t = parse_text(json.dumps(data), name=name)
    rows = t.turns[["speaker", "text", "start_s", "end_s", "speech_s"]].to_dict("records")
    return t, [(r["speaker"], r["text"], round(r["start_s"], 3), round(r["end_s"], 3)) for r in rows]


def _aai_words(speaker, spec):
    return [{"text": w, "start": a, "end": b, "speaker": speaker, "confidence": 0.9} for w, a, b in spec]


ASSEMBLYAI = {
    "id": "5551722-f677-48a4-9fe4-5ab6a7b8b6f7",
    "status": "completed",
    "audio_duration": 14,
    "text": "Thanks for coming in today. Happy to be here.",
    "utterances": [
        {
            "speaker": "A",
            "start": 250,
            "end": 3100,
            "text": "Thanks for coming in today.",
            "words": _aai_words(
                "A",
                [
                    ("Thanks", 250, 600),
                    ("for", 600, 800),
                    ("coming", 800, 1200),
                    ("in", 1200, 1400),
                    ("today.", 1400, 3100),
                ],
            ),
        },
        {
            "speaker": "B",
            "start": 3500,
            "end": 14000,
            "text": "Happy to be here.",
            "words": _aai_words(
                "B", [("Happy", 3500, 4000), ("to", 4000, 4200), ("be", 4200, 4400), ("here.", 4400, 5000)]
            ),
        },
    ],
}


def test_assemblyai_utterances_in_milliseconds():
    t, got = read(ASSEMBLYAI, "assemblyai.json")
    assert got == [("A", "Thanks for coming in today.", 0.25, 3.1), ("B", "Happy to be here.", 3.5, 5.0)]
    assert t.source_format == "stt_json:assemblyai"
    assert t.timing == "source"
    assert t.turns["speech_s"].round(3).tolist() == [2.85, 1.5]
    assert t.turns["end_s"].max() < 14  # a 14-second interview never shows as hours


def test_assemblyai_without_diarization_reads_top_level_words():
    data = {
        "audio_duration": 2,
        "utterances": None,
        "words": _aai_words(None, [("Hello", 0, 400), ("there.", 400, 900)]),
    }
    _, got = read(data)
    assert got == [("UNKNOWN", "Hello there.", 0.0, 0.9)]


AZURE = {
    "source": "https://example.org/council.wav",
    "durationInTicks": 41200000,
    "combinedRecognizedPhrases": [{"channel": 0, "display": "Hello, council. Good evening to you."}],
    "recognizedPhrases": [
        {
            "recognitionStatus": "Success",
            "channel": 0,
            "speaker": 2,
            "offset": "PT2.5S",
            "duration": "PT1.62S",
            "nBest": [{"confidence": 0.9, "lexical": "good evening to you", "display": "Good evening to you."}],
        },
        {
            "recognitionStatus": "Success",
            "channel": 0,
            "speaker": 1,
            "offset": "PT0.07S",
            "duration": "PT1.59S",
            "offsetInTicks": 700000.0,
            "durationInTicks": 15900000.0,
            "nBest": [{"confidence": 0.89, "lexical": "hello council", "display": "Hello, council."}],
        },
        {"recognitionStatus": "NoMatch", "channel": 0, "offsetInTicks": 40000000.0, "durationInTicks": 1.0},
    ],
}


def test_azure_batch_ticks_and_iso_durations():
    t, got = read(AZURE, "azure.json")
    assert got == [("1", "Hello, council.", 0.07, 1.66), ("2", "Good evening to you.", 2.5, 4.12)]
    assert t.source_format == "stt_json:azure_speech"


def test_google_speaker_label_and_protobuf_durations():
    def w(word, start, end, label):
        return {"word": word, "startOffset": start, "endOffset": end, "speakerLabel": label}

    data = {
        "results": [
            {
                "alternatives": [
                    {
                        "transcript": "Budget first. Agreed.",
                        "words": [
                            w("Budget", {"nanos": 400000000}, {"seconds": "1"}, "1"),
                            w("first.", {"seconds": "1"}, {"seconds": "1", "nanos": 500000000}, "1"),
                            w("Agreed.", {"seconds": "3", "nanos": 400000000}, {"seconds": "4"}, "2"),
                        ],
                    }
                ]
            }
        ]
    }
    t, got = read(data, "google.json")
    assert got == [("1", "Budget first.", 0.4, 1.5), ("2", "Agreed.", 3.4, 4.0)]
    assert t.timing == "source"


SEGMENTS_MS = [
    {"speaker": "Ana", "start": 0, "end": 6000, "text": "We opened the meeting at seven sharp today."},
    {
        "speaker": "Bo",
        "start": 6500,
        "end": 14000,
        "text": "Then we voted on the budget and it passed easily, nine to two.",
    },
]


@pytest.mark.parametrize(
    "data", [SEGMENTS_MS, {"segments": SEGMENTS_MS}, {"audio_duration": 14.2, "segments": SEGMENTS_MS}]
)
def test_bare_segments_in_milliseconds_are_read_as_seconds_with_a_notice(data):
    t, got = read(data)
    assert [(s, a, b) for s, _, a, b in got] == [("Ana", 0.0, 6.0), ("Bo", 6.5, 14.0)]
    assert any("milliseconds" in n for n in t.notices)


def test_segments_in_seconds_stay_seconds():
    data = [{"speaker": "Ana", "start": 0, "end": 3600, "text": " ".join(["word"] * 9000)}]
    t, got = read(data)
    assert got[0][3] == 3600.0
    assert not any("milliseconds" in n for n in t.notices)


def test_a_start_of_zero_is_a_time():
    t, got = read(
        [
            {"speaker": "A", "start": 0, "end": 2, "text": "Hi."},
            {"speaker": "B", "start": 2, "end": 3, "text": "Hello."},
        ]
    )
    assert t.timing == "source"
    assert got == [("A", "Hi.", 0.0, 2.0), ("B", "Hello.", 2.0, 3.0)]


def test_per_entry_clock_fields_are_times_and_na_sits_between_neighbours():
    data = [
        {"speaker": "Wallace", "minute": "01:20", "text": "a b c d"},
        {"speaker": "Trump", "minute": "NA", "text": "e f"},
        {"speaker": "Wallace", "minute": "01:50", "text": "g h i j"},
        {"speaker": "Biden", "minute": "1:02:03", "text": "k"},
    ]
    t, _ = read(data)
    assert t.timing == "source"
    # the NA entry starts after Wallace's 4 words of the 6 said between 80 s and 110 s: 80 + 30 * 4/6
    assert t.turns["start_s"].tolist() == [80.0, 100.0, 110.0, 3723.0]


def test_clock_that_restarts_is_joined_after_the_earlier_part():
    data = [
        {"speaker": "W", "minute": "24:00", "text": "part one"},
        {"speaker": "T", "minute": "24:25", "text": "one two three four five six seven eight nine ten"},
        {"speaker": "W", "minute": "00:15", "text": "part two"},
    ]
    t, _ = read(data)
    # 1465 s plus the ten words before the restart at 150 words a minute (4 s)
    assert t.turns["start_s"].tolist() == [1440.0, 1465.0, 1469.0]
    assert any("starts again" in n for n in t.notices)


def test_speaker_values_numbers_are_names_lists_and_booleans_are_not():
    data = [
        {"speaker": 7, "start": 0, "end": 1, "text": "One."},
        {"speaker": ["Ana", "Bo"], "start": 1, "end": 2, "text": "Two."},
        {"speaker": True, "start": 2, "end": 3, "text": "Three."},
        {"speaker": {"x": 1}, "start": 3, "end": 4, "text": "Four."},
        {"speaker": 8.0, "start": 4, "end": 5, "text": "Five."},
    ]
    t, got = read(data)
    assert [s for s, *_ in got] == ["7", "UNKNOWN", "8"]
    assert got[1][1] == "Two. Three. Four."
    assert any("not a name" in n for n in t.notices)
    assert "['Ana', 'Bo']" not in set(t.turns["speaker"])


def test_whisperx_words_without_times_take_their_neighbours_times():
    # "$43,000" runs from the end of "cost" (0.7) to the start of "today." (1.9); "$5" opens its
    # segment, so it starts with the segment (3.0) and ends where "more." starts (3.2)
    def w(word, speaker, start=None, end=None):
        d = {"word": word, "speaker": speaker}
        if start is not None:
            d.update(start=start, end=end)
        return d

    data = {
        "segments": [
            {
                "start": 0.0,
                "end": 2.4,
                "text": "It cost $43,000 today.",
                "speaker": "SPEAKER_00",
                "words": [
                    w("It", "SPEAKER_00", 0.0, 0.3),
                    w("cost", "SPEAKER_00", 0.3, 0.7),
                    w("$43,000", "SPEAKER_00"),
                    w("today.", "SPEAKER_00", 1.9, 2.4),
                ],
            },
            {
                "start": 3.0,
                "end": 4.0,
                "text": "$5 more.",
                "speaker": "SPEAKER_01",
                "words": [w("$5", "SPEAKER_01"), w("more.", "SPEAKER_01", 3.2, 4.0)],
            },
        ]
    }
    t, got = read(data, "whisperx.json")
    assert t.timing == "source"
    assert got == [("SPEAKER_00", "It cost $43,000 today.", 0.0, 2.4), ("SPEAKER_01", "$5 more.", 3.0, 4.0)]
    assert t.turns["n_words"].tolist() == [4, 2]  # "$43,000" is one word (It, cost, 43,000, today)


WHISPER_LOOP = {
    "text": "...",
    "language": "en",
    "segments": [
        {"id": 0, "start": 0.0, "end": 4.0, "text": " The council approved the budget.", "no_speech_prob": 0.01},
        {"id": 1, "start": 4.0, "end": 6.0, "text": " Thank you.", "no_speech_prob": 0.1},
        {"id": 2, "start": 30.0, "end": 32.0, "text": " Thank you.", "no_speech_prob": 0.2},
        {"id": 3, "start": 32.0, "end": 34.0, "text": " Thank you.", "no_speech_prob": 0.3},
        {
            "id": 4,
            "start": 40.0,
            "end": 42.0,
            "text": " Thanks for watching!",
            "no_speech_prob": 0.9,
            "avg_logprob": -1.4,
        },
        {"id": 5, "start": 42.0, "end": 44.0, "text": " la la la la la la la la la", "compression_ratio": 3.1},
        {"id": 6, "start": 50.0, "end": 53.0, "text": " Next item is parks.", "no_speech_prob": 0.02},
    ],
}


def test_whisper_hallucinations_are_left_out_by_default_with_a_notice():
    t = parse_text(json.dumps(WHISPER_LOOP), name="whisper.json")
    text = " ".join(t.turns["text"])
    # the first "Thank you." may be real; its two repeats, the silent "Thanks for watching!" and
    # the compressed "la la ..." are not counted
    assert text == "The council approved the budget. Thank you. Next item is parks."
    assert t.turns["n_words"].sum() == 5 + 2 + 4
    assert any("hallucination" in n and "Include suspected hallucinations" in n for n in t.notices)


def test_whisper_hallucinations_can_be_included():
    t = parse_text(json.dumps(WHISPER_LOOP), name="whisper.json", keep_suspect=True)
    assert t.turns["n_words"].sum() == 5 + 2 + 2 + 2 + 3 + 9 + 4
    assert any("are included" in n for n in t.notices)


@pytest.mark.parametrize(
    ("data", "spoken"),
    [
        (ASSEMBLYAI, "Thanks for coming in today Happy to be here"),
        (AZURE, "Hello council Good evening to you"),
        (
            SEGMENTS_MS,
            "We opened the meeting at seven sharp today Then we voted on the budget and it passed easily nine to two",
        ),
    ],
)
def test_speech_to_text_words_are_conserved(data, spoken):
    from podium.text import all_words

    t = parse_text(json.dumps(data), name="x.json")
    assert [w for txt in t.turns["text"] for w in all_words(txt)] == spoken.split()


def test_corpus_rev_debate_json_gets_its_times_from_the_minute_fields():
    from podium import read_transcript
    from podium.formats.stt_json import load_json
    from tests.conftest import CORPUS

    path = CORPUS / "debate" / "debate2020_rev_derived_speechJSON.js"
    if not path.is_file():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    t = read_transcript(path)
    assert t.timing == "source"  # 822 "minute" clocks, one "NA"
    assert t.turns["start_s"].iloc[0] == 80.0  # "01:20"
    assert t.turns["start_s"].is_monotonic_increasing
    # the clock restarts after entry 179 ("24:25", then "NA", then "00:15"): part two follows part one
    # after the words of entries 178 and 179 at 150 words a minute; the last entry is "01:10:50"
    entries = load_json(path.read_text(encoding="utf-8"))
    assert (entries[178]["minute"], entries[179]["minute"], entries[180]["minute"]) == ("24:25", "NA", "00:15")
    gap = (len(entries[178]["text"].split()) + len(entries[179]["text"].split())) * 60 / 150
    assert entries[-1]["minute"] == "01:10:50"
    assert t.turns["start_s"].iloc[-1] == pytest.approx(4250 + 1465 + gap - 15)


def test_an_empty_speech_to_text_json_gets_one_plain_sentence():
    import pytest

    from podium.model import ParseError

    with pytest.raises(ParseError) as err:
        parse_text('{"results": {"channels": []}}', name="empty.json")
    message = str(err.value)
    assert "Deepgram" in message and "no transcript" in message
    assert "Error(" not in message and "list index" not in message

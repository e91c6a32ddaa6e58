"""The transcript library (bundled files, uploads kept by content hash, safe identifiers) and Compare's core."""

import hashlib
import json

import pytest

from podium.compare import count_phrase, match_people, phrase_rates, qa_summary, split_phrases, talk_share
from podium.library import Library, describe, guess_date, guess_event, is_safe_id
from podium.parse import parse_bytes, read_transcript
from podium.talk_time import speaker_table
from podium.text import sentence_runs
from tests.conftest import ROOT

DATA = ROOT / "data"


def test_bundled_library_lists_every_file_with_provenance():
    lib = Library(folder="/nonexistent/podium-library")
    entries = lib.entries()
    assert lib.default_id == "blinken-nato-2022-01-26"
    files = {e.name for e in entries}
    # every file in data/ is in the catalogue, and every catalogue entry is described in data/README.md
    assert files == {p.name for p in DATA.iterdir() if p.name not in ("README.md", "library.json")}
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for name in files:
        assert f"## {name}" in readme, name
    events = [e.event for e in entries]
    assert events.count("briefing") >= 3 and "debate" in events and "interview" in events
    for entry in entries:
        assert is_safe_id(entry.id) and entry.title
        transcript = parse_bytes(entry.path.read_bytes(), name=entry.name)
        assert len(transcript.turns) >= 6


def test_catalogue_metadata_agrees_with_what_the_file_says():
    # the White House files carry front matter: date and source_url, checked by eye in the files
    path = DATA / "wh_trump_modi_joint_presser_2025-02-13.md"
    meta = describe(read_transcript(path), path.name)
    assert meta["date"] == "2025-02-13"
    assert meta["source"].startswith("https://www.whitehouse.gov/remarks/2025/02/remarks-by-president-trump")
    assert meta["event"] == "briefing"
    entry = Library(folder="/nonexistent").get("trump-modi-2025-02-13")
    assert (entry.title, entry.date, entry.source) == (meta["title"], meta["date"], meta["source"])


@pytest.mark.parametrize(
    "crafted",
    ["../../etc/passwd", "/etc/passwd", "..", "data/../../etc/passwd", "blinken_nato_open_door.txt", "", "A" * 65],
)
def test_crafted_identifiers_name_nothing(tmp_path, crafted):
    lib = Library(folder=tmp_path)
    assert lib.get(crafted) is None
    with pytest.raises(KeyError):
        lib.read(crafted)


def test_uploads_are_kept_by_content_hash_and_found_after_a_restart(tmp_path):
    data = b"Mini briefing, March 3, 2023\n\nMS. PSAKI: Hello.\n\nQ  Is it?\n\nMS. PSAKI: No.\n"
    transcript = parse_bytes(data, name="mini.txt")
    entry = Library(folder=tmp_path).add(data, "mini.txt", describe(transcript, "mini.txt"))
    digest = hashlib.sha256(data).hexdigest()
    assert entry.id == digest[:16]
    assert (tmp_path / f"{digest}.txt").read_bytes() == data
    assert entry.title == "Mini briefing, March 3, 2023" and entry.date == "2023-03-03" and entry.event == "briefing"
    # a new Library object (the next start) finds it; the same bytes again are kept once
    again = Library(folder=tmp_path)
    assert again.read(entry.id) == ("mini.txt", data)
    assert again.add(data, "other-name.txt").id == entry.id
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{digest}.json", f"{digest}.txt"]
    # the stored entry is listed after the bundled ones
    assert [e.id for e in again.entries()][-1] == entry.id


def test_a_tampered_sidecar_cannot_point_outside_the_folder(tmp_path):
    digest = "0" * 64
    (tmp_path / f"{digest}.json").write_text(json.dumps({"file": "../../etc/passwd", "name": "x"}))
    assert Library(folder=tmp_path).get(digest[:16]) is None


def test_metadata_edits_are_kept_for_bundled_and_stored_entries(tmp_path):
    lib = Library(folder=tmp_path)
    lib.edit("blinken-nato-2022-01-26", title="Blinken on NATO", source="https://example.org/x")
    entry = Library(folder=tmp_path).get("blinken-nato-2022-01-26")
    assert entry.title == "Blinken on NATO" and entry.date == "2022-01-26" and entry.source == "https://example.org/x"
    with pytest.raises(ValueError, match="not a date"):
        lib.edit("blinken-nato-2022-01-26", date="26/01/2022")
    with pytest.raises(ValueError):
        lib.edit("blinken-nato-2022-01-26", path="/etc/passwd")
    with pytest.raises(KeyError):
        lib.edit("../../etc/passwd", title="x")
    # the bundled catalogue is untouched
    assert "Blinken on NATO" not in (DATA / "library.json").read_text(encoding="utf-8")


def test_guess_date_and_event():
    assert guess_date("Press Briefing by Press Secretary Jen Psaki, February 8, 2022") == "2022-02-08"
    assert guess_date("", "8 February 2022") == "2022-02-08"
    assert guess_date("wh_biden_marine_one_2021-07-30.md") == "2021-07-30"
    assert guess_date("February 30, 2022", "no date here") == ""
    assert guess_event("First presidential debate") == "debate"
    assert guess_event("Press Gaggle by Press Secretary") == "briefing"
    assert guess_event("untitled") == ""


def test_match_people_across_events():
    people = match_people(
        {
            "a": ["PRESIDENT TRUMP", "Q", "THE PRESIDENT", "Speaker 1"],
            "b": ["President Donald J. Trump", "Chris Wallace", "WALLACE", "Speaker 1"],
            "c": ["Donald J. Trump", "PRESIDENT CLINTON", "Hillary Clinton", "Vice President Joe Biden"],
            "d": ["President Joe Biden"],
        }
    )
    person = {(e, lab): p for e, lab, p in people.itertuples(index=False)}
    trump = person[("b", "President Donald J. Trump")]
    assert person[("a", "PRESIDENT TRUMP")] == person[("c", "Donald J. Trump")] == trump
    assert person[("b", "WALLACE")] == "Chris Wallace"
    assert person[("c", "Vice President Joe Biden")] == person[("d", "President Joe Biden")]
    # an office and surname is never a different person with that surname; slot labels stay in their event
    assert person[("c", "PRESIDENT CLINTON")] != person[("c", "Hillary Clinton")]
    assert person[("a", "THE PRESIDENT")] == "THE PRESIDENT"
    assert person[("a", "Q")] == "Reporters"
    assert person[("a", "Speaker 1")] != person[("b", "Speaker 1")]
    # the user's edits win
    edited = match_people({"a": ["THE PRESIDENT"], "b": ["Joe Biden"]}, {("a", "THE PRESIDENT"): "Joe Biden"})
    assert set(edited["person"]) == {"Joe Biden"}


@pytest.fixture(scope="module")
def three_events():
    lib = Library(folder="/nonexistent")
    ids = ["blinken-nato-2022-01-26", "trump-modi-2025-02-13", "biden-marine-one-2021-07-30"]
    return {i: parse_bytes(lib.read(i)[1], name=lib.read(i)[0]).turns for i in ids}


def test_talk_share_questions_and_phrase_rates_on_three_bundled_events(three_events):
    people = match_people({e: list(dict.fromkeys(t["speaker"])) for e, t in three_events.items()})
    shares = talk_share(three_events, people).set_index(["event_id", "person"])
    # Blinken: 178 of the 339 words (wc -w on his and the reporters' paragraphs: 178 and 161)
    assert shares.loc[("blinken-nato-2022-01-26", "ANTONY BLINKEN"), "n_words"] == 178
    # talk share is of estimated talk time, the Speaker time page's own figure (not the share of words)
    page = speaker_table(three_events["blinken-nato-2022-01-26"]).set_index("speaker")
    assert shares.loc[("blinken-nato-2022-01-26", "ANTONY BLINKEN"), "talk_share"] == pytest.approx(
        page.loc["ANTONY BLINKEN", "talk_share"]
    )
    assert shares.loc[("blinken-nato-2022-01-26", "ANTONY BLINKEN"), "word_share"] == pytest.approx(178 / 339)
    for event in three_events:
        assert shares.loc[event, "talk_share"].sum() == pytest.approx(1.0)
    summary = qa_summary(three_events).set_index("event_id")
    # Marine One: six "Q" turns, each followed by THE PRESIDENT (read in the file); one is "Yes.", which
    # asks nothing, so five questions
    assert summary.loc["biden-marine-one-2021-07-30", ["n_questions", "n_answered"]].tolist() == [5, 5]
    # the seed: the reporter's "Well, there is no change in the US or NATO position" asks nothing
    assert summary.loc["blinken-nato-2022-01-26", ["n_questions", "n_answered"]].tolist() == [2, 2]
    rates = phrase_rates(three_events, split_phrases("Ukraine, thank you")).set_index(["event_id", "phrase"])
    # the Trump-Modi file: "Ukraine" 16 times in grep, 2 of them inside "Russia-Ukraine"/"Ukraine-Russia",
    # which count with their spaced form as on the Phrases page
    assert rates.loc[("trump-modi-2025-02-13", "ukraine"), "count"] == 16
    assert rates.loc[("trump-modi-2025-02-13", "thank you"), "count"] == 36
    n_words = rates.loc[("trump-modi-2025-02-13", "ukraine"), "n_words"]
    assert rates.loc[("trump-modi-2025-02-13", "ukraine"), "per_1000_words"] == pytest.approx(16 / n_words * 1000)
    assert rates.loc[("blinken-nato-2022-01-26", "ukraine"), "count"] == 1


def test_count_phrase_stays_inside_sentences():
    runs = [sentence_runs("No change. Change is no change at all."), sentence_runs("no! change")]
    assert count_phrase(runs, "no change") == 2
    assert count_phrase(runs, "") == 0
    assert split_phrases(" Ukraine,  thank you,ukraine,, ") == ["ukraine", "thank you"]

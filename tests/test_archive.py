"""The DuckDB archive: indexing a small folder built in the test, incremental re-index, failures, queries."""

import shutil

import pytest

from podium import archive, read_transcript
from podium.__main__ import main
from podium.talk_time import speaker_table
from tests.conftest import ROOT

DATA = ROOT / "data"
FILES = {
    "2025/trump_modi.md": "wh_trump_modi_joint_presser_2025-02-13.md",
    "2021/marine_one.md": "wh_biden_marine_one_2021-07-30.md",
    "blinken.txt": "blinken_nato_open_door.txt",
}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "transcripts"
    for rel, name in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DATA / name, root / rel)
    (root / "broken.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    (root / ".hidden.txt").write_text("MS. X: never read.\n")
    return root


def _rows(db, sql, *params):
    con = archive.connect(db, read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_index_reports_failures_and_reindexes_only_what_changed(folder, tmp_path):
    db = tmp_path / "archive.duckdb"
    seen = []
    report = archive.index_archive(folder, db, workers=1, progress=lambda *a: seen.append(a))
    assert sorted(report.indexed) == sorted(FILES)
    assert [p for p, _ in report.failed] == ["broken.bin"]
    assert "binary" in report.failed[0][1] or "text" in report.failed[0][1]
    assert [s[:2] for s in seen] == [(1, 4), (2, 4), (3, 4), (4, 4)]  # progress after every file
    # Trump-Modi: 66 turns; Marine One: 12 (six questions, six answers); the seed: 6
    counts = dict(_rows(db, "SELECT path, n_turns FROM transcripts"))
    assert counts == {"2025/trump_modi.md": 66, "2021/marine_one.md": 12, "blinken.txt": 6}
    dates = dict(_rows(db, "SELECT path, strftime(date, '%Y-%m-%d') FROM transcripts"))
    assert dates == {"2025/trump_modi.md": "2025-02-13", "2021/marine_one.md": "2021-07-30", "blinken.txt": None}
    assert _rows(
        db,
        "SELECT sum(n_words) FROM turns WHERE transcript_id IN "
        "(SELECT transcript_id FROM transcripts WHERE path = 'blinken.txt')",
    ) == [(339,)]

    # nothing changed: nothing parsed, the failing file still reported
    again = archive.index_archive(folder, db, workers=1)
    assert again.indexed == [] and sorted(again.unchanged) == sorted(FILES)
    assert [p for p, _ in again.failed] == ["broken.bin"]

    # one file changed, one removed, one copied under a second name
    with open(folder / "blinken.txt", "a", encoding="utf-8") as handle:
        handle.write("\nANTONY BLINKEN: One more thing about Ukraine.\n")
    (folder / "2021" / "marine_one.md").unlink()
    shutil.copy(folder / "2025" / "trump_modi.md", folder / "copy.md")
    third = archive.index_archive(folder, db, workers=2)
    assert third.indexed == ["blinken.txt"] and third.removed == ["2021/marine_one.md"]
    assert third.duplicates == [("copy.md", "2025/trump_modi.md")]
    assert _rows(db, "SELECT count(*) FROM transcripts") == [(2,)]
    # the added line continues Blinken's last turn: still 6 turns, 5 more words
    assert _rows(db, "SELECT count(DISTINCT transcript_id), count(*) FROM turns") == [(2, 66 + 6)]
    assert _rows(db, "SELECT n_words FROM transcripts WHERE path = 'blinken.txt'") == [(344,)]


def test_phrase_search_and_trends(folder, tmp_path):
    db = tmp_path / "archive.duckdb"
    archive.index_archive(folder, db, workers=1)
    con = archive.connect(db, read_only=True)
    total, hits = archive.phrase_search(con, "Ukraine")
    # 16 in the Trump-Modi file (grep; 2 of them inside "Russia-Ukraine"/"Ukraine-Russia", which count
    # with their spaced form as on the Phrases page), 1 in the seed's first question, none at Marine One
    assert total == 17 and len(hits) == 17
    trump_title = "Remarks by President Trump and Prime Minister Narendra Modi of the Republic of India in Joint Press"
    assert set(hits["title"]) == {trump_title + " Conference", "Blinken says no change to NATO's open-door policy"}
    seed_hit = hits[hits["path"] == "blinken.txt"].iloc[0]
    assert seed_hit["speaker"] == "REPORTER" and seed_hit["turn_id"] == 0 and seed_hit["keyword"] == "Ukraine"
    assert hits["date"].isna().tolist()[-1]  # the undated seed sorts last, newest first
    trump = hits[hits["path"] == "2025/trump_modi.md"]
    assert set(trump["speaker"]) <= {"PRESIDENT TRUMP", "Q", "PRIME MINISTER MODI"}
    assert (trump["keyword"].str.lower() == "ukraine").all()

    trend = archive.phrase_trend(con, "ukraine").set_index(["month", "speaker"])
    feb = trend.loc[(archive.pd.Timestamp("2025-02-01"), "all speakers")]
    assert feb["count"] == 16 and feb["n_words"] == 5656
    assert feb["per_1000_words"] == pytest.approx(16 / 5656 * 1000)
    jul = trend.loc[(archive.pd.Timestamp("2021-07-01"), "all speakers")]
    assert jul["count"] == 0 and jul["n_words"] == 160  # Marine One: a month with words and no hit

    shares = archive.talk_share_trend(con, speakers=["THE PRESIDENT", "Q"]).set_index(["month", "speaker"])
    # Marine One: THE PRESIDENT 72 words, the reporters 88 (read in the file); times are estimated, so the
    # share is of estimated talk time, the Speaker time page's figure for that file
    marine = speaker_table(read_transcript(DATA / "wh_biden_marine_one_2021-07-30.md").turns).set_index("speaker")
    modi = speaker_table(read_transcript(DATA / "wh_trump_modi_joint_presser_2025-02-13.md").turns).set_index("speaker")
    assert marine.loc["THE PRESIDENT", "n_words"] == 72 and marine.loc["Q", "n_words"] == 88
    assert shares.loc[(archive.pd.Timestamp("2021-07-01"), "THE PRESIDENT"), "talk_share"] == pytest.approx(
        marine.loc["THE PRESIDENT", "talk_share"], abs=1e-3
    )
    assert shares.loc[(archive.pd.Timestamp("2025-02-01"), "THE PRESIDENT"), "talk_share"] == 0
    assert shares.loc[(archive.pd.Timestamp("2025-02-01"), "Q"), "talk_share"] == pytest.approx(
        modi.loc["Q", "talk_share"], abs=1e-3
    )

    top = archive.top_phrases(con, n=1, limit=5)
    assert "ukraine" not in set(top["phrase"]) or top.set_index("phrase").loc["ukraine", "count"] == 17
    assert archive.phrase_search(con, "  ")[0] == 0
    assert archive.phrase_search(con, "ceasefire")[0] == 0
    con.close()


def test_tokens_match_the_phrase_rule():
    tokens = archive.tokens_of("No change. There will be no change -- (Laughter.) no, change.")
    pattern = archive.phrase_pattern("No Change")
    # "no change" twice inside sentences; "no, change" too (a comma does not end a sentence)
    assert tokens.count(pattern) == 3
    assert archive.tokens_of("") == "  "


def test_index_command_prints_progress_failures_and_a_summary(folder, tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    assert main(["index", str(folder), "--db", str(db), "--workers", "1"]) == 0
    out, err = capsys.readouterr()
    assert "indexed 3 files" in out and "1 failed" in out
    assert "failed: broken.bin:" in err and "[     4/4] 100%" in err
    assert main(["index", str(folder), "--db", str(db), "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert "indexed 0 files" in out and "3 unchanged" in out and "[" not in err
    assert main(["index", str(tmp_path / "missing"), "--db", str(db)]) == 1


def test_archive_page_from_podium_db(folder, tmp_path, monkeypatch):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    db = tmp_path / "archive.duckdb"
    archive.index_archive(folder, db, workers=1)
    monkeypatch.setenv("PODIUM_LIBRARY", str(tmp_path / "empty-library"))
    monkeypatch.setenv("PODIUM_DB", str(db))
    at = AppTest.from_file(str(Path(__file__).parents[1] / "app.py"), default_timeout=90)
    at.query_params["q"] = "Ukraine"
    at.switch_page("pages/7_Archive.py")
    at.run()
    assert not at.exception and not at.error
    text = "\n".join(m.value for m in at.markdown)
    assert "**3 transcripts, 6,155 words" in text  # 5,656 + 160 + 339 ("129,000" is one word)
    assert "is said 17 times**" in text and "First said in February 2025" in text
    hits = next(d.value for d in at.dataframe if "keyword" in d.value)
    assert len(hits) == 17 and set(hits["speaker"]) >= {"REPORTER", "PRESIDENT TRUMP"}
    # people count turns from 1: the seed's "Ukraine" is in its first turn, the reporter's question
    assert hits[hits["path"] == "blinken.txt"]["turn_id"].tolist() == [1]
    assert len(at.get("plotly_chart")) == 2
    # one colour per speaker on both charts; the open (seed) transcript's REPORTER blue and ANTONY
    # BLINKEN vermillion stay theirs, so no other speaker takes them
    import json

    lines = [{t["name"]: t["line"]["color"] for t in json.loads(c.proto.spec)["data"]} for c in at.get("plotly_chart")]
    assert lines[0]["all speakers"] == "#4b5563"
    assert not {"#0072B2", "#D55E00"} & {*lines[0].values(), *lines[1].values()}
    assert lines[0]["PRESIDENT TRUMP"] == lines[1]["PRESIDENT TRUMP"]
    assert all(lines[0][s] == colour for s, colour in lines[1].items() if s in lines[0])
    assert len(set(lines[1].values())) == len(lines[1])  # no two speakers share a colour
    # no archive anywhere: one sentence on how to build one
    monkeypatch.delenv("PODIUM_DB")
    empty = AppTest.from_file(str(Path(__file__).parents[1] / "app.py"), default_timeout=90)
    empty.switch_page("pages/7_Archive.py")
    empty.run()
    assert not empty.exception
    assert any("No archive is open" in i.value for i in empty.info)
    # the library folder is shown as code, literally: no markdown escape inside the code span
    # (tmp_path has underscores: "test_archive_page_from_podium_0")
    folder_shown = f"`{tmp_path / 'empty-library'}`"
    assert "_" in folder_shown and any(folder_shown in i.value for i in empty.info)

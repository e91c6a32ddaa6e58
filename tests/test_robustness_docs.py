"""The README states the robustness catalogue's figures as they are."""

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_states_the_catalogue_figures():
    with open(ROOT / "tests" / "robustness" / "catalogue.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    readme = re.sub(r"\s+", " ", (ROOT / "README.md").read_text(encoding="utf-8"))
    parsed = sum(r["outcome"] == "transcript" for r in rows)
    refused = sum(r["outcome"] == "refused" for r in rows)
    gaps = sum(r["note"].startswith("gap") for r in rows)
    words = {8: "Eight", 7: "Seven", 6: "Six", 5: "Five", 4: "Four", 3: "Three", 2: "Two", 1: "One", 0: "None"}
    assert f"**{len(rows)} bad or odd inputs**" in readme
    assert f"**{parsed} are read as transcripts, {refused} are refused with one sentence**" in readme
    assert f"{words.get(gaps, gaps)} are read with a known gap" in readme

"""Weighted log-odds with an informative Dirichlet prior, against a worked example."""

import math

import pytest

from podium.logodds import LOG_ODDS_COLUMNS, log_odds


def test_worked_example_from_the_papers_formula():
    # A says "tax" 3 times and "jobs" once; B says "tax" once and "jobs" 5 times.
    # Prior from the pooled counts: alpha_tax = 4, alpha_jobs = 6, alpha_0 = 10; n_A = 4, n_B = 6.
    # "tax" for A against B (Monroe et al. 2008, eq. 16):
    #   A: (3 + 4) / (4 + 10 - 3 - 4) = 7 / 7 = 1          -> log 1 = 0
    #   B: (1 + 4) / (6 + 10 - 1 - 4) = 5 / 11              -> log(5/11) = -0.788457
    #   delta = 0 - log(5/11) = log 2.2 = 0.788457
    #   var = 1/(3 + 4) + 1/(1 + 4) = 0.142857 + 0.2 = 0.342857, se = 0.585540
    #   z = 0.788457 / 0.585540 = 1.34655
    # "jobs" for A: (1 + 6) / (4 + 10 - 1 - 6) = 1; B: (5 + 6) / (6 + 10 - 5 - 6) = 11/5
    #   delta = -log 2.2, var = 1/7 + 1/11 = 0.233766, se = 0.483494, z = -1.63075
    table = log_odds({"A": {"tax": 3, "jobs": 1}, "B": {"tax": 1, "jobs": 5}})
    assert list(table.columns) == list(LOG_ODDS_COLUMNS)
    rows = table.set_index(["speaker", "term"])
    assert rows.loc[("A", "tax"), "log_odds"] == pytest.approx(0.788457, abs=1e-6)
    assert rows.loc[("A", "tax"), "se"] == pytest.approx(0.585540, abs=1e-6)
    assert rows.loc[("A", "tax"), "z"] == pytest.approx(1.34655, abs=1e-5)
    assert rows.loc[("A", "jobs"), "z"] == pytest.approx(-1.63075, abs=1e-5)
    # B against A mirrors A against B when there are two speakers
    assert rows.loc[("B", "tax"), "z"] == pytest.approx(-1.34655, abs=1e-5)
    assert rows.loc[("B", "jobs"), "log_odds"] == pytest.approx(math.log(2.2))
    assert rows.loc[("A", "tax"), "count_others"] == 1 and rows.loc[("A", "tax"), "prior"] == 4
    # sorted by speaker, then z descending
    assert list(table["term"]) == ["tax", "jobs", "jobs", "tax"]


def test_three_speakers_each_against_all_others():
    # C against A+B: C says "x" 2 of 2; the others say "x" 0 and "y" 4 (A 2, B 2).
    # alpha_x = 2, alpha_y = 4, alpha_0 = 6; n_C = 2, n_others = 4.
    #   C: (2 + 2) / (2 + 6 - 2 - 2) = 4/4 = 1 -> 0;  others: (0 + 2) / (4 + 6 - 0 - 2) = 2/8 -> log 0.25
    #   delta = -log 0.25 = 1.386294; var = 1/4 + 1/2 = 0.75; z = 1.386294 / 0.866025 = 1.600755
    table = log_odds({"A": {"y": 2}, "B": {"y": 2}, "C": {"x": 2}}).set_index(["speaker", "term"])
    assert table.loc[("C", "x"), "z"] == pytest.approx(1.600755, abs=1e-6)
    assert ("A", "x") not in table.index  # a speaker's rows are the terms they said


def test_needs_two_speakers_and_positive_priors():
    with pytest.raises(ValueError):
        log_odds({"A": {"x": 1}})
    with pytest.raises(ValueError):
        log_odds({"A": {"x": 1}, "B": {}})
    with pytest.raises(ValueError):
        log_odds({"A": {"x": 1}, "B": {"y": 1}}, prior={"x": 1.0})


def test_distinctive_terms_from_a_tally_match_the_worked_example():
    from podium.logodds import distinctive_from_tally
    from podium.phrases import tally

    # the worked example above as speech: A says "tax" 3 times and "jobs" once, B "tax" once and "jobs" 5 times
    counted = tally(["Tax. Tax. Tax. Jobs.", "Tax. Jobs. Jobs. Jobs. Jobs. Jobs."], ["A", "B"], ns=(1,))
    table = distinctive_from_tally(counted, 1)
    assert table.equals(log_odds({"A": {"tax": 3, "jobs": 1}, "B": {"tax": 1, "jobs": 5}}))
    assert table.loc[0, "z"] == pytest.approx(1.34655, abs=1e-5)
    # only rows of terms said at least 5 times in all ("jobs", 6); totals and prior still use "tax"
    kept = distinctive_from_tally(counted, 1, min_count=5)
    assert list(kept["term"]) == ["jobs", "jobs"] and kept.loc[0, "z"] == pytest.approx(-1.63075, abs=1e-5)
    assert distinctive_from_tally(counted, 1, stops=frozenset({"jobs"}), drop_stopwords=True)["term"].eq("tax").all()
    with pytest.raises(ValueError):
        distinctive_from_tally(tally(["Tax."], ["A"], ns=(1,)), 1)

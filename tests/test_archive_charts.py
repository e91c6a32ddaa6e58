"""The Archive's trend lines: no line is drawn across months without data."""

import math

import pandas as pd

from components.compare_charts import trend_lines


def _points(trace):
    return [(pd.Timestamp(x).strftime("%Y-%m"), y) for x, y in zip(trace.x, trace.y, strict=True)]


def test_trend_line_breaks_across_months_without_data_and_keeps_every_value():
    # Transcripts in Jan, Feb 2020 and Jan 2022 (months given out of order), nothing in between:
    # the line joins Jan-Feb 2020 and stops; Jan 2022 stands alone.
    frame = pd.DataFrame(
        {
            "month": pd.to_datetime(["2022-01-01", "2020-01-01", "2020-02-01"]),
            "speaker": ["A", "A", "A"],
            "rate": [3.0, 1.0, 2.0],
        }
    )
    fig = trend_lines(frame, x="month", y="rate", color="speaker", title="t", y_title="y")
    (trace,) = fig.data
    points = _points(trace)
    assert points[:2] == [("2020-01", 1.0), ("2020-02", 2.0)]
    assert points[2][0] == "2020-03" and (points[2][1] is None or math.isnan(points[2][1]))
    assert points[3] == ("2022-01", 3.0)
    assert len(points) == 4
    assert not trace.connectgaps


def test_trend_line_of_consecutive_months_has_no_break():
    frame = pd.DataFrame(
        {
            "month": pd.to_datetime(["2023-11-01", "2023-12-01", "2024-01-01"] * 2),
            "speaker": ["A"] * 3 + ["B"] * 3,
            "rate": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        }
    )
    fig = trend_lines(frame, x="month", y="rate", color="speaker", title="t", y_title="y")
    assert [len(t.x) for t in fig.data] == [3, 3]
    assert [y for t in fig.data for y in t.y] == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]

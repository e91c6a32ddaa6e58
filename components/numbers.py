"""One number format in every table and grid: thousands separators ("2,102"), as the page text writes
numbers (``f"{n:,}"``). Streamlit shows an unformatted integer column as "2102" and ``"localized"``
follows the reader's browser locale, so tables name a printf format with a ``,`` flag instead
(``"%,d"``, ``"%,.1f"``; Streamlit >= 1.54 formats these with sprintf-js's thousands separator)."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

#: The format of whole numbers in tables: "1,234".
GROUPED_INT = "%,d"

# a printf number placeholder without the "," flag: "%d", "%.1f", "%-5.0f" (not "%%", "%s"); sprintf-js
# reads the flags in the order sign, padding, alignment, thousands separator, then width and precision
_PLACEHOLDER = re.compile(r"%(?!%)(\+?(?:0|'.)?-?)(\d*(?:\.\d+)?[dfi])")


def grouped_format(fmt: str | None, *, integer: bool) -> str | None:
    """``fmt`` with thousands separators: ``"%d"`` -> ``"%,d"``, ``"Talk %.1f s"`` -> ``"Talk %,.1f s"``;
    no format or ``"localized"`` on an integer column -> :data:`GROUPED_INT`. Named formats
    (``"percent"``, ``"compact"``...) and formats of non-integer columns without a printf
    placeholder are returned unchanged."""
    if not fmt or fmt == "localized":
        return GROUPED_INT if integer else fmt
    return _PLACEHOLDER.sub(r"%\1,\2", fmt)


def grouped(frame: pd.DataFrame, config: dict | None) -> dict:
    """A ``column_config`` for ``st.dataframe`` / ``st.data_editor`` showing ``frame``: ``config``
    with every number column of ``frame`` given thousands separators (:func:`grouped_format`).

    An integer column with no entry or only a label becomes ``NumberColumn(label, format="%,d")``;
    a ``NumberColumn`` keeps its label, help and width and has its format grouped. Text and other
    columns, and entries for columns not in ``frame``, are left as they are. ``config`` is not
    modified.
    """
    out = dict(config or {})
    for column in frame.columns:
        dtype = frame[column].dtype
        if not pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):
            continue
        integer = pd.api.types.is_integer_dtype(dtype)
        entry = out.get(column)
        if entry is None or isinstance(entry, str):
            if integer:
                out[column] = st.column_config.NumberColumn(entry, format=GROUPED_INT)
        elif isinstance(entry, dict) and (entry.get("type_config") or {}).get("type") == "number":
            type_config = entry["type_config"]
            out[column] = {
                **entry,
                "type_config": {**type_config, "format": grouped_format(type_config.get("format"), integer=integer)},
            }
    return out

"""The floor for page renders: a bare Streamlit page with N plotly charts (``?charts=N``).

Served the same way as Podium by ``bench/page_render.py``; nothing else on the page.
"""

import plotly.graph_objects as go
import streamlit as st

n = int(st.query_params.get("charts", "2"))
st.title("Bare page")
for i in range(n):
    fig = go.Figure(go.Bar(x=[3, 2, 1], y=["a", "b", "c"], orientation="h"))
    st.plotly_chart(fig, key=f"chart_{i}")

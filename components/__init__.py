"""Reusable Streamlit pieces: page set-up and filters, downloads, charts and HTML rendering."""

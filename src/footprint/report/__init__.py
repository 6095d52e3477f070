"""The report: one model (`model.py`) rendered as HTML, Markdown and JSON (`render.py`)."""

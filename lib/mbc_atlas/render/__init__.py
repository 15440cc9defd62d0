"""Rendering: typed answers and data turned into what a learner sees (HTML)."""

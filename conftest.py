"""Collect every Python code block in docs/**/*.md as a test (see tests/snippets.py)."""

from tests.snippets import make_sybil

pytest_collect_file = make_sybil().pytest()

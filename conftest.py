"""Collect every Python code block in docs/**/*.md and README.md as a test.

See tests/snippets.py for the rules a block must follow.
"""

from tests.snippets import ROOT, make_sybil

pytest_collect_file = (make_sybil() + make_sybil(ROOT, patterns=["README.md"])).pytest()

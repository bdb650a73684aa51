"""Run, lint and update every Python code block of the documentation.

The convention on every page (see CONTRIBUTING.md)::

    ```python
    from infotheory import entropy
    print(f"{entropy([0.5, 0.5], base=2):.3f} bits")
    ```

    ```text title="Output"
    1.000 bits
    ```

One module per concern:

* :mod:`scripts.snippets.find` pairs each Python block with the Output block
  that follows it (through :mod:`scripts.fences`, the one fence lexer) and
  rejects orphan Output blocks, ambiguous pairings and ``pycon`` blocks;
* :mod:`scripts.snippets.run` runs one block in a fresh namespace, with
  numpy's print options restored and warnings turned into failures, so that
  pasting it into a fresh interpreter prints exactly what the page shows;
* :mod:`scripts.snippets.lint` runs ``ruff check`` on each block and maps its
  findings to the Markdown file and line;
* :mod:`scripts.snippets.update` rewrites (or creates) Output blocks with what
  the code printed, for ``pytest --update-outputs``;
* :mod:`scripts.snippets.collect` is the Sybil glue used by the root
  ``conftest.py``.
"""

from scripts.snippets.collect import ROOT, Settings, make_sybil, settings
from scripts.snippets.find import Snippet, SnippetError, find_snippets

__all__ = ["ROOT", "Settings", "Snippet", "SnippetError", "find_snippets", "make_sybil", "settings"]

"""Project tooling: figures, vendored assets, the browser, MkDocs hooks.

Run the command-line tools as modules from the repository root
(``python -m scripts.make_figures``); the MkDocs hooks in ``scripts/hooks/``
import them as ``scripts.*``.
"""

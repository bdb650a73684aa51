"""Data the explorables (docs/javascripts/explorables/) need but cannot compute in the page.

Each module computes one JSON grid with ``infotheory``; the build hook
scripts/hooks/explorable_data.py writes it into the site (cached in
``.cache/explorables/``), so the JSON is never committed and never stale.
"""

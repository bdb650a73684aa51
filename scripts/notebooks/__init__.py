"""Chapter notebooks: converted from the chapters (convert) and executed with a cache (execute)."""

"""Views of disclosure on request: ``staff`` (back office) and ``public`` (the portal)."""

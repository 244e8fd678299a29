"""Views of the catalog domain: ``staff`` (back office) and ``portal`` (public pages)."""

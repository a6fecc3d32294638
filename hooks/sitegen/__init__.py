"""Plain-Python core of the site: loads the YAML data, validates it and turns it into pages.

Nothing in this package imports MkDocs: the MkDocs adapter is `hooks/mkdocs_adapter.py`.
"""

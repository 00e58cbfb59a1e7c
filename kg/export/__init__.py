"""Views of the store as files: interactive HTML (pyvis), later RDF dumps and graph formats."""

"""kg: news text in, an evidence-backed knowledge graph of actors and meetings out."""

__version__ = "0.1.0"


def open(store=None):
    """The knowledge graph at ``store`` (a folder or a ``sparql+http://`` endpoint) for Python use;
    see ``kg.api``. Imported on first use, so that ``kg --help`` stays fast."""
    from kg.api import open as _open

    return _open(store)

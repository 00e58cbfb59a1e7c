"""kg: news text in, an evidence-backed knowledge graph of actors and meetings out."""

__version__ = "0.1.0"

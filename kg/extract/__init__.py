"""Extraction: a parsed document in, entities, roles, affiliations and meetings out.

spaCy objects never leave this package; ``pipeline.Extractor`` returns pydantic models.
"""

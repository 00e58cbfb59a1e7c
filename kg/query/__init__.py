"""Answers from a store: named SPARQL queries, networkx projections, events, analytics."""

"""Ingest runs: documents extracted (in this process or in workers) and stored all-or-nothing."""

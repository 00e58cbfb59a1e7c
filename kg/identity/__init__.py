"""Who an actor is across documents: resolution at ingest, the alias book, likely duplicates."""

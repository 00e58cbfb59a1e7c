"""Documents: text, files and JSON Lines read into documents with ids and dates (the first stage)."""

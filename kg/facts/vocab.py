"""The closed vocabularies shared by models, store and CLI, kept free of heavy imports so that
``kg --help`` starts fast."""

ENTITY_TYPES: tuple[str, ...] = ("Person", "Organization", "Country", "City", "Place")
MEETING_STATUSES: tuple[str, ...] = ("held", "scheduled", "potential", "cancelled")
RELATION_STATUSES = ("asserted", "scheduled", "hypothetical", "denied")  # most definite first

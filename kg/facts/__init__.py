"""Facts: the pydantic models extraction produces, the relation specs, the closed vocabularies."""

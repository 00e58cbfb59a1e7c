"""The RDF mapping: facts as quads in one named graph per document, and the IRIs they use."""

"""``kg serve``: the store as a SPARQL 1.1 endpoint, with a pool of query processes."""

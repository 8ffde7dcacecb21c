# expect: 403 (no federated queries from the server)
INSERT { GRAPH <urn:test:g4> { ?s ?p ?o } } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }

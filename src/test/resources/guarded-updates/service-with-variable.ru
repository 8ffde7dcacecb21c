# expect: 403
INSERT { GRAPH <urn:test:g6> { ?s ?p ?o } } WHERE { BIND(<http://example.org/sparql> AS ?e) SERVICE ?e { ?s ?p ?o } }

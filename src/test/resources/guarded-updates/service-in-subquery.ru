# expect: 403
INSERT { GRAPH <urn:test:g5> { ?s <urn:test:p> ?o } }
WHERE { { SELECT ?s ?o WHERE { SERVICE <http://example.org/sparql> { ?s ?q ?o } } LIMIT 1 } }

# expect: 403
DELETE { GRAPH ?g { ?s ?p ?o } }
WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } } }

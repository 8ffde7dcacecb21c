# expect: 400
INSERT DATA { GRAPH <urn:test:g3> { <urn:test:c> <urn:test:p> "x" } } ;
INSERT DATA { GRAPH <urn:test:g3> { <urn:test:d> <urn:test:p> "x" } } }

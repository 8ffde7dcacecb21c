# expect: 400
INSERT DATA { GRAPH <urn:test:g7> { <urn:test:e> <urn:test:p> "x" } } ; COPY

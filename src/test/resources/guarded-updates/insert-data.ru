# expect: 204 (an ordinary update runs)
INSERT DATA { GRAPH <urn:test:g> { <urn:test:a> <urn:test:p> "ok" } }

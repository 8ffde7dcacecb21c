# expect: 403 (one refused operation refuses the whole request)
INSERT DATA { GRAPH <urn:test:g2> { <urn:test:b> <urn:test:p> "x" } } ;
LOAD <LOCAL_FILE> INTO GRAPH <urn:test:stolen>

# expect: 403
LOAD <FILE:LOCAL_PATH> INTO GRAPH <urn:test:stolen>

# expect: 400 (a syntax error anywhere: nothing runs, not even the LOAD before it)
LOAD <LOCAL_FILE> INTO GRAPH <urn:test:stolen> ; }

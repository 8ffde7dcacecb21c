# expect: 403 (the server's own files are never read)
LOAD <LOCAL_FILE> INTO GRAPH <urn:test:stolen>

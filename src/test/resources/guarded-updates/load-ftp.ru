# expect: 403 (only http and https sources)
LOAD <ftp://example.org/data.ttl>

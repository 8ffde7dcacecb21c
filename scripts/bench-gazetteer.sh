#!/usr/bin/env bash
# Gazetteer benchmark: heap retained by the index of a GeoNames dump and time per name search,
# each against a baseline measured in the same run (bare read of the file; exact hash look-up).
# Usage: scripts/bench-gazetteer.sh [cities1000.txt]   (default: the bundled extract)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >&2
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.conflictkg.gazetteer.GazetteerBench "$@"

#!/usr/bin/env bash
# Loading benchmark: embedded load against Jena's TDB2 bulk loader on the same quads, a rerun
# against the first load, and HTTP loading against embedded loading, all measured in the same run.
# Usage: scripts/bench-load.sh [ARTICLES]   (default 500)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >&2
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.conflictkg.store.LoadBench "$@"

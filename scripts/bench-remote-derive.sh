#!/usr/bin/env bash
# Remote derivation in bounded memory: a generated corpus loaded into a TDB2 folder, served over
# HTTP (serve --update), then, each in a child JVM with the same small heap:
#   derive --endpoint        (reads a batch of places at a time through SPARQL, POSTs the parts)
#   link --endpoint          (reads a page of articles at a time, POSTs the links, derives again;
#                             in LINK_HEAP, default 256m: the gazetteer needs more than 128 MB)
#   load --endpoint ONE      (one new article; the load then derives as derive --endpoint does)
# and, when OLD_JAR names a jar built before remote derivation, the same one-article load with it
# (it fetched the whole dataset with one Graph Store GET and derived it in memory).
# Prints one line per run: what, heap, exit code, wall seconds, peak resident memory.
# Usage: scripts/bench-remote-derive.sh [ARTICLES [HEAP...]]   (default 10000 64m)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10000}"
shift || true
heaps=("${@:-64m}")
jar="$here/target/conflict-kg.jar"
"$here/bin/conflict-kg" --version >/dev/null
work="$(mktemp -d)"
port="${BENCH_PORT:-$(( 20000 + RANDOM % 20000 ))}"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

java -jar "$jar" generate -n "$n" -o "$work/corpus" --quiet
java -Xmx2g -jar "$jar" load "$work/corpus" --db "$work/kg" --no-progress --quiet
printf 'loader: %s\n' "bench-$RANDOM$RANDOM" > "$work/pw"
chmod 600 "$work/pw"
java -Xmx2g -jar "$jar" serve --db "$work/kg" --port "$port" --update --password-file "$work/pw" --no-ui \
  >"$work/serve.log" 2>&1 &
server=$!
url="http://127.0.0.1:$port/kg"
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$url/query?query=ASK%7B%7D" 2>/dev/null && break
  sleep 1
done
auth=(--endpoint "$url" --user loader --password-file "$work/pw" --no-progress)

# An article new to the store (a copy of the example under a new id), for each one-article load.
fresh() {
  local f="$work/new-$1.facts.json"
  sed 's/"id": "2020-01-31-newarab-saraqeb"/"id": "bench-new-'"$1"'"/' "$here/examples/2020-01-31-newarab-saraqeb.facts.json" >"$f"
  echo "$f"
}

run() {
  local what="$1" heap="$2"; shift 2
  local t0 t1 code
  t0=$(date +%s.%N)
  set +e
  /usr/bin/time -f '%M' -o "$work/rss" java "-Xmx$heap" -XX:+UseSerialGC "$@" >"$work/out" 2>"$work/err"
  code=$?
  set -e
  t1=$(date +%s.%N)
  printf '%-28s -Xmx%-6s exit %d  %6.1f s  peak RSS %4d MB  %s\n' "$what" "$heap" "$code" \
    "$(echo "$t1 - $t0" | bc)" "$(( $(tail -1 "$work/rss") / 1024 ))" \
    "$( (grep -m1 -o 'OutOfMemoryError[^\"]*' "$work/err" || { [ "$code" -ne 0 ] && tail -1 "$work/err"; } \
        || tail -1 "$work/out") | cut -c1-90)"
}

quads=$(curl -fsS -H 'Accept: text/csv' --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' "$url/query" | tail -1 | tr -d '\r')
echo "corpus: $n articles, $quads quads in the served store"
for heap in "${heaps[@]}"; do
  run "derive --endpoint" "$heap" -jar "$jar" derive "${auth[@]}"
  # The gazetteer alone (the bundled GeoNames extract) takes more than 128 MB of heap, whatever the store.
  run "link --endpoint" "${LINK_HEAP:-256m}" -jar "$jar" link --no-wikidata "${auth[@]}"
  run "load --endpoint (1 new)" "$heap" -jar "$jar" load "$(fresh "$heap")" "${auth[@]}"
  if [ -n "${OLD_JAR:-}" ]; then
    run "old load --endpoint (1 new)" "$heap" -jar "$OLD_JAR" load "$(fresh "old-$heap")" "${auth[@]}"
  fi
done

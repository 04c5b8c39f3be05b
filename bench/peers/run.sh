#!/usr/bin/env bash
# Runs the same queries on Rivulet, Flink and Spark over the same CSV files and prints the
# figures side by side. See bench/peers/README.md.
#
#   bench/peers/run.sh [--events N] [--text-lines N] [--runs R] [--warmup W] [--parallelism P]
#                      [--data DIR] [--out DIR] [--engines "rivulet flink spark"] [QUERY...]
#
# Builds bench/peers with `mvn -P peers` (downloading Flink and Spark the first time), writes the
# input once with `rivulet bench generate` (kept in DIR for later runs), runs each engine in its
# own JVM (default heap, as `./rivulet bench`), writes each engine's JSON report into the output
# directory and prints rows per second and rows per CPU-second of each. Needs jq.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

events=2000000
text_lines=1000000
runs=3
warmup=1
parallelism=2
data=""
out=""
engines="rivulet flink spark"
queries=()
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events="$2"; shift 2 ;;
    --text-lines) text_lines="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --parallelism) parallelism="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --engines) engines="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) queries+=("$1"); shift ;;
  esac
done
if [ ${#queries[@]} -eq 0 ]; then
  queries=(q0 q1 q2 q5 q7 q_channels wordcount)
fi
command -v jq >/dev/null || { echo "run.sh: needs jq (apt-get install jq)" >&2; exit 1; }
tmp="${TMPDIR:-/tmp}"
data="${data:-$tmp/rivulet-peers-$events-$text_lines-$parallelism}"
out="${out:-$tmp/rivulet-peers-results}"
mkdir -p "$out"

# The input: the bids and the word-count text, one file per partition, written once.
if [ ! -f "$data/_complete" ]; then
  echo "run.sh: writing $events events and $text_lines lines of text to $data" >&2
  rm -rf "$data"
  "$root/rivulet" bench generate --events "$events" --format csv --files "$parallelism" \
    --tables bid --text-lines "$text_lines" --out "$data" >&2
  touch "$data/_complete"
fi

# Spark 4 and Flink 2 reflect into the JDK's own classes; on Java 17 that has to be allowed.
jvm_opens=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

needs_peers=false
for engine in $engines; do
  case "$engine" in
    flink|spark) needs_peers=true ;;
    rivulet) ;;
    *) echo "run.sh: unknown engine $engine (rivulet, flink, spark)" >&2; exit 2 ;;
  esac
done
if $needs_peers; then
  echo "run.sh: building bench/peers (mvn -P peers package)..." >&2
  log="$(mktemp)"
  if ! (cd "$root" && mvn -q -B -ntp -P peers -DskipTests package \
      -pl bench/peers/common,bench/peers/flink,bench/peers/spark -am) >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
fi

common=(--runs "$runs" --warmup "$warmup" --parallelism "$parallelism")
for engine in $engines; do
  echo "run.sh: $engine, load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  case "$engine" in
    rivulet)
      # To blackhole, as the peers' sinks discard rows (the checksum sink costs 5-15 %).
      "$root/rivulet" bench "${queries[@]}" --data "$data" --source csv "${common[@]}" \
        --no-checksum --json "$out/rivulet.json" >&2 ;;
    flink|spark)
      module="$root/bench/peers/$engine"
      main="io.rivulet.peers.$engine.$(tr '[:lower:]' '[:upper:]' <<<"${engine:0:1}")${engine:1}Peer"
      java "${jvm_opens[@]}" -Drivulet.home="$root" ${RIVULET_PEERS_JAVA_OPTS:-} \
        -cp "$module/target/classes:$(cat "$module/target/classpath.txt")" "$main" \
        --data "$data" "${common[@]}" --json "$out/$engine.json" "${queries[@]}" >&2 ;;
  esac
  echo "run.sh: $engine, load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done

# One table: per query each engine's median rows/s, and Rivulet's ratio to the best peer.
figure() { # engine query field
  [ -f "$out/$1.json" ] || { echo 0; return; }
  jq -r --arg q "$2" --arg f "$3" \
    '[.queries[] | select(.name == $q and .status == "ok") | .[$f]] | first // 0' "$out/$1.json"
}
human() {
  awk -v v="$1" 'BEGIN { if (v == 0) print "-"; else if (v >= 1e6) printf "%.2f M\n", v / 1e6;
    else if (v >= 1e4) printf "%.1f K\n", v / 1e3; else printf "%.0f\n", v }'
}
for field in rowsPerSecond rowsPerCpuSecond; do
  echo
  if [ "$field" = rowsPerSecond ]; then
    echo "rows/s (median of $runs runs after $warmup warm-up; input rows over the wall time from submitting the query to its end)"
  else
    echo "rows per CPU-second (process CPU time of all threads over the same span)"
  fi
  printf '%-12s %10s %10s %10s %16s\n' query Rivulet Flink Spark "Rivulet / best"
  for query in "${queries[@]}"; do
    r="$(figure rivulet "$query" "$field")"
    f="$(figure flink "$query" "$field")"
    s="$(figure spark "$query" "$field")"
    ratio="$(awk -v r="$r" -v f="$f" -v s="$s" 'BEGIN { b = f > s ? f : s; n = f > s ? "Flink" : "Spark";
      if (r > 0 && b > 0) printf "%.2fx %s\n", r / b, n; else print "-" }')"
    printf '%-12s %10s %10s %10s %16s\n' "$query" "$(human "$r")" "$(human "$f")" "$(human "$s")" "$ratio"
  done
done
echo
echo "input: $data ($(jq -r '.queries[0].inputRows // empty' "$out/rivulet.json" 2>/dev/null || true) rows); reports: $out/{rivulet,flink,spark}.json"

#!/usr/bin/env bash
# Builds a synthetic archive of N articles (scripts/corpus.py) three ways: cold (no output, no cache),
# again with nothing changed, and after editing one article. Prints each stage's time, articles per
# second and peak memory.    usage: scripts/bench.sh [N]    (default 10000)
set -euo pipefail
n=${1:-10000}
here=$(cd "$(dirname "$0")/.." && pwd)
gazette="$here/.build/release/gazette"
work=${BENCH_DIR:-/tmp/gazette-bench}
corpus="$work/corpus-$n"
site="$work/site-$n"
[ -x "$gazette" ] || { echo "build first: swift build -c release" >&2; exit 1; }
if [ ! -d "$corpus" ]; then
  echo "generating $n articles in $corpus"
  python3 "$here/scripts/corpus.py" "$n" "$corpus.tmp" && mv "$corpus.tmp" "$corpus"
fi
rm -rf "$site" && mkdir -p "$site"
cp -r "$corpus" "$site/Content"
cp -r "$here/Templates" "$site/Templates"
printf 'title: Benchmark Archive\nbase_url: https://archive.example.org/\ntime_zone: Asia/Karachi\n' > "$site/site.yml"

run() {
  local label=$1
  local log
  log=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$log.time" "$gazette" build --site "$site" --timings > "$log"
  read -r wall rss < "$log.time"
  echo "== $label: $wall s wall, peak memory $((rss / 1024)) MiB"
  sed 's/^/   /' "$log"
  if [ "$label" = cold ]; then
    awk -v n="$n" -v w="$wall" 'BEGIN { printf "   %.0f articles per second\n", n / w }'
  fi
  rm -f "$log" "$log.time"
}

run cold
run "no change"
article=$(find "$site/Content" -name '*.md' | sort | awk 'NR == 1')
printf '\nA paragraph added for the benchmark.\n' >> "$article"
run "one article edited"

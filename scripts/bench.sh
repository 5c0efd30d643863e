#!/usr/bin/env bash
# Builds a synthetic archive of N articles (scripts/corpus.py) three ways: cold (no output, no cache),
# again with nothing changed, and after editing one article. Prints each stage's time, articles per
# second and peak memory, then times five more runs of each rebuild and prints their medians as shares of
# the cold build.
#     usage: scripts/bench.sh [N]    (default 10000)
set -euo pipefail
# $EPOCHREALTIME's decimal point is the locale's: awk reads a point.
export LC_ALL=C
n=${1:-10000}
here=$(cd "$(dirname "$0")/.." && pwd)
gazette="$here/.build/release/gazette"
work=${BENCH_DIR:-/tmp/gazette-bench}
corpus="$work/corpus-$n"
site="$work/site-$n"
[ -x "$gazette" ] || { echo "build first: make build" >&2; exit 1; }
if [ ! -d "$corpus" ]; then
  echo "generating $n articles in $corpus"
  python3 "$here/scripts/corpus.py" "$n" "$corpus.tmp" && mv "$corpus.tmp" "$corpus"
fi
rm -rf "$site" && mkdir -p "$site"
cp -r "$corpus" "$site/Content"
cp -r "$here/Templates" "$site/Templates"
printf 'title: Benchmark Archive\nbase_url: https://archive.example.org/\ntime_zone: Asia/Karachi\n' > "$site/site.yml"

# One build, shown: its wall time (to the millisecond), peak memory and stages; leaves the wall time in
# milliseconds in $ms. Timed with the shell's clock, without starting another process.
run() {
  local label=$1
  local log start
  log=$(mktemp)
  start=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$log.time" "$gazette" build --site "$site" --timings > "$log"
  ms=$(elapsed "$start")
  read -r rss < "$log.time"
  echo "== $label: $(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }') s wall, peak memory $((rss / 1024)) MiB"
  sed 's/^/   /' "$log"
  rm -f "$log" "$log.time"
}

# Milliseconds since $1 (an $EPOCHREALTIME).
elapsed() {
  awk -v start="$1" -v end="$EPOCHREALTIME" 'BEGIN { printf "%d", (end - start) * 1000 }'
}

# Five more runs of a rebuild, each after calling $2 (a function, or :), timed alone (no time(1) around
# them); prints their median and its share of the cold build beside the target $3 (5% with nothing
# changed, 10% for one edit).
rebuilds() {
  local label=$1 before=$2 target=$3
  local times=() start
  for _ in 1 2 3 4 5; do
    "$before"
    start=$EPOCHREALTIME
    "$gazette" build --site "$site" --quiet
    times+=("$(elapsed "$start")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v cold="$cold" -v target="$target" '
    { t[NR] = $1 } END { m = t[int((NR + 1) / 2)]
      printf "   %s, median of %d: %d ms = %.1f%% of the cold build (target: at most %d%%)\n", label, NR, m, 100 * m / cold, target }'
}

run cold
cold=$ms
awk -v n="$n" -v ms="$ms" 'BEGIN { printf "   %.0f articles per second\n", n * 1000 / ms }'
run "no change"
rebuilds "no change" ":" 5
article=$(find "$site/Content" -name '*.md' | sort | awk 'NR == 1')
edit() { printf '\nA paragraph added for the benchmark.\n' >> "$article"; }
edit
run "one article edited"
rebuilds "one article edited" edit 10

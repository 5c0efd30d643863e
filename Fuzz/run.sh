#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for a number of seconds, at the lowest priority.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]     (default: 600 seconds; FrontMatter DateParser Template Slug)
#
# Environment: SWIFTC (default swiftc), JOBS (targets run at once, default 1),
# FUZZ_FLAGS (extra libFuzzer flags, e.g. "-runs=1000").
# Binaries, the growing corpora, crash artifacts and logs go to Fuzz/.build (git-ignored);
# the small committed seeds in Fuzz/Seeds/<target> are read, never written.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-600}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FrontMatter DateParser Template Slug)
swiftc=${SWIFTC:-swiftc}
jobs=${JOBS:-1}
out=Fuzz/.build
content=Sources/GazetteCore/Content

sources() {
    case $1 in
        FrontMatter) echo "$content/FrontMatter.swift" ;;
        DateParser) echo "$content/DateParser.swift $content/CivilTime.swift Sources/GazetteCore/Views/DateFormats.swift Sources/GazetteCore/Support/String+Trimming.swift Sources/GazetteCore/Support/String+Padding.swift" ;;
        Slug) echo "$content/Slug.swift" ;;
        Template) echo Sources/GazetteMustache/*.swift ;;
        *) echo "unknown target '$1' (FrontMatter, DateParser, Template, Slug)" >&2; return 1 ;;
    esac
}

max_len() {
    case $1 in
        DateParser) echo 64 ;;
        Slug) echo 256 ;;
        *) echo 4096 ;;
    esac
}

linker=()
if command -v ld.lld >/dev/null || [ -x "$(dirname "$(command -v "$swiftc")")/ld.lld" ]; then
    linker=(-use-ld=lld)  # gold prints a warning per ASan symbol
fi

build() {
    local target=$1
    mkdir -p "$out"
    echo "building $target"
    # shellcheck disable=SC2046
    "$swiftc" -sanitize=fuzzer,address -parse-as-library -O -g "${linker[@]}" -module-name "Fuzz$target" -package-name gazette \
        Fuzz/Common/Check.swift "Fuzz/$target/main.swift" $(sources "$target") -o "$out/$target"
}

run() {
    local target=$1 dict=()
    mkdir -p "$out/corpus/$target" "$out/artifacts/$target"
    [ -f "Fuzz/$target/$target.dict" ] && dict=(-dict="Fuzz/$target/$target.dict")
    local seeds=()
    [ -d "Fuzz/Seeds/$target" ] && seeds=("Fuzz/Seeds/$target")
    # shellcheck disable=SC2086
    SWIFT_BACKTRACE=enable=no nice -n 19 "$out/$target" -max_total_time="$duration" -max_len="$(max_len "$target")" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/artifacts/$target/" "${dict[@]}" \
        ${FUZZ_FLAGS:-} "$out/corpus/$target" "${seeds[@]}" >"$out/$target.log" 2>&1
}

summary() {
    local target=$1 log=$out/$1.log
    local last execs speed
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "$target: ${execs:-?} executions, ${speed:-?} exec/s, $(grep -oE 'cov: [0-9]+ ft: [0-9]+' <<<"$last" || echo 'cov: ? ft: ?')"
}

for target in "${targets[@]}"; do sources "$target" >/dev/null; done
for target in "${targets[@]}"; do build "$target"; done

failed=()
pids=()
names=()
finish() {  # waits for the oldest running target
    local pid=${pids[0]} target=${names[0]}
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
    if wait "$pid"; then
        summary "$target"
    else
        summary "$target"
        echo "$target: FAILED, see $out/$target.log and $out/artifacts/$target/"
        failed+=("$target")
    fi
}
for target in "${targets[@]}"; do
    echo "fuzzing $target for $duration s (log: $out/$target.log)"
    run "$target" &
    pids+=($!)
    names+=("$target")
    [ ${#pids[@]} -ge "$jobs" ] && finish
done
while [ ${#pids[@]} -gt 0 ]; do finish; done

[ ${#failed[@]} -eq 0 ] || { echo "failures: ${failed[*]}"; exit 1; }

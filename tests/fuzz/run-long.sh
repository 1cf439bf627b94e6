#!/usr/bin/env bash
# Long libFuzzer runs, by hand (CI runs .ci/fuzz, 20 s per target): each target for a number of executions
# (default 10 million), from the seed corpus plus what earlier long runs found (build/fuzz/long-corpus/).
#   bash tests/fuzz/run-long.sh [executions] [target…]
# Prints executions, new coverage and findings per target; a crash, leak, timeout or out-of-memory is kept in
# build/fuzz/artifacts/ and the script exits non-zero (replay: build/fuzz/tests/fuzz/<target> <file>).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10000000}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_resp fuzz_url fuzz_msgpack fuzz_escapes fuzz_import fuzz_topology)
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target "${targets[@]}"
mkdir -p build/fuzz/artifacts
status=0
for target in "${targets[@]}"; do
    corpus="build/fuzz/long-corpus/$target"
    mkdir -p "$corpus"
    cp -rn "tests/fuzz/corpus/${target#fuzz_}/." "$corpus/"
    log="build/fuzz/long-$target.log"
    start=$(date +%s)
    if "build/fuzz/tests/fuzz/$target" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="build/fuzz/artifacts/$target-" "$corpus" >"$log" 2>&1; then
        result="no finding"
    else
        result="FINDING (see $log and build/fuzz/artifacts/)"
        status=1
    fi
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    cover=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
    echo "fuzz-long target=$target execs=$execs ${cover/: /=} seconds=$(( $(date +%s) - start )) result=$result"
done
exit "$status"

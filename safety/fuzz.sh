#!/usr/bin/env bash
# safety/fuzz.sh SECONDS [TARGET...]
#
# Builds each libFuzzer target (safety/fuzz/<Target>/main.swift) with
# -sanitize=fuzzer,address and runs it for SECONDS, starting from the seeds in
# safety/corpus/<Target>. Fails when any target finds a crash, a property violation, a hang
# (an input taking more than FUZZ_INPUT_TIMEOUT s) or runs over FUZZ_RSS_MB of memory; the
# input that did it is saved under <scratch>/artifacts and printed. Ends with the
# iterations of each target.
#
#   FUZZ_SCRATCH        build folder (default .build-fuzz in the repository)
#   FUZZ_INPUT_TIMEOUT  seconds one input may take (default 10: a debug build under ASan)
#   FUZZ_RSS_MB         memory limit of the fuzzer process (default 2048)
#   FUZZ_JOBS           swift build -j (default 2)
#   SWIFT_FLAGS         extra swift build flags; default: the Makefile's SWIFT_FLAGS, so that
#                       the fuzzers test the code as `make build` ships it (-Xcxx -DNDEBUG)
set -euo pipefail

seconds="${1:-120}"
[ $# -gt 0 ] && shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
all_targets=(FuzzOfferParser FuzzPageLayout FuzzTheme FuzzConfig FuzzDemoVerifier)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi
scratch="${FUZZ_SCRATCH:-$root/.build-fuzz}"
input_timeout="${FUZZ_INPUT_TIMEOUT:-10}"
rss_mb="${FUZZ_RSS_MB:-2048}"
jobs="${FUZZ_JOBS:-2}"

package="$root"

if [ -z "${SWIFT_FLAGS+set}" ]; then
    SWIFT_FLAGS="$(sed -n 's/^SWIFT_FLAGS ?= *//p' "$root/Makefile" | head -1)"
fi
# shellcheck disable=SC2206  # the flags are words
flags=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING ${SWIFT_FLAGS})
echo "build flags: ${flags[*]}"
for target in "${targets[@]}"; do
    echo "== building $target"
    swift build --package-path "$package" --scratch-path "$scratch" -j "$jobs" "${flags[@]}" --product "$target" \
        2>&1 | grep -v -e "Cannot export local symbol '__asan" -e '^\[[0-9]*/[0-9]*\]' || true
    [ -x "$scratch/debug/$target" ] || { echo "fuzz.sh: $target did not build" >&2; exit 1; }
done

mkdir -p "$scratch/artifacts"
summary=()
failed=0
for target in "${targets[@]}"; do
    seeds="$root/safety/corpus/$target"
    corpus="$scratch/corpus/$target"   # what libFuzzer adds; the seeds in the repo are never written
    mkdir -p "$corpus"
    log="$scratch/$target.log"
    echo "== fuzzing $target for $seconds s (seeds: $(ls "$seeds" | wc -l), log: $log)"
    set +e
    # Swift's runtime keeps metadata caches for the process's life: LeakSanitizer would call
    # them leaks, so only real memory errors and the limits below stop a run.
    # ASan's debug frames are several times larger than a plain build's: the layout of a page
    # at Penny's nesting cap (512) needs 2-4 MB of stack in a debug build and more under
    # ASan, so the fuzzer gets 64 MB of stack. Swift's own crash backtracer is off: it
    # reads memory that ASan then reports, hiding the real failure.
    ulimit -s 65536 2>/dev/null || ulimit -s unlimited 2>/dev/null || true
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:${ASAN_OPTIONS:-}" \
    "$scratch/debug/$target" "$corpus" "$seeds" \
        -max_total_time="$seconds" -timeout="$input_timeout" -rss_limit_mb="$rss_mb" \
        -malloc_limit_mb="$rss_mb" -artifact_prefix="$scratch/artifacts/$target-" \
        -print_final_stats=1 -detect_leaks=0 >"$log" 2>&1
    status=$?
    set -e
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
    units="$(ls "$corpus" | wc -l)"
    if [ "$status" -eq 0 ]; then
        result="ok"
    else
        failed=1
        artifact="$(grep -o "$scratch/artifacts/$target-[a-z]*-[0-9a-f]*" "$log" | tail -1 || true)"
        kind="$(grep -m1 -o -e 'ERROR: libFuzzer: [a-z-]*' -e 'ERROR: AddressSanitizer: [a-z-]*' -e 'Fatal error: .*' -e 'property violated: .*' "$log" | head -1 || true)"
        result="FAILED (exit $status) ${kind:-see the log} ${artifact:+input: $artifact}"
        echo "---- last lines of $log"
        tail -40 "$log"
    fi
    summary+=("$(printf '%-18s %12s runs %8s/s %6s corpus  %s' "$target" "${runs:-?}" "${speed:-?}" "$units" "$result")")
done

echo
echo "Fuzzing, $seconds s per target:"
printf '  %s\n' "${summary[@]}"
exit "$failed"

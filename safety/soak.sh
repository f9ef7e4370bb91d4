#!/usr/bin/env bash
# safety/soak.sh [PENNY_BINARY]
#
# The long runs of the money-safety tests (Tests/SafetyTests), with the given penny:
#   - SOAK_KILLS (default 200) paid page loads of the demo site, each SIGKILLed at a random
#     point, the wallet and the site's ledger checked after every kill;
#   - SOAK_PAYMENTS (default 500) payments attempted by two penny processes sharing one
#     wallet that can afford 70 % of them.
# Everything runs on 127.0.0.1. SOAK_SEED repeats a run's random kill delays.
#
#   SOAK_SCRATCH  build folder (default .build, the one `make build` uses)
#   SWIFT_FLAGS   extra swift build flags (default: the Makefile's)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
penny="${1:-}"
scratch="${SOAK_SCRATCH:-$root/.build}"
package="$root"

if [ -z "${SWIFT_FLAGS+set}" ]; then
    SWIFT_FLAGS="$(sed -n 's/^SWIFT_FLAGS ?= *//p' "$root/Makefile" | head -1)"
fi
# shellcheck disable=SC2086  # the flags are words
swift build --package-path "$package" --scratch-path "$scratch" --build-tests -j "${SOAK_JOBS:-2}" ${SWIFT_FLAGS} 2>&1 \
    | grep -v '^\[[0-9]*/[0-9]*\]' || true
if [ -z "$penny" ]; then penny="$scratch/debug/penny"; fi
[ -x "$penny" ] || { echo "soak.sh: no penny binary at $penny" >&2; exit 1; }
echo "== soaking $penny"

log="$scratch/soak.log"
export PENNY_BINARY="$penny"
export PENNY_SAFETY_KILLS="${SOAK_KILLS:-200}"
export PENNY_SAFETY_CONCURRENT_PAYMENTS="${SOAK_PAYMENTS:-500}"
if [ -n "${SOAK_SEED:-}" ]; then export PENNY_SAFETY_SEED="$SOAK_SEED"; fi
set +e
swift test --package-path "$package" --scratch-path "$scratch" --skip-build \
    --filter 'SafetyTests\.(CrashSafetyTests/killingPenny|ConcurrentPaymentTests)' 2>&1 | tee "$log" \
    | grep -v '^\[[0-9]*/[0-9]*\]'
status=${PIPESTATUS[0]}
set -e
echo
echo "Soak results:"
grep -E '^(crash safety|concurrency):' "$log" | sed 's/^/  /'
exit "$status"

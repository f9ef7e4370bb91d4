#!/usr/bin/env bash
# A short fuzzing pass for `make test`: every target for FUZZ_QUICK_SECONDS (default 20) s.
# The long run is `make fuzz` (safety/fuzz.sh, 120 s per target by default).
exec "$(dirname "${BASH_SOURCE[0]}")/fuzz.sh" "${FUZZ_QUICK_SECONDS:-20}" "$@"

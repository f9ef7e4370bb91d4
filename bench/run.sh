#!/usr/bin/env bash
# Penny benchmarks: `make bench` runs `bench/run.sh PENNY_BINARY`.
# Each benchmark is a separate script in bench/ that takes the Penny binary, the
# shared directory (../shared beside the repository) and the output directory
# bench/out/, prints its report and writes bench/out/results-NAME.json.
#   rendering.py  --dump time and peak RSS against w3m, lynx, elinks and links
# Exit status: 0 even when targets FAIL (a report, not a test); non-zero only
# when a benchmark could not run.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 PENNY_BINARY" >&2
    exit 2
fi
penny=$1
if [ ! -x "$penny" ]; then
    echo "bench: Penny binary not found or not executable: $penny (make release)" >&2
    exit 2
fi

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(dirname "$bench_dir")
shared=$(dirname "$repo_root")/shared
out=$bench_dir/out
if [ ! -d "$shared" ]; then
    echo "bench: shared directory not found: $shared" >&2
    exit 2
fi
for tool in python3 hyperfine; do
    if ! command -v "$tool" >/dev/null; then
        echo "bench: $tool is missing (apt-get install $tool, or make bench-deps)" >&2
        exit 2
    fi
done
mkdir -p "$out"

python3 "$bench_dir/rendering.py" "$penny" "$shared" "$out"
"$bench_dir/payments.sh" "$penny"
"$(dirname "$penny")/DemoSiteLoad" 600 4

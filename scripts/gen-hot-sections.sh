#!/usr/bin/env bash
# Regenerates link/penny-hot-sections.txt (see scripts/gen-hot-sections.py) from callgrind runs
# of the release `penny` on the bench's tiny page and a 100 KB page. Needs valgrind. Rerun it
# after a toolchain upgrade or a large change to the dump path; a stale list only costs memory.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build ${SWIFT_FLAGS:--Xcxx -DNDEBUG} -c release --static-swift-stdlib -Xlinker -no-pie --scratch-path .build-release \
    --product penny -Xlinker -Map="$work/penny.map"
penny=.build-release/release/penny
# valgrind 3.19 cannot read the DWARF 5 debug information: profile a copy without it.
strip --strip-debug -o "$work/penny" "$penny"
python3 - "$work/tiny.html" <<'PY'
import re, sys
source = open('bench/rendering.py').read()
open(sys.argv[1], 'w').write(re.search(r'TINY_HTML = """(.*?)"""', source, re.S).group(1))
PY
../shared/bench/gen-bench-page 100000 "$work/100k.html" > /dev/null
for page in tiny 100k; do
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$page.callgrind" \
        "$work/penny" --dump --width 80 "$work/$page.html" > /dev/null 2> "$work/$page.log"
done
python3 scripts/gen-hot-sections.py "$penny" "$work/penny.map" "$work"/*.callgrind > link/penny-hot-sections.txt
wc -l link/penny-hot-sections.txt

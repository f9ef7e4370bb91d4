#!/usr/bin/env bash
# Until Package.swift declares the safety targets (safety/package-targets.txt), this makes a
# scratch package in DIR (default /tmp/penny-safety-package) whose manifest is the repo's
# plus those targets, and whose folders (Sources, Tests, Themes, bench, safety…) are links
# to the repo's.
# Prints DIR. fuzz.sh and soak.sh use it automatically when the targets are missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-/tmp/penny-safety-package}"
mkdir -p "$dir"
# Every folder the manifest may name (Sources, Tests, Themes, bench, safety…), as links.
for item in "$root"/*; do
    name="$(basename "$item")"
    [ -d "$item" ] || continue
    ln -sfn "$item" "$dir/$name"
done
[ -f "$root/Package.resolved" ] && cp -f "$root/Package.resolved" "$dir/Package.resolved"
manifest="$dir/Package.swift.new"
if grep -q '"SafetyTests"' "$root/Package.swift"; then
    cp "$root/Package.swift" "$manifest"
else
    # Insert the targets before the closing "    ]" of `targets:` (the last one in the file).
    awk -v extra="$root/safety/package-targets.txt" '
        { lines[NR] = $0 }
        END {
            last = 0
            for (i = NR; i > 0; i--) if (lines[i] ~ /^    \]/) { last = i; break }
            for (i = 1; i <= NR; i++) {
                if (i == last) { while ((getline line < extra) > 0) print line }
                print lines[i]
            }
        }' "$root/Package.swift" > "$manifest"
fi
# Rewrite only when it changed, so SwiftPM does not re-resolve needlessly.
if ! cmp -s "$manifest" "$dir/Package.swift"; then mv "$manifest" "$dir/Package.swift"; else rm -f "$manifest"; fi
echo "$dir"

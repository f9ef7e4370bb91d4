#!/usr/bin/env bash
# What paying adds to a page: `penny --dump --pay auto` on a paid demo article (402, offer
# parsing, policy, a durable ledger write, an EIP-712 signature, the retry) against the same
# Penny fetching a free article and one extra plain request (curl) in the same run.
# Usage: bench/payments.sh PENNY_BINARY
set -euo pipefail
penny=$1
home=$(mktemp -d)
trap 'kill "$site_pid" 2>/dev/null || true; rm -rf "$home"' EXIT
export PENNY_HOME=$home
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$penny" demo-site --port "$port" > "$home/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" > /dev/null && break; sleep 0.1; done
"$penny" wallet topup 1000 --network eip155:31337 --asset USDC > /dev/null
paid="http://127.0.0.1:$port/articles/reserved-for-future-use"
free="http://127.0.0.1:$port/articles/streaming-cents"
hyperfine -N --warmup 2 --runs 30 --export-json "$home/pay.json" \
    "$penny --dump --pay auto --max 1 $paid" "$penny --dump $free" "curl -s -o /dev/null $free" > /dev/null
python3 - "$home/pay.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
paid, free, plain = (r["median"] * 1000 for r in results)
added = paid - free - plain
print(f"payments: paid page {paid:.1f} ms, free page {free:.1f} ms, one more plain request {plain:.1f} ms (median of 30)")
print(f"payments: paying adds {added:.1f} ms at the median (target under 5 ms): {'PASS' if added < 5 else 'FAIL'}")
PY

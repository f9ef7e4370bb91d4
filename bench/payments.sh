#!/usr/bin/env bash
# What paying adds to a page. Against the demo site, in the same run:
#   paid   penny --dump --pay auto --max 1 PAID_ARTICLE   (402, offer parsing, policy, the wallet's
#          durable reservation with the signed credential, the EIP-712 signature, the retry, the
#          site verifying and settling the payment, the ledger's commit)
#   free   penny --dump --pay auto --max 1 FREE_ARTICLE   (one plain request, same flags; the free
#          article is shorter than the paid one, whose longer layout counts against Penny)
#   one more plain request: curl fetching the free article twice on new connections in one process,
#          minus curl fetching it once (the request alone, without a process start)
# added = paid - free - one more plain request, at the median; the target is under 5 ms.
# The commands run in rounds, in a different order each round, so that a change in the
# machine's load falls on all of them alike; the medians are over every round's runs.
# Usage: bench/payments.sh PENNY_BINARY   (PAY_ROUNDS, PAY_RUNS: rounds, and runs per round)
set -euo pipefail
penny=$1
rounds=${PAY_ROUNDS:-6}
runs=${PAY_RUNS:-15}
for tool in hyperfine curl python3; do
    command -v "$tool" > /dev/null || { echo "payments: $tool is missing (make bench-deps)" >&2; exit 2; }
done
home=$(mktemp -d)
site_pid=
trap '[ -n "$site_pid" ] && kill "$site_pid" 2>/dev/null; rm -rf "$home"' EXIT
export PENNY_HOME=$home
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$penny" demo-site --port "$port" > "$home/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" > /dev/null && break; sleep 0.1; done
"$penny" wallet topup 1000 --network eip155:31337 --asset USDC > /dev/null
paid="http://127.0.0.1:$port/articles/reserved-for-future-use"
free="http://127.0.0.1:$port/articles/the-mental-transaction-cost"
# A paid run that is refused exits non-zero, which stops hyperfine: only paid pages are timed.
# The ledger is checked at the end too: every run paid exactly the price, once.
if ! "$penny" --dump --pay auto --max 1 "$paid" > /dev/null 2> "$home/check.err" || ! grep -q "paid 0.01 USDC" "$home/check.err"; then
    echo "payments: the paid article was not paid: $(cat "$home/check.err")" >&2
    exit 2
fi
commands=(
    "$penny --dump --pay auto --max 1 $paid"
    "$penny --dump --pay auto --max 1 $free"
    "curl -s -o /dev/null -H Connection:close $free"
    "curl -s -o /dev/null -o /dev/null -H Connection:close $free $free"
)
read -r load_before _ < /proc/loadavg
for round in $(seq "$rounds"); do
    order=()
    for index in 0 1 2 3; do order+=("${commands[(index + round) % 4]}"); done
    if ! hyperfine -N --warmup 2 --runs "$runs" --export-json "$home/round-$round.json" "${order[@]}" \
            > "$home/hyperfine.log" 2>&1; then
        cat "$home/hyperfine.log" >&2
        exit 2
    fi
done
read -r load_after _ < /proc/loadavg
balance=$("$penny" wallet balance --json)
python3 - "$home" "$rounds" "$runs" "$load_before" "$load_after" "$balance" "${commands[@]}" <<'PY'
import json, statistics, sys
home, rounds, runs_per_round, load_before, load_after, balance = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
commands = sys.argv[7:]
times = {command: [] for command in commands}
cpu = {command: [] for command in commands}
for round in range(1, rounds + 1):
    for result in json.load(open(f"{home}/round-{round}.json"))["results"]:
        times[result["command"]] += [t * 1000 for t in result["times"]]
        cpu[result["command"]].append((result["user"] + result["system"]) * 1000)
paid, free, once, twice = (statistics.median(times[c]) for c in commands)
plain = twice - once
added = paid - free - plain
runs = len(times[commands[0]])
paid_cpu, free_cpu = statistics.mean(cpu[commands[0]]), statistics.mean(cpu[commands[1]])
print(f"payments: paid page {paid:.1f} ms, free page {free:.1f} ms, one more plain request {plain:.1f} ms "
      f"(medians of {runs} runs each, {rounds} rounds; load average {load_before} before, {load_after} after)")
print(f"payments: Penny's own CPU (user+sys, mean): paid page {paid_cpu:.1f} ms, free page {free_cpu:.1f} ms, "
      f"{paid_cpu - free_cpu:.1f} ms more (the site's work is not in it; it is in the times above)")
print(f"payments: paying adds {added:.1f} ms at the median (target under 5 ms): {'PASS' if added < 5 else 'FAIL'}")
# The check run, then each round's warm-up and timed runs, each paid 0.01 USDC (10000 base units).
payments = 1 + rounds * (2 + runs_per_round)
account = json.loads(balance)[0]
if int(account["spent"]) != payments * 10_000 or account["held"] != "0":
    print(f"payments: the ledger does not show {payments} payments of 0.01 USDC: {balance}")
    sys.exit(1)
PY

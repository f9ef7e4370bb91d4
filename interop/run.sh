#!/usr/bin/env bash
# interop/run.sh PENNY: Penny against the official x402 and pympp SDKs, both ways.
# Creates (once) a Python venv in <repo>/.build-interop/venv with the pinned SDKs,
# then runs interop/check.py: one line per check, closing with
# `interop: N passed, M failed`. Exit status 0 only when every check passed.
# See interop/README.md.
set -u

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
BUILD="$ROOT/.build-interop"
VENV="$BUILD/venv"
LOGS="$BUILD/last-run"
PIDFILE="$BUILD/servers.pid"
PY="${PYTHON:-python3}"

if [ $# -ne 1 ]; then
    echo "usage: interop/run.sh PATH_TO_PENNY   (run every check)" >&2
    echo "       interop/run.sh --setup         (only make the venv; prints its python)" >&2
    exit 64
fi
SETUP_ONLY=0
PENNY="$1"
if [ "$PENNY" = "--setup" ]; then
    SETUP_ONLY=1
fi
case "$PENNY" in /*) ;; *) PENNY="$PWD/$PENNY" ;; esac

give_up() {
    # $1: what went wrong; $2: a log to show the end of.
    echo "interop: FAILED: $1"
    if [ -n "${2:-}" ] && [ -f "$2" ]; then
        echo "interop: last lines of $2:"
        tail -n 25 "$2" | sed 's/^/    /'
    fi
    echo "interop: 0 passed, 1 failed"
    exit 1
}

[ "$SETUP_ONLY" = 1 ] || [ -x "$PENNY" ] || give_up "$PENNY is not an executable Penny binary (run \`make interop\`, or \`swift build\` first)"

# --- the virtual environment: made once, remade when the pins change --------------
mkdir -p "$BUILD"
STAMP="$VENV/.penny-interop-pins"
WANT="$(cat "$HERE/requirements.txt" "$HERE/constraints.txt" | sha256sum | cut -d' ' -f1)"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
    INSTALL_LOG="$BUILD/install.log"
    : > "$INSTALL_LOG"
    command -v "$PY" > /dev/null 2>&1 || give_up "no $PY on PATH: Python 3.11 or later is needed to install the SDKs"
    "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
        || give_up "$("$PY" --version 2>&1) is too old: pympp needs Python 3.11 or later"
    if [ ! -x "$VENV/bin/python" ]; then
        echo "interop: creating $VENV"
        rm -rf "$VENV"
        "$PY" -m venv "$VENV" >> "$INSTALL_LOG" 2>&1 \
            || give_up "could not create the venv ($PY -m venv; on Debian: apt-get install python3-venv)" "$INSTALL_LOG"
    fi
    echo "interop: installing the pinned SDKs with pip (see interop/requirements.txt)"
    "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input \
        -r "$HERE/requirements.txt" -c "$HERE/constraints.txt" >> "$INSTALL_LOG" 2>&1 \
        || give_up "pip could not install the pinned SDKs (is PyPI reachable?)" "$INSTALL_LOG"
    "$VENV/bin/python" -c 'import x402, mpp, fastapi, uvicorn, eth_account, httpx
from x402.http.middleware.fastapi import payment_middleware
from mpp.methods.evm import server, client
from mpp.server import Mpp, pay' >> "$INSTALL_LOG" 2>&1 \
        || give_up "the SDKs installed but do not import" "$INSTALL_LOG"
    echo "$WANT" > "$STAMP"
fi
if [ "$SETUP_ONLY" = 1 ]; then
    echo "$VENV/bin/python"
    exit 0
fi

# --- the checks -------------------------------------------------------------------
CHECK_PID=""
cleanup() {
    if [ -n "$CHECK_PID" ] && kill -0 "$CHECK_PID" 2> /dev/null; then
        kill "$CHECK_PID" 2> /dev/null
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$CHECK_PID" 2> /dev/null || break; sleep 0.5; done
        kill -9 "$CHECK_PID" 2> /dev/null
    fi
    # Servers the checker started and did not stop (it was killed): by PID, and only
    # when the PID still names one of ours.
    if [ -f "$PIDFILE" ]; then
        while read -r pid; do
            [ -n "$pid" ] || continue
            if grep -qa -e "$HERE/" -e "demo-site" "/proc/$pid/cmdline" 2> /dev/null; then
                kill "$pid" 2> /dev/null
            fi
        done < "$PIDFILE"
        rm -f "$PIDFILE"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$LOGS"
mkdir -p "$LOGS"
"$VENV/bin/python" "$HERE/check.py" "$PENNY" --workdir "$LOGS" --pidfile "$PIDFILE" &
CHECK_PID=$!
wait "$CHECK_PID"
STATUS=$?
CHECK_PID=""
if [ ! -s "$LOGS/summary.txt" ]; then
    echo "interop: FAILED: the checker stopped (exit $STATUS) before it finished"
    echo "interop: 0 passed, 1 failed"
    [ "$STATUS" -ne 0 ] || STATUS=1
fi
if [ "$STATUS" -ne 0 ]; then
    echo "interop: failures: see the logs in $LOGS (README.md, \"Reading failures\")" >&2
fi
exit "$STATUS"

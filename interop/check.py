#!/usr/bin/env python3
"""Interop checks between Penny and the official x402 and pympp Python SDKs.

Usage: check.py PENNY [--workdir DIR] [--pidfile FILE]

Starts the SDK servers in this folder and Penny's demo site on 127.0.0.1 (free
ports), drives Penny and the SDK clients against them, prints one line per check
and a closing line `interop: N passed, M failed`. Exit status 0 only when every
check passed. Run it through run.sh, which owns the virtual environment.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import secrets
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable

BASE_SEPOLIA = "eip155:84532"
BASE_SEPOLIA_USDC = "0x036CbD53842c5426634e7929541eC2318f3dCF7e"
PAY_TO = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C"
PRICE = "10000"
X402_MARKER = "Receipts from the x402 reference server"
MPP_MARKER = "Receipts from the MPP reference server"

DEMO_NETWORK = "eip155:31337"
DEMO_TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3"
DEMO_DOMAIN = {"name": "USD Coin (demo)", "version": "1"}
DEMO_X402_ARTICLE = ("/articles/reserved-for-future-use", "Reserved for Future Use")
DEMO_MPP_ARTICLE = ("/articles/scrip-and-blind-signatures", "Scrip and Blind Signatures")
PAYWALL_TEXT = "Pay to read on"

PENNY_TIMEOUT = 90
SERVER_START_TIMEOUT = 30


class CheckFailed(Exception):
    pass


def require(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def b64json(value: str) -> Any:
    """Decode standard or URL-safe base64, padded or not, holding JSON."""
    text = value.strip().replace("-", "+").replace("_", "/")
    text += "=" * (-len(text) % 4)
    return json.loads(base64.b64decode(text))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(url: str, headers: dict[str, str] | None = None, timeout: float = 20) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers={"User-Agent": "penny-interop-check", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read().decode("utf-8", "replace")


def read_events(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return events


def wait_for(predicate: Callable[[], Any], timeout: float = 5.0, step: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(step)


class Processes:
    """Servers started by the checker: recorded in a PID file, stopped by PID."""

    def __init__(self, pidfile: Path | None) -> None:
        self.pidfile = pidfile
        self.running: list[subprocess.Popen] = []

    def _record(self) -> None:
        if self.pidfile is not None:
            alive = [str(p.pid) for p in self.running if p.poll() is None]
            self.pidfile.write_text("\n".join(alive) + ("\n" if alive else ""))

    def start(self, argv: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
        stderr = open(log.with_suffix(".stderr"), "ab")
        process = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL, env=env
        )
        stderr.close()
        self.running.append(process)
        self._record()
        return process

    def stop(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        if process.stdout is not None:
            process.stdout.close()
        if process in self.running:
            self.running.remove(process)
        self._record()

    def stop_all(self) -> None:
        for process in list(self.running):
            self.stop(process)


def read_listening_url(process: subprocess.Popen, log: Path) -> str:
    """The `listening on URL` line a Python server prints first."""
    assert process.stdout is not None
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    buffer = b""
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        ready, _, _ = select.select([process.stdout], [], [], 0.2)
        if ready:
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                break
            buffer += chunk
            for line in buffer.decode("utf-8", "replace").splitlines():
                if line.startswith("listening on "):
                    return line.removeprefix("listening on ").strip()
    stderr = log.with_suffix(".stderr")
    tail = stderr.read_text(errors="replace")[-1500:] if stderr.exists() else ""
    raise CheckFailed(f"server did not start (exit {process.poll()}): {tail.strip()}")


class Interop:
    def __init__(self, penny: str, workdir: Path, processes: Processes) -> None:
        self.penny = penny
        self.workdir = workdir
        self.processes = processes
        self.penny_home = workdir / "penny-home"
        self.penny_home.mkdir(parents=True, exist_ok=True)
        self.passed = 0
        self.failed = 0
        self.number = 0
        self.wallet_address: str | None = None
        self.penny_runs = 0

    # -- reporting -----------------------------------------------------------

    def check(self, name: str, body: Callable[[], str | None]) -> bool:
        self.number += 1
        started = time.monotonic()
        try:
            detail = body()
        except CheckFailed as failure:
            self.failed += 1
            print(f"FAIL {self.number:2d} {name}: {failure}", flush=True)
            return False
        except Exception as error:  # a bug or an SDK exception: still a failure, with context
            self.failed += 1
            last = traceback.format_exception_only(type(error), error)[-1].strip()
            print(f"FAIL {self.number:2d} {name}: unexpected {last}", flush=True)
            trace = self.workdir / f"check-{self.number}.traceback.txt"
            trace.write_text(traceback.format_exc())
            return False
        self.passed += 1
        seconds = time.monotonic() - started
        suffix = f" ({detail})" if detail else ""
        print(f"PASS {self.number:2d} {name}{suffix} [{seconds:.1f}s]", flush=True)
        return True

    # -- Penny -----------------------------------------------------------------

    def penny_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PENNY_HOME"] = str(self.penny_home)
        env.pop("http_proxy", None)
        env.pop("HTTP_PROXY", None)
        env.pop("all_proxy", None)
        env.pop("ALL_PROXY", None)
        env["NO_PROXY"] = "127.0.0.1,localhost"
        env["no_proxy"] = "127.0.0.1,localhost"
        return env

    def run_penny(self, *args: str, timeout: float = PENNY_TIMEOUT) -> subprocess.CompletedProcess:
        self.penny_runs += 1
        result = subprocess.run(
            [self.penny, *args],
            env=self.penny_env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        record = self.workdir / f"penny-{self.penny_runs:02d}.txt"
        record.write_text(
            f"$ penny {' '.join(args)}\nexit {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )
        return result

    def wallet_history(self) -> list[dict[str, Any]]:
        result = self.run_penny("wallet", "history", "--json", "--limit", "200")
        require(result.returncode == 0, f"`penny wallet history --json` exited {result.returncode}: {result.stderr.strip()}")
        return json.loads(result.stdout)

    def setup_wallet(self) -> str:
        result = self.run_penny("wallet", "topup", "5", "--network", BASE_SEPOLIA, "--asset", "USDC")
        require(result.returncode == 0, f"topup exited {result.returncode}: {result.stderr.strip() or result.stdout.strip()}")
        address = self.run_penny("wallet", "address")
        require(address.returncode == 0, f"`penny wallet address` exited {address.returncode}")
        self.wallet_address = address.stdout.strip().split()[-1]
        require(self.wallet_address.startswith("0x") and len(self.wallet_address) == 42,
                f"unexpected wallet address {address.stdout.strip()!r}")
        return f"wallet {self.wallet_address}, 5 USDC on {BASE_SEPOLIA}"

    def penny_pays(self, url: str, marker: str) -> subprocess.CompletedProcess:
        result = self.run_penny("--dump", url, "--pay", "auto", "--max", "0.05")
        stderr = " | ".join(line.strip() for line in result.stderr.strip().splitlines()[-4:])
        require(result.returncode == 0, f"penny --dump exited {result.returncode} ({stderr or 'no message'})")
        require(marker in result.stdout, f"the article text is missing from penny's output ({stderr})")
        require("paid" in result.stderr, f"penny did not say it paid: {stderr!r}")
        return result

    def committed_payment(self, url: str, nonce: str) -> dict[str, Any]:
        history = self.wallet_history()
        matches = [
            entry for entry in history
            if entry.get("kind") == "payment" and entry.get("resource") == url
        ]
        require(matches, f"no payment for {url} in `penny wallet history --json`")
        entry = matches[0]
        require(entry.get("state") == "committed", f"wallet payment is {entry.get('state')!r}, not committed")
        require(entry.get("amount") == PRICE and entry.get("network") == BASE_SEPOLIA,
                f"wallet recorded {entry.get('amount')} on {entry.get('network')}")
        require(str(entry.get("nonce", "")).lower() == nonce.lower(),
                f"wallet nonce {entry.get('nonce')} is not the one the server accepted ({nonce})")
        require(str(entry.get("payee", "")).lower() == PAY_TO.lower(), f"wallet payee {entry.get('payee')}")
        return entry

    # -- SDK servers ---------------------------------------------------------

    def start_python_server(self, script: str, name: str, *extra: str) -> tuple[subprocess.Popen, str, Path]:
        log = self.workdir / f"{name}.log"
        log.unlink(missing_ok=True)
        process = self.processes.start(
            [PYTHON, str(HERE / script), "--port", "0", "--log", str(log), "--pay-to", PAY_TO, *extra], log
        )
        url = read_listening_url(process, log)

        def healthy() -> bool:
            try:
                return http_get(url + "/health", timeout=5)[0] == 200
            except OSError:
                return process.poll() is not None

        wait_for(healthy, timeout=SERVER_START_TIMEOUT, step=0.1)
        require(process.poll() is None, f"{script} exited {process.poll()} (see {log.with_suffix('.stderr')})")
        require(http_get(url + "/health", timeout=5)[0] == 200, f"{script} /health does not answer 200")
        return process, url, log


# ---------------------------------------------------------------------------
# SDK clients (run in this process, inside the venv)
# ---------------------------------------------------------------------------


async def x402_client_get(url: str, account: Any, allowed_assets: Any = None) -> dict[str, Any]:
    from x402 import x402Client
    from x402.http.clients import x402HttpxClient
    from x402.http.utils import encode_payment_signature_header
    from x402.mechanisms.evm.exact import register_exact_evm_client
    from x402.mechanisms.evm.signers import EthAccountSigner

    client = x402Client()
    if allowed_assets is not None:
        client.set_spend_controls({"allowed_assets": allowed_assets})
    register_exact_evm_client(client, EthAccountSigner(account))
    sent: list[str] = []

    def after_creation(context: Any) -> None:
        sent.append(encode_payment_signature_header(context.payment_payload))

    client.on_after_payment_creation(after_creation)
    async with x402HttpxClient(client, timeout=30) as http:
        response = await http.get(url)
    receipt = response.headers.get("payment-response")
    return {
        "status": response.status_code,
        "body": response.text,
        "receipt": b64json(receipt) if receipt else None,
        "payment_signature": sent[-1] if sent else None,
    }


async def mpp_client_get(url: str, method: Any) -> dict[str, Any]:
    import httpx
    from mpp.client import PaymentTransport

    sent: list[str] = []

    class Recording(httpx.AsyncHTTPTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            value = request.headers.get("authorization")
            if value and value.startswith("Payment "):
                sent.append(value)
            return await super().handle_async_request(request)

    transport = PaymentTransport(methods=[method], inner=Recording())
    async with httpx.AsyncClient(transport=transport, timeout=30) as http:
        response = await http.get(url)
    receipt = response.headers.get("payment-receipt")
    return {
        "status": response.status_code,
        "body": response.text,
        "receipt": b64json(receipt) if receipt else None,
        "authorization": sent[-1] if sent else None,
    }


def new_account() -> Any:
    from eth_account import Account

    return Account.create()


# ---------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("penny")
    parser.add_argument("--workdir", help="where logs go (a new temporary folder by default)")
    parser.add_argument("--pidfile", help="file listing the PIDs of running servers (for run.sh's trap)")
    args = parser.parse_args()

    penny = str(Path(args.penny).resolve())
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="penny-interop-")).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    processes = Processes(Path(args.pidfile) if args.pidfile else None)

    def on_signal(signum: int, _frame: Any) -> None:
        processes.stop_all()
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    print(f"interop: penny {penny}", flush=True)
    print(f"interop: logs in {workdir}", flush=True)
    run = Interop(penny, workdir, processes)
    try:
        run_checks(run)
    except Exception:  # a bug in the checker itself: count it, never pass silently
        run.failed += 1
        (workdir / "checker.traceback.txt").write_text(traceback.format_exc())
        print(f"FAIL    the checker crashed: {traceback.format_exc().strip().splitlines()[-1]}", flush=True)
    finally:
        processes.stop_all()
    summary = f"interop: {run.passed} passed, {run.failed} failed"
    (workdir / "summary.txt").write_text(summary + "\n")
    print(summary, flush=True)
    return 0 if run.failed == 0 and run.passed > 0 else 1


def run_checks(run: Interop) -> None:
    def executable() -> str:
        require(os.access(run.penny, os.X_OK), f"{run.penny} is not an executable file")
        return ""

    if not run.check("Penny binary is executable", executable):
        return
    if not run.check("Penny wallet funded with play money", run.setup_wallet):
        return

    # 1-3: the x402 SDK resource server.
    x402_state: dict[str, Any] = {}

    def x402_start() -> tuple[str, Path]:
        if "url" not in x402_state:
            process, url, log = run.start_python_server("x402_server.py", "x402-server")
            x402_state.update(process=process, url=url, log=log)
        return x402_state["url"], x402_state["log"]

    def x402_control() -> str:
        url, log = x402_start()
        account = new_account()
        result = asyncio.run(x402_client_get(url + "/paid", account))
        require(result["status"] == 200, f"the x402 SDK client got {result['status']} from our SDK server")
        require(X402_MARKER in result["body"], "article missing")
        receipt = result["receipt"] or {}
        require(receipt.get("success") is True, f"PAYMENT-RESPONSE {receipt}")
        accepted = [e for e in read_events(log) if e["event"] == "accepted"]
        require(any(e.get("payer", "").lower() == account.address.lower() for e in accepted),
                "the server logged no accepted signature from the SDK client")
        return f"server sane: SDK client {account.address[:10]}… paid, tx {receipt.get('transaction', '')[:12]}…"

    run.check("control: x402 SDK client pays interop/x402_server.py", x402_control)

    def penny_pays_x402() -> str:
        url, log = x402_start()
        before = len([e for e in read_events(log) if e["event"] == "accepted"])
        run.penny_pays(url + "/paid", X402_MARKER)
        events = read_events(log)
        accepted = [e for e in events if e["event"] == "accepted"][before:]
        require(len(accepted) == 1, f"the server logged {len(accepted)} accepted payments, expected 1")
        event = accepted[0]
        require(event.get("payer", "").lower() == (run.wallet_address or "").lower(),
                f"accepted payer {event.get('payer')} is not Penny's wallet {run.wallet_address}")
        paid_requests = [e for e in events if e["event"] == "request" and e.get("status") == 200
                         and e.get("payment_signature") and "Penny" in (e.get("user_agent") or "")]
        require(paid_requests, "no paid request from Penny in the server log")
        x402_state["penny_signature"] = paid_requests[-1]["payment_signature"]
        x402_state["penny_nonce"] = event["nonce"]
        run.committed_payment(url + "/paid", event["nonce"])
        sent = b64json(x402_state["penny_signature"])
        require(sent.get("x402Version") == 2 and sent.get("accepted", {}).get("network") == BASE_SEPOLIA,
                f"unexpected PAYMENT-SIGNATURE shape: {sorted(sent)}")
        return f"x402 v2 exact, nonce {event['nonce'][:12]}…, wallet history committed"

    run.check("Penny pays the x402 SDK server (FastAPI middleware, in-process facilitator)", penny_pays_x402)

    def x402_replay() -> str:
        url, log = x402_start()
        signature = x402_state.get("penny_signature")
        require(signature, "no captured credential (the previous check failed)")
        before = len(read_events(log))
        status, headers, _ = http_get(url + "/paid", {"PAYMENT-SIGNATURE": signature})
        require(status == 402, f"replayed credential answered {status}, expected 402")
        new = read_events(log)[before:]
        reasons = [e.get("reason") for e in new if e["event"] in ("verify", "refused")]
        require("invalid_exact_evm_nonce_already_used" in reasons, f"refusal reasons logged: {reasons}")
        require(not any(e["event"] == "accepted" for e in new), "the replay was accepted")
        error = b64json(headers["payment-required"]).get("error") if "payment-required" in headers else None
        # A second, tampered credential: fresh nonce, same signature -> the signature must not verify.
        tampered = b64json(signature)
        tampered["payload"]["authorization"]["nonce"] = "0x" + secrets.token_hex(32)
        value = base64.b64encode(json.dumps(tampered, separators=(",", ":")).encode()).decode()
        before = len(read_events(log))
        status2, _, _ = http_get(url + "/paid", {"PAYMENT-SIGNATURE": value})
        reasons2 = [e.get("reason") for e in read_events(log)[before:] if e["event"] in ("verify", "refused")]
        require(status2 == 402 and "invalid_exact_evm_payload_signature" in reasons2,
                f"a tampered credential answered {status2} with reasons {reasons2}")
        return f"402 {error}; tampered copy refused as invalid signature"

    run.check("x402 SDK server refuses a replay of Penny's PAYMENT-SIGNATURE", x402_replay)
    if "process" in x402_state:
        run.processes.stop(x402_state["process"])

    # 4-9: pympp servers.
    def mpp_variant(label: str, offers: str, binding: str, expect_via: str | None, *extra: str) -> None:
        state: dict[str, Any] = {}

        def pays() -> str:
            name = f"mpp-server-{offers}-{binding}{''.join(extra).replace('--', '-')}"
            process, url, log = run.start_python_server(
                "mpp_server.py", name, "--offers", offers, "--route-binding", binding, *extra
            )
            state.update(process=process, url=url, log=log)
            run.penny_pays(url + "/paid", MPP_MARKER)
            events = read_events(log)
            accepted = [e for e in events if e["event"] == "accepted"]
            require(len(accepted) == 1, f"the server logged {len(accepted)} accepted payments, expected 1")
            event = accepted[0]
            require(event.get("payer", "").lower() == (run.wallet_address or "").lower(),
                    f"accepted payer {event.get('payer')} is not Penny's wallet")
            if expect_via is not None:
                require(event.get("via") == expect_via, f"Penny paid with {event.get('via')}, expected {expect_via}")
            paid = [e for e in events if e["event"] == "request" and e.get("status") == 200]
            require(paid, "no paid request in the server log")
            state["request"] = paid[-1]
            if "--requires-auth" in extra:
                require(paid[-1].get("payment_authorization") and not paid[-1].get("authorization"),
                        "the credential did not come in the Payment-Authorization header the challenge named")
            run.committed_payment(url + "/paid", event["nonce"])
            offered = [e for e in events if e["event"] == "request" and e.get("status") == 402]
            kinds = []
            if offered and offered[0].get("offered_payment"):
                kinds.append("Payment")
            if offered and offered[0].get("offered_x402"):
                kinds.append("x402")
            if event["via"] == "x402":
                response = paid[-1].get("payment_response")
                require(response, "no PAYMENT-RESPONSE on the paid x402 answer")
                receipt = f"PAYMENT-RESPONSE success={b64json(response).get('success')}"
            else:
                response = paid[-1].get("payment_receipt")
                require(response, "no Payment-Receipt on the paid answer")
                receipt = f"Payment-Receipt {b64json(response).get('status', '?')}"
            via = "Payment scheme" if event["via"] == "payment" else "x402"
            return f"offered {' + '.join(kinds) or '?'}, Penny paid via {via}, {receipt}"

        def replay() -> str:
            require("request" in state, "no captured credential (the previous check failed)")
            url, log = state["url"], state["log"]
            request = state["request"]
            if request.get("authorization"):
                header = ("Authorization", request["authorization"])
            elif request.get("payment_authorization"):
                header = ("Payment-Authorization", request["payment_authorization"])
            else:
                header = ("PAYMENT-SIGNATURE", request.get("payment_signature") or "")
            require(header[1], "the paid request carried no credential header")
            before = len(read_events(log))
            status, _, body = http_get(url + "/paid", {header[0]: header[1]})
            require(status in (402, 403), f"replayed {header[0]} answered {status}, expected 402 or 403")
            new = read_events(log)[before:]
            require(not any(e["event"] == "accepted" for e in new), "the replay was accepted")
            refused = [e for e in new if e["event"] == "refused"]
            detail = refused[0].get("message") if refused else body[:120]
            return f"{header[0]} replay answered {status}: {detail}"

        try:
            run.check(f"Penny pays the pympp server ({label})", pays)
            run.check(f"pympp server refuses a replay of Penny's credential ({label})", replay)
        finally:
            if "process" in state:
                run.processes.stop(state["process"])

    def mpp_control() -> str:
        from mpp.methods.evm import BASE_SEPOLIA_USDC as ASSET
        from mpp.methods.evm import client as evm

        process, url, log = run.start_python_server("mpp_server.py", "mpp-server-control")
        try:
            account = new_account()
            method = evm.charge(currency=ASSET, account=account, max_amount="0.05")
            result = asyncio.run(mpp_client_get(url + "/paid", method))
            require(result["status"] == 200, f"pympp's client got {result['status']}: {result['body'][:200]}")
            require(MPP_MARKER in result["body"], "article missing")
            receipt = result["receipt"] or {}
            require(receipt.get("status") == "success", f"Payment-Receipt {receipt}")
            accepted = [e for e in read_events(log) if e["event"] == "accepted"]
            require(any(e.get("payer", "").lower() == account.address.lower() for e in accepted),
                    "the server logged no accepted payment from pympp's client")
            return f"server sane: pympp client {account.address[:10]}… paid, reference {receipt.get('reference', '')[:12]}…"
        finally:
            run.processes.stop(process)

    run.check("control: pympp client pays interop/mpp_server.py", mpp_control)
    mpp_variant("pympp defaults: Payment challenge + x402 offer", "both", "required", None)
    mpp_variant("Payment challenge only", "payment", "required", "payment")
    mpp_variant('Payment challenge only, header="Payment-Authorization"', "payment", "required", "payment",
                "--requires-auth")
    mpp_variant("pympp's x402 offer only, route_binding=resource", "x402", "resource", "x402")

    # 10-13: the SDK clients pay Penny's demo site.
    demo: dict[str, Any] = {}

    def demo_start() -> str:
        port = free_port()
        log = run.workdir / "demo-site.log"
        env = run.penny_env()
        env["PENNY_HOME"] = str(run.workdir / "demo-home")
        Path(env["PENNY_HOME"]).mkdir(exist_ok=True)
        process = run.processes.start(
            [run.penny, "demo-site", "--port", str(port), "--database", str(run.workdir / "demo-ledger.sqlite")],
            log, env=env,
        )
        demo["process"] = process
        url = f"http://127.0.0.1:{port}"

        def up() -> bool:
            if process.poll() is not None:
                return True
            try:
                return http_get(url + "/", timeout=2)[0] == 200
            except OSError:
                return False

        wait_for(up, timeout=SERVER_START_TIMEOUT, step=0.2)
        require(process.poll() is None, f"penny demo-site exited {process.poll()}")
        require(http_get(url + "/", timeout=5)[0] == 200, "the demo site did not answer")
        demo["url"] = url
        return url

    def demo_x402() -> str:
        url = demo_start()
        path, title = DEMO_X402_ARTICLE
        account = new_account()
        allowed = [{"network": DEMO_NETWORK, "asset": DEMO_TOKEN, "max_amount_per_payment": "50000"}]
        result = asyncio.run(x402_client_get(url + path, account, allowed_assets=allowed))
        require(result["status"] == 200, f"x402HttpxClient got {result['status']}: {result['body'][:200]}")
        require(title in result["body"] and PAYWALL_TEXT not in result["body"], "the full article is missing")
        receipt = result["receipt"]
        require(receipt is not None, "no PAYMENT-RESPONSE header")
        require(receipt.get("success") is True and receipt.get("network") == DEMO_NETWORK,
                f"PAYMENT-RESPONSE {receipt}")
        require(str(receipt.get("payer", "")).lower() == account.address.lower(), f"receipt payer {receipt.get('payer')}")
        sent = b64json(result["payment_signature"])
        demo["x402"] = {"payer": account.address, "nonce": sent["payload"]["authorization"]["nonce"],
                        "header": result["payment_signature"]}
        return f"payer {account.address}, PAYMENT-RESPONSE tx {receipt.get('transaction', '')[:12]}…"

    def demo_mpp() -> str:
        from mpp.methods.evm import client as evm

        require("url" in demo, "the demo site is not running (the previous check failed)")
        path, title = DEMO_MPP_ARTICLE
        account = new_account()
        method = evm.charge(currency=DEMO_TOKEN, chain_id=31337, decimals=6, authorization=DEMO_DOMAIN,
                            account=account, max_amount="0.05")
        result = asyncio.run(mpp_client_get(demo["url"] + path, method))
        require(result["status"] == 200, f"pympp's client got {result['status']}: {result['body'][:200]}")
        require(title in result["body"] and PAYWALL_TEXT not in result["body"], "the full article is missing")
        receipt = result["receipt"]
        require(receipt is not None, "no Payment-Receipt header")
        require(receipt.get("status") == "success" and receipt.get("method") == "evm", f"Payment-Receipt {receipt}")
        credential = b64json(result["authorization"].removeprefix("Payment ").strip())
        demo["mpp"] = {"payer": account.address, "nonce": credential["payload"]["nonce"],
                       "header": result["authorization"]}
        return f"payer {account.address}, Payment-Receipt reference {receipt.get('reference', '')[:12]}…"

    def demo_replays() -> str:
        require("x402" in demo and "mpp" in demo, "missing credentials (a previous check failed)")
        url = demo["url"]
        s1, _, _ = http_get(url + DEMO_X402_ARTICLE[0], {"PAYMENT-SIGNATURE": demo["x402"]["header"]})
        s2, _, _ = http_get(url + DEMO_MPP_ARTICLE[0], {"Authorization": demo["mpp"]["header"]})
        require(s1 in (402, 403) and s2 in (402, 403), f"replays answered {s1} (x402) and {s2} (Payment)")
        return f"x402 replay {s1}, Payment replay {s2}"

    def demo_earnings() -> str:
        require("x402" in demo and "mpp" in demo, "missing payments (a previous check failed)")
        result = run.run_penny("--dump", "--width", "220", demo["url"] + "/earnings")
        require(result.returncode == 0, f"penny --dump /earnings exited {result.returncode}: {result.stderr.strip()}")
        text = result.stdout
        require("from 2 payments" in text, "the earnings page does not count 2 payments")
        for kind, label in (("x402", "x402 v2"), ("mpp", "Payment scheme")):
            payer, nonce = demo[kind]["payer"], demo[kind]["nonce"]
            require(payer.lower() in text.lower(), f"payer {payer} ({label}) is not on the earnings page")
            require(nonce.lower() in text.lower(), f"nonce {nonce} ({label}) is not on the earnings page")
            require(label in text, f"protocol {label!r} is not on the earnings page")
        for _, title in (DEMO_X402_ARTICLE, DEMO_MPP_ARTICLE):
            require(title in text, f"article {title!r} is not on the earnings page")
        return "x402 v2 and Payment scheme payments listed with payers and nonces"

    try:
        run.check("x402 SDK client (x402HttpxClient) pays the demo site's x402 v2 article", demo_x402)
        run.check("pympp client (evm.charge) pays the demo site's Payment-scheme article", demo_mpp)
        run.check("demo site refuses replays of both SDK credentials", demo_replays)
        run.check("demo site /earnings (penny --dump) lists both SDK payments", demo_earnings)
    finally:
        if "process" in demo:
            run.processes.stop(demo["process"])


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""A Payment-scheme ("MPP") server built on pympp, for interop tests.

`GET /paid` costs 0.01 USDC on Base Sepolia. It is protected with pympp's own
`Mpp(methods=evm.charge(...))` and `@pay(mpp.charge(amount="0.01"))`, so the 402
carries a `WWW-Authenticate: Payment ... method="evm", intent="charge"` challenge
and, like every pympp evm/charge server, an x402 v2 `PAYMENT-REQUIRED` offer for
the same charge.

Settlement is local (`evm.charge(settle=...)`): pympp checks the challenge HMAC,
amount, payee, validity window, challenge-bound nonce and EIP-712 signature itself,
claims the authorization in its replay store, then calls the hook here, which
records the payment and returns a made-up transaction hash. No chain, no network.

Options:
  --offers both      (default) Payment challenge + pympp's x402 offer
  --offers payment   pympp's evm/charge without its x402 face (the method's `x402`
                     intent removed), so only `WWW-Authenticate: Payment` is sent
  --offers x402      pympp's 402 with the `WWW-Authenticate` challenges deleted, so
                     only its x402 offer (with `extensions.mppx`) is left
  --requires-auth    pympp's `Mpp(requires_auth=True)`: challenges say
                     header="Payment-Authorization" and credentials must come there
  --route-binding    pympp's `route_binding` for x402 payers: "required" (pympp's
                     default, only mppx route-bound x402 payloads) or "resource"
                     (standard x402 clients too)

Every request to /paid and every payment decision is one JSON line in the event
log (`--log FILE`, standard error by default), with the raw credential headers.
On start it prints `listening on http://127.0.0.1:PORT` on standard output.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import secrets
import socket
import sys
import threading
import time
from typing import Any

import uvicorn
from eth_utils import keccak
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse

from mpp.methods.evm import BASE_SEPOLIA_USDC
from mpp.methods.evm import server as evm
from mpp.server import Mpp, pay

DEFAULT_PAY_TO = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C"
ARTICLE_MARKER = "Receipts from the MPP reference server"


class EventLog:
    def __init__(self, path: str | None) -> None:
        self._lock = threading.Lock()
        self._stream = open(path, "a", encoding="utf-8") if path else sys.stderr

    def write(self, event: str, **fields: Any) -> None:
        record = {"time": round(time.time(), 3), "event": event, **fields}
        with self._lock:
            self._stream.write(json.dumps(record, sort_keys=True, default=str) + "\n")
            self._stream.flush()


ARTICLE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{ARTICLE_MARKER}</title></head>
<body><main><article>
<h1>{ARTICLE_MARKER}</h1>
<p>This page was sold by pympp, the Python SDK of the Payment HTTP authentication
scheme, for one cent of USDC on Base Sepolia. If you can read this sentence, pympp
accepted your credential.</p>
</article></main></body></html>
"""


def build_app(
    pay_to: str, offers: str, route_binding: str, realm: str, log: EventLog, requires_auth: bool = False
) -> FastAPI:
    settled: list[dict[str, Any]] = []

    def settle_locally(authorization: evm.Authorization) -> str:  # type: ignore[name-defined]
        payload = authorization.payload
        reference = "0x" + keccak(
            text=json.dumps([payload["from"].lower(), payload["nonce"].lower()])
        ).hex()
        via = "x402" if authorization.credential.challenge.id.startswith("x402:") else "payment"
        settled.append({"nonce": payload["nonce"], "reference": reference})
        log.write(
            "accepted",
            via=via,
            payer=payload["from"],
            to=payload["to"],
            value=payload["value"],
            nonce=payload["nonce"],
            valid_before=payload["validBefore"],
            source=authorization.source,
            reference=reference,
        )
        return reference

    method = evm.charge(
        currency=BASE_SEPOLIA_USDC,
        recipient=pay_to,
        settle=settle_locally,
        route_binding=route_binding,
    )
    if offers == "payment":
        method = dataclasses.replace(method, x402=None)
    mpp = Mpp(
        methods=method, realm=realm, secret_key=secrets.token_hex(32), requires_auth=requires_auth
    )

    def failed(payload: Any) -> None:
        error = payload.get("error") if isinstance(payload, dict) else None
        credential = payload.get("credential") if isinstance(payload, dict) else None
        log.write(
            "refused",
            error=type(error).__name__ if error is not None else None,
            message=str(error) if error is not None else None,
            challenge_id=getattr(getattr(credential, "challenge", None), "id", None),
        )

    mpp.on_payment_failed(failed)

    app = FastAPI(title="MPP interop server", docs_url=None, redoc_url=None, openapi_url=None)

    @app.middleware("http")
    async def request_log(request: Request, call_next):
        response = await call_next(request)
        if offers == "x402" and response.status_code == 402:
            # pympp's own 402 with its Payment challenges taken out: only its x402 face.
            del response.headers["www-authenticate"]
        if request.url.path == "/paid":
            log.write(
                "request",
                method=request.method,
                path=request.url.path,
                status=response.status_code,
                user_agent=request.headers.get("user-agent"),
                authorization=request.headers.get("authorization"),
                payment_authorization=request.headers.get("payment-authorization"),
                payment_signature=request.headers.get("payment-signature"),
                offered_payment="www-authenticate" in response.headers,
                offered_x402="payment-required" in response.headers,
                payment_receipt=response.headers.get("payment-receipt"),
                payment_response=response.headers.get("payment-response"),
            )
        return response

    @app.get("/paid")
    @pay(mpp.charge(amount="0.01", description="Premium article"))
    async def paid(request: Request, credential, receipt):
        return HTMLResponse(ARTICLE)

    @app.get("/health")
    async def health() -> JSONResponse:
        return JSONResponse({"ok": True, "offers": offers, "settled": len(settled)})

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--pay-to", default=DEFAULT_PAY_TO)
    parser.add_argument("--offers", choices=("both", "payment", "x402"), default="both")
    parser.add_argument("--route-binding", choices=("required", "resource"), default="required")
    parser.add_argument("--requires-auth", action="store_true",
                        help="pympp's requires_auth: credentials go in Payment-Authorization")
    parser.add_argument("--log", help="event log (JSON lines); standard error by default")
    args = parser.parse_args()

    log = EventLog(args.log)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(128)  # accept (into the backlog) from the moment the URL is printed
    port = sock.getsockname()[1]
    realm = f"{args.host}:{port}"
    app = build_app(args.pay_to, args.offers, args.route_binding, realm, log, args.requires_auth)
    log.write("listening", url=f"http://{args.host}:{port}", offers=args.offers,
              route_binding=args.route_binding, pay_to=args.pay_to)
    print(f"listening on http://{args.host}:{port}", flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


if __name__ == "__main__":
    main()

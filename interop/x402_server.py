#!/usr/bin/env python3
"""An x402 v2 resource server built on the official x402 SDK, for interop tests.

`GET /paid` costs 0.01 USDC on Base Sepolia (eip155:84532, the SDK's default USDC
0x036CbD53842c5426634e7929541eC2318f3dCF7e, EIP-712 domain "USDC" version "2").
The 402 and the paid retry are handled by the SDK's own FastAPI payment middleware
(`x402.http.middleware.fastapi.payment_middleware`) around an `x402ResourceServer`
with the SDK's `ExactEvmServerScheme`.

The facilitator runs in this process and touches no network and no chain: it checks
the EIP-3009 authorization with the SDK's own EIP-712 hashing
(`hash_eip3009_authorization`) and secp256k1 recovery (`verify_eoa_signature`),
checks payee, asset, amount and validity window, keeps the set of used nonces, and
"settles" by recording the nonce and answering a made-up transaction hash.

Every request to /paid and every facilitator decision is written as one JSON line
to the event log (`--log FILE`, standard error when absent), including the raw
PAYMENT-SIGNATURE header, so a checker can replay a credential and see it refused.

Run standalone: `python interop/x402_server.py --port 8402` (0 picks a free port).
On start it prints `listening on http://127.0.0.1:PORT` on standard output.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import sys
import threading
import time
from typing import Any

import uvicorn
from eth_utils import keccak
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse

from x402 import x402ResourceServer
from x402.http.middleware.fastapi import payment_middleware
from x402.http.types import PaymentOption, RouteConfig
from x402.mechanisms.evm.constants import (
    ERR_AUTHORIZATION_VALUE_MISMATCH,
    ERR_INVALID_SIGNATURE,
    ERR_MISSING_EIP712_DOMAIN,
    ERR_NETWORK_MISMATCH,
    ERR_NONCE_ALREADY_USED,
    ERR_RECIPIENT_MISMATCH,
    ERR_UNSUPPORTED_SCHEME,
    ERR_VALID_AFTER_FUTURE,
    ERR_VALID_BEFORE_EXPIRED,
)
from x402.mechanisms.evm.eip712 import hash_eip3009_authorization
from x402.mechanisms.evm.exact import ExactEvmServerScheme
from x402.mechanisms.evm.types import ExactEIP3009Payload
from x402.mechanisms.evm.utils import get_evm_chain_id, hex_to_bytes
from x402.mechanisms.evm.verify import verify_eoa_signature
from x402.schemas import (
    PaymentPayload,
    PaymentRequirements,
    SettleResponse,
    SupportedKind,
    SupportedResponse,
    VerifyResponse,
)

NETWORK = "eip155:84532"
USDC_BASE_SEPOLIA = "0x036CbD53842c5426634e7929541eC2318f3dCF7e"
PRICE_ATOMIC = "10000"  # 0.01 USDC, 6 decimals
DEFAULT_PAY_TO = "0x209693Bc6afc0C5328bA36FaF03C514EF312287C"
FACILITATOR_ADDRESS = "0x000000000000000000000000000000000000fAC1"
ARTICLE_MARKER = "Receipts from the x402 reference server"
ASSET_ERROR = "invalid_exact_evm_asset_mismatch"
ERR_SETTLEMENT_WINDOW = "invalid_exact_evm_payload_authorization_valid_before_too_far"


class EventLog:
    """One JSON object per line, flushed at once (a checker tails it)."""

    def __init__(self, path: str | None) -> None:
        self._lock = threading.Lock()
        self._stream = open(path, "a", encoding="utf-8") if path else sys.stderr

    def write(self, event: str, **fields: Any) -> None:
        record = {"time": round(time.time(), 3), "event": event, **fields}
        with self._lock:
            self._stream.write(json.dumps(record, sort_keys=True) + "\n")
            self._stream.flush()


class LocalFacilitator:
    """An async x402 facilitator client that verifies and settles in this process."""

    def __init__(self, log: EventLog, clock_skew: int = 6) -> None:
        self._log = log
        self._used: set[tuple[str, str, str]] = set()
        self._lock = asyncio.Lock()
        self._skew = clock_skew

    def get_supported(self) -> SupportedResponse:
        return SupportedResponse(
            kinds=[SupportedKind(x402_version=2, scheme="exact", network=NETWORK)],
            extensions=[],
            signers={"eip155:*": [FACILITATOR_ADDRESS]},
        )

    def _check(
        self, payload: PaymentPayload, requirements: PaymentRequirements
    ) -> tuple[str | None, str, str | None, tuple[str, str, str] | None]:
        """(error reason or None, message, payer, nonce key)."""
        if payload.accepted.scheme != "exact" or requirements.scheme != "exact":
            return ERR_UNSUPPORTED_SCHEME, "scheme is not exact", None, None
        if payload.accepted.network != requirements.network or requirements.network != NETWORK:
            return ERR_NETWORK_MISMATCH, "network differs from the offer", None, None
        if not isinstance(payload.payload, dict) or "authorization" not in payload.payload:
            return ERR_INVALID_SIGNATURE, "payload has no EIP-3009 authorization", None, None
        evm = ExactEIP3009Payload.from_dict(payload.payload)
        auth = evm.authorization
        payer = auth.from_address
        try:
            value = int(auth.value)
            valid_after = int(auth.valid_after)
            valid_before = int(auth.valid_before)
            nonce = hex_to_bytes(auth.nonce)
            signature = hex_to_bytes(evm.signature or "")
        except (TypeError, ValueError):
            return ERR_INVALID_SIGNATURE, "malformed authorization fields", payer, None
        if len(nonce) != 32:
            return ERR_INVALID_SIGNATURE, "nonce is not 32 bytes", payer, None
        key = (requirements.asset.lower(), payer.lower(), "0x" + nonce.hex())
        if payload.accepted.asset.lower() != requirements.asset.lower():
            return ASSET_ERROR, "asset differs from the offer", payer, key
        if auth.to.lower() != requirements.pay_to.lower():
            return ERR_RECIPIENT_MISMATCH, f"pays {auth.to}, not {requirements.pay_to}", payer, key
        if str(value) != requirements.amount:
            return (
                ERR_AUTHORIZATION_VALUE_MISMATCH,
                f"value {value} is not the price {requirements.amount}",
                payer,
                key,
            )
        now = int(time.time())
        if valid_after > now:
            return ERR_VALID_AFTER_FUTURE, "validAfter is in the future", payer, key
        if valid_before < now + self._skew:
            return ERR_VALID_BEFORE_EXPIRED, "validBefore has passed", payer, key
        if valid_before > now + requirements.max_timeout_seconds + 60:
            return ERR_SETTLEMENT_WINDOW, "validBefore is beyond maxTimeoutSeconds", payer, key
        extra = requirements.extra or {}
        if not extra.get("name") or not extra.get("version"):
            return ERR_MISSING_EIP712_DOMAIN, "offer has no EIP-712 domain", payer, key
        digest = hash_eip3009_authorization(
            auth,
            get_evm_chain_id(str(requirements.network)),
            requirements.asset,
            extra["name"],
            extra["version"],
        )
        try:
            good = verify_eoa_signature(digest, signature, payer)
        except ValueError as error:
            return ERR_INVALID_SIGNATURE, str(error), payer, key
        if not good:
            return ERR_INVALID_SIGNATURE, "signature does not recover to `from`", payer, key
        if key in self._used:
            return ERR_NONCE_ALREADY_USED, "this authorization was settled already", payer, key
        return None, "ok", payer, key

    async def verify(
        self, payload: PaymentPayload, requirements: PaymentRequirements
    ) -> VerifyResponse:
        reason, message, payer, key = self._check(payload, requirements)
        self._log.write(
            "verify",
            valid=reason is None,
            reason=reason,
            message=message,
            payer=payer,
            nonce=key[2] if key else None,
        )
        if reason is not None:
            return VerifyResponse(
                is_valid=False, invalid_reason=reason, invalid_message=message, payer=payer
            )
        return VerifyResponse(is_valid=True, payer=payer)

    async def settle(
        self, payload: PaymentPayload, requirements: PaymentRequirements
    ) -> SettleResponse:
        async with self._lock:
            reason, message, payer, key = self._check(payload, requirements)
            if reason is None and key is not None:
                self._used.add(key)
        transaction = ""
        if reason is None:
            transaction = "0x" + keccak(text=json.dumps(list(key))).hex()
        self._log.write(
            "accepted" if reason is None else "refused",
            stage="settle",
            reason=reason,
            message=message,
            payer=payer,
            nonce=key[2] if key else None,
            amount=requirements.amount,
            asset=requirements.asset,
            pay_to=requirements.pay_to,
            transaction=transaction or None,
        )
        return SettleResponse(
            success=reason is None,
            error_reason=reason,
            error_message=None if reason is None else message,
            payer=payer,
            transaction=transaction,
            network=requirements.network,
            amount=requirements.amount if reason is None else None,
        )


ARTICLE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{ARTICLE_MARKER}</title></head>
<body><main><article>
<h1>{ARTICLE_MARKER}</h1>
<p>This page was sold by the official x402 Python SDK's FastAPI middleware for one
cent of USDC on Base Sepolia. If you can read this sentence, the SDK accepted your
PAYMENT-SIGNATURE.</p>
</article></main></body></html>
"""


def build_app(pay_to: str, log: EventLog) -> FastAPI:
    app = FastAPI(title="x402 interop server", docs_url=None, redoc_url=None, openapi_url=None)

    server = x402ResourceServer(LocalFacilitator(log))
    server.register(NETWORK, ExactEvmServerScheme())
    routes = {
        "GET /paid": RouteConfig(
            accepts=PaymentOption(
                scheme="exact",
                pay_to=pay_to,
                price={
                    "amount": PRICE_ATOMIC,
                    "asset": USDC_BASE_SEPOLIA,
                    "extra": {"name": "USDC", "version": "2"},
                },
                network=NETWORK,
                max_timeout_seconds=300,
            ),
            description="Receipts from the x402 reference server",
            mime_type="text/html",
        )
    }
    x402_mw = payment_middleware(routes, server)

    @app.middleware("http")
    async def x402_payments(request: Request, call_next):  # the SDK's middleware
        return await x402_mw(request, call_next)

    @app.middleware("http")
    async def request_log(request: Request, call_next):  # outermost: sees the final status
        response = await call_next(request)
        if request.url.path == "/paid":
            log.write(
                "request",
                method=request.method,
                path=request.url.path,
                status=response.status_code,
                user_agent=request.headers.get("user-agent"),
                payment_signature=request.headers.get("payment-signature"),
                x_payment=request.headers.get("x-payment"),
                payment_response=response.headers.get("payment-response"),
            )
        return response

    @app.get("/paid")
    async def paid() -> HTMLResponse:
        return HTMLResponse(ARTICLE)

    @app.get("/health")
    async def health() -> JSONResponse:
        return JSONResponse({"ok": True, "network": NETWORK, "payTo": pay_to})

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--pay-to", default=DEFAULT_PAY_TO)
    parser.add_argument("--log", help="event log (JSON lines); standard error by default")
    args = parser.parse_args()

    log = EventLog(args.log)
    app = build_app(args.pay_to, log)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(128)  # accept (into the backlog) from the moment the URL is printed
    port = sock.getsockname()[1]
    log.write("listening", url=f"http://{args.host}:{port}", pay_to=args.pay_to)
    print(f"listening on http://{args.host}:{port}", flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


if __name__ == "__main__":
    main()

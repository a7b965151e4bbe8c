#!/usr/bin/env python3
"""Tiny client for `vigil serve` (JSON lines over TCP; protocol in docs/server.md). Stdlib only.

    python3 tools/vigil_client.py "Vladimir Vladimirovich PUTIN" --birth-date 1952-10-07
    python3 tools/vigil_client.py --op info
    python3 tools/vigil_client.py --op reload --token "$VIGIL_TOKEN" [--path NEW.vigil]

Prints the server's response line (pretty-printed with --pretty). Exit status: 0 when the response
has "ok": true, 1 when the server answered with an error, 2 when it could not be reached.
"""
import argparse
import json
import os
import socket
import sys


def request(host, port, payload, timeout=30.0):
    """Sends one request object and returns the parsed response object."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(json.dumps(payload, ensure_ascii=False).encode("utf-8") + b"\n")
        with sock.makefile("rb") as reader:
            line = reader.readline()
    if not line:
        raise ConnectionError("the server closed the connection without answering")
    return json.loads(line)


def main(argv=None):
    p = argparse.ArgumentParser(description="Screen a name (or send another op) to a running `vigil serve`.")
    p.add_argument("name", nargs="?", help="the name to screen (op screen)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7300)
    p.add_argument("--op", default="screen", choices=["screen", "info", "health", "reload"])
    p.add_argument("--birth-date", dest="birth_date")
    p.add_argument("--gender")
    p.add_argument("--nationality")
    p.add_argument("--id-number", dest="id_number")
    p.add_argument("--threshold", type=float)
    p.add_argument("--limit", type=int)
    p.add_argument("--path", help="index file for op reload (default: the one the server serves)")
    p.add_argument("--token", default=os.environ.get("VIGIL_TOKEN"), help="shared secret (default: $VIGIL_TOKEN)")
    p.add_argument("--id", default="cli", help="request id echoed in the response")
    p.add_argument("--pretty", action="store_true", help="indent the response")
    args = p.parse_args(argv)

    payload = {"id": args.id, "op": args.op}
    if args.op == "screen":
        if not args.name:
            p.error("a NAME is required for op screen")
        payload["name"] = args.name
        for key in ("birth_date", "gender", "nationality", "id_number", "threshold", "limit"):
            value = getattr(args, key)
            if value is not None:
                payload[key] = value
    if args.op == "reload" and args.path:
        payload["path"] = args.path
    if args.token:
        payload["token"] = args.token

    try:
        response = request(args.host, args.port, payload)
    except (OSError, ValueError) as e:
        print(f"vigil_client: {args.host}:{args.port}: {e}", file=sys.stderr)
        return 2
    print(json.dumps(response, indent=2 if args.pretty else None, ensure_ascii=False))
    return 0 if response.get("ok") is True else 1


if __name__ == "__main__":
    sys.exit(main())

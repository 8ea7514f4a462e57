#!/usr/bin/env python3
"""A local SMTP server for the mail tests.

Writes one JSON object per received message to --out and prints "READY <port>" once listening
(--port 0 picks a free port). --auth USER:PASS requires AUTH; --tls-cert/--tls-key offer
STARTTLS and require it. --mute accepts connections and never answers (timeout tests).
"""
import argparse
import asyncio
import email
import email.policy
import json
import signal
import ssl
import sys

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:
    print("aiosmtpd is missing: run `pip install aiosmtpd`", file=sys.stderr, flush=True)
    sys.exit(3)


class Recorder:
    def __init__(self, out_path):
        self.out_path = out_path

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.content.decode("utf-8", errors="replace")
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
            "raw": raw,
            "subject": str(parsed["Subject"]),
            "body": parsed.get_content(),
            "headers": {key: str(value) for key, value in parsed.items()},
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
        }
        with open(self.out_path, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
        return "250 OK"


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == user
            and auth_data.password.decode() == password
        )
        return AuthResult(success=ok, handled=False)
    return authenticate


async def mute_connection(reader, writer):
    await reader.read()  # never answers; returns when the client gives up
    writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--auth")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--mute", action="store_true")
    args = parser.parse_args()

    loop = asyncio.get_running_loop()
    if args.mute:
        server = await asyncio.start_server(mute_connection, "127.0.0.1", args.port)
    else:
        options = {"hostname": "localhost", "auth_require_tls": False}
        if args.tls_cert:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(args.tls_cert, args.tls_key)
            options.update(tls_context=context, require_starttls=True, auth_require_tls=True)
        if args.auth:
            user, password = args.auth.split(":", 1)
            options.update(authenticator=make_authenticator(user, password), auth_required=True)
        recorder = Recorder(args.out)
        server = await loop.create_server(lambda: SMTP(recorder, **options), "127.0.0.1", args.port)

    port = server.sockets[0].getsockname()[1]
    print(f"READY {port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    # A child of the test process inherits its blocked signals; unblock them so SIGTERM stops the sink.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, signal.valid_signals())
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass

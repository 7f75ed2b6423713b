#!/usr/bin/env python3
"""A real SMTP submission server (aiosmtpd) for the SMTPClient tests.

    smtp_server.py certs DIR
        Makes throwaway certificates with openssl in DIR: ca.pem (the CA the tests trust), server.pem and
        server.key (signed by it, SAN localhost and 127.0.0.1), rogue-ca.pem and rogue.pem/rogue.key (a
        chain nobody trusts), wronghost.pem/wronghost.key (trusted CA, but only for other.example).

    smtp_server.py serve DIR [options]
        Listens on a free loopback port, writes it to DIR/port, and saves every accepted message as
        DIR/msg-N.eml (the bytes after dot-unstuffing) with DIR/msg-N.json (envelope plus the message as
        Python's email package parses it). Every AUTH command is recorded in DIR/auth.jsonl with whether
        TLS was active, so a test can prove credentials never went out in plain text.

Needs `pip install aiosmtpd` (which pulls in atpublic).
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import ssl
import subprocess
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def make_ca(directory, name):
    key, cert = os.path.join(directory, f"{name}.key"), os.path.join(directory, f"{name}.pem")
    run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
        "-subj", f"/CN=Switchboard test {name}", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    return key, cert


def make_leaf(directory, name, ca_key, ca_cert, san):
    key, csr, cert = (os.path.join(directory, f"{name}.{ext}") for ext in ("key", "csr", "pem"))
    ext = os.path.join(directory, f"{name}.ext")
    with open(ext, "w") as f:
        f.write(f"subjectAltName={san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                "extendedKeyUsage=serverAuth\n")
    run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", csr, "-subj", f"/CN={name}")
    run("openssl", "x509", "-req", "-in", csr, "-CA", ca_cert, "-CAkey", ca_key, "-CAcreateserial", "-out", cert,
        "-days", "2", "-extfile", ext)


def make_certs(directory):
    os.makedirs(directory, exist_ok=True)
    ca_key, ca_cert = make_ca(directory, "ca")
    make_leaf(directory, "server", ca_key, ca_cert, "DNS:localhost,IP:127.0.0.1")
    make_leaf(directory, "wronghost", ca_key, ca_cert, "DNS:other.example")
    rogue_key, rogue_cert = make_ca(directory, "rogue-ca")
    make_leaf(directory, "rogue", rogue_key, rogue_cert, "DNS:localhost,IP:127.0.0.1")


class RecordingSMTP(SMTP):
    """aiosmtpd's server, recording every AUTH command before it is handled."""

    def __init__(self, handler, implicit_tls, record_path, **kwargs):
        super().__init__(handler, **kwargs)
        self._implicit_tls = implicit_tls
        self._record_path = record_path

    async def smtp_AUTH(self, arg):
        with open(self._record_path, "a") as f:
            f.write(json.dumps({"mechanism": (arg or "").split(" ")[0].upper(),
                                "tls": bool(self._implicit_tls or self._tls_protocol)}) + "\n")
        await super().smtp_AUTH(arg)


class Handler:
    def __init__(self, options):
        self.options = options
        self.data_count = 0
        self.saved = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.options.no_8bitmime:
            responses = [r for r in responses if "8BITMIME" not in r]
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.options.reject_rcpt:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server, session, envelope):
        self.data_count += 1
        if self.options.tempfail_once and self.data_count == 1:
            return "451 4.3.0 Temporary local problem, please try again"
        if self.options.reject_data:
            return "550 5.7.1 Message content rejected: spam score too high"
        self.save(envelope)
        if self.options.drop_after_dot:
            # The message is in, but the client never hears so: the case the exactly-once rule is about.
            server.transport.abort()
            await asyncio.sleep(3600)
        return f"250 2.0.0 Ok: queued as TEST{self.saved}"

    def save(self, envelope):
        self.saved += 1
        base = os.path.join(self.options.dir, f"msg-{self.saved}")
        content = envelope.original_content or envelope.content
        message = email.message_from_bytes(content, policy=email.policy.default)
        body = message.get_content() if not message.is_multipart() else None

        def addresses(name):
            header = message[name]
            if header is None:
                return []
            return [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses]

        lines = content.split(b"\r\n")
        summary = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
            "subject": str(message["Subject"]) if message["Subject"] is not None else None,
            "from": addresses("From"),
            "to": addresses("To"),
            "message_id": str(message["Message-ID"]) if message["Message-ID"] else None,
            "in_reply_to": str(message["In-Reply-To"]) if message["In-Reply-To"] else None,
            "references": str(message["References"]) if message["References"] else None,
            "auto_submitted": str(message["Auto-Submitted"]) if message["Auto-Submitted"] else None,
            "date": str(message["Date"]) if message["Date"] else None,
            "date_valid": message["Date"] is not None and message["Date"].datetime is not None,
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "transfer_encoding": message.get("Content-Transfer-Encoding"),
            "body": body,
            "defects": [type(d).__name__ for part in message.walk() for d in part.defects]
            + [type(d).__name__ for name in message.keys() for d in getattr(message[name], "defects", ())],
            "longest_line": max((len(line) for line in lines), default=0),
            "bare_lf": b"\n" in content.replace(b"\r\n", b""),
        }
        with open(base + ".eml", "wb") as f:
            f.write(content)
        with open(base + ".json.tmp", "w") as f:
            json.dump(undo_surrogates(summary), f, ensure_ascii=False)
        os.rename(base + ".json.tmp", base + ".json")


def undo_surrogates(value):
    """The email package reads raw UTF-8 header bytes (SMTPUTF8) as surrogate escapes; turn them back."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if isinstance(value, list):
        return [undo_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {k: undo_surrogates(v) for k, v in value.items()}
    return value


def authenticator_for(options):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == options.user and auth_data.password.decode() == options.password)
        return AuthResult(success=ok, handled=False)
    return authenticate


async def serve(options):
    context = None
    if options.tls != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(options.cert, options.key)
    implicit = options.tls == "implicit"
    handler = Handler(options)
    record_path = os.path.join(options.dir, "auth.jsonl")
    excluded = [m for m in ("PLAIN", "LOGIN") if m not in options.auth_mechanisms.split(",")]

    def factory():
        return RecordingSMTP(
            handler, implicit, record_path,
            hostname="smtp.test",
            tls_context=context if options.tls == "starttls" else None,
            require_starttls=options.tls == "starttls",
            authenticator=authenticator_for(options) if options.user else None,
            auth_required=bool(options.user),
            # Implicit TLS is invisible to aiosmtpd's STARTTLS bookkeeping; --auth-in-clear baits a client
            # into sending credentials without TLS, which it must not do.
            auth_require_tls=not (implicit or options.auth_in_clear),
            auth_exclude_mechanism=excluded,
            enable_SMTPUTF8=options.smtputf8,
            data_size_limit=options.size_limit,
        )

    loop = asyncio.get_running_loop()
    server = await loop.create_server(factory, "127.0.0.1", 0, ssl=context if implicit else None)
    port = server.sockets[0].getsockname()[1]
    with open(os.path.join(options.dir, "port.tmp"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(options.dir, "port.tmp"), os.path.join(options.dir, "port"))
    async with server:
        await server.serve_forever()


def main():
    # A child of the Swift test runner inherits a signal mask with SIGTERM blocked; without this the
    # server would ignore Process.terminate().
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    certs = sub.add_parser("certs")
    certs.add_argument("dir")
    s = sub.add_parser("serve")
    s.add_argument("dir")
    s.add_argument("--tls", choices=["starttls", "implicit", "none"], default="starttls")
    s.add_argument("--cert")
    s.add_argument("--key")
    s.add_argument("--user")
    s.add_argument("--password")
    s.add_argument("--auth-mechanisms", default="PLAIN,LOGIN")
    s.add_argument("--auth-in-clear", action="store_true")
    s.add_argument("--no-8bitmime", action="store_true")
    s.add_argument("--smtputf8", action="store_true")
    s.add_argument("--size-limit", type=int, default=33554432)
    s.add_argument("--tempfail-once", action="store_true")
    s.add_argument("--reject-data", action="store_true")
    s.add_argument("--reject-rcpt", action="store_true")
    s.add_argument("--drop-after-dot", action="store_true")
    options = parser.parse_args()
    if options.command == "certs":
        make_certs(options.dir)
    else:
        asyncio.run(serve(options))


if __name__ == "__main__":
    sys.exit(main())

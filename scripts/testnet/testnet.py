#!/usr/bin/env python3
"""A throwaway IRC network for tests and the demo: InspIRCd 3 + Atheme 7 over TLS, or ngIRCd.

Every network lives in its own folder, on free loopback ports, with a fresh CA, a server certificate
for irc.test/localhost/127.0.0.1, a second listener whose certificate names the wrong host, a third
with a self-signed certificate for another name (its SHA-256 is in testnet.json, for pinning), and
services accounts registered through NickServ exactly as a person would register them. The folder's
testnet.json tells clients where everything is.

    testnet.py start DIR [--account NAME:PASSWORD[:cert]]...   start both servers, register accounts
              [--sts-duration SECONDS]                       also advertise an IRCv3 STS policy (TLS port)
    testnet.py stop DIR                                      stop everything started in DIR
    testnet.py stop-ircd DIR | start-ircd DIR                kill or restart InspIRCd alone
    testnet.py stop-services DIR | start-services DIR        kill or restart Atheme alone
    testnet.py start-ngircd DIR                              a plain ngIRCd (no CAP, tags or SASL)
"""
import argparse
import base64
import hashlib
import json
import re
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
APT_PACKAGES = ["inspircd", "atheme-services", "ngircd", "openssl"]


def log(message):
    print(f"testnet: {message}", file=sys.stderr, flush=True)


def ensure_installed(binaries):
    missing = [b for b in binaries if shutil.which(b) is None and not os.path.exists(f"/usr/sbin/{b}")]
    if not missing:
        return
    log(f"installing {' '.join(APT_PACKAGES)} (missing: {' '.join(missing)})")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *APT_PACKAGES], check=True, env=env,
                   stdout=subprocess.DEVNULL)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def openssl(*args):
    subprocess.run(["openssl", *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_certificates(d):
    """A private CA signs the server certificates, so clients pin trust to ca.pem like a real deployment."""
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{d}/ca-key.pem", "-out", f"{d}/ca.pem",
            "-days", "30", "-subj", "/CN=Switchboard Test CA")
    for name, sans in (("", "DNS:irc.test,DNS:localhost,IP:127.0.0.1"), ("wrong-", "DNS:wrong.example")):
        cn = "irc.test" if not name else "wrong.example"
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{d}/{name}key.pem", "-out", f"{d}/{name}req.pem",
                "-subj", f"/CN={cn}")
        with open(f"{d}/{name}ext.cnf", "w") as f:
            f.write(f"subjectAltName={sans}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
        openssl("x509", "-req", "-in", f"{d}/{name}req.pem", "-CA", f"{d}/ca.pem", "-CAkey", f"{d}/ca-key.pem",
                "-CAcreateserial", "-out", f"{d}/{name}cert.pem", "-days", "30", "-extfile", f"{d}/{name}ext.cnf")
        os.chmod(f"{d}/{name}key.pem", 0o644)
    # A self-signed certificate for a name the clients never use: only a pin of its SHA-256 makes it acceptable.
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{d}/selfsigned-key.pem",
            "-out", f"{d}/selfsigned-cert.pem", "-days", "30", "-subj", "/CN=pinned.example",
            "-addext", "subjectAltName=DNS:pinned.example")
    os.chmod(f"{d}/selfsigned-key.pem", 0o644)
    der = subprocess.run(["openssl", "x509", "-in", f"{d}/selfsigned-cert.pem", "-outform", "DER"],
                         check=True, capture_output=True).stdout
    return hashlib.sha256(der).hexdigest()


def make_client_certificate(d, account):
    """A self-signed client certificate; its SHA-256 fingerprint is what NickServ CERT ADD registers."""
    path = f"{d}/client-{account}.pem"
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{d}/client-{account}-key.pem",
            "-out", f"{d}/client-{account}-cert.pem", "-days", "30", "-subj", f"/CN={account}")
    with open(path, "w") as out:
        for part in ("cert", "key"):
            with open(f"{d}/client-{account}-{part}.pem") as f:
                out.write(f.read())
    der = subprocess.run(["openssl", "x509", "-in", f"{d}/client-{account}-cert.pem", "-outform", "DER"],
                         check=True, capture_output=True).stdout
    return path, hashlib.sha256(der).hexdigest()


def render(template, target, values):
    with open(os.path.join(HERE, template)) as f:
        text = f.read()
    for key, value in values.items():
        text = text.replace(f"@{key}@", str(value))
    with open(target, "w") as f:
        f.write(text)


def load(d):
    with open(f"{d}/testnet.json") as f:
        return json.load(f)


def save(d, net):
    with open(f"{d}/testnet.json", "w") as f:
        json.dump(net, f, indent=2)


def spawn(d, name, argv):
    out = open(f"{d}/{name}.out", "ab")
    # A parent that blocks signals (a Swift test runner does) passes its mask on: Atheme would then never
    # see SIGTERM, be SIGKILLed, and lose the accounts it has not yet written to its database.
    proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True, cwd=d,
                            preexec_fn=lambda: signal.pthread_sigmask(signal.SIG_SETMASK, []))
    with open(f"{d}/{name}.spawned", "w") as f:
        f.write(str(proc.pid))
    return proc


def wait_for(predicate, timeout, what):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise SystemExit(f"testnet: timed out after {timeout}s waiting for {what}")


def port_open(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def services_linked(d):
    """True once NickServ answers WHOIS: the services link is up and synched."""
    net = load(d)
    try:
        with socket.create_connection(("127.0.0.1", net["plain_port"]), timeout=5) as s:
            s.sendall(f"NICK probe{secrets.token_hex(3)}\r\nUSER probe 0 * :probe\r\n".encode())
            data, asked = b"", False
            while b" 318 " not in data:
                chunk = s.recv(4096)
                if not chunk:
                    return False
                data += chunk
                if not asked and b" 001 " in data:
                    s.sendall(b"WHOIS NickServ\r\n")
                    asked = True
            s.sendall(b"QUIT\r\n")
            return re.search(rb" 311 \S+ NickServ ", data) is not None
    except OSError:
        return False


def start_ircd(d):
    net = load(d)
    spawn(d, "inspircd", ["inspircd", "--config", f"{d}/inspircd.conf", "--nofork", "--runasroot"])
    wait_for(lambda: port_open(net["tls_port"]), 20, "InspIRCd's TLS port")


def start_services(d):
    spawn(d, "atheme", ["atheme-services", "-n", "-c", f"{d}/atheme.conf", "-D", f"{d}/adb",
                        "-l", f"{d}/atheme.log", "-p", f"{d}/atheme.pid"])


def running(d, name):
    """Whether the process this folder started under `name` is still alive."""
    try:
        os.kill(int(open(f"{d}/{name}.spawned").read().strip()), 0)
        return True
    except (OSError, ValueError):
        return False


def stop_named(d, name, pidfile=None):
    pids = set()
    for path in (f"{d}/{name}.spawned", pidfile):
        if path and os.path.exists(path):
            try:
                pids.add(int(open(path).read().strip()))
            except ValueError:
                pass
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
        for _ in range(50):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    # The pidfile goes too: Atheme refuses to start while its pidfile names a live pid, and after a kill
    # that pid can soon belong to someone else (even a thread of the test runner).
    for path in (f"{d}/{name}.spawned", pidfile):
        if path and os.path.exists(path):
            os.remove(path)


class Line:
    """Just enough of a client to register an account: read lines until one matches."""

    def __init__(self, net, nick):
        raw = socket.create_connection(("127.0.0.1", net["tls_port"]), timeout=10)
        ctx = ssl.create_default_context(cafile=net["ca_file"])
        self.sock = ctx.wrap_socket(raw, server_hostname="irc.test")
        self.buffer = b""
        self.send(f"NICK {nick}", f"USER {nick} 0 * :{nick}")
        self.expect(" 001 ")

    def send(self, *lines):
        self.sock.sendall("".join(f"{line}\r\n" for line in lines).encode())

    def expect(self, needle, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            while b"\r\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\r\n", 1)
                text = line.decode(errors="replace")
                if text.startswith("PING "):
                    self.send("PONG " + text[5:])
                if needle in text:
                    return text
            chunk = self.sock.recv(4096)
            if not chunk:
                raise SystemExit(f"testnet: connection closed while waiting for {needle!r}")
            self.buffer += chunk
        raise SystemExit(f"testnet: timed out waiting for {needle!r}")

    def close(self):
        try:
            self.send("QUIT :registered")
            self.sock.close()
        except OSError:
            pass


def register(net, account, password, fingerprint, errors):
    try:
        line = Line(net, account)
        line.send(f"PRIVMSG NickServ :REGISTER {password} {account}@example.test")
        line.expect("registered")
        if fingerprint:
            line.send(f"PRIVMSG NickServ :CERT ADD {fingerprint}")
            line.expect("fingerprint")
        line.close()
    except BaseException as error:  # noqa: BLE001 - reported by the caller
        errors.append(f"{account}: {error}")


def parse_account(spec):
    parts = spec.split(":")
    if len(parts) < 2:
        raise SystemExit(f"testnet: --account wants NAME:PASSWORD[:cert], got {spec!r}")
    return parts[0], parts[1], len(parts) > 2 and parts[2] == "cert"


def sts_block(duration, tls_port):
    """InspIRCd's STS policy: `port=` over plaintext, `duration=` over TLS to clients whose SNI is localhost."""
    if duration is None:
        return ""
    if duration < 60:
        raise SystemExit("testnet: --sts-duration must be at least 60 (InspIRCd's minimum)")
    return (f'<module name="ircv3_sts">\n'
            f'<sts host="localhost" port="{tls_port}" duration="{duration}" preload="no">\n')


def cmd_start(args):
    ensure_installed(["inspircd", "atheme-services", "openssl"])
    d = os.path.abspath(args.dir)
    os.makedirs(f"{d}/adb", exist_ok=True)
    self_signed_fingerprint = make_certificates(d)
    net = {
        "dir": d, "host": "localhost", "server_name": "irc.test",
        "tls_port": free_port(), "plain_port": free_port(), "wrong_host_port": free_port(), "link_port": free_port(),
        "self_signed_port": free_port(), "self_signed_fingerprint": self_signed_fingerprint,
        "ca_file": f"{d}/ca.pem", "oper": {"name": "testoper", "password": secrets.token_hex(8)}, "accounts": {},
    }
    values = {"DIR": d, "TLS_PORT": net["tls_port"], "PLAIN_PORT": net["plain_port"],
              "WRONG_PORT": net["wrong_host_port"], "LINK_PORT": net["link_port"],
              "SELF_SIGNED_PORT": net["self_signed_port"], "STS": sts_block(args.sts_duration, net["tls_port"]),
              "LINK_PASS": secrets.token_hex(8), "OPER_PASS": net["oper"]["password"]}
    render("inspircd.conf.in", f"{d}/inspircd.conf", values)
    render("atheme.conf.in", f"{d}/atheme.conf", values)
    save(d, net)
    start_ircd(d)
    start_services(d)
    wait_for(lambda: services_linked(d), 30, "Atheme to link")
    accounts = [parse_account(spec) for spec in args.account]
    errors, threads = [], []
    for account, password, wants_cert in accounts:
        entry = {"password": password}
        fingerprint = None
        if wants_cert:
            entry["client_cert"], fingerprint = make_client_certificate(d, account)
            entry["fingerprint"] = fingerprint
        net["accounts"][account] = entry
        thread = threading.Thread(target=register, args=(net, account, password, fingerprint, errors))
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit("testnet: account registration failed: " + "; ".join(errors))
    save(d, net)
    log(f"up in {d}: TLS localhost:{net['tls_port']}, plaintext {net['plain_port']}, "
        f"{len(accounts)} accounts")
    print(f"{d}/testnet.json")


def cmd_start_ngircd(args):
    ensure_installed(["ngircd"])
    d = os.path.abspath(args.dir)
    os.makedirs(d, exist_ok=True)
    port = free_port()
    render("ngircd.conf.in", f"{d}/ngircd.conf", {"DIR": d, "NGIRCD_PORT": port})
    spawn(d, "ngircd", ["ngircd", "--nodaemon", "--config", f"{d}/ngircd.conf"])
    wait_for(lambda: port_open(port), 20, "ngIRCd's port")
    save(d, {"dir": d, "host": "127.0.0.1", "plain_port": port, "accounts": {}})
    print(f"{d}/testnet.json")


def cmd_stop(args):
    d = os.path.abspath(args.dir)
    stop_named(d, "atheme", f"{d}/atheme.pid")
    stop_named(d, "inspircd", f"{d}/inspircd.pid")
    stop_named(d, "ngircd", f"{d}/ngircd.pid")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    start = sub.add_parser("start")
    start.add_argument("dir")
    start.add_argument("--account", action="append", default=[], help="NAME:PASSWORD, or NAME:PASSWORD:cert")
    start.add_argument("--sts-duration", type=int, default=None, help="advertise STS with this duration (seconds)")
    for name in ("stop", "stop-ircd", "start-ircd", "stop-services", "start-services", "start-ngircd"):
        sub.add_parser(name).add_argument("dir")
    args = parser.parse_args()
    d = os.path.abspath(args.dir)
    if args.command == "start":
        cmd_start(args)
    elif args.command == "start-ngircd":
        cmd_start_ngircd(args)
    elif args.command == "stop":
        cmd_stop(args)
    elif args.command == "stop-ircd":
        stop_named(d, "inspircd", f"{d}/inspircd.pid")
    elif args.command == "start-ircd":
        start_ircd(d)
        if running(d, "atheme"):
            wait_for(lambda: services_linked(d), 30, "Atheme to relink")
    elif args.command == "stop-services":
        stop_named(d, "atheme", f"{d}/atheme.pid")
    elif args.command == "start-services":
        start_services(d)
        wait_for(lambda: services_linked(d), 30, "Atheme to relink")


if __name__ == "__main__":
    main()

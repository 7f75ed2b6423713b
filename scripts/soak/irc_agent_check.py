#!/usr/bin/env python3
"""A scripted IRC agent for the fresh-clone demo check in `make soak`.

    irc_agent_check.py STATE_DIR

Reads the demo's network (STATE_DIR/net/testnet.json) and environment (STATE_DIR/env), connects over
verified TLS, logs in with SASL PLAIN as the demo agent `founder`, joins the demo channels, and checks
what a person would: ticket cards arrive, `!queue` answers, and a claim is confirmed. Exits 0 when all
hold, 1 with the reason otherwise. Standard library only.
"""
import base64
import json
import os
import re
import socket
import ssl
import sys
import time


def load_env(path):
    env = {}
    for line in open(path):
        match = re.match(r"export (\w+)=(.*)", line.strip())
        if match:
            env[match.group(1)] = match.group(2).strip("'\"")
    return env


class Client:
    def __init__(self, host, port, ca_file):
        context = ssl.create_default_context(cafile=ca_file)
        self.sock = context.wrap_socket(socket.create_connection((host, port), timeout=30), server_hostname=host)
        self.buffer = b""
        self.lines = []

    def send(self, line):
        self.sock.sendall(line.encode() + b"\r\n")

    def read_until(self, predicate, timeout, what):
        deadline = time.time() + timeout
        while time.time() < deadline:
            while b"\r\n" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\r\n", 1)
                line = raw.decode("utf-8", "replace")
                if line.startswith("PING"):
                    self.send("PONG" + line[4:])
                    continue
                self.lines.append(line)
                if predicate(line):
                    return line
            self.sock.settimeout(max(0.1, deadline - time.time()))
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                break
            if not data:
                raise SystemExit(f"FAIL: the server closed the connection while waiting for {what}")
            self.buffer += data
        raise SystemExit(f"FAIL: timed out waiting for {what}; last lines:\n  " + "\n  ".join(self.lines[-10:]))


def log_in(client, nick, account, password, channels):
    """Registers over SASL PLAIN as `account` and joins `channels` (comma-separated)."""
    client.send("CAP REQ :sasl message-tags")
    client.send(f"NICK {nick}")
    client.send(f"USER {nick} 0 * :soak check")
    client.read_until(lambda l: " ACK " in l, 20, "CAP ACK")
    client.send("AUTHENTICATE PLAIN")
    client.read_until(lambda l: l.startswith("AUTHENTICATE") and l.split(" ", 1)[1].lstrip(":") == "+", 20, "AUTHENTICATE +")
    token = base64.b64encode(f"{account}\0{account}\0{password}".encode()).decode()
    client.send(f"AUTHENTICATE {token}")
    client.read_until(lambda l: " 903 " in l, 20, "SASL success (903)")
    client.send("CAP END")
    client.read_until(lambda l: " 001 " in l, 20, "registration (001)")
    client.send(f"JOIN {channels}")


def main():
    state = sys.argv[1]
    net = json.load(open(os.path.join(state, "net", "testnet.json")))
    env = load_env(os.path.join(state, "env"))
    client = Client("localhost", net["tls_port"], net["ca_file"])
    log_in(client, "soakfounder", "founder", env["FOUNDER_PASSWORD"], "#support,#finance,#eng,#churn")
    client.read_until(lambda l: " 366 " in l and "#churn" in l, 20, "joins")
    client.send("PRIVMSG #support :!queue")
    queue = client.read_until(lambda l: "PRIVMSG #support :soakfounder: #" in l or "PRIVMSG #support :#" in l, 60, "the queue listing")
    number = re.search(r"#(\d+)", queue.split(" :", 1)[1]).group(1)
    client.send(f"PRIVMSG #support :!claim {number}")
    client.read_until(lambda l: f"founder claimed #{number}" in l, 30, f"the claim of #{number}")
    client.send("QUIT :soak check done")
    print(f"ok: queue listed tickets, claimed #{number} as founder")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""`make soak`, part 2: SIGKILL `switchboard serve` again and again under mixed load, and check after
every restart that nothing was lost, duplicated or sent twice.

    crash_soak.py STATE_DIR SWITCHBOARD_BIN CONFIG      (SOAK_KILLS, default 20)

STATE_DIR is a running demo (scripts/demo/demo.sh --detach): its IRC network, provider stub and
environment. This script takes `serve` over and runs, concurrently:
  - webhook senders: Twilio-signed and Meta-signed WhatsApp messages with fixed ids, retried until
    answered 200 as the providers retry, and now and then re-delivered after a 200;
  - an IRC agent (TLS + SASL as the admin `founder`) claiming, replying (`!send`, to the provider stub)
    and closing tickets that the database shows open;
  - the outbox worker inside `serve`, sending to the provider stub.
It kills `serve` with SIGKILL at a random moment, restarts it, waits for /healthz, and checks:
  1. every inbound message answered 200 is stored exactly once (by provider id);
  2. the provider stub never received a text more often than the database holds it as outbound, and
     every outbound row marked sent reached the stub;
  3. every ticket's state is where its event log's chain of transitions ends.
At the end the load stops, the outbox drains, and the checks run once more. Exits 1 on any violation.
"""
import collections
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "demo"))

from irc_agent_check import Client, load_env, log_in  # noqa: E402

RUN = f"{random.getrandbits(32):08x}"  # provider ids are fresh on every run against the same database
STATES = {"new", "open", "claimed", "awaiting_customer", "closed"}
BODIES = [
    "I was charged twice for my subscription this month, please refund",
    "The app crashes when I open the invoices page",
    "How do I add a new user to our account?",
    "We are thinking of cancelling, the service has been unreliable",
    "Can you add export to Excel please?",
    "My payment failed but the money left my bank",
]


def log(text):
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


class Serve:
    """The `serve` process under test: started, SIGKILLed and restarted by the soak."""

    def __init__(self, binary, config, state):
        self.binary, self.config = binary, config
        self.log_path = os.path.join(state, "crash-serve.log")
        self.process = None

    def start(self):
        self.process = subprocess.Popen([self.binary, "serve", "--config", self.config], stdin=subprocess.DEVNULL,
                                        stdout=open(self.log_path, "ab"), stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout=180):
        started = time.time()
        url = f"http://127.0.0.1:{os.environ['DEMO_HTTP_PORT']}/healthz"
        while time.time() - started < timeout:
            if self.process.poll() is not None:
                raise SystemExit(f"FAIL: serve exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return time.time() - started
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        raise SystemExit(f"FAIL: serve not healthy after {timeout} s; see {self.log_path}")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def terminate(self):
        self.process.terminate()
        return self.process.wait(timeout=60)


class Inbound:
    """Webhook senders that behave like Twilio and Meta: the same id until answered 200."""

    def __init__(self, feed, stop):
        self.feed, self.stop = feed, stop
        self.lock = threading.Lock()
        self.next_index = 0
        self.acked = {}            # provider id -> index
        self.requests = {}         # provider id -> (via, message)
        self.retries = 0           # deliveries that failed (serve down or 503) and were retried
        self.redeliveries = 0      # deliveries repeated after a 200
        self.errors = []

    def run(self):
        while not self.stop.is_set():
            with self.lock:
                index = self.next_index
                self.next_index += 1
            via = "meta" if index % 4 == 3 else "twilio"
            phone = f"+97150{index % 40:07d}"
            message = {"from": phone, "body": f"{BODIES[index % len(BODIES)]} (soak {index})", "profile": f"Soak {index % 40}"}
            provider_id = f"SMsoak{RUN}{index:07d}" if via == "twilio" else f"wamid.soak{RUN}{index:07d}"
            self.deliver(via, message, provider_id)
            with self.lock:
                self.acked[provider_id] = index
                self.requests[provider_id] = (via, message)
                again = random.random() < 0.08 and len(self.requests) > 1
                if again:
                    old_id = random.choice(list(self.requests))
                    old_via, old_message = self.requests[old_id]
            if again:
                self.deliver(old_via, old_message, old_id)
                with self.lock:
                    self.redeliveries += 1
            time.sleep(random.uniform(0.1, 0.35))

    def deliver(self, via, message, provider_id):
        """Retries until 200, like the providers; refusals other than 503 are violations."""
        while True:
            try:
                status = self.feed.twilio(message, sid=provider_id) if via == "twilio" else self.feed.meta(message, wamid=provider_id)
                if status == 200:
                    return
            except urllib.error.HTTPError as error:
                if error.code != 503:
                    self.errors.append(f"{provider_id}: HTTP {error.code}")
                    return
            except (urllib.error.URLError, OSError):
                pass
            with self.lock:
                self.retries += 1
            time.sleep(0.3)


class Agent:
    """An IRC agent acting on open tickets; commands sent while the bot is down are simply lost."""

    def __init__(self, state, env, database, stop):
        net = json.load(open(os.path.join(state, "net", "testnet.json")))
        self.client = Client("localhost", net["tls_port"], net["ca_file"])
        self.env, self.database, self.stop = env, database, stop
        self.commands = collections.Counter()

    def drain(self, seconds):
        """Reads what arrived, answering PING so the server keeps us."""
        c = self.client
        c.sock.settimeout(seconds)
        try:
            data = c.sock.recv(65536)
        except OSError:
            return
        c.buffer += data
        while b"\r\n" in c.buffer:
            raw, c.buffer = c.buffer.split(b"\r\n", 1)
            line = raw.decode("utf-8", "replace")
            if line.startswith("PING"):
                c.send("PONG" + line[4:])

    def run(self):
        log_in(self.client, "crashsoak", "founder", self.env["FOUNDER_PASSWORD"], "#support,#finance,#eng,#churn")
        while not self.stop.is_set():
            self.drain(random.uniform(0.6, 1.4))
            try:
                with sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=5) as db:
                    rows = db.execute("SELECT id, route_channel, state FROM tickets WHERE state != 'closed' "
                                      "AND route_channel IS NOT NULL ORDER BY random() LIMIT 1").fetchall()
            except sqlite3.Error:
                continue
            if not rows:
                continue
            ticket, channel, state = rows[0]
            action = random.choices(["claim", "send", "close"], weights=[3, 4, 2])[0]
            if action == "claim":
                text = f"!claim {ticket}"
            elif action == "send":
                text = (f"!send {ticket} Your refund of AED {random.randint(10, 900)} was issued today and reaches "
                        f"your card within 5 working days (ref {random.getrandbits(48):012x}).")
            else:
                text = f"!close {ticket} soak resolution {random.getrandbits(32):08x}"
            self.client.send(f"PRIVMSG {channel} :{text}")
            self.commands[action] += 1
        self.client.send("QUIT :soak done")


class Checker:
    """The three invariants, read from the database (read-only) and the provider stub's request log."""

    def __init__(self, database, stub_log):
        self.database, self.stub_log = database, stub_log

    def stub_texts(self):
        counts = collections.Counter()
        if not os.path.exists(self.stub_log):
            return counts
        for line in open(self.stub_log, encoding="utf-8"):
            if not line.strip():
                continue
            record = json.loads(line)
            if "form" in record:
                counts[record["form"].get("Body", "")] += 1
            elif "json" in record:
                counts[(record["json"].get("text") or {}).get("body", "")] += 1
        return counts

    def check(self, acked, final=False):
        problems = []
        with sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=10) as db:
            stored = collections.Counter(dict(db.execute(
                "SELECT provider_id, COUNT(*) FROM messages WHERE direction = 'in' AND provider_id IS NOT NULL GROUP BY provider_id")))
            missing = [pid for pid in acked if stored[pid] == 0]
            doubled = [pid for pid, count in stored.items() if count > 1]
            if missing:
                problems.append(f"{len(missing)} message(s) answered 200 are not stored, e.g. {missing[:3]}")
            if doubled:
                problems.append(f"{len(doubled)} inbound message(s) stored twice, e.g. {doubled[:3]}")

            outbound = collections.Counter(text for (text,) in db.execute("SELECT text FROM messages WHERE direction = 'out'"))
            sent_texts = [text for (text,) in db.execute(
                "SELECT m.text FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.state = 'sent'")]
            stub = self.stub_texts()
            over = [(text[:60], count, outbound[text]) for text, count in stub.items() if count > outbound[text]]
            if over:
                problems.append(f"{len(over)} text(s) reached the provider more often than queued, e.g. {over[:3]}")
            never = [text[:60] for text in sent_texts if stub[text] == 0]
            if never:
                problems.append(f"{len(never)} outbox row(s) marked sent never reached the provider, e.g. {never[:3]}")
            states = dict(db.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state"))
            if final and (states.get("pending", 0) or states.get("in_flight", 0)):
                problems.append(f"the outbox did not drain: {states}")

            chains = collections.defaultdict(list)
            for ticket, detail in db.execute(
                    "SELECT ticket_id, detail FROM events WHERE ticket_id IS NOT NULL AND kind NOT IN ('tagged', 'urgent') ORDER BY id"):
                change = json.loads(detail)
                if change.get("to") in STATES and change.get("from") in STATES:
                    chains[ticket].append((change["from"], change["to"]))
            disagree = []
            for ticket, state in db.execute("SELECT id, state FROM tickets"):
                current = "new"
                for before, after in chains.get(ticket, []):
                    if before != current:
                        disagree.append(f"#{ticket}: log jumps from {current} to a change from {before}")
                        break
                    current = after
                else:
                    if current != state:
                        disagree.append(f"#{ticket}: state {state}, log ends at {current}")
            if disagree:
                problems.append(f"{len(disagree)} ticket(s) disagree with their event log, e.g. {disagree[:3]}")
            figures = {
                "agent_events": dict(db.execute("SELECT kind, COUNT(*) FROM events WHERE actor = 'founder' GROUP BY kind")),
                "inbound_stored": sum(stored.values()), "tickets": db.execute("SELECT COUNT(*) FROM tickets").fetchone()[0],
                "outbox": states, "stub_requests": sum(stub.values()),
            }
        return problems, figures


def main():
    state, binary, config = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    kills = int(os.environ.get("SOAK_KILLS", "20"))
    env = load_env(os.path.join(state, "env"))
    os.environ.update(env)
    os.environ["DEMO_STATE"] = state
    import feed
    database = os.path.join(state, "switchboard.sqlite")

    # Take `serve` over from the demo script so this process owns it.
    pid_file = os.path.join(state, "serve.pid")
    if os.path.exists(pid_file):
        try:
            os.kill(int(open(pid_file).read()), signal.SIGTERM)
            time.sleep(3)
        except (ProcessLookupError, ValueError):
            pass
    serve = Serve(binary, config, state)
    serve.start()
    serve.wait_healthy()
    with open(pid_file, "w") as f:
        f.write(str(serve.process.pid))

    stop = threading.Event()
    inbound = Inbound(feed, stop)
    agent = Agent(state, env, database, stop)
    checker = Checker(database, os.path.join(state, "stub-requests.jsonl"))
    threads = [threading.Thread(target=inbound.run, daemon=True) for _ in range(2)]
    threads.append(threading.Thread(target=agent.run, daemon=True))
    for thread in threads:
        thread.start()

    restarts, failures = [], []
    for cycle in range(1, kills + 1):
        time.sleep(random.uniform(1.5, 6.0))
        with inbound.lock:
            acked = dict(inbound.acked)
        serve.kill()
        time.sleep(random.uniform(0.0, 1.0))
        serve.start()
        with open(pid_file, "w") as f:
            f.write(str(serve.process.pid))
        restarts.append(serve.wait_healthy())
        problems, figures = checker.check(acked)
        failures += [f"after kill {cycle}: {p}" for p in problems]
        log(f"kill {cycle:2}/{kills}: healthy again in {restarts[-1]:.1f} s; {len(acked)} acked so far, "
            f"{figures['inbound_stored']} stored, {figures['stub_requests']} provider requests, outbox {figures['outbox']}"
            + ("" if not problems else f"; PROBLEMS: {problems}"))

    log("stopping the load; letting the senders finish and the outbox drain")
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    deadline = time.time() + 120
    while time.time() < deadline:
        problems, figures = checker.check(inbound.acked, final=True)
        if not any("did not drain" in p for p in problems):
            break
        time.sleep(1)
    failures += [f"final: {p}" for p in problems]
    failures += [f"webhook refused: {e}" for e in inbound.errors]
    status = serve.terminate()
    if status != 0:
        failures.append(f"serve exited {status} on SIGTERM")

    log(f"figures: {kills} SIGKILLs; restart to healthy p50 {statistics.median(restarts):.1f} s, max {max(restarts):.1f} s; "
        f"{len(inbound.acked)} webhooks answered 200 ({inbound.retries} retried deliveries, {inbound.redeliveries} re-deliveries "
        f"after a 200); {figures['inbound_stored']} inbound stored; {figures['tickets']} tickets; agent commands "
        f"{dict(agent.commands)} (carried out: {figures['agent_events']}); outbox {figures['outbox']}; "
        f"{figures['stub_requests']} provider requests")
    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print(f"ok: {kills} SIGKILLs under load; nothing lost, nothing stored twice, nothing sent twice, states agree with the log")


if __name__ == "__main__":
    main()

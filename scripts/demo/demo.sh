#!/usr/bin/env bash
# `make demo`: build, start a local IRC network (InspIRCd + Atheme over TLS), run `switchboard serve` on
# SQLite with config/demo.yaml, feed sample WhatsApp and email messages through the real endpoints, and
# print how to watch and act from any IRC client.
#
#   scripts/demo/demo.sh            run in the foreground until Ctrl-C, then tear everything down
#   scripts/demo/demo.sh --detach   leave it running (state in .demo/); stop with scripts/demo/demo.sh stop
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
STATE="${DEMO_STATE_DIR:-$ROOT/.demo}"
export DEMO_STATE="$STATE"
MODE="${1:-foreground}"

say() { printf '\033[1m%s\033[0m\n' "$*"; }

# Whether any process of group $1 is still alive (a zombie waiting for its reaper no longer counts).
group_alive() { ps -eo pgid=,stat= | awk -v group="$1" '$1 == group && $2 !~ /^Z/ { found = 1 } END { exit !found }'; }

# The daemons run in sessions of their own (setsid), so each is a process group: stop_group sends SIGTERM
# to the whole group named in pidfile $1, waits up to $2 seconds for it to go, then sends SIGKILL and
# waits again. Only then is the daemon stopped.
stop_group() {
    local file=$1 grace=$2 pid
    [ -f "$file" ] || return 0
    pid=$(cat "$file")
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 $((grace * 10))); do group_alive "$pid" || break; sleep 0.1; done
    if group_alive "$pid"; then
        echo "pid $pid ($(basename "$file" .pid)) ignored SIGTERM for ${grace}s: SIGKILL" >&2
        kill -KILL -- "-$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do group_alive "$pid" || break; sleep 0.1; done
    fi
    rm -f "$file"
}

stop() {
    stop_group "$STATE/serve.pid" 20
    stop_group "$STATE/stub.pid" 5
    if [ -d "$STATE/net" ]; then python3 scripts/testnet/testnet.py stop "$STATE/net" || true; fi
}

if [ "$MODE" = "stop" ]; then
    stop
    say "demo stopped"
    exit 0
fi

stop 2>/dev/null || true
rm -rf "$STATE"
mkdir -p "$STATE"
# From here on, a failure or a signal takes down whatever was started; only a --detach that got to the
# end leaves the demo running.
trap 'status=$?; if [ "$status" -ne 0 ]; then stop; fi' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "1/5 Installing what the demo needs (InspIRCd, Atheme, Twilio's Python library) if missing…"
make -s test-deps

if [ -n "${SWITCHBOARD_BIN:-}" ]; then
    BIN="$SWITCHBOARD_BIN"
    say "2/5 Using the switchboard binary at $BIN"
else
    say "2/5 Building switchboard (the first build takes several minutes)…"
    swift build --product switchboard 2>&1 | grep -E "error|warning: unre|Compiling Switchboard|Build complete" || true
    BIN="$ROOT/.build/debug/switchboard"
fi
[ -x "$BIN" ] || { echo "build failed"; exit 1; }

say "3/5 Starting a local IRC network with TLS and services accounts…"
rand() { python3 -c "import secrets; print(secrets.token_hex(6))"; }
export IRC_PASSWORD=$(rand) FOUNDER_PASSWORD="founder-$(rand)" TECHLEAD_PASSWORD="techlead-$(rand)" AISHA_PASSWORD="aisha-$(rand)"
python3 scripts/testnet/testnet.py start "$STATE/net" \
    --account "switchboard:$IRC_PASSWORD" --account "founder:$FOUNDER_PASSWORD" \
    --account "techlead:$TECHLEAD_PASSWORD" --account "aisha:$AISHA_PASSWORD" >/dev/null
export DEMO_IRC_PORT=$(python3 -c "import json; print(json.load(open('$STATE/net/testnet.json'))['tls_port'])")
export DEMO_HTTP_PORT=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
export DEMO_STUB_PORT=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
export TWILIO_AUTH_TOKEN=$(rand) META_APP_SECRET=$(rand) META_VERIFY_TOKEN=$(rand) META_ACCESS_TOKEN=$(rand) EMAIL_INBOUND_TOKEN=$(rand)
env | grep -E '^(DEMO_|IRC_PASSWORD|FOUNDER_|TECHLEAD_|AISHA_|TWILIO_|META_|EMAIL_INBOUND)' | sed 's/^/export /' > "$STATE/env"

# Twilio's and Meta's REST APIs cannot be reached from here: a local stub answers in their documented shape.
setsid python3 scripts/demo/provider_stub.py "$DEMO_STUB_PORT" "$STATE/stub-requests.jsonl" > "$STATE/stub.log" 2>&1 &
echo $! > "$STATE/stub.pid"

say "4/5 Starting switchboard serve with config/demo.yaml…"
"$BIN" check-config --config config/demo.yaml >/dev/null
"$BIN" import-customers --config config/demo.yaml demo/customers.csv
setsid "$BIN" serve --config config/demo.yaml > "$STATE/serve.log" 2>&1 &
echo $! > "$STATE/serve.pid"
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$DEMO_HTTP_PORT/healthz" 2>/dev/null | grep -q '"irc":"connected"' && break
    sleep 0.3
done
curl -sf "http://127.0.0.1:$DEMO_HTTP_PORT/healthz" >/dev/null || { echo "switchboard did not start; see $STATE/serve.log"; tail -20 "$STATE/serve.log"; exit 1; }

say "5/5 Feeding sample messages through the real endpoints…"
sleep 1
python3 scripts/demo/feed.py "$BIN" config/demo.yaml

cat <<EOF

$(say "Switchboard is running.")
Connect any IRC client to the local network:
  server   localhost, port $DEMO_IRC_PORT, TLS on
  CA       $STATE/net/ca.pem  (or turn certificate checking off in your client for this demo)
  SASL     PLAIN as one of the demo agents:
             founder  / $FOUNDER_PASSWORD   (admin: finance, cs, support)
             techlead / $TECHLEAD_PASSWORD  (lead: eng)
             aisha    / $AISHA_PASSWORD     (agent: support, cs)
  channels #support #finance #eng #churn

For example with irssi:
  irssi -c localhost -p $DEMO_IRC_PORT --tls --tls_ca_file=$STATE/net/ca.pem -n founder -w $FOUNDER_PASSWORD
  (then /quote CAP, or use: /network add -sasl_username founder -sasl_password $FOUNDER_PASSWORD -sasl_mechanism PLAIN demo)

Things to try (in a channel with !, or in a DM to switchboard without it):
  !queue                 what is waiting, most urgent first
  !claim 1               take ticket #1
  draft 1 duplicate charge of AED 299 refunded today, 5–7 working days to the card
  send 1                 the draft goes to the WhatsApp stub (see $STATE/stub-requests.jsonl)
  !send 2 thanks, will check and get back to you     (held: no time, no next step)
  !close 1 refunded duplicate charge
  customer 1             full contact details (DM only)

Webhooks: http://127.0.0.1:$DEMO_HTTP_PORT/webhooks/twilio, /webhooks/meta · health: /healthz · metrics: /metrics
Logs: $STATE/serve.log · Database: $STATE/switchboard.sqlite · Environment: source $STATE/env
EOF

if [ "$MODE" = "--detach" ]; then
    say "Left running. Stop with: scripts/demo/demo.sh stop"
    exit 0
fi
trap 'stop; say "demo stopped"' EXIT
say "Press Ctrl-C to stop the demo."
wait "$(cat "$STATE/serve.pid")"

#!/usr/bin/env bash
# `make soak`: the long runs kept out of `make test`.
#   1. make demo from a fresh clone of HEAD (a build from scratch), checked by a scripted IRC agent.
#   2. SOAK_KILLS (default 20) SIGKILLs of that demo's `serve` under mixed load (webhooks, IRC commands,
#      outbound sends), checked after every restart (scripts/soak/crash_soak.py).
# Set SOAK_KEEP=1 to keep the clone for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
say() { printf '\033[1m%s\033[0m\n' "$*"; }

WORK=$(mktemp -d /tmp/switchboard-soak.XXXXXX)
cleanup() {
    if [ -d "$WORK/clone" ]; then (cd "$WORK/clone" && DEMO_STATE_DIR="$WORK/demo" scripts/demo/demo.sh stop >/dev/null 2>&1 || true); fi
    [ -n "${SOAK_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

say "soak 1: make demo from a fresh clone of $(git rev-parse --short HEAD)"
git clone -q "$ROOT" "$WORK/clone"
started=$(date +%s)
(cd "$WORK/clone" && DEMO_STATE_DIR="$WORK/demo" scripts/demo/demo.sh --detach) > "$WORK/demo.out" 2>&1 || {
    tail -40 "$WORK/demo.out"; echo "FAIL: the demo did not come up from a fresh clone"; exit 1; }
ready=$(date +%s)
python3 scripts/soak/irc_agent_check.py "$WORK/demo"
stub_requests=$( [ -f "$WORK/demo/stub-requests.jsonl" ] && wc -l < "$WORK/demo/stub-requests.jsonl" || echo 0)
say "soak 1 passed: fresh clone to running demo in $((ready - started)) s (build included); provider stub saw $stub_requests request(s)"

say "soak 2: $((${SOAK_KILLS:-20})) SIGKILLs of serve under webhooks, IRC commands and outbound sends"
(cd "$WORK/clone" && python3 scripts/soak/crash_soak.py "$WORK/demo" .build/debug/switchboard config/demo.yaml)
say "soak 2 passed"

#!/usr/bin/env bash
# Runs the built tests, then fails if any process they started is still alive.
#
#   scripts/test/run.sh         every test (`make test`): real IRC networks, SMTP, Chromium, serve, the demo
#   scripts/test/run.sh unit    `make unit`: SWITCHBOARD_UNIT_ONLY=1 skips the tests marked .needsServers,
#                               and the helpers that start servers fail any unmarked test that reaches them
#
# Every process a test starts inherits SWITCHBOARD_TEST_RUN, a value unique to this run, in its
# environment (and so does everything those processes start). Once `swift test` has returned, whatever
# still carries it is a server a test left behind: it is listed, killed, and the run fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
SWIFT="${SWIFT:-swift}"

# Only `swift test` gets the marker, so this script and the commands it runs never match it.
run="$(date +%s%N)-$$"
if [ "${1:-}" = "unit" ]; then export SWITCHBOARD_UNIT_ONLY=1; fi

started=$(date +%s)
SWITCHBOARD_TEST_RUN="$run" "$SWIFT" test --skip-build
status=$?
echo "swift test exited $status after $(( $(date +%s) - started )) s"

# The pids of live (not zombie) processes carrying this run's marker.
leftovers() {
    for dir in /proc/[0-9]*; do
        grep -qxzF "SWITCHBOARD_TEST_RUN=$run" "$dir/environ" 2>/dev/null || continue
        [ "$(awk '{ sub(/.*\) /, ""); print $1 }' "$dir/stat" 2>/dev/null)" = "Z" ] && continue
        echo "${dir#/proc/}"
    done
}

# The test process stops the shared network as it exits; give what it stopped a moment to go.
for _ in $(seq 1 100); do [ -z "$(leftovers)" ] && break; sleep 0.1; done
left=$(leftovers)
if [ -n "$left" ]; then
    echo "error: processes started by the tests are still running after the run:" >&2
    for pid in $left; do echo "  $pid $(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)" >&2; done
    kill -KILL $left 2>/dev/null
    exit 1
fi
exit "$status"

#!/usr/bin/env bash
# `make bench`: builds the release binaries, runs `make bench-triage` first when the shared triage data
# exists (its scikit-learn comparison becomes rows of the same table), then SwitchboardBench, which
# prints the one table and saves it under Benchmarks/results/. `make bench GROUP=serve` runs one group.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT="${SWIFT:-swift}"

# Build output goes to stderr: stdout is the table.
$SWIFT build -c release --product SwitchboardBench >&2
$SWIFT build -c release --product switchboard >&2
BIN="$($SWIFT build -c release --show-bin-path)"

unset BENCH_TRIAGE_SUMMARY BENCH_TRIAGE_SKIPPED
if [ -z "${GROUP:-}" ] || [ "$GROUP" = triage ]; then
    DATA="${SWITCHBOARD_TRIAGE_DATA:-../shared/triage-data}"
    OUT=.build/bench-triage-run
    rm -rf "$OUT"
    if [ -f "$DATA/triage_dev.jsonl" ]; then
        $SWIFT build -c release --product TriageBenchmark >&2
        echo "make bench: bench-triage (scikit-learn on the same folds) with $DATA" >&2
        if SWITCHBOARD_TRIAGE_DATA="$DATA" BENCH_OUT="$OUT" TRIAGE_BENCHMARK="$BIN/TriageBenchmark" Benchmarks/Triage/bench-triage.sh >&2; then
            export BENCH_TRIAGE_SUMMARY="$OUT/summary.json"
        else
            export BENCH_TRIAGE_SKIPPED="bench-triage failed (its output is above)"
        fi
    else
        echo "make bench: SKIPPING triage against scikit-learn: no triage data at '$DATA' (set SWITCHBOARD_TRIAGE_DATA)" >&2
        export BENCH_TRIAGE_SKIPPED="no triage data at '$DATA' (set SWITCHBOARD_TRIAGE_DATA to the triage-data folder)"
    fi
fi

SWITCHBOARD_BIN="$BIN/switchboard" "$BIN/SwitchboardBench" ${GROUP:-}

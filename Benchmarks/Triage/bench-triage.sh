#!/usr/bin/env bash
# `make bench-triage`: Switchboard's triage model against a scikit-learn baseline
# (TfidfVectorizer(analyzer='char_wb', ngram_range=(1, 5)) + LogisticRegression), trained on exactly the
# same rows and folds in the same run, plus classify throughput, training time and model load time.
# Results: .build/bench-triage/summary.json (or $BENCH_OUT) and a table on stdout. TRIAGE_BENCHMARK=PATH uses an already
# built TriageBenchmark instead of building one.
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA="${SWITCHBOARD_TRIAGE_DATA:-../shared/triage-data}"
if [ ! -f "$DATA/triage_dev.jsonl" ]; then
    echo "bench-triage: '$DATA/triage_dev.jsonl' not found; point SWITCHBOARD_TRIAGE_DATA at the triage-data folder." >&2
    exit 1
fi
export SWITCHBOARD_TRIAGE_DATA="$DATA"

if ! python3 -c "import sklearn" 2>/dev/null; then
    echo "bench-triage: installing scikit-learn" >&2
    python3 -m pip install --quiet scikit-learn
fi

OUT="${BENCH_OUT:-.build/bench-triage}"
mkdir -p "$OUT"
if [ -n "${TRIAGE_BENCHMARK:-}" ]; then
    BIN="$TRIAGE_BENCHMARK"
else
    swift build -c release --product TriageBenchmark >&2
    BIN="$(swift build -c release --show-bin-path)/TriageBenchmark"
fi

PIN=""
if command -v taskset >/dev/null 2>&1; then PIN="taskset -c 0"; fi

echo "bench-triage: 5-fold cross-validation (Switchboard)" >&2
"$BIN" cv --out "$OUT" --folds 5 --seed 1 "$DATA/triage_dev.jsonl" > "$OUT/swift-cv.txt"
echo "bench-triage: training time, model load time" >&2
"$BIN" speed --out "$OUT" "$DATA/triage_dev.jsonl"
echo "bench-triage: classify throughput on one core (Switchboard)" >&2
$PIN "$BIN" classify --model "$OUT/bench.model" --seconds 5 --out "$OUT" "$OUT/messages.jsonl"
echo "bench-triage: scikit-learn baseline on the same folds, predict throughput on one core" >&2
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 $PIN python3 Benchmarks/Triage/sklearn_baseline.py "$OUT"

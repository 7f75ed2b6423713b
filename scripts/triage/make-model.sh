#!/usr/bin/env bash
# Rebuilds the shipped triage model, Sources/Triage/Resources/triage.model, from:
#   - the public sets in ../shared/triage-data (or $SWITCHBOARD_TRIAGE_DATA), mapped through
#     Data/triage/category-map.csv and capped per intent,
#   - the in-domain corpus Data/triage/corpus/*.jsonl,
#   - the whole development set triage_dev.jsonl.
# Training is seeded, so the same data gives the same weights. Called by `make model`.
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA="${SWITCHBOARD_TRIAGE_DATA:-../shared/triage-data}"
if [ ! -d "$DATA" ]; then
    echo "make model: the training data folder '$DATA' does not exist." >&2
    echo "  It holds the public sets and triage_dev.jsonl (see its SOURCES.md); point SWITCHBOARD_TRIAGE_DATA at it." >&2
    exit 1
fi
for file in bitext_customer_support.csv clinc150_train_val.json banking77_en_train.csv arbanking77_ar_train.csv \
    arbanking77_intents.csv triage_dev.jsonl; do
    if [ ! -f "$DATA/$file" ]; then
        echo "make model: '$DATA/$file' is missing; the folder is not a complete triage-data copy." >&2
        exit 1
    fi
done

OUT="Sources/Triage/Resources/triage.model"
if [ -z "${SWITCHBOARD:-}" ]; then
    swift build -c release --product switchboard >&2
    SWITCHBOARD="$(swift build -c release --show-bin-path)/switchboard"
fi
"$SWITCHBOARD" train \
    --out "$OUT" \
    --public-data "$DATA" \
    --category-map Data/triage/category-map.csv \
    --corpus Data/triage/corpus \
    "$DATA/triage_dev.jsonl"
echo "make model: wrote $OUT ($(wc -c < "$OUT") bytes)"

#!/usr/bin/env bash
# libFuzzer targets for the parsers that read hostile input (Fuzz/README.md). Called by `make fuzz`.
#
#   scripts/fuzz/fuzz.sh [run]        build, then fuzz each target for FUZZ_SECONDS (default 60)
#   scripts/fuzz/fuzz.sh build        build only, into .build-fuzz/bin/<target>
#   scripts/fuzz/fuzz.sh seed         write the raw seeds (from the test fixtures) to .build-fuzz/seeds
#   scripts/fuzz/fuzz.sh merge        minimise (set cover of edges) the committed corpus, the seeds and what runs found into Fuzz/corpus
#   scripts/fuzz/fuzz.sh repro T FILE run target T once on FILE (a crash artifact), with the full report
#
# FUZZ_TARGETS picks targets (default: all), FUZZ_FLAGS adds libFuzzer flags, FUZZ_OPT sets the Swift
# optimisation level (default -O: bounds and overflow checks stay, and the fuzzer runs several times faster).
#
# Each target is one swiftc invocation: the module's own sources, Fuzz/Support and the target file are
# compiled together as that module (so the target can reach internal API, like the module's tests), with
# -sanitize=fuzzer,address. WhatsApp imports swift-crypto: Crypto is built once by SwiftPM (release, not
# instrumented: its internals are BoringSSL, not our code) in .build-fuzz/spm and its objects are linked in.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"

SWIFTC="${SWIFTC:-swiftc}"
SWIFT="${SWIFT:-swift}"
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
FUZZ_TARGETS="${FUZZ_TARGETS:-irc-message mime twilio-form meta-json command}"
FUZZ_OPT="${FUZZ_OPT:--O}"
FUZZ_FLAGS="${FUZZ_FLAGS:-}"
OUT="$ROOT/.build-fuzz"
SPM="$OUT/spm"
# The Swift runtime's own crash reporter would wait on a process ASan has already ended; libFuzzer
# reports crashes itself.
export SWIFT_BACKTRACE=enable=no

SWIFT_FLAGS=(
    -swift-version 6 -parse-as-library "$FUZZ_OPT" -g
    -enable-upcoming-feature ExistentialAny
    -enable-upcoming-feature MemberImportVisibility
    -enable-upcoming-feature InternalImportsByDefault
    -sanitize=fuzzer,address
)

# target -> module it is compiled into, the target's source file, the largest input to try.
module_of() {
    case "$1" in
        irc-message) echo IRC ;;
        mime) echo Mail ;;
        twilio-form | meta-json) echo WhatsApp ;;
        command) echo Desk ;;
        *) echo "fuzz: unknown target '$1' (targets: irc-message mime twilio-form meta-json command)" >&2; exit 2 ;;
    esac
}
source_of() {
    case "$1" in
        irc-message) echo Fuzz/Targets/IRCMessageFuzzer.swift ;;
        mime) echo Fuzz/Targets/MIMEFuzzer.swift ;;
        twilio-form) echo Fuzz/Targets/TwilioFormFuzzer.swift ;;
        meta-json) echo Fuzz/Targets/MetaJSONFuzzer.swift ;;
        command) echo Fuzz/Targets/CommandFuzzer.swift ;;
    esac
}
max_len_of() {
    case "$1" in
        irc-message) echo 9000 ;;    # a tag section may be 8191 bytes
        mime) echo 65536 ;;
        meta-json) echo 16384 ;;
        *) echo 4096 ;;
    esac
}

sources() { find "$ROOT/Sources/$1" -name '*.swift' | sort; }

# Rebuilds $1 when any of the remaining paths holds a newer file.
stale() {
    local binary="$1"
    shift
    [ ! -e "$binary" ] || [ -n "$(find "$@" -newer "$binary" -name '*.swift' -print -quit)" ]
}

# IRC as a separate, instrumented module for targets whose module imports it (Desk).
build_irc_module() {
    mkdir -p "$OUT/modules" "$OUT/obj"
    if stale "$OUT/obj/IRC.o" "$ROOT/Sources/IRC"; then
        echo "fuzz: compiling module IRC" >&2
        # shellcheck disable=SC2046
        "$SWIFTC" "${SWIFT_FLAGS[@]}" -module-name IRC -wmo -c -o "$OUT/obj/IRC.o" \
            -emit-module -emit-module-path "$OUT/modules/IRC.swiftmodule" $(sources IRC)
    fi
}

# swift-crypto for WhatsApp, built by SwiftPM at the version Package.resolved pins.
CRYPTO_OBJECTS=()
build_crypto() {
    local release="$SPM/release"
    if [ ! -e "$release/Modules/Crypto.swiftmodule" ]; then
        echo "fuzz: building swift-crypto (once; several minutes)" >&2
        "$SWIFT" build --scratch-path "$SPM" -c release --target Crypto >&2
    fi
    mapfile -t CRYPTO_OBJECTS < <(find "$release"/{Crypto,CryptoBoringWrapper,CCryptoBoringSSL,CCryptoBoringSSLShims,CXKCP,CXKCPShims}.build \
        -name '*.o' 2>/dev/null | sort)
}

build_target() {
    local target="$1" module binary extra=()
    module="$(module_of "$target")"
    binary="$OUT/bin/$target"
    mkdir -p "$OUT/bin"
    case "$module" in
        Desk)
            build_irc_module
            extra=(-I "$OUT/modules" "$OUT/obj/IRC.o")
            ;;
        WhatsApp)
            build_crypto
            extra=(-I "$SPM/release/Modules" "${CRYPTO_OBJECTS[@]}" -lstdc++)
            ;;
    esac
    if stale "$binary" "$ROOT/Sources/$module" "$ROOT/Fuzz/Support" "$ROOT/$(source_of "$target")" \
        || { [ "$module" = Desk ] && [ "$OUT/obj/IRC.o" -nt "$binary" ]; }; then
        echo "fuzz: compiling $target (module $module)" >&2
        # shellcheck disable=SC2046
        "$SWIFTC" "${SWIFT_FLAGS[@]}" -module-name "$module" -o "$binary" \
            $(sources "$module") "$ROOT"/Fuzz/Support/*.swift "$ROOT/$(source_of "$target")" "${extra[@]}"
    fi
}

# libFuzzer options shared by run and merge.
libfuzzer_flags() {
    local target="$1" flags=(-max_len="$(max_len_of "$target")" -timeout=10 -rss_limit_mb=2048)
    if [ -f "$ROOT/Fuzz/dict/$target.dict" ]; then flags+=(-dict="$ROOT/Fuzz/dict/$target.dict"); fi
    echo "${flags[@]}"
}

run_target() {
    local target="$1" work="$OUT/corpus/$target" artifacts="$OUT/artifacts/$target/"
    mkdir -p "$work" "$artifacts" "$ROOT/Fuzz/corpus/$target"
    echo "fuzz: $target for ${FUZZ_SECONDS}s (new inputs in $work, crashes in $artifacts)" >&2
    # New inputs go to the first directory, so a run never rewrites the committed corpus.
    # shellcheck disable=SC2046,SC2086
    "$OUT/bin/$target" $(libfuzzer_flags "$target") -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 \
        -artifact_prefix="$artifacts" $FUZZ_FLAGS "$work" "$ROOT/Fuzz/corpus/$target"
}

merge_target() {
    local target="$1" fresh="$OUT/merge/$target"
    rm -rf "$fresh"
    mkdir -p "$fresh" "$OUT/corpus/$target" "$OUT/seeds/$target" "$ROOT/Fuzz/corpus/$target"
    # Edges only (no hit counts) and a set cover: the fewest files that keep every edge, so the committed
    # corpus stays at a few hundred small files; runs regrow the finer features in .build-fuzz/corpus.
    # shellcheck disable=SC2046
    "$OUT/bin/$target" $(libfuzzer_flags "$target") -set_cover_merge=1 -use_counters=0 "$fresh" \
        "$ROOT/Fuzz/corpus/$target" "$OUT/seeds/$target" "$OUT/corpus/$target"
    rm -rf "$ROOT/Fuzz/corpus/$target"
    mv "$fresh" "$ROOT/Fuzz/corpus/$target"
    echo "fuzz: $target corpus: $(find "$ROOT/Fuzz/corpus/$target" -type f | wc -l) files, $(cat "$ROOT/Fuzz/corpus/$target"/* | wc -c) bytes" >&2
}

command="${1:-run}"
case "$command" in
    build)
        for target in $FUZZ_TARGETS; do build_target "$target"; done
        ;;
    run)
        for target in $FUZZ_TARGETS; do build_target "$target"; done
        failed=()
        for target in $FUZZ_TARGETS; do
            run_target "$target" || failed+=("$target")
        done
        if [ ${#failed[@]} -gt 0 ]; then
            echo "fuzz: crashes in: ${failed[*]} (artifacts under $OUT/artifacts; see Fuzz/README.md)" >&2
            exit 1
        fi
        ;;
    seed)
        rm -rf "$OUT/seeds"
        python3 "$ROOT/scripts/fuzz/seed-corpus.py" "$OUT/seeds"
        ;;
    merge)
        for target in $FUZZ_TARGETS; do build_target "$target"; merge_target "$target"; done
        ;;
    repro)
        [ $# -eq 3 ] || { echo "usage: $0 repro TARGET FILE" >&2; exit 2; }
        build_target "$2"
        "$OUT/bin/$2" -runs=1 "$3"
        ;;
    *)
        echo "usage: $0 [run|build|seed|merge|repro TARGET FILE]" >&2
        exit 2
        ;;
esac

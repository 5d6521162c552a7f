#!/usr/bin/env bash
# Fuzzes the importers with libFuzzer + AddressSanitizer: the CSV reader, the XML reader (libxml2)
# and the mapping-profile parser (Yams), each for a bounded time.
#
#   Scripts/fuzz.sh                      # every target, 30 s each (the CI default)
#   Scripts/fuzz.sh --seconds 600        # longer, by hand
#   Scripts/fuzz.sh --seconds 60 csv xml # some targets only (csv, xml, profile)
#
# The fuzz binaries are built by compiling ChildLinkModel, ChildLinkImport and Yams (with its C
# library) directly with swiftc/clang into .build-fuzz/, so the main package's build is untouched.
# Seeds: slices of SampleData/, SampleData/examples/, SampleData/profiles/, the importer's test
# fixtures, Fuzz/seeds/ and the inputs that once crashed a target (Fuzz/crashes/), plus anything
# earlier runs found (.build-fuzz/corpus/, kept between runs).
#
# Exit status: 0 when no target crashed (or when this toolchain cannot build with
# -sanitize=fuzzer: then it says so and skips); 1 when a target crashed, hung or broke an import
# invariant: the input is saved under .build-fuzz/artifacts/ and the command to replay it printed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --seconds=*) seconds="${1#*=}"; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        csv|xml|profile) targets+=("$1"); shift ;;
        *) echo "fuzz.sh: unknown argument '$1' (targets: csv, xml, profile; option: --seconds N)" >&2; exit 2 ;;
    esac
done
[ ${#targets[@]} -eq 0 ] && targets=(csv xml profile)

out=.build-fuzz
mkdir -p "$out/obj" "$out/bin" "$out/artifacts" "$out/logs"

# --- Can this toolchain build a libFuzzer binary at all? ------------------------------------------
probe="$out/obj/probe"
cat > "$probe.swift" <<'EOF'
@_cdecl("LLVMFuzzerTestOneInput")
public func probe(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt { 0 }
EOF
if ! swiftc -sanitize=fuzzer,address -parse-as-library "$probe.swift" -o "$probe" > "$out/logs/probe.log" 2>&1; then
    echo "fuzz.sh: SKIPPED: this toolchain cannot build with -sanitize=fuzzer,address (see $out/logs/probe.log)"
    exit 0
fi

# --- Build (only when a source is newer than the binaries) ----------------------------------------
sanitize=(-sanitize=fuzzer,address)
swift_flags=(-swift-version 6 -parse-as-library -O -g -enable-testing
    -enable-upcoming-feature ExistentialAny -enable-upcoming-feature InternalImportsByDefault
    -enable-upcoming-feature MemberImportVisibility -package-name ChildLink -I "$out/obj")
libxml_flags=($(pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2))

if [ ! -d .build/checkouts/Yams/Sources/CYaml ]; then
    echo "== resolving packages (for the Yams sources)"
    swift package resolve > "$out/logs/resolve.log" 2>&1
fi
yams=.build/checkouts/Yams/Sources

needs_build() {
    local stamp="$out/bin/.built"
    [ ! -f "$stamp" ] && return 0
    [ -n "$(find Sources/ChildLinkModel Sources/ChildLinkImport Sources/CLibXML2 Fuzz/Targets Scripts/fuzz.sh \
        -newer "$stamp" -type f | head -1)" ]
}

build() {
    echo "== building the fuzz targets into $out (swiftc ${sanitize[*]})"
    local started=$SECONDS
    rm -f "$out"/obj/*.o
    for c in "$yams"/CYaml/src/*.c; do
        clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I "$yams/CYaml/include" \
            "$c" -o "$out/obj/cyaml-$(basename "$c" .c).o" || return 1
    done
    swiftc -swift-version 5 -parse-as-library -O -g "${sanitize[@]}" -module-name Yams -wmo -D SWIFT_PACKAGE \
        -I "$yams/CYaml/include" -Xcc -DYAML_DECLARE_STATIC \
        -emit-module -emit-module-path "$out/obj/Yams.swiftmodule" -c "$yams"/Yams/*.swift -o "$out/obj/Yams.o" \
        || return 1
    swiftc "${swift_flags[@]}" "${sanitize[@]}" -module-name ChildLinkModel -wmo \
        -emit-module -emit-module-path "$out/obj/ChildLinkModel.swiftmodule" \
        -c Sources/ChildLinkModel/*.swift -o "$out/obj/ChildLinkModel.o" || return 1
    swiftc "${swift_flags[@]}" "${sanitize[@]}" -module-name ChildLinkImport -wmo \
        -I Sources/CLibXML2 -I "$yams/CYaml/include" $(printf -- '-Xcc %s ' "${libxml_flags[@]}") \
        -emit-module -emit-module-path "$out/obj/ChildLinkImport.swiftmodule" \
        -c Sources/ChildLinkImport/*.swift -o "$out/obj/ChildLinkImport.o" || return 1
    for target in csv xml profile; do
        local name
        case $target in csv) name=FuzzCSV ;; xml) name=FuzzXML ;; profile) name=FuzzProfile ;; esac
        swiftc "${swift_flags[@]}" "${sanitize[@]}" -module-name "$name" \
            -I Sources/CLibXML2 -I "$yams/CYaml/include" $(printf -- '-Xcc %s ' "${libxml_flags[@]}") \
            "Fuzz/Targets/$name.swift" Fuzz/Targets/FuzzSupport.swift "$out"/obj/*.o -lxml2 \
            -o "$out/bin/fuzz-$target" || return 1
    done
    touch "$out/bin/.built"
    echo "   built in $((SECONDS - started)) s"
}

if needs_build; then
    if ! build > "$out/logs/build.log" 2>&1; then
        cat "$out/logs/build.log" >&2
        echo "fuzz.sh: the fuzz targets did not build (log above)" >&2
        exit 1
    fi
    tail -1 "$out/logs/build.log"
fi

# --- Seeds ------------------------------------------------------------------------------------------
seeds="$out/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/csv" "$seeds/xml" "$seeds/profile"
fixtures=Tests/ChildLinkImportTests/Fixtures
for file in SampleData/*.csv; do
    [ "$(basename "$file")" = truth.csv ] && continue
    head -n 25 "$file" > "$seeds/csv/sample-$(basename "$file")"
done
for file in SampleData/*.xml; do
    # The prolog, the root and the first 12 records, then the root closed again.
    root=$(sed -n 's/^<\([A-Za-z]*\)>$/\1/p' "$file" | head -1)
    awk -v root="$root" 'BEGIN { n = 0 } { print } /^  <\/[A-Za-z]+>$/ { if (++n == 12) exit }' "$file" \
        > "$seeds/xml/sample-$(basename "$file")"
    echo "</$root>" >> "$seeds/xml/sample-$(basename "$file")"
done
cp SampleData/examples/*.csv SampleData/examples/council/*.csv "$fixtures"/*.csv "$seeds/csv/" 2>/dev/null || true
cp SampleData/examples/*.xml "$fixtures"/*.xml "$seeds/xml/" 2>/dev/null || true
cp SampleData/profiles/*.yaml "$seeds/profile/"
cp Fuzz/seeds/profile/*.yaml "$seeds/profile/" 2>/dev/null || true
# Inputs that once crashed a target stay seeds, so a regression shows at once.
for target in csv xml profile; do
    cp Fuzz/crashes/"$target"-* "$seeds/$target/" 2>/dev/null || true
done

# --- Run ---------------------------------------------------------------------------------------------
status=0
summary=()
for target in "${targets[@]}"; do
    corpus="$out/corpus/$target"
    mkdir -p "$corpus"
    dict=()
    [ -f "Fuzz/$target.dict" ] && dict=(-dict="Fuzz/$target.dict")
    log="$out/logs/$target.log"
    echo "== fuzzing $target for $seconds s"
    set +e
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$out/bin/fuzz-$target" "$corpus" "$seeds/$target" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$out/artifacts/$target-" "${dict[@]}" > "$log" 2>&1
    code=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
    units=$(ls "$corpus" | wc -l)
    if [ $code -eq 0 ]; then
        line="$target: ${runs:-?} runs (${speed:-?}/s), coverage ${coverage:-?} edges, corpus $units, no crash"
    else
        status=1
        artifact=$(grep -o "$out/artifacts/$target-[a-z-]*[0-9a-f]*" "$log" | tail -1 || true)
        line="$target: CRASH after ${runs:-?} runs; input saved as ${artifact:-$out/artifacts/} (replay: $out/bin/fuzz-$target ${artifact:-ARTIFACT})"
        grep -m1 -B2 -A25 -E 'ERROR: (libFuzzer|AddressSanitizer)|Fatal error|deadly signal' "$log" >&2 || tail -40 "$log" >&2
    fi
    echo "   $line"
    summary+=("$line")
done

echo "== fuzz summary (${seconds} s per target)"
printf '   %s\n' "${summary[@]}"
exit $status

#!/usr/bin/env bash
# Benchmark of the J3490 reconciliation job (issue 5). See docs/performance.md.
#
#   scripts/bench.sh [remittance-lines ...]        default: 100000 1000000
#
# For each size: generates a seeded input set (claims = lines / 2.5) under target/bench/<lines>/input
# (reused when the same claims and seed are already there), runs the packaged job as a user would
# (java -Xmx512m -jar target/j3490-recon.jar ..., a fresh H2 file database, GC log), reads its step
# times and line counts from the job repository, then measures the two floors on the same data:
# opencsv readNext over the remittance files, and an SXSSF workbook with the job workbook's sheets,
# rows and cells. Prints one table and writes it to target/bench/results.md (and appends it to
# target/bench/history.md).
#
# Environment:
#   BENCH_XMX=512m          heap of every JVM (the job and the floors); e.g. BENCH_XMX=256m
#   BENCH_SEED=3490         generator seed
#   BENCH_SKIP_BUILD=1      use the existing target/j3490-recon.jar and target/test-classes
#   BENCH_JAVA_OPTS="..."   extra JVM options for the job only; @RUN@ stands for the run's folder, e.g.
#                           BENCH_JAVA_OPTS='-XX:StartFlightRecording=dumponexit=true,filename=@RUN@/job.jfr'
#   BENCH_JOB_ARGS="..."    extra job arguments; default --recon.skip-limit=-1: the generator writes
#                           ~0.1% malformed rows, and the job's default limit of 1,000 per run would
#                           refuse 1,500,000 lines (older commits ignore the unknown property)
#   BENCH_KEEP=1            keep the H2 database, the job's workbook and the floor workbook
#   BENCH_DIR=target/bench  where inputs, runs and results go (relative to the project)
#   BENCH_FORMAT=csv        csv, or x12: the same generated night written as 835s (one transaction set
#                           per check) plus the provider's 837P claims (bench X12NightWriter), read with
#                           --recon.input.claims; compare with a csv run of the same size (docs/performance.md)
#   BENCH_FLOORS=0          skip the two floors (the job's own figures only): for alternating pairs of
#                           runs on a noisy machine, where a run every minute beats a run every three
#   BENCH_BACKLOG=500000    before each job run, seed its fresh database with that many open work items
#                           from four earlier nights (bench.BacklogSeed, through the job's BacklogStore;
#                           their claims are not in the input); the seeding is not part of the wall time
set -euo pipefail
cd "$(dirname "$0")/.."

XMX=${BENCH_XMX:-512m}
SEED=${BENCH_SEED:-3490}
OUT=${BENCH_DIR:-target/bench}
JOB_OPTS=${BENCH_JAVA_OPTS:-}
JOB_ARGS=${BENCH_JOB_ARGS---recon.skip-limit=-1}
FORMAT=${BENCH_FORMAT:-csv}
RUN_DATE=2026-11-23
# GNU time (Debian's "time" package) when present: user + system CPU seconds and the peak RSS
if [ -x /usr/bin/time ]; then
    TIME_CMD=(/usr/bin/time -f '%U %S %M')
else
    TIME_CMD=(bash -c 'shift 2; exec "$@"' time-less)
fi
JAR=target/j3490-recon.jar
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
    SIZES=(100000 1000000)
fi

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

# The bench tools live in the test tree (src/test/java/com/rcm/j3490/bench), not in the production
# jar: package -DskipTests still compiles them into target/test-classes.
BENCH_CLASSES=target/test-classes/com/rcm/j3490/bench
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    log "building $JAR"
    ./mvnw -B -ntp -q -DskipTests package
fi
[ -f "$JAR" ] || { echo "no $JAR: build failed?" >&2; exit 1; }
[ -d "$BENCH_CLASSES" ] || { echo "no $BENCH_CLASSES: build failed?" >&2; exit 1; }
mkdir -p "$OUT"
# Run private copies: a rebuild of target/ by someone else during a long run would pull classes out
# from under the running JVM.
cp "$JAR" "$OUT/j3490-recon-bench.jar"
JAR="$OUT/j3490-recon-bench.jar"
rm -rf "$OUT/bench-classes"
mkdir -p "$OUT/bench-classes/com/rcm/j3490"
cp -r "$BENCH_CLASSES" "$OUT/bench-classes/com/rcm/j3490/"
# The bench tools' libraries (opencsv, POI, H2, ...) from the local Maven repository.
if [ -z "${BENCH_SKIP_BUILD:-}" ] || [ ! -s "$OUT/classpath.txt" ]; then
    ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$(pwd)/$OUT/classpath.txt" >&2
fi
# Some bench tools use the job's own classes (X12NightWriter its FieldParser, BacklogSeed the
# backlog store): a private copy, as for the jar.
rm -rf "$OUT/main-classes"
cp -r target/classes "$OUT/main-classes"
BENCH_CP="$OUT/bench-classes:$OUT/main-classes:$(cat "$OUT/classpath.txt")"
BACKLOG=${BENCH_BACKLOG:-0}

# A bench class (plain Java main, no Spring) from the test tree's classes.
bench_main() {
    local main=$1
    shift
    java -Xmx"$XMX" -cp "$BENCH_CP" com.rcm.j3490.bench."$main" "$@"
}

# Largest heap after GC, in MB, from the "[gc] GC(n) Pause Young|Full ... 120M->30M(512M)" lines of
# -Xlog:gc*: the pauses that collect (young, mixed, full). G1's Remark and Cleanup pauses also print
# "a->b", but they evacuate nothing: their "after" is the heap as it stands mid-cycle, new
# allocations included (e.g. "Pause Cleanup 358M->358M"), not a heap after a collection.
# peak_heap_all_pauses_mb keeps the older, all-pause figure for comparison.
peak_heap_mb() {
    peak_of 'Pause (Young|Full)' "$1"
}

peak_heap_all_pauses_mb() {
    peak_of 'Pause' "$1"
}

peak_of() { # peak_of PAUSE-REGEX GC-LOG
    grep -E '\[gc *\] GC\([0-9]+\) '"$1" "$2" | grep -oE -- '->[0-9]+[KMG]\(' | tr -d '>(' | tr -d '-' |
        awk '{ v = substr($0, 1, length($0) - 1) + 0; u = substr($0, length($0));
               mb = (u == "K") ? v / 1024 : (u == "G") ? v * 1024 : v; if (mb > max) max = mb }
             END { printf "%.0f", max }'
}

gc_summary() {
    grep -E '\[gc *\] GC\([0-9]+\) Pause' "$1" | awk '{ n++; ms = $NF; sub(/ms$/, "", ms); total += ms }
        END { printf "%d pauses, %.1f s paused", n, total / 1000 }'
}

prop() { # prop FILE KEY [DEFAULT]
    local v
    v=$(grep -E "^$2=" "$1" 2>/dev/null | tail -1 | cut -d= -f2-)
    echo "${v:-${3:-}}"
}

secs() { # milliseconds -> seconds with one decimal
    awk -v ms="$1" 'BEGIN { if (ms == "" || ms < 0) print "-"; else printf "%.1f", ms / 1000 }'
}

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

HEADER="| remittance lines | J3490 lines | -Xmx | exit | wall s | lines/s | peak heap after GC MB | workbook MB | All Lines sheets | inventoryInputs s | reconcileLines s | writeWorkbook s | floor read s | floor write s | job / (read+write) |"
RULE="|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
ROWS=()
DETAILS=()
WALLS=()
PEAKS=()

for lines in "${SIZES[@]}"; do
    claims=$(( lines * 2 / 5 ))
    input="$OUT/$lines/input"
    if [ "$(prop "$input/generated.properties" claims)" != "$claims" ] ||
       [ "$(prop "$input/generated.properties" seed)" != "$SEED" ]; then
        log "generating $claims claims (~$lines lines) into $input"
        bench_main InputGenerator "$claims" "$input" "$SEED" >&2
    fi
    remittance_in="$input/remittance"
    claims_arg=()
    if [ "$FORMAT" = x12 ]; then
        if [ ! -s "$input/x12/done" ] || [ "$(cat "$input/x12/done")" != "$claims-$SEED" ]; then
            rm -rf "$input/x12"
            log "writing the night as X12 835 + 837 into $input/x12"
            bench_main X12NightWriter "$input/remittance" "$input/x12/835" "$input/x12/837" >&2
            echo "$claims-$SEED" > "$input/x12/done"
        fi
        remittance_in="$input/x12/835"
        claims_arg=(--recon.input.claims="$input/x12/837")
    fi
    run="$OUT/$lines/xmx-$XMX${FORMAT/csv/}"
    rm -rf "$run"
    mkdir -p "$run"
    if [ "$BACKLOG" -gt 0 ]; then
        log "seeding $BACKLOG open work items from earlier nights into $run/h2"
        java -Xmx"$XMX" -cp "$BENCH_CP" com.rcm.j3490.bench.BacklogSeed "$run/h2" "$BACKLOG" \
            "$RUN_DATE" >&2
    fi
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    log "job: $lines lines ($FORMAT), -Xmx$XMX, $BACKLOG earlier work items (load average $load_before)"

    set +e
    start=$(date +%s%N)
    # CPU seconds and the resident peak beside the wall time: on a shared machine the wall time
    # measures the neighbours too, the CPU time much less so
    "${TIME_CMD[@]}" -o "$run/time.txt" java -Xmx"$XMX" -Xlog:gc*:file="$run/gc.log" ${JOB_OPTS//@RUN@/$run} -jar "$JAR" \
        --recon.input.remittance="$remittance_in" "${claims_arg[@]}" \
        --recon.input.invoices="$input/invoices" \
        --recon.reference.contracts="$input/reference/payer-contracts.csv" \
        --recon.reference.pricing="$input/reference/asp-pricing.csv" \
        --recon.output.dir="$run/reports" \
        --recon.repository.dir="$run/h2" \
        $JOB_ARGS runDate="$RUN_DATE" > "$run/job.log" 2>&1
    rc=$?
    end=$(date +%s%N)
    [ "$rc" -eq 143 ] && log "the job got SIGTERM (exit 143): killed from outside?"
    set -e
    wall_ms=$(( (end - start) / 1000000 ))
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)
    log "job exit $rc after $(secs $wall_ms) s (load average $load_after)"

    bench_main BenchRunReport "$run/h2" > "$run/report.properties" 2>&1 || true
    target=$(prop "$run/report.properties" targetLines "$(prop "$input/generated.properties" targetRows)")
    remit=$(prop "$input/generated.properties" remittanceRows)
    workbook="$run/reports/j3490-worklist-$RUN_DATE.xlsx"
    wb_bytes=$( [ -f "$workbook" ] && stat -c %s "$workbook" || echo 0 )
    peak=$(peak_heap_mb "$run/gc.log")

    read_ms=""
    write_ms=""
    sheets="-"
    if [ "${BENCH_FLOORS:-1}" != 0 ]; then
        log "floor: opencsv read"
        bench_main OpenCsvReadFloor "$input/remittance" > "$run/read-floor.txt"
        read_ms=$(grep -oE 'ms=[0-9]+' "$run/read-floor.txt" | head -1 | cut -d= -f2)
    fi
    if [ "${BENCH_FLOORS:-1}" != 0 ] && [ -f "$workbook" ]; then
        log "floor: SXSSF write (shape of the job's workbook)"
        bench_main SxssfWriteFloor --like "$workbook" "$run/floor.xlsx" > "$run/write-floor.txt"
        write_ms=$(grep -oE '^write-floor .* ms=[0-9]+' "$run/write-floor.txt" | grep -oE 'ms=[0-9]+$' | cut -d= -f2)
        sheets=$(grep -cE '^  sheet "All Lines' "$run/write-floor.txt" || true)
    fi
    if [ -z "${BENCH_KEEP:-}" ]; then
        rm -rf "$run/h2" "$run/floor.xlsx" "$workbook"
    fi

    ratio=$(awk -v j="$wall_ms" -v r="${read_ms:-0}" -v w="${write_ms:-0}" \
        'BEGIN { if (r + w > 0 && w > 0) printf "%.2f", j / (r + w); else print "-" }')
    rate=$(awk -v n="$remit" -v ms="$wall_ms" 'BEGIN { printf "%d", n * 1000 / ms }')
    row="| $remit | $target | $XMX | $rc | $(secs $wall_ms) | $rate | $peak | $(mb "$wb_bytes") | $sheets"
    row+=" | $(secs "$(prop "$run/report.properties" step.inventoryInputs.ms -1)")"
    row+=" | $(secs "$(prop "$run/report.properties" step.reconcileLines.ms -1)")"
    row+=" | $(secs "$(prop "$run/report.properties" step.writeWorkbook.ms -1)")"
    row+=" | $(secs "${read_ms:--1}") | $(secs "${write_ms:--1}") | $ratio |"
    ROWS+=("$row")
    WALLS+=("$wall_ms")
    PEAKS+=("$peak")
    cpu=$(tail -1 "$run/time.txt" 2>/dev/null | awk 'NF == 3 { printf "%.1f s CPU (user %.1f + system %.1f), peak RSS %.0f MB", $1 + $2, $1, $2, $3 / 1024 }')
    DETAILS+=("- $lines ($BACKLOG earlier work items): job $(prop "$run/report.properties" job.status "?"), ${cpu:-CPU not measured (no /usr/bin/time)}, applyBacklog $(secs "$(prop "$run/report.properties" step.applyBacklog.ms -1)") s, GC $(gc_summary "$run/gc.log"), largest heap after any pause (Remark and Cleanup included) $(peak_heap_all_pauses_mb "$run/gc.log") MB; load average before $load_before, after $load_after; all-lines rows $(prop "$run/report.properties" allLinesRows "?"), worklist rows $(prop "$run/report.properties" worklistRows "?"), duplicates $(prop "$run/report.properties" duplicates "?"), rejected $(prop "$run/report.properties" rejectedRows "?"); logs in $run/")
    if [ "$rc" -ne 0 ]; then
        log "job failed; last lines of $run/job.log:"
        tail -5 "$run/job.log" >&2
    fi
done

{
    echo "## Benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "\`BENCH_BACKLOG=$BACKLOG BENCH_XMX=$XMX scripts/bench.sh ${SIZES[*]}\` — $(nproc) cores, $(java -version 2>&1 | head -1), seed $SEED;" \
        "job built from $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src/main 2>/dev/null || echo ' + uncommitted changes')${JOB_OPTS:+; job JVM options: $JOB_OPTS}${JOB_ARGS:+; job arguments: $JOB_ARGS}"
    echo
    echo "$HEADER"
    echo "$RULE"
    printf '%s\n' "${ROWS[@]}"
    echo
    printf '%s\n' "${DETAILS[@]}"
    if [ ${#SIZES[@]} -ge 2 ]; then
        # issue 5's scaling targets, first size against last (100000 and 1000000 by default)
        last=$(( ${#SIZES[@]} - 1 ))
        awk -v a="${SIZES[0]}" -v b="${SIZES[$last]}" -v ta="${WALLS[0]}" -v tb="${WALLS[$last]}" \
            -v pa="${PEAKS[0]}" -v pb="${PEAKS[$last]}" 'BEGIN {
                printf "- scaling, %d lines against %d (%.1fx the lines): wall time %.2fx, peak heap after GC %.2fx\n",
                    b, a, b / a, tb / ta, (pa > 0 ? pb / pa : 0) }'
    fi
    echo
} > "$OUT/results.md"
cat "$OUT/results.md" >> "$OUT/history.md"
cat "$OUT/results.md"

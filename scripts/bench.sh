#!/usr/bin/env bash
# End-to-end throughput of `ingest-emu run` on one generated Okta corpus:
#   floor     `run` with an empty pipeline (`processors: []`) on the JSON records: reading,
#             splitting, parsing each record into a document, serialising it, ordered writing.
#             This is the issue's floor, "parse plus serialise, with no processors"
#   copy      `run --raw` with the empty pipeline: each line becomes {"message": line} unparsed;
#             shown for reference (the I/O and framing cost alone), not used for ratios
#   ours      pipelines/okta on the raw records (skipped with a note when absent)
#   upstream  Elastic's Okta pipeline from ../shared (skipped when absent)
# each with 1 thread and with all cores, REPEAT times, reporting median and spread; then peak RSS
# while streaming >= 1 GB through our Okta pipeline (the floor when it is absent), and the startup
# time of loading + compiling each pipeline.
#
# Environment: COUNT (records, default 30000: long enough that per-process costs such as startup
# and the lazily compiled user-agent patterns, reported separately, do not weigh on throughput),
# REPEAT (default 5), SEED (default 42), BIN (default target/release/ingest-emu),
# SHARED (default ../shared), RSS_BYTES (default 1e9).
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/ingest-emu}
SHARED=${SHARED:-../shared}
COUNT=${COUNT:-30000}
REPEAT=${REPEAT:-5}
SEED=${SEED:-42}
RSS_BYTES=${RSS_BYTES:-1000000000}
CORES=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc)

if [ ! -x "$BIN" ]; then
    echo "error: $BIN not found; run 'cargo build --release' (or 'make build') first" >&2
    exit 2
fi
TIME=/usr/bin/time
if ! "$TIME" -f "%e" true 2>/dev/null; then
    TIME=""
    echo "note: /usr/bin/time (GNU time) not found: CPU time and peak RSS are not reported" >&2
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

CORPUS="$WORK/okta.log"
"$BIN" gen okta --count "$COUNT" --seed "$SEED" --output "$CORPUS"
BYTES=$(wc -c < "$CORPUS")
printf 'processors: []\n' > "$WORK/floor.yml"

# name|pipeline path|entry|input (json: each line is a document; raw: each line is a message)
PIPELINES=("floor|$WORK/floor.yml|floor|json" "copy|$WORK/floor.yml|floor|raw")
if [ -d pipelines/okta ]; then
    PIPELINES+=("ours|pipelines/okta|default|raw")
else
    echo "note: pipelines/okta not found: our Okta pipeline is skipped"
fi
UPSTREAM="$SHARED/conformance/okta/data_stream/system/elasticsearch/ingest_pipeline"
if [ -d "$UPSTREAM" ]; then
    PIPELINES+=("upstream|$UPSTREAM|default|raw")
else
    echo "note: $UPSTREAM not found: Elastic's Okta pipeline is skipped"
fi

echo "corpus: $COUNT Okta records, $(awk -v b="$BYTES" 'BEGIN{printf "%.1f MB", b/1e6}'), seed $SEED"
echo "machine: $CORES cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a) at start"
echo "each figure: median of $REPEAT runs, spread = (max-min)/median of the wall time"
echo

now() { date +%s.%N; }

# Runs one measurement; prints "wall cpu rss_kb".
measure() {
    local out="$WORK/time.out" t0 t1
    t0=$(now)
    if [ -n "$TIME" ]; then
        "$TIME" -f "%U %S %M" -o "$out" "$@" > /dev/null 2> "$WORK/stderr" || true
    else
        "$@" > /dev/null 2> "$WORK/stderr" || true
    fi
    t1=$(now)
    if ! grep -q "^in: " "$WORK/stderr"; then
        echo "error: $* failed:" >&2
        cat "$WORK/stderr" >&2
        exit 1
    fi
    if [ -n "$TIME" ]; then
        awk -v t0="$t0" -v t1="$t1" 'END{printf "%.4f %.2f %d\n", t1-t0, $1+$2, $3}' "$out"
    else
        awk -v t0="$t0" -v t1="$t1" 'BEGIN{printf "%.4f nan 0\n", t1-t0}'
    fi
}

# median, min, max of column $1 of stdin
stats() {
    awk -v c="$1" '{print $c}' | sort -g | awk '{v[NR]=$1} END{
        m = (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%s %s %s\n", m, v[1], v[NR]}'
}

JOBS=(1)
[ "$CORES" -gt 1 ] && JOBS+=("$CORES")
declare -A WALL SPEEDUP
RESULTS="$WORK/results"
: > "$RESULTS"
for spec in "${PIPELINES[@]}"; do
    IFS='|' read -r name path entry input <<< "$spec"
    mode=(); [ "$input" = raw ] && mode=(--raw)
    # One- and all-core runs alternate, so that a slow spell of the machine hits both alike; the
    # speedup is the median of the per-pair ratios.
    : > "$WORK/runs.1"
    : > "$WORK/runs.$CORES"
    : > "$WORK/ratios"
    for _ in $(seq "$REPEAT"); do
        for jobs in "${JOBS[@]}"; do
            measure "$BIN" run -q "${mode[@]}" --jobs "$jobs" -p "$path" --entry "$entry" "$CORPUS" >> "$WORK/runs.$jobs"
        done
        paste -d' ' <(tail -1 "$WORK/runs.1") <(tail -1 "$WORK/runs.$CORES") |
            awk '{ printf "%.4f\n", $1 / $4 }' >> "$WORK/ratios"
    done
    read -r ratio _ _ < <(stats 1 < "$WORK/ratios")
    SPEEDUP["$name/1"]=1
    SPEEDUP["$name/$CORES"]=$ratio
    for jobs in "${JOBS[@]}"; do
        runs="$WORK/runs.$jobs"
        read -r wall wmin wmax < <(stats 1 < "$runs")
        read -r cpu _ _ < <(stats 2 < "$runs")
        read -r rss _ rssmax < <(stats 3 < "$runs")
        WALL["$name/$jobs"]=$wall
        echo "$name $jobs $wall $wmin $wmax $cpu $rssmax" >> "$RESULTS"
    done
done

printf '%-9s %3s %10s %7s %11s %8s %8s %8s %11s %8s\n' \
    pipeline thr "events/s" spread "ev/s/core" "MB/s" "÷floor" "×1thr" "ev/CPU-s" "RSS MB"
while read -r name jobs wall wmin wmax cpu rss; do
    floor=${WALL["floor/$jobs"]}
    speedup=${SPEEDUP["$name/$jobs"]}
    awk -v n="$COUNT" -v b="$BYTES" -v j="$jobs" -v w="$wall" -v lo="$wmin" -v hi="$wmax" \
        -v c="$cpu" -v r="$rss" -v f="$floor" -v x="$speedup" -v name="$name" 'BEGIN{
        eps = n / w
        cpu = (c == "nan") ? "n/a" : sprintf("%.0f", n / c)
        rss = (r > 0) ? sprintf("%.1f", r / 1024) : "n/a"
        share = (name == "copy") ? "-" : sprintf("%.1f%%", 100 * f / w)
        printf "%-9s %3d %10.0f %6.1f%% %11.0f %8.1f %8s %8.2f %11s %8s\n",
            name, j, eps, 100 * (hi - lo) / w, eps / j, b / 1e6 / w, share, x, cpu, rss
    }'
done < "$RESULTS"
echo
echo "floor: each record parsed into a document and serialised, no processors (the issue's floor)."
echo "copy: the same run with lines passed through unparsed as {\"message\": line} (reference only)."
echo "÷floor: throughput as a share of the floor with the same threads."
echo "×1thr: speedup over 1 thread, the median of the ratios of $REPEAT alternating pairs of runs."
echo "ev/CPU-s: events per CPU-second (user+sys), which other load on the machine does not distort."

# Peak RSS while streaming >= RSS_BYTES through our Okta pipeline (else the floor) on all cores.
if [ -n "$TIME" ]; then
    copies=$(( (RSS_BYTES + BYTES - 1) / BYTES ))
    if [ -d pipelines/okta ]; then
        rss_name="our Okta pipeline"; rss_args=(--raw -p pipelines/okta)
    else
        rss_name="the floor"; rss_args=(-p "$WORK/floor.yml")
    fi
    t0=$(now)
    # shellcheck disable=SC2016
    "$TIME" -f "%M" -o "$WORK/rss" sh -c \
        'out=$1 err=$2 n=$3 corpus=$4; shift 4
         for i in $(seq "$n"); do cat "$corpus"; done | "$@" - > "$out" 2> "$err"' \
        sh /dev/null "$WORK/stderr" "$copies" "$CORPUS" "$BIN" run -q "${rss_args[@]}"
    t1=$(now)
    awk -v c="$copies" -v b="$BYTES" -v n="$COUNT" -v t0="$t0" -v t1="$t1" -v what="$rss_name" '{
        printf "\npeak RSS streaming %.2f GB (%d documents) through %s: %.1f MB (%.0f MB/s)\n",
            c * b / 1e9, c * n, what, $1 / 1024, c * b / 1e6 / (t1 - t0) }' "$WORK/rss"
    echo "  $(tail -1 "$WORK/stderr")"
fi

# Startup: loading and compiling each pipeline, measured as a whole run on empty input.
echo
printf '%-9s %14s %14s\n' pipeline "startup wall" "startup CPU"
for spec in "${PIPELINES[@]}"; do
    IFS='|' read -r name path entry input <<< "$spec"
    [ "$name" = copy ] && continue
    runs="$WORK/startup"
    : > "$runs"
    for _ in $(seq "$REPEAT"); do
        measure "$BIN" run -q --raw -p "$path" --entry "$entry" /dev/null >> "$runs"
    done
    read -r wall _ _ < <(stats 1 < "$runs")
    read -r cpu _ _ < <(stats 2 < "$runs")
    awk -v name="$name" -v w="$wall" -v c="$cpu" 'BEGIN{
        printf "%-9s %11.1f ms %11s ms\n", name, w * 1000, (c == "nan") ? "n/a" : sprintf("%.0f", c * 1000) }'
done
echo "(in-process load + compile without process start: the 'load/' criterion benchmarks)"

# The golden-file suites, startup included: what a pipeline author waits for in CI.
echo
printf '%-28s %14s %22s\n' "ingest-emu test" "wall (median)" "min .. max"
for suite in "$SHARED/conformance/okta" "."; do
    [ -e "$suite" ] || continue
    runs="$WORK/suite"
    : > "$runs"
    for _ in $(seq "$REPEAT"); do
        t0=$(now)
        "$BIN" test "$suite" > /dev/null 2>&1 || { echo "error: ingest-emu test $suite failed" >&2; exit 1; }
        t1=$(now)
        awk -v a="$t0" -v b="$t1" 'BEGIN{ printf "%.6f\n", b - a }' >> "$runs"
    done
    read -r wall lo hi < <(stats 1 < "$runs")
    label=$([ "$suite" = "." ] && echo "project suites (okta)" || echo "upstream okta (25 docs)")
    awk -v n="$label" -v w="$wall" -v l="$lo" -v h="$hi" 'BEGIN{
        printf "%-28s %11.1f ms %10.1f .. %5.1f ms\n", n, w * 1000, l * 1000, h * 1000 }'
done

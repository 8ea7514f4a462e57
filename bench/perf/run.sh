#!/bin/sh
# Compiles the LP exporter with -O outside SwiftPM and times it: bench/perf/run.sh [demands]
# LP_PERF_OUT=/tmp/perf also writes the exports to /tmp/perf.{agg,per}.{lp,mps}.
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${TMPDIR:-/tmp}/rampart-lp-perf
swiftc -O -module-name RampartPerf -o "$out" \
    "$root/Sources/RampartCore/Model/Scenario.swift" "$root"/Sources/RampartCore/LP/*.swift "$root/bench/perf/main.swift"
"$out" "$@"

#!/bin/sh
# Compiles bench/quality/main.swift with all of RampartCore, -O, outside SwiftPM (no Vapor):
#   bench/quality/run.sh [OUT]   (default $TMPDIR/rampart-quality-driver)
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-${TMPDIR:-/tmp}/rampart-quality-driver}
swiftc -O -wmo -module-name RampartQuality -o "$out" $(find "$root/Sources/RampartCore" -name '*.swift' | sort) "$root/bench/quality/main.swift"
echo "$out"

#!/usr/bin/env bash
# The main job on the built-in demo data: plan the alliance-demo scenario and print the report.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product rampart >&2
mkdir -p out
.build/release/rampart plan --demo --output out/alliance-demo-plan.json --json
.build/release/rampart plan --demo
echo "(plan file written to out/alliance-demo-plan.json)" >&2

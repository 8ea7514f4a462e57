#!/usr/bin/env bash
# The main job on the embedded default (a SQLite file) with the demo data: plan the alliance-demo
# scenario on the command line, then run the server with the demo scenario and one account per role.
#   scripts/demo.sh            plan report, then the server on http://127.0.0.1:8080 (Ctrl-C stops it)
#   scripts/demo.sh --plan     the plan report only
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product rampart >&2
mkdir -p out
.build/release/rampart plan --demo --output out/alliance-demo-plan.json --json
.build/release/rampart plan --demo
echo "(plan file written to out/alliance-demo-plan.json)" >&2
if [ "${1:-}" = "--plan" ]; then exit 0; fi
exec .build/release/rampart serve --demo --data "${RAMPART_DATA:-out/rampart-demo.sqlite}" --port "${PORT:-8080}"

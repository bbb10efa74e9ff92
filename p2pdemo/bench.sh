#!/usr/bin/env bash
# Runs `p2p bench` from the p2pdemo module alone (without the ./gmplab launcher).
# usage: p2pdemo/bench.sh [bench options, e.g. --js-peer DIR --mib 256]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cp_file="$root/p2pdemo/target/bench.cp"
mvn -B -q -pl p2pdemo -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$cp_file" >&2
exec java -cp "$root/p2pdemo/target/classes:$(cat "$cp_file")" gmplab.p2p.cli.P2pCommand bench "$@"

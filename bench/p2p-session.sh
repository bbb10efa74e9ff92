#!/usr/bin/env bash
# P2P pane benchmark (JMH): milliseconds to record the simulated session again after a click
# (2 and 41 actions), with the registry reads and, as the baseline in the same run, without.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl p2pdemo -am -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
java -cp "p2pdemo/target/test-classes:p2pdemo/target/classes:$(cat p2pdemo/target/bench.cp)" gmplab.p2p.demo.P2pSessionBenchmark

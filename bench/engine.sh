#!/usr/bin/env bash
# Engine benchmark (JMH): events/s for a 1,000,000-goroutine spawn burst, ping-pong and 100,000 parked
# goroutines, against a bare event-loop baseline measured in the same run; heap per parked goroutine.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl simulator -am -DskipTests test-compile
mvn -B -q -pl simulator dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
java -Xmx8g -cp "simulator/target/test-classes:simulator/target/classes:$(cat simulator/target/bench.cp)" gmplab.bench.EngineBenchmark

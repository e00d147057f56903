#!/usr/bin/env bash
# JMH benchmarks of the graders (hwgrade-core/src/test/java/dev/hwgrade/bench/*Benchmark.java): average time per
# answer through the grading engine. Usage: bench/jmh.sh [JMH options, e.g. a benchmark regex]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here/hwgrade-core"
mvn -q -B -Dspotless.check.skip=true test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt > /dev/null
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
exec java -XX:+UseSerialGC -Xss8m -cp "$cp" org.openjdk.jmh.Main "${@:-dev.hwgrade.bench}"

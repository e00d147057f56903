#!/usr/bin/env bash
# Long fuzz run over the readers of untrusted text (expression, quantity, transcript, yaml): the
# generators of FuzzProperties for MINUTES (default 10) split evenly over the readers. Prints
# inputs/s, failures and the largest heap seen per reader; each failing input is shrunk and written
# to target/fuzz-failures/<reader>/ (add it to hwgrade-core/src/test/resources/fuzz/<reader>/ once fixed).
# Usage: bench/fuzz.sh [MINUTES] [READERS]   e.g. bench/fuzz.sh 4 expression,quantity
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# the readers and their fuzz targets live in hwgrade-core
cd hwgrade-core
minutes="${1:-10}"
targets="${2:-}"
mvn -o -q -Dspotless.check.skip=true test-compile
cp="$(mktemp)"
trap 'rm -f "$cp"' EXIT
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" > /dev/null
exec java -Xmx1g -Dfuzz.minutes="$minutes" -Dfuzz.targets="$targets" \
  -cp "target/test-classes:target/classes:$(cat "$cp")" dev.hwgrade.fuzz.FuzzLongRun

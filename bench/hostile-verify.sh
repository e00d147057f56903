#!/usr/bin/env bash
# Time and peak memory of `hwgrade verify` on hostile numbers: 40 lines whose answer is
# 1e-999999999 (exact arithmetic on it would need a billion-digit denominator), then a mix of
# huge powers, factorials and binomials. Each line must come back within the time limit and the
# whole run within a few hundred MB.
# Usage: bench/hostile-verify.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for _ in $(seq 40); do
  echo '{"kind":"expression","key":"5","response":"1e-999999999"}'
done > "$tmp/tiny.jsonl"
cat > "$tmp/mixed.jsonl" <<'JSONL'
{"kind":"expression","key":"5","response":"1e999999999"}
{"kind":"expression","key":"5","response":"10^{999999999}"}
{"kind":"expression","key":"5","response":"10^{-999999999}"}
{"kind":"expression","key":"5","response":"9^{9^{9^9}}"}
{"kind":"expression","key":"5","response":"2^{2^{2^{30}}}"}
{"kind":"expression","key":"5","response":"100000000!"}
{"kind":"expression","key":"x","response":"x^{999999999}"}
{"kind":"expression","key":"1e-999999999","response":"1e-999999998"}
{"kind":"numeric","key":"4 GB","response":"1e-999999999 GB"}
{"kind":"expression","key":"5","response":"\\binom{10^{9}}{5*10^{8}}"}
{"kind":"expression","key":"4k(m+l)","response":"4km + 4kl"}
JSONL
"$here/hwgrade" --version > /dev/null # build once, outside the timing
for name in tiny mixed; do
  /usr/bin/time -f "$name: %e s wall, max RSS %M KB" "$here/hwgrade" verify "$tmp/$name.jsonl" \
    > "$tmp/$name.out"
  python3 - "$tmp/$name.out" <<'PY'
import sys, json, collections
c = collections.Counter(json.loads(l)["verdict"] for l in open(sys.argv[1]))
print("  verdicts:", dict(c))
PY
done

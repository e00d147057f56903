#!/usr/bin/env bash
# End-to-end throughput of `hwgrade verify`, JVM start included.
# Usage: bench/verify-throughput.sh INPUT.jsonl [LINES] [extra hwgrade verify options…]
# INPUT may be verify lines, labelled pairs (gold, pred), labelled short answers (question,
# reference, answer) or the numeric case table.
# Repeats INPUT's lines up to LINES (default 2600), runs ./hwgrade verify on them once to warm
# the build (and make the class-data-sharing archive), then three timed runs; prints the wall time
# of `hwgrade --version` (start-up alone), then wall and CPU time, lines/s and peak memory (max RSS)
# of each verify run. Start-up and the JIT are the launcher's (see README, "Start-up").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
input="${1:?usage: bench/verify-throughput.sh INPUT.jsonl [LINES] [options…]}"
lines="${2:-2600}"
shift $(( $# >= 2 ? 2 : 1 ))
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 - "$input" "$lines" > "$tmp/in.jsonl" <<'PY'
import sys, itertools, json
# Lines in hwgrade verify's format pass as they are; labelled pairs (gold, pred) become key, response.
src = []
for l in open(sys.argv[1], encoding="utf-8"):
    if not l.strip():
        continue
    o = json.loads(l)
    if "gold" in o and "key" not in o:
        o = {"id": o.get("id"), "kind": "expression", "key": o["gold"], "response": o["pred"]}
    elif "reference" in o and "answer" in o and "key" not in o:
        # a labelled short answer (question, reference, answer, label)
        o = {"id": str(len(src)), "kind": "text", "question": o.get("question", ""),
             "key": o["reference"], "response": o["answer"]}
    elif o.get("type") == "read":
        continue  # a numeric case-table row that reads a quantity, not a pair
    elif o.get("type") == "grade":
        o = {k: v for k, v in o.items() if k not in ("type", "verdict") and v is not None}
        o.setdefault("kind", "numeric")
    src.append(json.dumps(o))
for i, l in enumerate(itertools.islice(itertools.cycle(src), int(sys.argv[2]))):
    sys.stdout.write(l + "\n")
PY
"$here/hwgrade" verify "$tmp/in.jsonl" "$@" > /dev/null
for run in 1 2 3; do
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$here/hwgrade" --version > /dev/null
  read -r secs user sys < "$tmp/time"
  echo "hwgrade --version: $secs s wall, $(python3 -c "print(f'{$user+$sys:.2f}')") s CPU"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in 1 2 3; do
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$here/hwgrade" verify "$tmp/in.jsonl" "$@" > "$tmp/out.jsonl"
  read -r secs rss user sys < "$tmp/time"
  out_lines=$(wc -l < "$tmp/out.jsonl")
  python3 -c "import sys; s=float(sys.argv[1]); n=int(sys.argv[2]); print(f'run {sys.argv[4]}: {n} lines in {s:.2f} s wall ({float(sys.argv[5]):.2f} s CPU) = {n/s:.0f} lines/s, max RSS {int(sys.argv[3])//1024} MB')" "$secs" "$out_lines" "$rss" "$run" "$(python3 -c "print($user+$sys)")"
done
python3 - "$tmp/out.jsonl" <<'PY'
import sys, json, collections
c = collections.Counter(json.loads(l)["verdict"] for l in open(sys.argv[1]))
print("verdicts:", dict(c))
PY

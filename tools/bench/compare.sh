#!/usr/bin/env bash
# tools/bench/compare.sh FILTER ROUNDS CMD1 -- CMD2 -- ...
# Alternates benchmark commands (a bench binary,
# optionally `env X=Y bin`), 5 repetitions a round; prints for each benchmark the
# best (max) and the median bytes_per_second (MB/s) over all repetitions.
# On a shared machine the time of one run moves with the host's load;
# alternating the commands and reading the median of many repetitions (and
# the best, which the load can only lower) compares them fairly. Example:
#   tools/bench/compare.sh 'BM_Analyze$' 4 build-a/tools/bench/pipeline_bench \
#       -- build-b/tools/bench/pipeline_bench
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ $# -lt 3 ]; then sed -n '2,12p' "$0"; exit 2; fi
filter=$1; rounds=$2; shift 2
cmds=(); cur=""
for a in "$@"; do if [ "$a" = "--" ]; then cmds+=("$cur"); cur=""; else cur+="$a "; fi; done
[ -n "$cur" ] && cmds+=("$cur")
out=$(mktemp)
for r in $(seq "$rounds"); do
  for i in "${!cmds[@]}"; do
    ${cmds[$i]} "$root/samples" --benchmark_filter="$filter" --benchmark_repetitions=5 --benchmark_format=csv 2>/dev/null | grep -v '_mean\|_median\|_stddev\|_cv' | awk -F, -v c=$i 'NR>1 && $6!="" {printf "%s %s %.3f\n", c, $1, $6/1e6}' >> "$out"
  done
done
/usr/bin/python3 - "$out" "${cmds[@]}" <<'PY'
import sys, statistics, collections
rows = [l.split() for l in open(sys.argv[1])]
cmds = sys.argv[2:]
d = collections.defaultdict(list)
for c, name, v in rows: d[(int(c), name)].append(float(v))
for i, cmd in enumerate(cmds):
    print("==", cmd)
    for (c, name), vs in sorted(d.items()):
        if c == i: print(f"  {name:45s} best {max(vs):7.1f}  median {statistics.median(vs):7.1f}  n={len(vs)}")
PY
rm -f "$out"

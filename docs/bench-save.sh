#!/usr/bin/env bash
# Saving, for docs/BENCHMARKS.md: SaveSession and SaveDraft beside a bare
# bbolt commit, before and after, in interleaved rounds, with this tree's
# floors (SaveFloors), the disk's cost of pages and runs (SyncRuns) and the
# pages a save writes (SavePages).
#
#   docs/bench-save.sh [ROUNDS] [BEFORE]
#
# ROUNDS (default 7) rounds; BEFORE (default main) a git revision whose
# data package's test binary runs SaveRatios in each round just before
# this tree's. Set TMPDIR=/dev/shm to measure without syncs. Prints every
# round's lines, then for each metric the median of the rounds and their
# range.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
before=${2:-main}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/src-before"
git archive "$before" | tar -x -C "$work/src-before"
(cd "$work/src-before" && go test -c -o "$work/before.test" ./data)
go test -c -o "$work/after.test" ./data

log=$work/log
cd data # the test binaries run where go test would run them
for r in $(seq 1 "$rounds"); do
  echo "== round $r $(date -u +%T) load $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$log"
  run() { # who bench benchtime
    "$work/$1.test" -test.run X -test.bench "$2" -test.benchtime "$3" | grep '^Benchmark' | sed "s/^/$1 /" | tee -a "$log"
  }
  run before SaveRatios 300x
  run after SaveRatios 300x
  run after SaveFloors 200x
  run after SyncRuns 200x
  run after SavePages 20x
done

echo "== medians of $rounds rounds (range)"
awk '
  /^(before|after) Benchmark/ {
    who = $1; bench = $2; sub(/-[0-9]+$/, "", bench); sub(/^Benchmark/, "", bench)
    for (i = 4; i < NF; i += 2) if ($(i+1) != "ns/op") {
      k = who " " bench " " $(i+1); n[k]++; v[k, n[k]] = $i
    }
  }
  END {
    for (k in n) {
      m = n[k]
      for (i = 1; i <= m; i++) a[i] = v[k, i] + 0
      for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
      med = (m % 2) ? a[(m+1)/2] : (a[m/2] + a[m/2+1]) / 2
      printf "%-40s %10.3f  (%.3f–%.3f)\n", k, med, a[1], a[m]
    }
  }' "$log" | sort

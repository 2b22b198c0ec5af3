#!/usr/bin/env bash
# Whole-process timings for docs/BENCHMARKS.md. Needs tmux.
#   docs/bench.sh [RUNS]
# Builds attend, then measures, RUNS times each (default 20):
#   - start-up to first frame: from launching `attend` in a tmux pane until the
#     home screen shows a person's name (polled every 2 ms);
#   - `attend export --format json` on the same database.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
work=$(mktemp -d)
trap 'tmux -L attend-bench kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/attend" ./cmd/attend
export ATTEND_DB="$work/attend.db"

# A database with five people and one saved session each, made through the
# real code path (the export test fixture would do as well).
go run ./docs/benchseed "$ATTEND_DB" 5 >/dev/null

ms() { echo $(( ($2 - $1) / 1000000 )); }
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d ms, max %d ms (n=%d)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'; }

# first_frame CMD TEXT: ms from starting CMD in a fresh tmux pane to TEXT on screen.
first_frame() {
  tmux -L attend-bench kill-server 2>/dev/null || true
  sleep 0.05
  local t0 t1
  t0=$(date +%s%N)
  tmux -L attend-bench new-session -d -s b -x 80 -y 24 "$1"
  until tmux -L attend-bench capture-pane -t b -p 2>/dev/null | grep -q "$2"; do sleep 0.002; done
  t1=$(date +%s%N)
  ms "$t0" "$t1"
}

echo "baseline, tmux showing the output of printf (subtract it from the next line):"
for _ in $(seq "$runs"); do first_frame "printf 'Person 1'; sleep 5" "Person 1"; done | stats
echo "start-up to first frame with the people listed:"
for _ in $(seq "$runs"); do first_frame "env ATTEND_DB=$ATTEND_DB TERM=xterm-256color $work/attend" "Person 1"; done | stats
tmux -L attend-bench kill-server 2>/dev/null || true

echo "attend export --format json:"
for _ in $(seq "$runs"); do
  t0=$(date +%s%N); "$work/attend" export --format json >/dev/null; t1=$(date +%s%N)
  ms "$t0" "$t1"
done | stats

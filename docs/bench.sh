#!/usr/bin/env bash
# Measurements for docs/BENCHMARKS.md, as ratios measured in the same run
# (the machine may be shared and noisy: compare only numbers from one run).
#
#   docs/bench.sh [RUNS] [BEFORE]
#
# RUNS (default 5) is how many interleaved rounds; BEFORE, a git revision
# (such as 6367c38), adds the attend of that revision side by side, each
# with demo databases it made itself (an older attend cannot open a newer
# file). Needs tmux for the start-up lines; ripgrep (rg) if installed,
# else grep is the search floor (the table says which).
#
# It builds attend (and benchtool), makes the 10,000- and 100,000-session
# demo databases (attend demo --seed 1), writes their notes as a plain-text
# twin (one line per session), then prints:
#   - the table of whole-process timings and ratios (docs/benchtool table);
#   - file and index sizes against the text;
#   - start-up to the home screen at 100,000 sessions in tmux, beside a
#     trivial program measured the same way;
#   - SaveSession and SaveDraft beside a bare bbolt commit of the same bytes
#     (go test benchmarks, run together).
# Set WORK=DIR to keep (and reuse) the databases between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
# attend as the README installs it: a static binary (CGO_ENABLED=0), which
# starts about 1 ms sooner than one linked to the C library; the floors
# (docs/benchtool) are static too.
export CGO_ENABLED=0
runs=${1:-5}
before=${2:-}
work=${WORK:-$(mktemp -d)}
cleanup() {
  tmux -L attend-bench kill-server 2>/dev/null || true
  [ -n "${WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/after"
go build -o "$work/after/attend" ./cmd/attend
go build -o "$work/benchtool" ./docs/benchtool
variants=after
if [ -n "$before" ]; then
  rm -rf "$work/src-before" && mkdir -p "$work/src-before" "$work/before"
  git archive "$before" | tar -x -C "$work/src-before"
  (cd "$work/src-before" && go build -o "$work/before/attend" ./cmd/attend)
  variants=before,after
fi
for v in ${variants//,/ }; do
  for n in 10000 100000; do
    db="$work/$v/d$((n / 1000))k.db"
    if [ ! -e "$db" ]; then
      echo "making $db" >&2
      /usr/bin/time -f "$v: attend demo --sessions $n: %e s" "$work/$v/attend" demo --db "$db" --sessions "$n" --seed 1 >/dev/null
    fi
  done
done
for sz in 10k 100k; do
  [ -e "$work/twin$sz.txt" ] || "$work/benchtool" twin "$work/after/d$sz.db" "$work/twin$sz.txt"
done

echo "## Whole process ($(nproc) cores, $(uname -sr), $(go version | cut -d' ' -f3))"
"$work/benchtool" table -dir "$work" -runs "$runs" -variants "$variants"

echo
echo "## Peak Go heap of attend export --format json at 100,000 sessions (largest heap at a GC, GODEBUG=gctrace=1)"
for v in ${variants//,/ }; do
  peak=$(GODEBUG=gctrace=1 "$work/$v/attend" export --db "$work/$v/d100k.db" --format json 2>&1 >/dev/null |
    grep -o '[0-9]*->[0-9]*->[0-9]* MB' | tr -s '>-' ' ' | awk '{for (i = 1; i <= 3; i++) if ($i > m) m = $i} END {print m + 0}')
  echo "$v: ${peak} MB"
done

echo
echo "## Sizes (pages in use per bucket)"
for v in ${variants//,/ }; do
  echo "### $v 100k"
  "$work/benchtool" stats "$work/$v/d100k.db"
done

# first_frame CMD TEXT: ms from starting CMD in a fresh tmux pane to TEXT on screen.
ms() { echo $(( ($2 - $1) / 1000000 )); }
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d ms, max %d ms (n=%d)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'; }
first_frame() {
  tmux -L attend-bench kill-server 2>/dev/null || true
  sleep 0.05
  local t0 t1
  t0=$(date +%s%N)
  tmux -L attend-bench new-session -d -s b -x 80 -y 24 "$1"
  until tmux -L attend-bench capture-pane -t b -p 2>/dev/null | grep -qF "$2"; do sleep 0.002; done
  t1=$(date +%s%N)
  ms "$t0" "$t1"
}
if command -v tmux >/dev/null; then
  echo
  echo "## Start-up to the home screen at 100,000 sessions (tmux, 80x24)"
  for v in ${variants//,/ }; do
    db="$work/$v/d100k.db"
    # A name the home screen shows: the first demo name on it once settled.
    tmux -L attend-bench kill-server 2>/dev/null || true
    tmux -L attend-bench new-session -d -s b -x 80 -y 24 "env TERM=xterm-256color $work/$v/attend --db $db"
    sleep 3
    screen=$(tmux -L attend-bench capture-pane -t b -p)
    # All the names first: a loop that stops at the first match would cut
    # the pipe while sort still writes, and pipefail would end the script.
    names=$("$work/$v/attend" log --db "$db" --limit 3000 | awk -F'  ' '{print $3}' | sort -u)
    name=$(while read -r n; do
      if grep -qF "$n" <<<"$screen"; then echo "$n"; break; fi
    done <<<"$names")
    trivial=() app=()
    for _ in $(seq "$runs"); do
      trivial+=("$(first_frame "sh -c 'echo ready; sleep 5'" ready)")
      app+=("$(first_frame "env TERM=xterm-256color $work/$v/attend --db $db" "$name")")
    done
    echo "$v: trivial program $(printf '%s\n' "${trivial[@]}" | stats)"
    echo "$v: attend home (until \"$name\" shows) $(printf '%s\n' "${app[@]}" | stats)"
  done
  tmux -L attend-bench kill-server 2>/dev/null || true
fi

echo
echo "## Saving, beside a bare bbolt commit of the same bytes (in process, 10,000-session fixture)"
go test ./data -run X -bench 'SaveSession$|SaveDraft$|BareCommit$|BareOpenCommit$' -benchtime 200x -count "$runs" |
  awk '/^Benchmark/ {sub(/-[0-9]+$/, "", $1); t[$1] = t[$1] " " $3} END {for (k in t) print k ":" t[k] " ns/op"}' | sort

#!/usr/bin/env bash
# Start-up to the home screen in tmux, interleaved round by round:
#
#   docs/bench-start.sh ROUNDS DB NAME ATTEND [ATTEND...]
#
# Each round starts, in a fresh 80x24 tmux pane, a trivial program (the
# floor), a hello-world Bubble Tea program (docs/benchhello, the peer),
# then each ATTEND binary on DB, and times each until its first words
# (NAME, a name the home screen shows) are on screen. Prints one line per
# round (ms: trivial, hello, each attend), then the medians of each minus
# the trivial program, per round.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=$1 db=$2 name=$3
shift 3
hello=$(mktemp -d)/benchhello
go build -o "$hello" ./docs/benchhello
ff() {
  tmux -L attend-start kill-server 2>/dev/null || true
  sleep 0.05
  local t0 t1
  t0=$(date +%s%N)
  tmux -L attend-start new-session -d -s b -x 80 -y 24 "$1"
  until tmux -L attend-start capture-pane -t b -p 2>/dev/null | grep -qF "$2"; do sleep 0.002; done
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
out=$(for _ in $(seq "$rounds"); do
  line="$(ff "sh -c 'echo ready; sleep 5'" ready) $(ff "env TERM=xterm-256color $hello" "Hello ready")"
  for a in "$@"; do line+=" $(ff "env TERM=xterm-256color $a --db $db" "$name")"; done
  echo "$line"
done)
tmux -L attend-start kill-server 2>/dev/null || true
echo "$out"
cols=$(($# + 2))
for c in $(seq 2 "$cols"); do
  awk -v c="$c" '{print $c - $1}' <<<"$out" | sort -n |
    awk -v c="$c" '{a[NR]=$1} END {printf "column %d minus the trivial program: median %d ms, min %d ms\n", c, a[int((NR+1)/2)], a[1]}'
done

#!/usr/bin/env bash
# The show and actions rows of docs/BENCHMARKS.md, alone and with more
# rounds than docs/bench.sh gives them:
#
#   WORK=DIR docs/bench-listing.sh [ROUNDS] [OLD [MAIN]]
#
# builds this tree's attend (after), and OLD (d8044dc: schema 5, with its own
# demo files) and MAIN (42b90eb: schema 6, reading after's files) if given;
# makes the 10,000- and 100,000-session demos (attend demo --seed 1) once in
# WORK; then runs, round after round (default 300), the floor
# (benchtool floor-summaries) on each set of files, `attend show` of the
# newest session and `attend actions` of each build, and `attend --version`
# (start-up alone), each against the floor of the files it reads
# (benchtool rounds).
set -euo pipefail
cd "$(dirname "$0")/.."
# attend as the README installs it: a static binary (CGO_ENABLED=0), which
# starts about 1 ms sooner than one linked to the C library; the floors
# (docs/benchtool) are static too.
export CGO_ENABLED=0
runs=${1:-300}
old=${2:-}
main=${3:-}
work=${WORK:?set WORK to a folder to keep the demo files in}
mkdir -p "$work/after"
go build -o "$work/after/attend" ./cmd/attend
go build -o "$work/benchtool" ./docs/benchtool
build() { # build REV DIR
  rm -rf "$work/src-$2" && mkdir -p "$work/src-$2" "$work/$2"
  git archive "$1" | tar -x -C "$work/src-$2"
  (cd "$work/src-$2" && go build -o "$work/$2/attend" ./cmd/attend)
}
[ -z "$old" ] || build "$old" old
[ -z "$main" ] || build "$main" main
for v in after ${old:+old}; do
  for n in 10000 100000; do
    db="$work/$v/d$((n / 1000))k.db"
    [ -e "$db" ] || "$work/$v/attend" demo --db "$db" --sessions "$n" --seed 1 >/dev/null
  done
done
args=()
i=0
add() { args+=("$@" ';;'); i=$((i + 1)); }
for sz in 10k 100k; do
  a="$work/after/d$sz.db"
  fa=$i; add "floor-$sz" "$work/benchtool" floor-summaries "$a"
  id=$("$work/after/attend" log --db "$a" --limit 1 | cut -d' ' -f1)
  if [ -n "$old" ]; then
    o="$work/old/d$sz.db"
    fo=$i; add "floor-old-$sz" "$work/benchtool" floor-summaries "$o"
    oid=$("$work/old/attend" log --db "$o" --limit 1 | cut -d' ' -f1)
    add "show-$old-$sz%$fo" "$work/old/attend" show "$oid" --db "$o"
    add "actions-$old-$sz%$fo" "$work/old/attend" actions --db "$o"
  fi
  if [ -n "$main" ]; then
    add "show-$main-$sz%$fa" "$work/main/attend" show "$id" --db "$a"
    add "actions-$main-$sz%$fa" "$work/main/attend" actions --db "$a"
  fi
  add "show-after-$sz%$fa" "$work/after/attend" show "$id" --db "$a"
  add "actions-after-$sz%$fa" "$work/after/attend" actions --db "$a"
  [ "$sz" != 100k ] || add "version-after%$fa" "$work/after/attend" --version
done
unset 'args[${#args[@]}-1]'
echo "$(nproc) cores, $(uname -sr), $(go version | cut -d' ' -f3); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$work/benchtool" rounds "$runs" "${args[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# The show and actions rows of docs/BENCHMARKS.md, alone and with more
# rounds than docs/bench.sh gives them:
#
#   WORK=DIR docs/bench-listing.sh [ROUNDS] [OLD [MAIN]]
#
# builds this tree's attend (after), and OLD (d8044dc: schema 5) and MAIN
# (an earlier main) if given, each making its own 10,000- and
# 100,000-session demos (attend demo --seed 1) once in WORK; then runs,
# round after round (default 300), the floor (benchtool floor-summaries) on
# each set of files, and each build's `attend show` of the newest session,
# `attend actions`, `attend log --person` (that session's person) and
# `attend log --limit 50`, and `attend --version` (start-up alone), each
# against the floor of the files it reads (benchtool rounds).
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
for v in after ${old:+old} ${main:+main}; do
  for n in 10000 100000; do
    db="$work/$v/d$((n / 1000))k.db"
    [ -e "$db" ] || "$work/$v/attend" demo --db "$db" --sessions "$n" --seed 1 >/dev/null
  done
done
args=()
i=0
add() { args+=("$@" ';;'); i=$((i + 1)); }
# Each build reads demo files it made itself (a schema may differ), against
# the floor of those files: show of the newest session, actions, log
# --person (the newest session's person) and log --limit 50.
for sz in 10k 100k; do
  for v in ${old:+old} ${main:+main} after; do
    case $v in old) rev=$old ;; main) rev=$main ;; *) rev=after ;; esac
    db="$work/$v/d$sz.db"
    f=$i; add "floor-$rev-$sz" "$work/benchtool" floor-summaries "$db"
    line=$("$work/$v/attend" log --db "$db" --limit 1)
    id=$(echo "$line" | cut -d' ' -f1)
    who=$(echo "$line" | awk -F'  ' '{print $3}')
    add "show-$rev-$sz%$f" "$work/$v/attend" show "$id" --db "$db"
    add "actions-$rev-$sz%$f" "$work/$v/attend" actions --db "$db"
    add "person-$rev-$sz%$f" "$work/$v/attend" log --db "$db" --person "$who" --limit 50
    add "limit-$rev-$sz%$f" "$work/$v/attend" log --db "$db" --limit 50
    [ "$sz" != 100k ] || [ "$v" = old ] || add "version-$rev%$f" "$work/$v/attend" --version
  done
done
unset 'args[${#args[@]}-1]'
echo "$(nproc) cores, $(uname -sr), $(go version | cut -d' ' -f3); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$work/benchtool" rounds "$runs" "${args[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

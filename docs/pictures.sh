#!/usr/bin/env bash
# docs/pictures.sh: the README's pictures, from real runs of attend.
#
# It builds attend, makes a demo database of made-up people (never your
# own), drives the app in a 100x30 tmux pane on a private tmux server, and
# turns each screen, colours and all, into an SVG with freeze
# (github.com/charmbracelet/freeze) in docs/img/. Run it by hand from the
# repository after a change to the screens, look at the pictures, and commit
# them:
#
#   bash docs/pictures.sh
#
# It needs tmux and Go (freeze is fetched from the Go module proxy once, at
# a pinned version). CI never runs it. The dates on the screens are today's:
# demo sessions are made relative to the day it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
out=$repo/docs/img
freeze_version=v0.2.2
cols=100 rows=30
fonts="ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace"

work=$(mktemp -d "${TMPDIR:-/tmp}/attend-pictures.XXXXXX")
sock=$work/tmux.sock
tm() { tmux -u -S "$sock" "$@"; }
cleanup() {
  tm kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building attend and freeze $freeze_version"
go build -o "$work/attend" ./cmd/attend
GOBIN=$work go install "github.com/charmbracelet/freeze@$freeze_version"

echo "== a demo database (made-up people only)"
db=$work/demo.db
"$work/attend" demo --db "$db" --sessions 60 --seed 1

# The app runs with a clean environment of its own: no database, prompt
# pack or language of yours can reach it, and it has nowhere else to write.
mkdir -p "$work/home" "$work/xdg"
tm -f /dev/null new-session -d -s pics -x "$cols" -y "$rows" -- \
  env -i PATH="$PATH" HOME="$work/home" TERM=xterm-256color COLORTERM=truecolor \
  LANG=C.UTF-8 XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/xdg" \
  "$work/attend" --db "$db" --lang en
tm set-option -t pics remain-on-exit on >/dev/null

screen() { tm capture-pane -t pics -p "$@"; }
keys() { tm send-keys -t pics -- "$@"; sleep 0.3; }
typed() { tm send-keys -t pics -l -- "$*"; sleep 0.3; }

# wait_for TEXT: wait up to 10 s for the screen to show TEXT.
wait_for() {
  for _ in $(seq 100); do
    if screen | grep -qF -- "$1"; then
      sleep 0.3 # let the frame finish drawing
      return 0
    fi
    sleep 0.1
  done
  echo "pictures.sh: the screen never showed \"$1\"; it shows:" >&2
  screen >&2
  exit 1
}

# shoot NAME: the screen as it is now, in colour, as docs/img/NAME.svg.
shoot() {
  screen -e >"$work/$1.ansi"
  # A font family other than freeze's own is named rather than embedded:
  # each picture stays a few kilobytes, and every viewer draws it with a
  # monospace font it has.
  "$work/freeze" --language ansi --window --padding 20,40 --margin 0 \
    --border.radius 8 --font.size 14 --line-height 1.3 \
    --font.family "$fonts" \
    --output "$out/$1.svg" "$work/$1.ansi" >/dev/null
  echo "   docs/img/$1.svg"
}

mkdir -p "$out"
echo "== driving attend"
wait_for "Your people"
shoot home

# Last time: the prep of someone met before opens on it.
keys Enter
wait_for "Last time:"
shoot last-time

# The quick prep: a rating and a first answer.
keys Tab
wait_for "How much energy do you have right now?"
keys 3
keys Tab Tab
typed "The budget meeting this afternoon: it can wait an hour."
wait_for "draft saved"
shoot quick-prep
keys Escape
wait_for "Your people"

# The meeting record, from history: the newest session, then r.
keys h
wait_for "History: everyone"
keys Enter
wait_for "THE MEETING RECORD"
keys r
wait_for "the record with"
shoot record
keys Escape
keys Escape
keys Escape
wait_for "Your people"

# The team at a glance.
keys t
wait_for "Team at a glance"
shoot team

keys Escape
keys q
echo "== done: look at docs/img/*.svg before committing them"
